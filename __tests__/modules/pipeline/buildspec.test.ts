import { parse } from 'yaml';
import { deployBuildspec, planBuildspec, renderBuildspec, shards, summaryBuildspec, synthBuildspec } from '../../../modules/pipeline/buildspec';
import { buildIdentifier, deployWaves, stackGraph, type StackNode } from '../../../modules/pipeline/stack-graph';

const graph: StackNode[] = [
  { name: 'bootstrap', dependsOn: [] },
  { name: 'management', dependsOn: ['bootstrap'] },
  { name: 'logging', dependsOn: ['management'] },
  { name: 'auth', dependsOn: ['logging'] },
  { name: 'payments-prod', dependsOn: ['logging'] },
];
const options = { terraformVersion: '1.11.4', roleName: 'acme-pci-deploy' };

describe('stack graph', () => {
  test('deploy waves: bootstrap, management, logging, then the other accounts together', () => {
    expect(deployWaves(graph)).toEqual([['bootstrap'], ['management'], ['logging'], ['auth', 'payments-prod']]);
  });

  test('fails on a dependency cycle, naming the stacks', () => {
    expect(() => deployWaves([{ name: 'a', dependsOn: ['b'] }, { name: 'b', dependsOn: ['a'] }])).toThrow('dependency cycle among stacks: a, b');
  });

  test('reads names and dependencies from stacks, dropping dependencies outside the list', () => {
    const a = { node: { id: 'a' }, dependencies: [] };
    const b = { node: { id: 'b' }, dependencies: [a, a, { node: { id: 'gone' }, dependencies: [] }] };
    expect(stackGraph([b, a])).toEqual([{ name: 'a', dependsOn: [] }, { name: 'b', dependsOn: ['a'] }]);
  });

  test('batch identifiers hold only letters, digits and underscores', () => {
    expect(buildIdentifier('apply', 'payments-prod')).toBe('apply_payments_prod');
  });
});

describe('build specs', () => {
  test('plan: one build per stack, in deploy order, under the plan role', () => {
    const spec = parse(renderBuildspec(planBuildspec(graph, { ...options, roleName: 'acme-pci-plan' })));
    expect(spec.batch['build-list'].map((b: any) => [b.identifier, b.env.variables.STACKS])).toEqual([
      ['plan_bootstrap', 'bootstrap'],
      ['plan_management', 'management'],
      ['plan_logging', 'logging'],
      ['plan_auth', 'auth'],
      ['plan_payments_prod', 'payments-prod'],
    ]);
    expect(spec.phases.build.commands).toEqual(['npm run plan -- $STACKS']);
    expect(spec.env.variables.LZ_ROLE_NAME).toBe('acme-pci-plan');
  });

  test('plan: over 100 stacks, builds take several stacks each and stay within the batch limit', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ name: `acct-${i}`, dependsOn: [] }));
    const builds = planBuildspec(many, options).batch!['build-list']!;
    expect(builds.length).toBeLessThanOrEqual(100);
    expect(builds.flatMap((b) => b.env!.variables.STACKS!.split(' '))).toHaveLength(250);
    expect(new Set(builds.map((b) => b.identifier)).size).toBe(builds.length);
  });

  test('shards keeps every stack, in order', () => {
    expect(shards(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'b', 'c'], ['d', 'e']]);
    expect(shards([], 100)).toEqual([]);
  });

  test('deploy: a build graph following the dependencies, applying saved plans only', () => {
    const spec = parse(renderBuildspec(deployBuildspec(graph, options)));
    expect(spec.batch['build-graph']).toEqual([
      { identifier: 'apply_bootstrap', env: { variables: { STACKS: 'bootstrap' } } },
      { identifier: 'apply_management', env: { variables: { STACKS: 'management' } }, 'depend-on': ['apply_bootstrap'] },
      { identifier: 'apply_logging', env: { variables: { STACKS: 'logging' } }, 'depend-on': ['apply_management'] },
      { identifier: 'apply_auth', env: { variables: { STACKS: 'auth' } }, 'depend-on': ['apply_logging'] },
      { identifier: 'apply_payments_prod', env: { variables: { STACKS: 'payments-prod' } }, 'depend-on': ['apply_logging'] },
    ]);
    expect(spec.phases.build.commands).toEqual(['LZ_PLANS_DIR="$CODEBUILD_SRC_DIR_plans" npm run apply -- $STACKS']);
    expect(spec.artifacts).toBeUndefined();
  });

  test('deploy: over 100 stacks, one build applies them wave by wave', () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ name: `acct-${i}`, dependsOn: [] }));
    expect(deployBuildspec(many, options).batch).toEqual({ 'build-list': [{ identifier: 'apply_all', env: { variables: { STACKS: '' } } }] });
  });

  test('synth: lockfile install, tests, synth; terraform pinned', () => {
    const spec = synthBuildspec('1.11.4');
    expect(spec.phases.install!.commands).toEqual(['npm ci --no-audit --no-fund', 'bash scripts/install-terraform.sh 1.11.4']);
    expect(spec.phases.build.commands).toEqual(['npm test', 'npm run synth']);
  });

  test('no ${...} in any spec: Terraform would take it for an interpolation', () => {
    const all = [synthBuildspec('1.11.4'), planBuildspec(graph, options), deployBuildspec(graph, options), summaryBuildspec({ bucket: 'b', region: 'eu-west-1' })];
    for (const spec of all) expect(renderBuildspec(spec)).not.toMatch(/\$\{/);
  });
});
