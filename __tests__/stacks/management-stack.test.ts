import { ouConstructId } from '../../modules/organization/organization';
import { scpLimitViolations } from '../../modules/organization/scp-limits';
import { actionsIn, simulate, unknownActions } from '../helpers/iam';
import { exampleCopy, resources, synthOrg, type StackJson } from '../helpers/synth';

const example = synthOrg();
const management = example.stacks.management;

/** The Terraform name of the single resource of `type` whose name starts with `prefix_`. */
function key(stack: StackJson, type: string, prefix: string): string {
  const keys = Object.keys(resources(stack, type)).filter((k) => k.startsWith(`${prefix}_`));
  if (keys.length !== 1) throw new Error(`expected one ${type} named ${prefix}_*, found ${keys.length}`);
  return keys[0];
}
const ref = (type: string, name: string, attr = 'id') => `\${${type}.${name}.${attr}}`;

/** The AWS managed SCP that stays attached to every root, OU and account. */
const FULL_AWS_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** Reads the organization, SCPs and attachments back from a synthesized management stack. */
function organizationOf(stack: StackJson, org = exampleCopy()) {
  const orgKey = key(stack, 'aws_organizations_organization', 'organization');
  const rootId = ref('aws_organizations_organization', orgKey, 'roots[0].id');
  const ouId = (path: string) => ref('aws_organizations_organizational_unit', key(stack, 'aws_organizations_organizational_unit', `organization_${ouConstructId(path)}`));
  const accountTarget = (name: string) => {
    const account = org.accounts.find((a) => a.name === name)!;
    return account.id ?? ref('aws_organizations_account', key(stack, 'aws_organizations_account', `organization_account-${name}`));
  };
  const policies = resources(stack, 'aws_organizations_policy');
  const attachments = Object.values(resources(stack, 'aws_organizations_policy_attachment'));
  /** Names of our SCPs attached to a target id. */
  const attachedNames = (targetId: string): string[] =>
    attachments.filter((a) => a.target_id === targetId).map((a) => policies[/aws_organizations_policy\.([^.]+)\.id/.exec(a.policy_id)![1]].name);
  const contentOf = (name: string) => Object.values(policies).find((p) => p.name === name)!.content as string;
  /** The SCP levels that govern an account: root, each OU down to it, the account; FullAWSAccess at each. */
  const scpLevels = (name: string) => {
    const account = org.accounts.find((a) => a.name === name)!;
    const parts = account.ou === 'Root' ? [] : account.ou.split('/');
    const targets = [rootId, ...parts.map((_, i) => ouId(parts.slice(0, i + 1).join('/'))), accountTarget(name)];
    return targets.map((t) => [FULL_AWS_ACCESS, ...attachedNames(t).map(contentOf)]);
  };
  return { orgKey, rootId, ouId, accountTarget, policies, attachments, attachedNames, contentOf, scpLevels };
}

const o = organizationOf(management);
const ADMIN_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

interface Request {
  readonly principal: string;
  readonly action: string;
  readonly resource?: string;
  readonly region?: string;
  readonly context?: Record<string, string | string[]>;
  readonly resourcePolicy?: any;
}

/** Evaluates a request in a member account under the synthesized SCPs, with an identity policy allowing everything. */
function decide(accountName: string, request: Request, scpLevels = o.scpLevels) {
  const account = exampleCopy().accounts.find((a) => a.name === accountName)!;
  return simulate({
    principal: request.principal,
    action: request.action,
    resource: request.resource ?? '*',
    resourceAccount: account.id ?? '999999999999',
    identityPolicies: [ADMIN_POLICY],
    scps: scpLevels(accountName),
    resourcePolicy: request.resourcePolicy,
    context: { 'aws:PrincipalArn': request.principal, 'aws:RequestedRegion': request.region ?? 'eu-west-1', ...request.context },
  });
}

const PROD = '777777777777';
const LOGGING = '222222222222';
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const ADMIN = role(PROD, 'WorkloadAdmin');
const DEPLOY = role(PROD, 'acme-pci-deploy');
const STACK_ROLE = role(PROD, 'OrganizationAccountAccessRole');
const LOG_KEY = `arn:aws:kms:eu-west-1:${LOGGING}:key/11111111-2222-3333-4444-555555555555`;
/** A key policy delegating to the account's IAM policies, as SecureKmsKey writes it. */
const KEY_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${LOGGING}:root` }, Action: 'kms:*', Resource: '*' }] };

/** Protected actions, in the account where each is meaningful. */
const PROTECTED: [string, string, Omit<Request, 'principal' | 'action'>][] = [
  ['prod', 'cloudtrail:StopLogging', { resource: `arn:aws:cloudtrail:eu-west-1:${PROD}:trail/acme-pci-organization-trail` }],
  ['prod', 'cloudtrail:DeleteTrail', { resource: `arn:aws:cloudtrail:eu-west-1:${PROD}:trail/acme-pci-organization-trail` }],
  ['prod', 'config:StopConfigurationRecorder', {}],
  ['prod', 'config:DeleteConformancePack', { resource: `arn:aws:config:eu-west-1:${PROD}:conformance-pack/pci/conformance-pack-1` }],
  ['prod', 'guardduty:DeleteDetector', { resource: `arn:aws:guardduty:eu-west-1:${PROD}:detector/abc123` }],
  ['prod', 'securityhub:DisableSecurityHub', { resource: `arn:aws:securityhub:eu-west-1:${PROD}:hub/default` }],
  ['prod', 'access-analyzer:DeleteAnalyzer', { resource: `arn:aws:access-analyzer:eu-west-1:${PROD}:analyzer/organization` }],
  ['prod', 'inspector2:Disable', {}],
  ['prod', 's3:PutAccountPublicAccessBlock', {}],
  ['prod', 'ec2:DisableEbsEncryptionByDefault', {}],
  ['prod', 'iam:UpdateAssumeRolePolicy', { resource: role(PROD, 'acme-pci-deploy') }],
  ['prod', 'iam:AttachRolePolicy', { resource: role(PROD, 'OrganizationAccountAccessRole') }],
];

describe('management stack', () => {
  describe('organization', () => {
    const organization = resources(management, 'aws_organizations_organization')[o.orgKey];

    test('has all features, SCPs enabled, and is never destroyed', () => {
      expect(organization.feature_set).toBe('ALL');
      expect(organization.enabled_policy_types).toEqual(['SERVICE_CONTROL_POLICY']);
      expect(organization.lifecycle.prevent_destroy).toBe(true);
    });

    test('gives trusted access to exactly the services the landing zone uses', () => {
      expect(organization.aws_service_access_principals).toEqual([
        'access-analyzer.amazonaws.com',
        'cloudtrail.amazonaws.com',
        'config-multiaccountsetup.amazonaws.com',
        'config.amazonaws.com',
        'guardduty.amazonaws.com',
        'inspector2.amazonaws.com',
        'malware-protection.guardduty.amazonaws.com',
        'securityhub.amazonaws.com',
        'sso.amazonaws.com',
      ]);
    });

    test('creates every OU of the config under its parent', () => {
      const ous = resources(management, 'aws_organizations_organizational_unit');
      const parentOf = (path: string) => ous[key(management, 'aws_organizations_organizational_unit', `organization_${ouConstructId(path)}`)];
      expect(Object.keys(ous)).toHaveLength(6);
      for (const path of ['Security', 'Infrastructure', 'Workloads', 'Suspended']) {
        expect(parentOf(path)).toMatchObject({ name: path, parent_id: o.rootId });
      }
      expect(parentOf('Workloads/Prod')).toMatchObject({ name: 'Prod', parent_id: o.ouId('Workloads') });
      expect(parentOf('Workloads/NonProd')).toMatchObject({ name: 'NonProd', parent_id: o.ouId('Workloads') });
    });

    test('places every member account in its OU, never closes it, and leaves the management account alone', () => {
      const accounts = Object.values(resources(management, 'aws_organizations_account'));
      expect(accounts.map((a) => a.name).sort()).toEqual(['auth', 'dev', 'logging', 'prod', 'staging', 'transversal']);
      for (const account of exampleCopy().accounts.filter((a) => a.role !== 'management')) {
        const resource = accounts.find((a) => a.name === account.name)!;
        expect(resource).toMatchObject({ email: account.email, parent_id: o.ouId(account.ou), close_on_deletion: false, iam_user_access_to_billing: 'DENY' });
        expect(resource.lifecycle.prevent_destroy).toBe(true);
      }
    });
  });

  describe('service control policies', () => {
    test('attaches the three guardrails to the root and the quarantine to the Suspended OU', () => {
      expect(o.attachedNames(o.rootId).sort()).toEqual(['acme-pci-account-baseline', 'acme-pci-protect-audit', 'acme-pci-protect-security-tooling']);
      expect(o.attachedNames(o.ouId('Suspended'))).toEqual(['acme-pci-quarantine']);
      expect(o.attachments).toHaveLength(4);
      for (const path of ['Security', 'Infrastructure', 'Workloads', 'Workloads/Prod', 'Workloads/NonProd']) expect(o.attachedNames(o.ouId(path))).toEqual([]);
    });

    test('every policy is an SCP that waits for the organization', () => {
      for (const policy of Object.values(o.policies)) {
        expect(policy.type).toBe('SERVICE_CONTROL_POLICY');
        expect(policy.depends_on).toEqual([`aws_organizations_organization.${o.orgKey}`]);
        expect(policy.description.length).toBeLessThanOrEqual(512);
      }
    });

    test('no policy or target breaks the SCP quotas (5,120 characters, 5 per target with FullAWSAccess)', () => {
      const docs = Object.values(o.policies).map((p) => ({ name: p.name as string, content: p.content as string }));
      const byTarget = new Map<string, string[]>();
      for (const a of o.attachments) byTarget.set(a.target_id, o.attachedNames(a.target_id));
      expect(byTarget.size).toBe(2);
      expect(scpLimitViolations(docs, byTarget)).toEqual([]);
    });

    test('every action named in every SCP exists in the IAM action catalogue', async () => {
      const actions = actionsIn(...Object.values(o.policies).map((p) => p.content));
      expect(actions).toEqual(expect.arrayContaining(['cloudtrail:StopLogging', 'organizations:LeaveOrganization', 'iam:*']));
      expect(await unknownActions(actions)).toEqual([]);
    });
  });

  describe('guardrails, evaluated on the synthesized SCPs', () => {
    test.each(PROTECTED)('denies a %s administrator with full permissions %s', async (account, action, request) => {
      expect(await decide(account, { principal: ADMIN, action, ...request })).toBe('ExplicitlyDenied');
    });

    test.each(PROTECTED)('lets the %s deploy role %s', async (account, action, request) => {
      expect(await decide(account, { principal: DEPLOY, action, ...request })).toBe('Allowed');
    });

    test('lets the stack role (first deploy of an account) stop logging and change Config', async () => {
      expect(await decide('prod', { principal: STACK_ROLE, action: 'cloudtrail:StopLogging' })).toBe('Allowed');
      expect(await decide('prod', { principal: STACK_ROLE, action: 'config:DeleteConfigurationRecorder' })).toBe('Allowed');
    });

    test('denies leaving the organization to everyone, the deploy role included', async () => {
      expect(await decide('prod', { principal: ADMIN, action: 'organizations:LeaveOrganization' })).toBe('ExplicitlyDenied');
      expect(await decide('prod', { principal: DEPLOY, action: 'organizations:LeaveOrganization' })).toBe('ExplicitlyDenied');
    });

    test('denies scheduling deletion of the log archive key to an administrator, not to the deploy role', async () => {
      const logKey = { resource: LOG_KEY, resourcePolicy: KEY_POLICY, context: { 'kms:ResourceAliases': ['alias/acme-pci-logs'] } };
      expect(await decide('logging', { principal: role(LOGGING, 'SecurityAdmin'), action: 'kms:ScheduleKeyDeletion', ...logKey })).toBe('ExplicitlyDenied');
      expect(await decide('logging', { principal: role(LOGGING, 'SecurityAdmin'), action: 'kms:PutKeyPolicy', ...logKey })).toBe('ExplicitlyDenied');
      expect(await decide('logging', { principal: role(LOGGING, 'acme-pci-deploy'), action: 'kms:ScheduleKeyDeletion', ...logKey })).toBe('Allowed');
      // Any other key stays the account's business.
      const otherKey = { ...logKey, context: { 'kms:ResourceAliases': ['alias/payments'] } };
      expect(await decide('logging', { principal: role(LOGGING, 'SecurityAdmin'), action: 'kms:ScheduleKeyDeletion', ...otherKey })).toBe('Allowed');
    });

    test('denies any action by the root user of a member account', async () => {
      for (const action of ['s3:GetObject', 'iam:CreateAccessKey', 'ec2:RunInstances']) {
        expect(await decide('prod', { principal: `arn:aws:iam::${PROD}:root`, action })).toBe('ExplicitlyDenied');
      }
    });

    test('denies a regional action outside the allowed regions, even to the deploy role', async () => {
      const runInstances = { action: 'ec2:RunInstances', resource: `arn:aws:ec2:us-west-2:${PROD}:instance/*`, region: 'us-west-2' };
      expect(await decide('prod', { principal: ADMIN, ...runInstances })).toBe('ExplicitlyDenied');
      expect(await decide('prod', { principal: DEPLOY, ...runInstances })).toBe('ExplicitlyDenied');
    });

    test('keeps normal workload actions allowed in the allowed regions', async () => {
      expect(await decide('prod', { principal: ADMIN, action: 's3:PutObject', resource: 'arn:aws:s3:::payments-data/batch/1.csv' })).toBe('Allowed');
      expect(await decide('prod', { principal: ADMIN, action: 'ec2:RunInstances', resource: `arn:aws:ec2:eu-central-1:${PROD}:instance/*`, region: 'eu-central-1' })).toBe('Allowed');
      expect(await decide('prod', { principal: ADMIN, action: 'iam:ListRoles', region: 'us-east-1' })).toBe('Allowed');
      expect(await decide('prod', { principal: ADMIN, action: 'iam:CreateRole', resource: role(PROD, 'payments-api') })).toBe('Allowed');
      expect(await decide('prod', { principal: ADMIN, action: 'kms:CreateKey' })).toBe('Allowed');
    });

    test('lets the remediation role restore the S3 account public access block', async () => {
      expect(await decide('prod', { principal: role(PROD, 'acme-pci-remediation'), action: 's3:PutAccountPublicAccessBlock' })).toBe('Allowed');
    });
  });

  describe('delegated administrators', () => {
    const adminAccounts = (stack: StackJson) => ({
      cloudtrail: Object.values(resources(stack, 'aws_cloudtrail_organization_delegated_admin_account')).map((r) => r.account_id),
      organizations: Object.values(resources(stack, 'aws_organizations_delegated_administrator'))
        .map((r) => `${r.service_principal}=${r.account_id}`)
        .sort(),
      guardduty: Object.values(resources(stack, 'aws_guardduty_organization_admin_account')).map((r) => `${r.provider}=${r.admin_account_id}`).sort(),
      securityhub: Object.values(resources(stack, 'aws_securityhub_organization_admin_account')).map((r) => `${r.provider}=${r.admin_account_id}`).sort(),
      inspector2: Object.values(resources(stack, 'aws_inspector2_delegated_admin_account')).map((r) => `${r.provider}=${r.account_id}`).sort(),
    });

    test('default to the logging account, through each service’s own API, regional services in every allowed region', () => {
      expect(adminAccounts(management)).toEqual({
        cloudtrail: [LOGGING],
        organizations: [`access-analyzer.amazonaws.com=${LOGGING}`, `config-multiaccountsetup.amazonaws.com=${LOGGING}`, `config.amazonaws.com=${LOGGING}`],
        guardduty: [`aws.eu-central-1=${LOGGING}`, `aws=${LOGGING}`],
        securityhub: [`aws.eu-central-1=${LOGGING}`, `aws=${LOGGING}`],
        inspector2: [`aws.eu-central-1=${LOGGING}`, `aws=${LOGGING}`],
      });
    });

    test('wait for the organization (trusted access), and other regions wait for the home region', () => {
      const orgDep = `aws_organizations_organization.${o.orgKey}`;
      for (const type of ['aws_cloudtrail_organization_delegated_admin_account', 'aws_organizations_delegated_administrator']) {
        for (const r of Object.values(resources(management, type))) expect(r.depends_on).toEqual([orgDep]);
      }
      const guardduty = resources(management, 'aws_guardduty_organization_admin_account');
      const home = key(management, 'aws_guardduty_organization_admin_account', 'delegated-administrators_guardduty-eu-west-1');
      const other = key(management, 'aws_guardduty_organization_admin_account', 'delegated-administrators_guardduty-eu-central-1');
      expect(guardduty[home].depends_on).toEqual([orgDep]);
      expect(guardduty[other].depends_on).toEqual([orgDep, `aws_guardduty_organization_admin_account.${home}`]);
    });
  });

  describe('with a custom delegated administrator and quarantined accounts', () => {
    const input = exampleCopy();
    input.accounts.push({ name: 'newapp', email: 'aws-newapp@example.com', role: 'workload', environment: 'dev', ou: 'Workloads/NonProd', pciScope: 'out-of-scope' });
    input.guardrails = { delegatedAdministrator: 'transversal', quarantineOu: 'Suspended', quarantinedAccounts: ['dev', 'newapp'] };
    input.logging = { ...input.logging, trailOwner: 'management' }; // only the admin or management may create the trail
    const custom = synthOrg(input).stacks.management;
    const c = organizationOf(custom, input);

    test('every security service is administered by the named account', () => {
      const ids = [
        ...Object.values(resources(custom, 'aws_cloudtrail_organization_delegated_admin_account')).map((r) => r.account_id),
        ...Object.values(resources(custom, 'aws_organizations_delegated_administrator')).map((r) => r.account_id),
        ...['aws_guardduty_organization_admin_account', 'aws_securityhub_organization_admin_account'].flatMap((t) =>
          Object.values(resources(custom, t)).map((r) => r.admin_account_id),
        ),
        ...Object.values(resources(custom, 'aws_inspector2_delegated_admin_account')).map((r) => r.account_id),
      ];
      expect(ids).toHaveLength(10);
      expect(new Set(ids)).toEqual(new Set(['444444444444']));
    });

    test('attaches the quarantine to the listed accounts: the literal id when known, the created account otherwise', () => {
      expect(c.attachedNames('555555555555')).toEqual(['acme-pci-quarantine']);
      expect(c.accountTarget('newapp')).toMatch(/^\$\{aws_organizations_account\.organization_account-newapp_[0-9A-F]+\.id\}$/);
      expect(c.attachedNames(c.accountTarget('newapp'))).toEqual(['acme-pci-quarantine']);
    });

    test('a quarantined account can do nothing but the landing zone deploy', async () => {
      const levels = c.scpLevels;
      const dev = (principal: string, action: string) => decide('dev', { principal, action, resource: 'arn:aws:s3:::dev-bucket/key' }, levels);
      expect(await dev('arn:aws:iam::555555555555:role/WorkloadAdmin', 's3:PutObject')).toBe('ExplicitlyDenied');
      expect(await dev('arn:aws:iam::555555555555:role/WorkloadAdmin', 's3:GetObject')).toBe('ExplicitlyDenied');
      expect(await dev('arn:aws:iam::555555555555:role/acme-pci-deploy', 's3:PutObject')).toBe('Allowed');
      expect(await dev('arn:aws:iam::555555555555:role/OrganizationAccountAccessRole', 's3:PutObject')).toBe('Allowed');
      // Not quarantined: staging works as usual.
      expect(await decide('staging', { principal: 'arn:aws:iam::666666666666:role/WorkloadAdmin', action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' }, levels)).toBe('Allowed');
    });
  });
});
