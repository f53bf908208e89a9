import { Naming, validateOrganization } from '../../../accounts';
import { PipelineAccessRoles } from '../../../modules/pipeline/pipeline-access-roles';
import { actionsIn, simulate, unknownActions } from '../../helpers/iam';
import { exampleCopy, parsePolicy, resources, synthConstructs, synthOrg, type StackJson } from '../../helpers/synth';

const { stacks } = synthOrg();
const TRANSVERSAL = '444444444444';
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const DEPLOY_BUILD = role(TRANSVERSAL, 'acme-pci-pipeline-deploy');
const PLAN_BUILD = role(TRANSVERSAL, 'acme-pci-pipeline-plan');
const allowAssume = [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }];

function roleNamed(stack: StackJson, name: string): any {
  const found = Object.values(resources(stack, 'aws_iam_role')).filter((r: any) => r.name === name);
  if (found.length !== 1) throw new Error(`expected one role ${name}, found ${found.length}`);
  return found[0];
}

/** Account stacks (with the baseline): every stack but bootstrap and compliance, which deploy into accounts another stack covers. */
const accountStacks = Object.entries(stacks).filter(([name]) => name !== 'bootstrap' && name !== 'compliance');
const accountOf = (stack: StackJson) => stack.provider.aws[0].allowed_account_ids[0] as string;

/** Assume `target` as `principal` (AWS sets aws:PrincipalArn to the role ARN, also for its sessions). */
const assume = (principal: string, target: string, trust: unknown) =>
  simulate({
    principal,
    action: 'sts:AssumeRole',
    resource: target,
    resourceAccount: target.split(':')[4]!,
    identityPolicies: allowAssume,
    resourcePolicy: trust as any,
    context: { 'aws:PrincipalArn': principal },
  });

describe('deploy role in every account stack', () => {
  test('exists in every account stack', () => {
    expect(accountStacks.map(([name]) => name).sort()).toEqual(['auth', 'dev', 'logging', 'management', 'prod', 'staging', 'transversal']);
    for (const [, stack] of accountStacks) expect(roleNamed(stack, 'acme-pci-deploy').max_session_duration).toBe(3600);
  });

  describe.each(accountStacks)('%s', (_name, stack) => {
    const account = accountOf(stack);
    const target = role(account, 'acme-pci-deploy');
    const trust = parsePolicy(roleNamed(stack, 'acme-pci-deploy').assume_role_policy);

    test('the pipeline deploy build can assume it', async () => {
      expect(await assume(DEPLOY_BUILD, target, trust)).toBe('Allowed');
    });

    test('denies another role of the transversal account, even one allowed everything', async () => {
      expect(await assume(role(TRANSVERSAL, 'OrganizationAccountAccessRole'), target, trust)).not.toBe('Allowed');
      expect(await assume(PLAN_BUILD, target, trust)).not.toBe('Allowed');
      expect(await assume(role(TRANSVERSAL, 'acme-pci-pipeline-synth'), target, trust)).not.toBe('Allowed');
    });

    test('denies a role with the same name in another account', async () => {
      expect(await assume(role('555555555555', 'acme-pci-pipeline-deploy'), target, trust)).not.toBe('Allowed');
    });

    test('denies the plan role of any account', async () => {
      expect(await assume(role(TRANSVERSAL, 'acme-pci-plan'), target, trust)).not.toBe('Allowed');
      expect(await assume(role(account, 'acme-pci-plan'), target, trust)).not.toBe('Allowed');
    });
  });
});

describe('plan role in every account stack', () => {
  describe.each(accountStacks)('%s', (_name, stack) => {
    const account = accountOf(stack);
    const target = role(account, 'acme-pci-plan');
    const planRole = roleNamed(stack, 'acme-pci-plan');
    const trust = parsePolicy(planRole.assume_role_policy);

    test('the plan build and the merge-request CI roles can assume it', async () => {
      expect(await assume(PLAN_BUILD, target, trust)).toBe('Allowed');
      expect(await assume(role(TRANSVERSAL, 'acme-pci-ci-plan-github'), target, trust)).toBe('Allowed');
      expect(await assume(role(TRANSVERSAL, 'acme-pci-ci-plan-gitlab'), target, trust)).toBe('Allowed');
    });

    test('denies the deploy build, the CI mirror roles and other accounts', async () => {
      expect(await assume(DEPLOY_BUILD, target, trust)).not.toBe('Allowed');
      expect(await assume(role(TRANSVERSAL, 'acme-pci-ci-mirror-github'), target, trust)).not.toBe('Allowed');
      expect(await assume(role('555555555555', 'acme-pci-pipeline-plan'), target, trust)).not.toBe('Allowed');
    });

    test('is read-only: ReadOnlyAccess, and the deploy role alone holds AdministratorAccess', () => {
      const attachments = Object.values(resources(stack, 'aws_iam_role_policy_attachment')).filter((a: any) => /pipeline-access/.test(a['//']?.metadata?.path ?? ''));
      expect(attachments.map((a: any) => a.policy_arn).sort()).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess']);
    });
  });

  test('the plan role reads configuration but no data, except the Terraform state', async () => {
    const deny = parsePolicy((Object.values(resources(stacks.prod!, 'aws_iam_role_policy')).find((p: any) => p.name === 'deny-data-reads') as any).policy);
    // A stand-in for ReadOnlyAccess (not available offline): it allows the data reads the deny must take back.
    const readOnly = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 'dynamodb:GetItem', 'dynamodb:Scan', 'logs:GetLogEvents', 'ec2:DescribeVpcs'], Resource: '*' }] };
    // The backend reads the state through the transversal account's plan role, in its own account.
    const request = (action: string, resource: string, account = '777777777777') => {
      const planRole = role(account, 'acme-pci-plan');
      return simulate({ principal: planRole, action, resource, resourceAccount: account, identityPolicies: [readOnly, deny], context: { 'aws:PrincipalArn': planRole } });
    };
    expect(await request('s3:GetObject', 'arn:aws:s3:::payments-data/cards.csv')).toBe('ExplicitlyDenied');
    expect(await request('dynamodb:Scan', 'arn:aws:dynamodb:eu-west-1:777777777777:table/cards')).toBe('ExplicitlyDenied');
    expect(await request('logs:GetLogEvents', 'arn:aws:logs:eu-west-1:777777777777:log-group:app:log-stream:x')).toBe('ExplicitlyDenied');
    expect(await request('s3:GetBucketPolicy', 'arn:aws:s3:::payments-data')).toBe('Allowed');
    expect(await request('ec2:DescribeVpcs', '*')).toBe('Allowed');
    expect(await request('s3:GetObject', 'arn:aws:s3:::acme-pci-tfstate-444444444444-eu-west-1/stacks/prod/terraform.tfstate', TRANSVERSAL)).toBe('Allowed');
    expect(await request('dynamodb:GetItem', `arn:aws:dynamodb:eu-west-1:${TRANSVERSAL}:table/acme-pci-tflock`, TRANSVERSAL)).toBe('Allowed');
    expect(await unknownActions(actionsIn(deny))).toEqual([]);
  });

  test('only the transversal plan role may decrypt the state, through the state key alias', async () => {
    const inline = (stack: StackJson) => Object.values(resources(stack, 'aws_iam_role_policy')).filter((p: any) => p.name === 'read-terraform-state');
    for (const [name, stack] of accountStacks) expect(inline(stack)).toHaveLength(name === 'transversal' ? 1 : 0);
    const policy = parsePolicy((inline(stacks.transversal!)[0] as any).policy);
    expect(policy.Statement[0].Condition).toEqual({ 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/acme-pci-tfstate' } });
    expect(await unknownActions(actionsIn(policy))).toEqual([]);
  });
});

describe('PipelineAccessRoles', () => {
  test('trusts only the plan build when no external CI is configured', () => {
    const input: any = exampleCopy();
    delete input.pipeline;
    const names = new Naming(validateOrganization(input));
    const json = synthConstructs((scope) => new PipelineAccessRoles(scope, 'roles', { names, accountId: '777777777777' }));
    const plan: any = Object.values(resources(json, 'aws_iam_role')).find((r: any) => r.name === 'acme-pci-plan');
    expect(parsePolicy(plan.assume_role_policy).Statement[0].Condition).toEqual({ ArnEquals: { 'aws:PrincipalArn': PLAN_BUILD } });
  });

  test('honours a shorter session', () => {
    const names = new Naming(validateOrganization(exampleCopy()));
    const json = synthConstructs((scope) => new PipelineAccessRoles(scope, 'roles', { names, accountId: '777777777777', maxSessionSeconds: 1800 }));
    expect(Object.values(resources(json, 'aws_iam_role')).map((r: any) => r.max_session_duration)).toEqual([1800, 1800]);
  });
});
