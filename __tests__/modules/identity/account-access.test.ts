import { exampleCopy, resources, synthOrg, type StackJson } from '../../helpers/synth';
import { actionsIn, simulate, unknownActions } from '../../helpers/iam';
import { AUTH, ORG_ID, byPath, caller, iamPolicy, type Caller } from './access';

const { stacks } = synthOrg();
const ACCOUNT_STACKS = ['management', 'logging', 'auth', 'transversal', 'dev', 'staging', 'prod'];
const roleArn = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const DEV = '555555555555';
const STAGING = '666666666666';
const PROD = '777777777777';

/** Role resources of a stack by IAM role name. */
function rolesByName(stack: StackJson): Record<string, any> {
  return Object.fromEntries(Object.values(resources(stack, 'aws_iam_role')).map((r: any) => [r.name, r]));
}

/** Managed policy ARNs attached to the role whose construct is `level-<level>` / `break-glass`. */
function attachedTo(stack: StackJson, construct: string): string[] {
  return Object.values(resources(stack, 'aws_iam_role_policy_attachment'))
    .filter((a: any) => a['//'].metadata.path.includes(`/access/${construct}/`))
    .map((a: any) => a.policy_arn)
    .sort();
}

const trustOf = (stack: string, roleName: string) => iamPolicy(rolesByName(stacks[stack])[roleName].assume_role_policy);
const authGroupPolicy = (level: string) => iamPolicy(byPath(stacks.auth, 'aws_iam_group_policy', `identity/${level}/assume-roles`).policy);
const mfaPolicy = iamPolicy(byPath(stacks.auth, 'aws_iam_policy', 'identity/require-mfa').policy);
const ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** Asks to assume `role` as `who`, with the policies of a group of the auth account (or `identityPolicies`). */
async function assume(who: Caller, target: { stack: string; account: string; role: string }, identityPolicies: any[]) {
  const { principal, context } = caller(who);
  return simulate({
    principal,
    action: 'sts:AssumeRole',
    resource: roleArn(target.account, target.role),
    resourceAccount: target.account,
    identityPolicies,
    resourcePolicy: rolesByName(stacks[target.stack])[target.role]?.assume_role_policy
      ? trustOf(target.stack, target.role)
      : undefined,
    context,
  });
}

const devDeveloper = { stack: 'dev', account: DEV, role: 'acme-pci-access-Developer' };
const developerPolicies = () => [authGroupPolicy('level-Developer'), mfaPolicy];

describe('access roles in every account', () => {
  test('every account stack has the roles of the levels that reach it, and the break-glass role', () => {
    expect(Object.keys(rolesByName(stacks.dev))).toEqual(
      expect.arrayContaining(['acme-pci-access-Master', 'acme-pci-access-Admin', 'acme-pci-access-Developer', 'acme-pci-access-SecurityAuditor', 'acme-pci-break-glass']),
    );
    expect(Object.keys(rolesByName(stacks.management))).toContain('acme-pci-access-CostManager');
    expect(Object.keys(rolesByName(stacks.dev))).not.toContain('acme-pci-access-CostManager');
    for (const stack of ACCOUNT_STACKS) expect(rolesByName(stacks[stack])['acme-pci-break-glass']).toBeDefined();
  });

  test('sessions last at most one hour', () => {
    for (const stack of ACCOUNT_STACKS)
      for (const [name, role] of Object.entries(rolesByName(stacks[stack])))
        if (name.startsWith('acme-pci-access-') || name === 'acme-pci-break-glass') expect([name, role.max_session_duration]).toEqual([name, 3600]);
  });

  test('Developer: PowerUserAccess in dev, ReadOnlyAccess in staging, no role in prod', () => {
    expect(attachedTo(stacks.dev, 'level-Developer')).toEqual(['arn:aws:iam::aws:policy/PowerUserAccess']);
    expect(attachedTo(stacks.staging, 'level-Developer')).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(rolesByName(stacks.prod)['acme-pci-access-Developer']).toBeUndefined();
  });

  test('the attachments and inline policies of each role are exclusive (drift is removed)', () => {
    const exclusive = byPath(stacks.staging, 'aws_iam_role_policy_attachments_exclusive', 'access/level-Developer/only-these-attachments');
    expect(exclusive.policy_arns).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(byPath(stacks.staging, 'aws_iam_role_policies_exclusive', 'access/level-Developer/only-these-inline-policies').policy_names).toEqual([]);
  });

  test('CostManager gets its own statements as an inline policy in full mode', () => {
    const inline = byPath(stacks.management, 'aws_iam_role_policy', 'access/level-CostManager/inline');
    expect(actionsIn(iamPolicy(inline.policy))).toEqual(['budgets:ViewBudget', 'ce:GetCostAndUsage', 'ce:GetCostForecast', 'ce:GetDimensionValues']);
  });
});

describe('assuming an access role, evaluated', () => {
  test('allows a Developer with MFA from the auth account', async () => {
    expect(await assume({ user: 'chloe.durand', mfaAgeSeconds: 300 }, devDeveloper, developerPolicies())).toBe('Allowed');
  });

  test('denies a Developer without MFA', async () => {
    expect(await assume({ user: 'chloe.durand' }, devDeveloper, developerPolicies())).toBe('ExplicitlyDenied');
  });

  test('the trust policy alone denies a caller without MFA, even an administrator of the auth account', async () => {
    expect(await assume({ user: 'alice.martin' }, devDeveloper, [ADMIN])).toBe('ImplicitlyDenied');
  });

  test('denies an MFA authentication older than an hour', async () => {
    expect(await assume({ user: 'chloe.durand', mfaAgeSeconds: 3601 }, devDeveloper, developerPolicies())).not.toBe('Allowed');
    expect(await assume({ user: 'chloe.durand', mfaAgeSeconds: 3600 }, devDeveloper, developerPolicies())).toBe('Allowed');
  });

  test('denies a session name other than the user name (actions stay attributable)', async () => {
    expect(await assume({ user: 'chloe.durand', mfaAgeSeconds: 60, sessionName: 'someone-else' }, devDeveloper, developerPolicies())).not.toBe('Allowed');
  });

  test('denies an administrator with MFA from outside the organization', async () => {
    expect(await assume({ user: 'mallory', account: '999999999999', orgId: 'o-zzzzzzzzzz', mfaAgeSeconds: 60 }, devDeveloper, [ADMIN])).not.toBe('Allowed');
  });

  test('denies a principal whose organization is not the configured one', async () => {
    expect(await assume({ user: 'chloe.durand', orgId: 'o-zzzzzzzzzz', mfaAgeSeconds: 60 }, devDeveloper, developerPolicies())).not.toBe('Allowed');
  });

  test('denies roles of the auth account (only its IAM users are trusted)', async () => {
    const principal = `arn:aws:iam::${AUTH}:role/some-role`;
    const { context } = caller({ user: 'x', mfaAgeSeconds: 60 });
    const decision = await simulate({
      principal,
      action: 'sts:AssumeRole',
      resource: roleArn(DEV, devDeveloper.role),
      resourceAccount: DEV,
      identityPolicies: [ADMIN],
      resourcePolicy: trustOf('dev', devDeveloper.role),
      context: { ...context, 'aws:PrincipalArn': principal, 'aws:PrincipalType': 'AssumedRole' },
    });
    expect(decision).not.toBe('Allowed');
  });

  test('denies a Developer the prod role: no role there, and the group may not assume it', async () => {
    const prodRole = roleArn(PROD, 'acme-pci-access-Developer');
    expect(authGroupPolicy('level-Developer').Statement[0].Resource).toEqual([roleArn(DEV, 'acme-pci-access-Developer'), roleArn(STAGING, 'acme-pci-access-Developer')]);
    const { principal, context } = caller({ user: 'chloe.durand', mfaAgeSeconds: 60 });
    expect(
      await simulate({ principal, action: 'sts:AssumeRole', resource: prodRole, resourceAccount: PROD, identityPolicies: developerPolicies(), context }),
    ).toBe('ImplicitlyDenied');
  });

  test('denies a Developer write actions in staging (read-only role) and in prod (no role)', async () => {
    // The staging role's own policies (none inline) plus an excerpt of ReadOnlyAccess (Get/List/Describe only).
    const inline = Object.values(resources(stacks.staging, 'aws_iam_role_policy'))
      .filter((p: any) => p['//'].metadata.path.includes('/access/level-Developer/'))
      .map((p: any) => iamPolicy(p.policy));
    const readOnlyExcerpt = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*', 's3:Get*', 's3:List*'], Resource: '*' }] };
    const session = `arn:aws:sts::${STAGING}:assumed-role/acme-pci-access-Developer/chloe.durand`;
    const request = { principal: session, resourceAccount: STAGING, identityPolicies: [...inline, readOnlyExcerpt] };
    expect(await simulate({ ...request, action: 'ec2:DescribeInstances', resource: '*' })).toBe('Allowed');
    expect(await simulate({ ...request, action: 'ec2:TerminateInstances', resource: `arn:aws:ec2:eu-west-1:${STAGING}:instance/i-0123456789abcdef0` })).toBe('ImplicitlyDenied');
    expect(await simulate({ ...request, action: 's3:PutObject', resource: 'arn:aws:s3:::staging-bucket/key' })).toBe('ImplicitlyDenied');
  });

  test('without an organization id, trusts the auth account through aws:PrincipalAccount', async () => {
    const input: any = exampleCopy();
    delete input.organizationId;
    const other = synthOrg(input).stacks;
    const trust = iamPolicy(rolesByName(other.dev)['acme-pci-access-Developer'].assume_role_policy);
    expect(trust.Statement[0].Condition.StringEquals).toEqual({ 'aws:PrincipalAccount': AUTH, 'sts:RoleSessionName': '${aws:username}' });
    const ask = async (who: Caller) => {
      const { principal, context } = caller(who);
      return simulate({ principal, action: 'sts:AssumeRole', resource: roleArn(DEV, devDeveloper.role), resourceAccount: DEV, identityPolicies: [ADMIN], resourcePolicy: trust, context });
    };
    expect(await ask({ user: 'chloe.durand', mfaAgeSeconds: 60 })).toBe('Allowed');
    expect(await ask({ user: 'mallory', account: '999999999999', mfaAgeSeconds: 60 })).not.toBe('Allowed');
  });
});

describe('break-glass', () => {
  const devBreakGlass = { stack: 'dev', account: DEV, role: 'acme-pci-break-glass' };
  const breakGlassPolicies = () => [authGroupPolicy('break-glass'), mfaPolicy];

  test('allows a break-glass user with MFA', async () => {
    expect(await assume({ user: 'breakglass-1', path: '/break-glass/', mfaAgeSeconds: 60 }, devBreakGlass, breakGlassPolicies())).toBe('Allowed');
  });

  test('denies a break-glass user without MFA', async () => {
    expect(await assume({ user: 'breakglass-1', path: '/break-glass/' }, devBreakGlass, breakGlassPolicies())).not.toBe('Allowed');
  });

  test('denies ordinary users, even administrators with MFA (outside the levels)', async () => {
    expect(await assume({ user: 'alice.martin', mfaAgeSeconds: 60 }, devBreakGlass, [ADMIN])).not.toBe('Allowed');
  });

  test('is alarmed in every region of the account: rule on the role, KMS-encrypted topic, email', () => {
    const prod = stacks.prod;
    const rules = Object.values(resources(prod, 'aws_cloudwatch_event_rule')).filter((r: any) => r.name === 'acme-pci-break-glass-used');
    expect(rules.map((r: any) => r.provider ?? 'aws').sort()).toEqual(['aws', 'aws.eu-central-1']);
    // Read-only calls of a break-glass session are reported too (the default state drops them).
    for (const rule of rules) expect(rule.state).toBe('ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS');
    const pattern = JSON.parse(rules[0].event_pattern);
    const role = roleArn(PROD, 'acme-pci-break-glass');
    expect(pattern.$or).toEqual([
      { detail: { eventName: ['AssumeRole'], requestParameters: { roleArn: [role] } } },
      { detail: { userIdentity: { sessionContext: { sessionIssuer: { arn: [role] } } } } },
    ]);
    const topic = byPath(prod, 'aws_sns_topic', 'access/break-glass-alarm-eu-west-1/topic');
    expect(topic.kms_master_key_id).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
    const target = byPath(prod, 'aws_cloudwatch_event_target', 'access/break-glass-alarm-eu-west-1/notify');
    expect(target.arn).toMatch(/^\$\{aws_sns_topic\..+\.arn\}$/);
    const subscription = byPath(prod, 'aws_sns_topic_subscription', 'access/break-glass-alarm-eu-west-1/email-security-alerts-example-com');
    expect([subscription.protocol, subscription.endpoint]).toEqual(['email', 'security-alerts@example.com']);
    const key = byPath(prod, 'aws_kms_key', 'access/break-glass-alarm-eu-west-1/key/key');
    expect(key.enable_key_rotation).toBe(true);
    expect(iamPolicy(key.policy).Statement.find((s: any) => s.Sid === 'EventBridgePublishesEncrypted').Principal).toEqual({ Service: 'events.amazonaws.com' });
  });

  test('only the break-glass rule of the account and region may publish to its topic', async () => {
    const policy = iamPolicy(byPath(stacks.prod, 'aws_sns_topic_policy', 'access/break-glass-alarm-eu-west-1/topic-policy').policy);
    const publish = (sourceArn: string) =>
      simulate({
        principal: 'events.amazonaws.com',
        action: 'sns:Publish',
        resource: `arn:aws:sns:eu-west-1:${PROD}:acme-pci-break-glass-alerts`,
        resourceAccount: PROD,
        resourcePolicy: policy,
        context: { 'aws:SourceArn': sourceArn, 'aws:SourceAccount': PROD },
      });
    expect(await publish(`arn:aws:events:eu-west-1:${PROD}:rule/acme-pci-break-glass-used`)).toBe('Allowed');
    expect(await publish(`arn:aws:events:eu-west-1:${PROD}:rule/something-else`)).not.toBe('Allowed');
  });
});

describe('generated policies', () => {
  /** Every policy the identity modules generate, in every account stack. */
  function identityPolicies(): { where: string; policy: any }[] {
    const found: { where: string; policy: any }[] = [];
    for (const name of ACCOUNT_STACKS) {
      const stack = stacks[name];
      const mine = (r: any) => /\/(access|identity)\//.test(r['//'].metadata.path);
      for (const [type, field] of [
        ['aws_iam_role', 'assume_role_policy'],
        ['aws_iam_role_policy', 'policy'],
        ['aws_iam_group_policy', 'policy'],
        ['aws_iam_policy', 'policy'],
        ['aws_sns_topic_policy', 'policy'],
        ['aws_kms_key', 'policy'],
      ] as const)
        for (const r of Object.values(resources(stack, type)).filter(mine)) found.push({ where: `${name} ${r['//'].metadata.path}`, policy: iamPolicy(r[field]) });
    }
    return found;
  }

  test('finds the policies it checks', () => {
    expect(identityPolicies().length).toBeGreaterThan(50);
  });

  test('every action exists in the IAM action catalogue', async () => {
    expect(await unknownActions(actionsIn(...identityPolicies().map((p) => p.policy)))).toEqual([]);
  });

  test('no policy names a "*" or service-wide action', () => {
    const wildcards = identityPolicies().flatMap(({ where, policy }) =>
      policy.Statement.flatMap((s: any) => [s.Action ?? []].flat().filter((a: string) => a === '*' || a.endsWith(':*')).map((a: string) => `${where}: ${a}`)),
    );
    expect(wildcards).toEqual([]);
  });

  test('among the access roles, AdministratorAccess is attached only to the Master and Admin levels and the break-glass role', () => {
    const holders = new Set<string>();
    for (const name of ACCOUNT_STACKS)
      for (const a of Object.values(resources(stacks[name], 'aws_iam_role_policy_attachment')) as any[])
        if (a.policy_arn === 'arn:aws:iam::aws:policy/AdministratorAccess' && a['//'].metadata.path.includes('/baseline/access/'))
          holders.add(a['//'].metadata.path.split('/').slice(-2, -1)[0]);
    expect([...holders].sort()).toEqual(['break-glass', 'level-Admin', 'level-Master']);
  });

  test('trust policies name the organization and require MFA', () => {
    const trust = trustOf('prod', 'acme-pci-access-SecurityAuditor').Statement[0];
    expect(trust.Principal).toEqual({ AWS: `arn:aws:iam::${AUTH}:root` });
    expect(trust.Condition).toEqual({
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' },
      StringEquals: { 'aws:PrincipalOrgID': ORG_ID, 'sts:RoleSessionName': '${aws:username}' },
      ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${AUTH}:user/*` },
    });
  });
});
