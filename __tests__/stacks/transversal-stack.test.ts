import { parse } from 'yaml';
import { actionsIn, simulate, unknownActions } from '../helpers/iam';
import { exampleCopy, onlyResource, parsePolicy, resources, synthOrg, type StackJson } from '../helpers/synth';

const { stacks, manifest } = synthOrg();
const transversal = stacks.transversal!;
const ACCOUNT = '444444444444';
const BUCKET = 'acme-pci-pipeline-444444444444-eu-west-1';

const pipelineResources = (stack: StackJson, type: string) =>
  Object.values(resources(stack, type)).filter((r: any) => (r['//']?.metadata?.path ?? '').startsWith('transversal/pipeline/') || (r['//']?.metadata?.path ?? '').startsWith('transversal/ci/'));
const keyRef = (stack: StackJson) => `\${aws_kms_key.${Object.keys(resources(stack, 'aws_kms_key')).find((k) => k.startsWith('pipeline_key'))}.arn}`;
const roleNamed = (name: string): any => Object.values(resources(transversal, 'aws_iam_role')).find((r: any) => r.name === name);
const inlinePolicyOf = (roleKey: string): any => {
  const key = Object.keys(resources(transversal, 'aws_iam_role')).find((k) => resources(transversal, 'aws_iam_role')[k].name === roleKey)!;
  const policies = Object.values(resources(transversal, 'aws_iam_role_policy')).filter((p: any) => p.role === `\${aws_iam_role.${key}.name}`);
  expect(policies).toHaveLength(1);
  return parsePolicy((policies[0] as any).policy);
};
const projects = Object.fromEntries(Object.values(resources(transversal, 'aws_codebuild_project')).map((p: any) => [p.name, p]));
const pipeline = onlyResource(transversal, 'aws_codepipeline');

describe('transversal stack: the deploy pipeline', () => {
  test('is a V2 pipeline: Source, Plan (synth, plan batch, summary), Approve, Deploy (apply batch)', () => {
    expect(pipeline.pipeline_type).toBe('V2');
    expect(pipeline.stage.map((s: any) => s.name)).toEqual(['Source', 'Plan', 'Approve', 'Deploy']);
    const plan = pipeline.stage[1].action;
    expect(plan.map((a: any) => [a.name, a.run_order, a.configuration.ProjectName])).toEqual([
      ['Synth', 1, 'acme-pci-synth'],
      ['Plan', 2, 'acme-pci-plan'],
      ['Summary', 3, 'acme-pci-summary'],
    ]);
    expect(plan[1].configuration).toMatchObject({ BatchEnabled: 'true', CombineArtifacts: 'true' });
    const apply = pipeline.stage[3].action[0];
    expect(apply).toMatchObject({ name: 'Apply', input_artifacts: ['source', 'synth', 'plans'], configuration: { ProjectName: 'acme-pci-deploy', BatchEnabled: 'true' } });
  });

  test('builds that assume roles run the scripts of the reviewed source, never those of the npm-running Synth build', () => {
    const actions = pipeline.stage.flatMap((s: any) => s.action).filter((a: any) => ['Plan', 'Summary', 'Apply'].includes(a.name));
    for (const a of actions) expect([a.name, a.configuration.PrimarySource]).toEqual([a.name, 'source']);
    const synthSpec = parse(Object.values(resources(stacks.transversal, 'aws_codebuild_project')).find((p: any) => p.name === 'acme-pci-synth')!.source.buildspec);
    expect(synthSpec.artifacts.files).toEqual(['cdktf.out/manifest.json', 'cdktf.out/stacks/**/*']);
  });

  test('a batch may run 8 hours: the apply graph runs its waves in sequence, and a stopped apply leaves locks', () => {
    const batches = Object.values(resources(stacks.transversal, 'aws_codebuild_project')).filter((p: any) => p.build_batch_config);
    expect(batches.map((p: any) => [p.name, p.build_batch_config.timeout_in_mins]).sort()).toEqual([
      ['acme-pci-deploy', 480],
      ['acme-pci-plan', 480],
    ]);
  });

  test('the source is the CodeCommit repository the stack creates, started by EventBridge on a push to main', () => {
    const source = pipeline.stage[0].action[0];
    expect(source).toMatchObject({ provider: 'CodeCommit', configuration: { RepositoryName: 'acme-pci-landing-zone', BranchName: 'main', PollForSourceChanges: 'false' } });
    const repo = onlyResource(transversal, 'aws_codecommit_repository');
    expect(repo).toMatchObject({ repository_name: 'acme-pci-landing-zone', kms_key_id: keyRef(transversal) });
    const rule: any = Object.values(resources(transversal, 'aws_cloudwatch_event_rule')).find((r: any) => r.name === 'acme-pci-landing-zone-on-push');
    expect(JSON.parse(rule.event_pattern).detail.referenceName).toEqual(['main']);
  });

  test('a CodeConnections source replaces the repository with a V2 push trigger', () => {
    const input: any = exampleCopy();
    input.pipeline = { source: { type: 'codeconnections', connectionArn: 'arn:aws:codeconnections:eu-west-1:444444444444:connection/abc-123', repositoryId: 'acme/lz' }, branch: 'release' };
    const other = synthOrg(input).stacks.transversal!;
    const p = onlyResource(other, 'aws_codepipeline');
    expect(p.stage[0].action[0]).toMatchObject({ provider: 'CodeStarSourceConnection', configuration: { FullRepositoryId: 'acme/lz', BranchName: 'release' } });
    expect(p.trigger[0]).toMatchObject({ provider_type: 'CodeStarSourceConnection', git_configuration: { source_action_name: 'Source', push: [{ branches: { includes: ['release'] } }] } });
    expect(resources(other, 'aws_codecommit_repository')).toEqual({});
    const pipelinePolicy = Object.values(resources(other, 'aws_iam_role_policy')).map((r: any) => parsePolicy(r.policy)).find((d) => d.Statement.some((s: any) => s.Sid === 'UseSourceConnection'))!;
    expect(pipelinePolicy.Statement.find((s: any) => s.Sid === 'UseSourceConnection').Resource).toBe('arn:aws:codeconnections:eu-west-1:444444444444:connection/abc-123');
  });

  test('the approval notifies the KMS-encrypted topic and links to the plan summary', () => {
    const approval = pipeline.stage[2].action[0];
    expect(approval).toMatchObject({ category: 'Approval', provider: 'Manual' });
    expect(approval.configuration.NotificationArn).toBe(`arn:aws:sns:eu-west-1:${ACCOUNT}:acme-pci-pipeline-approval`);
    expect(approval.configuration.ExternalEntityLink).toBe('#{PlanSummary.SUMMARY_URL}');
    expect(approval.configuration.CustomData).toContain('#{PlanSummary.TOTALS}');
    expect(approval.configuration.CustomData.length).toBeLessThanOrEqual(500);
    expect(pipeline.stage[1].action[2].namespace).toBe('PlanSummary');
    const summary = parse(projects['acme-pci-summary'].source.buildspec);
    expect(summary.env['exported-variables']).toEqual(['SUMMARY_URL', 'TOTALS']);
    const topic: any = Object.values(resources(transversal, 'aws_sns_topic')).find((t: any) => t.name === 'acme-pci-pipeline-approval');
    expect(topic.kms_master_key_id).toBe(keyRef(transversal));
    expect(pipelineResources(transversal, 'aws_sns_topic_subscription').map((s: any) => [s.protocol, s.endpoint])).toEqual([['email', 'platform-team@example.com']]);
  });

  test('artifacts: a private, versioned bucket encrypted with the pipeline key, kept a year', () => {
    expect(pipeline.artifact_store[0]).toEqual({ type: 'S3', location: BUCKET, encryption_key: { type: 'KMS', id: keyRef(transversal) } });
    const bucket: any = pipelineResources(transversal, 'aws_s3_bucket')[0];
    expect(bucket.bucket).toBe(BUCKET);
    const sse: any = pipelineResources(transversal, 'aws_s3_bucket_server_side_encryption_configuration')[0];
    expect(sse.rule[0].apply_server_side_encryption_by_default).toEqual({ sse_algorithm: 'aws:kms', kms_master_key_id: keyRef(transversal) });
    const lifecycle: any = pipelineResources(transversal, 'aws_s3_bucket_lifecycle_configuration')[0];
    expect(lifecycle.rule[0].expiration[0].days).toBe(365);
    const key: any = Object.values(resources(transversal, 'aws_kms_key')).find((k: any) => k.policy.includes('CloudWatchLogsForPipelineLogGroups'));
    expect(key.enable_key_rotation).toBe(true);
  });

  test('every build project: not privileged, no credentials in environment variables, encrypted, logs to CloudWatch only', () => {
    expect(Object.keys(projects).sort()).toEqual(['acme-pci-deploy', 'acme-pci-plan', 'acme-pci-summary', 'acme-pci-synth']);
    for (const project of Object.values(projects) as any[]) {
      expect(project.environment.privileged_mode).toBe(false);
      expect(project.environment.environment_variable).toBeUndefined();
      expect(project.encryption_key).toBe(keyRef(transversal));
      expect(project.logs_config.cloudwatch_logs.status).toBe('ENABLED');
      expect(project.logs_config.s3_logs.status).toBe('DISABLED');
      const spec = parse(project.source.buildspec);
      expect(JSON.stringify(spec)).not.toMatch(/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|parameter-store|secrets-manager/);
    }
  });

  test('build logs: KMS-encrypted groups kept 365 days', () => {
    const groups = pipelineResources(transversal, 'aws_cloudwatch_log_group') as any[];
    expect(groups.map((g) => g.name).sort()).toEqual(['/aws/codebuild/acme-pci-deploy', '/aws/codebuild/acme-pci-plan', '/aws/codebuild/acme-pci-summary', '/aws/codebuild/acme-pci-synth']);
    for (const g of groups) expect([g.retention_in_days, g.kms_key_id]).toEqual([365, keyRef(transversal)]);
  });

  test('a longer log retention from the config reaches the log groups', () => {
    const input: any = exampleCopy();
    input.pipeline = { ...input.pipeline, logRetentionDays: 731 };
    const groups = pipelineResources(synthOrg(input).stacks.transversal!, 'aws_cloudwatch_log_group') as any[];
    expect(groups.map((g) => g.retention_in_days)).toEqual([731, 731, 731, 731]);
  });

  test('the plan and deploy batches cover exactly the synthesized stacks, the deploy graph in manifest order', () => {
    const plan = parse(projects['acme-pci-plan'].source.buildspec);
    expect(plan.batch['build-list'].map((b: any) => b.env.variables.STACKS).sort()).toEqual(Object.keys(manifest.stacks).sort());
    expect(plan.env.variables).toMatchObject({ LZ_ROLE_NAME: 'acme-pci-plan', LZ_CREDENTIAL_SOURCE: 'EcsContainer' });
    const deploy = parse(projects['acme-pci-deploy'].source.buildspec);
    expect(deploy.env.variables.LZ_ROLE_NAME).toBe('acme-pci-deploy');
    const graph = Object.fromEntries(deploy.batch['build-graph'].map((b: any) => [b.env.variables.STACKS, (b['depend-on'] ?? []).map((d: string) => d.replace(/^apply_/, '')).sort()]));
    expect(graph).toEqual(Object.fromEntries(Object.entries(manifest.stacks).map(([name, s]) => [name, [...s.dependencies].sort()])));
    expect(deploy.batch['build-graph'].slice(0, 3).map((b: any) => b.identifier)).toEqual(['apply_bootstrap', 'apply_management', 'apply_logging']);
    expect(projects['acme-pci-plan'].build_batch_config.restrictions.maximum_builds_allowed).toBe(100);
    expect(projects['acme-pci-synth'].build_batch_config).toBeUndefined();
  });
});

describe('transversal stack: pipeline IAM', () => {
  const policyNames = ['acme-pci-pipeline', 'acme-pci-pipeline-synth', 'acme-pci-pipeline-plan', 'acme-pci-pipeline-deploy', 'acme-pci-pipeline-events', 'acme-pci-ci-plan-github', 'acme-pci-ci-plan-gitlab', 'acme-pci-ci-mirror-github', 'acme-pci-ci-mirror-gitlab'];

  test.each(policyNames)('%s: catalogued actions only, no wildcard action, no "*" resource', async (name) => {
    const policy = inlinePolicyOf(name);
    const actions = actionsIn(policy);
    expect(await unknownActions(actions)).toEqual([]);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    for (const s of policy.Statement) expect([s.Resource].flat()).not.toContain('*');
  });

  test('the pipeline key policy names catalogued actions only', async () => {
    const key: any = Object.values(resources(transversal, 'aws_kms_key')).find((k: any) => k.policy.includes('CloudWatchLogsForPipelineLogGroups'));
    expect(await unknownActions(actionsIn(key.policy))).toEqual([]);
  });

  test('service roles trust their service for this account only', () => {
    for (const [name, service] of [['acme-pci-pipeline', 'codepipeline.amazonaws.com'], ['acme-pci-pipeline-deploy', 'codebuild.amazonaws.com'], ['acme-pci-pipeline-events', 'events.amazonaws.com']]) {
      const trust = parsePolicy(roleNamed(name!).assume_role_policy).Statement;
      expect(trust).toEqual([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } }]);
    }
  });

  const deployRoleOf = (account: string) => `arn:aws:iam::${account}:role/acme-pci-deploy`;
  const planRoleOf = (account: string) => `arn:aws:iam::${account}:role/acme-pci-plan`;
  /** The trust policy of a role as synthesized by the stack of its account: assuming is evaluated end to end. */
  const trustOf = (roleArn: string): any => {
    const [, , , , account, resource] = roleArn.split(':');
    const stack = Object.entries(stacks).find(([n, st]) => n !== 'bootstrap' && n !== 'compliance' && st.provider.aws[0].allowed_account_ids[0] === account)![1];
    const role: any = Object.values(resources(stack, 'aws_iam_role')).find((r: any) => `role/${r.name}` === resource);
    return parsePolicy(role.assume_role_policy);
  };
  const can = (role: string, action: string, resource: string) => {
    const principal = `arn:aws:iam::${ACCOUNT}:role/${role}`;
    return simulate({
      principal,
      action,
      resource,
      resourceAccount: resource.split(':')[4] || ACCOUNT,
      identityPolicies: [inlinePolicyOf(role)],
      resourcePolicy: action === 'sts:AssumeRole' ? trustOf(resource) : undefined,
      context: { 'aws:PrincipalArn': principal },
    });
  };

  test('only the deploy build may assume the deploy roles; the synth build (npm packages) reaches no account', async () => {
    expect(await can('acme-pci-pipeline-deploy', 'sts:AssumeRole', deployRoleOf('777777777777'))).toBe('Allowed');
    expect(await can('acme-pci-pipeline-deploy', 'sts:AssumeRole', planRoleOf('777777777777'))).not.toBe('Allowed');
    expect(await can('acme-pci-pipeline-plan', 'sts:AssumeRole', planRoleOf('777777777777'))).toBe('Allowed');
    expect(await can('acme-pci-pipeline-plan', 'sts:AssumeRole', deployRoleOf('777777777777'))).not.toBe('Allowed');
    for (const account of ['111111111111', '777777777777']) {
      expect(await can('acme-pci-pipeline-synth', 'sts:AssumeRole', deployRoleOf(account))).not.toBe('Allowed');
      expect(await can('acme-pci-pipeline-synth', 'sts:AssumeRole', planRoleOf(account))).not.toBe('Allowed');
      expect(await can('acme-pci-ci-plan-github', 'sts:AssumeRole', deployRoleOf(account))).not.toBe('Allowed');
    }
    expect(await can('acme-pci-ci-plan-github', 'sts:AssumeRole', planRoleOf('111111111111'))).toBe('Allowed');
  });

  test('the deploy build reads artifacts but cannot write them', async () => {
    expect(await can('acme-pci-pipeline-deploy', 's3:GetObject', `arn:aws:s3:::${BUCKET}/x`)).toBe('Allowed');
    expect(await can('acme-pci-pipeline-deploy', 's3:PutObject', `arn:aws:s3:::${BUCKET}/x`)).not.toBe('Allowed');
  });

  test('CI roles: pull-request tokens of the configured repository only', () => {
    const github = parsePolicy(roleNamed('acme-pci-ci-plan-github').assume_role_policy).Statement[0];
    expect(github.Principal).toEqual({ Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` });
    expect(github.Condition).toEqual({
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/pci-landing-zone:pull_request' },
    });
    const mirror = parsePolicy(roleNamed('acme-pci-ci-mirror-gitlab').assume_role_policy).Statement[0];
    expect(mirror.Condition.StringLike).toEqual({ 'gitlab.com:sub': 'project_path:acme/pci-landing-zone:ref_type:branch:ref:main' });
    expect(pipelineResources(transversal, 'aws_iam_openid_connect_provider').map((p: any) => p.url).sort()).toEqual(['https://gitlab.com', 'https://token.actions.githubusercontent.com']);
  });
});
