/**
 * The real tool checks our output: every synthesized stack of the example
 * organization goes through terraform init, validate and an offline plan.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthOrg } from '../helpers/synth';
import { checkStacks, findProviderMirror, findTerraform, offlineCopy, writeCliConfig, type StackCheck } from '../helpers/terraform';

const { outdir, stacks, manifest } = synthOrg();

describe('offline copy', () => {
  test('drops backend and assume_role and adds the skip flags, leaving the synthesized stack untouched', () => {
    const copy = offlineCopy(stacks.prod);
    expect(copy.terraform.backend).toBeUndefined();
    for (const provider of copy.provider.aws) {
      expect(provider.assume_role).toBeUndefined();
      expect(provider.skip_requesting_account_id).toBe(true);
    }
    expect(stacks.prod.terraform.backend?.s3).toBeDefined();
    expect(stacks.prod.provider.aws[0].assume_role).toHaveLength(1);
  });
});

describe('terraform validate and offline plan, every stack', () => {
  let terraform: string | undefined;
  const results = new Map<string, StackCheck>();

  beforeAll(async () => {
    terraform = await findTerraform();
    if (!terraform) {
      console.warn('SKIPPED offline terraform checks: no `terraform` binary on PATH. Install terraform 1.11 to run them.');
      return;
    }
    const mirror = findProviderMirror();
    if (!mirror) console.warn('No local provider mirror found: terraform init will try the registry.');
    const cliConfig = writeCliConfig(mkdtempSync(join(tmpdir(), 'lz-tfrc-')), mirror);
    const files = Object.fromEntries(
      Object.entries(manifest.stacks).map(([name, s]) => [name, join(outdir, s.synthesizedStackPath)]),
    );
    for (const result of await checkStacks(files, cliConfig)) results.set(result.stack, result);
  }, 300_000);

  test.each(Object.keys(stacks).sort())('%s: init, validate and plan succeed', (stack) => {
    if (!terraform) return; // skipped, said so in beforeAll
    const result = results.get(stack)!;
    if (!result.ok) throw new Error(`terraform ${result.step} failed for ${stack}:\n${result.output}`);
    expect(result.summary).toMatch(/^Plan: [1-9]\d* to add, 0 to change, 0 to destroy\.$/);
  });
});
