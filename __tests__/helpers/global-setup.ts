/**
 * Jest global setup: synthesizes the example organization once for the whole run,
 * so the test files that read it (most of them) do not each synthesize it again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleOrganization } from '../../accounts/example';
import { synthesize } from '../../stacks/app';
import { EXAMPLE_OUTDIR_ENV } from './synth';

export default function globalSetup(): void {
  const outdir = mkdtempSync(join(tmpdir(), 'lz-example-'));
  synthesize(exampleOrganization, { outdir });
  process.env[EXAMPLE_OUTDIR_ENV] = outdir;
}
