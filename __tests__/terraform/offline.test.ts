/**
 * The real tool checks our output: every synthesized stack of the example
 * organization goes through terraform init, validate and an offline plan.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthOrg } from '../helpers/synth';
import { checkStacks, findProviderMirror, findTerraform, offlineModule, offlineRoot, planSummaries, writeCliConfig, type StackCheck } from '../helpers/terraform';

const { outdir, stacks, manifest } = synthOrg();

describe('offline copy', () => {
  test('a stack becomes a child module without backend or provider blocks, leaving the synthesized stack untouched', () => {
    const { module, providers } = offlineModule(stacks.prod);
    expect(module.terraform.backend).toBeUndefined();
    expect(module.provider).toBeUndefined();
    expect(module.terraform.required_providers.aws.configuration_aliases).toEqual(['aws.eu-central-1']);
    expect(providers).toEqual([{ alias: undefined, region: 'eu-west-1' }, { alias: 'eu-central-1', region: 'eu-central-1' }]);
    expect(stacks.prod.terraform.backend?.s3).toBeDefined();
    expect(stacks.prod.provider.aws[0].assume_role).toHaveLength(1);
  });

  test('the root passes each stack offline providers: skip flags, fake credentials, no assume_role', () => {
    const root = offlineRoot({ prod: offlineModule(stacks.prod).providers, dev: offlineModule(stacks.dev).providers });
    expect(root.module).toEqual({
      prod: { source: './prod', providers: { aws: 'aws', 'aws.eu-central-1': 'aws.eu-central-1' } },
      dev: { source: './dev', providers: { aws: 'aws' } },
    });
    expect(root.provider.aws.map((p: any) => [p.alias, p.region, p.skip_requesting_account_id, p.assume_role])).toEqual([
      [undefined, 'eu-west-1', true, undefined],
      ['eu-central-1', 'eu-central-1', true, undefined],
    ]);
  });

  test('fails when two stacks give one provider configuration different regions', () => {
    expect(() => offlineRoot({ a: [{ region: 'eu-west-1' }], b: [{ region: 'us-east-1' }] })).toThrow(
      'stacks disagree on the region of provider (default): eu-west-1 and us-east-1 (b)',
    );
  });
});

describe('plan summaries', () => {
  test("counts each stack's planned changes from the plan's JSON messages", () => {
    const change = (addr: string, action: string) =>
      JSON.stringify({ type: 'planned_change', change: { resource: { addr, module: addr.split('.').slice(0, 2).join('.') }, action } });
    const lines = [
      change('module.prod.aws_s3_bucket.b', 'create'),
      change('module.prod.aws_kms_key.k', 'update'),
      change('module.dev.aws_iam_role.r', 'replace'),
      change('module.dev.aws_iam_role.old', 'delete'),
      JSON.stringify({ type: 'change_summary', changes: { add: 2 } }),
    ].join('\n');
    expect(planSummaries(lines, ['prod', 'dev', 'auth'])).toEqual(
      new Map([
        ['prod', '1 to add, 1 to change, 0 to destroy'],
        ['dev', '1 to add, 0 to change, 2 to destroy'],
        ['auth', '0 to add, 0 to change, 0 to destroy'],
      ]),
    );
  });
});

describe('terraform validate and offline plan, every stack', () => {
  let terraform: string | undefined;
  let cliConfig: string;
  const results = new Map<string, StackCheck>();

  beforeAll(async () => {
    terraform = await findTerraform();
    if (!terraform) {
      console.warn('SKIPPED offline terraform checks: no `terraform` binary on PATH. Install terraform 1.11 to run them.');
      return;
    }
    const mirror = findProviderMirror();
    if (!mirror) console.warn('No local provider mirror found: terraform init will try the registry.');
    cliConfig = writeCliConfig(mkdtempSync(join(tmpdir(), 'lz-tfrc-')), mirror);
    const files = Object.fromEntries(
      Object.entries(manifest.stacks).map(([name, s]) => [name, join(outdir, s.synthesizedStackPath)]),
    );
    for (const result of await checkStacks(files, cliConfig)) results.set(result.stack, result);
  }, 300_000);

  test('a stack Terraform rejects fails, with the error, and its group is not reported as passed', async () => {
    if (!terraform) return;
    const dir = mkdtempSync(join(tmpdir(), 'lz-tf-bad-'));
    const bad = structuredClone(stacks.bootstrap) as any;
    bad.resource.aws_s3_bucket[Object.keys(bad.resource.aws_s3_bucket)[0]].no_such_argument = true;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const results = await checkStacks({ bad: join(dir, 'bad.json'), good: join(outdir, manifest.stacks.bootstrap.synthesizedStackPath) }, cliConfig);
    const byStack = new Map(results.map((r) => [r.stack, r]));
    expect(byStack.get('bad')).toMatchObject({ ok: false, step: 'validate' });
    expect(byStack.get('bad')!.output).toContain('no_such_argument');
    expect(byStack.get('good')).toMatchObject({ ok: false, output: 'not checked past validate: bad failed in the same group' });
  }, 120_000);

  test.each(Object.keys(stacks).sort())('%s: init, validate and plan succeed', (stack) => {
    if (!terraform) return; // skipped, said so in beforeAll
    const result = results.get(stack)!;
    if (!result.ok) throw new Error(`terraform ${result.step} failed for ${stack}:\n${result.output}`);
    expect(result.summary).toMatch(/^[1-9]\d* to add, 0 to change, 0 to destroy$/);
  });
});
