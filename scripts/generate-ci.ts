/**
 * Writes the merge-request CI files (GitHub Actions, GitLab CI) for the organization
 * in accounts/, with the stack list of its synthesis:
 *
 *   npm run ci:generate
 *
 * Run it after adding or removing an account; a test fails while the files are stale.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Naming, organization } from '../accounts';
import { githubWorkflows, gitlabCi } from '../modules/pipeline/ci-workflows';
import { stackGraph } from '../modules/pipeline/stack-graph';
import { synthesize } from '../stacks/app';

const outdir = mkdtempSync(join(tmpdir(), 'lz-ci-'));
try {
  const zone = synthesize(organization, { outdir });
  const names = new Naming(zone.bootstrap.org);
  const graph = stackGraph(zone.all);
  const { github, gitlab } = names.org.pipeline.ci;
  const files = [...(github ? githubWorkflows(names, graph) : []), ...(gitlab ? [gitlabCi(names, graph)] : [])];
  const root = resolve(__dirname, '..');
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.content);
    console.log(`wrote ${file.path}`);
  }
  if (files.length === 0) console.log('pipeline.ci names neither github nor gitlab: no CI file written.');
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
