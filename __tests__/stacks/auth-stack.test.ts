import { exampleCopy, resources, synthOrg } from '../helpers/synth';
import { simulate } from '../helpers/iam';
import { AUTH, byPath, caller, iamPolicy } from '../modules/identity/access';

const { stacks } = synthOrg();
const auth = stacks.auth;
const LEVELS = ['Master', 'Admin', 'Developer', 'SecurityAuditor', 'CostManager'];
const mfaPolicy = iamPolicy(byPath(auth, 'aws_iam_policy', 'identity/require-mfa').policy);
const ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** `user` (no MFA unless `mfaAgeSeconds`) calling `action` on `resource` in the auth account, with the MFA policy and an admin policy. */
async function asUser(user: string, action: string, resource: string, mfaAgeSeconds?: number) {
  const { principal, context } = caller({ user, mfaAgeSeconds });
  return simulate({ principal, action, resource, resourceAccount: AUTH, identityPolicies: [mfaPolicy, ADMIN], context });
}

describe('auth stack', () => {
  test('deploys into the auth account', () => {
    expect(auth.provider.aws[0].allowed_account_ids).toEqual([AUTH]);
  });

  test('has one group per access level, plus break-glass', () => {
    const names = Object.values(resources(auth, 'aws_iam_group')).map((g: any) => g.name).sort();
    expect(names).toEqual([...LEVELS.map((l) => `acme-pci-access-${l}`), 'acme-pci-break-glass'].sort());
  });

  test('attaches the MFA enforcement policy, and only it, to every group', () => {
    const attachments = Object.values(resources(auth, 'aws_iam_group_policy_attachment')) as any[];
    expect(attachments).toHaveLength(LEVELS.length + 1);
    for (const a of attachments) expect(a.policy_arn).toMatch(/^\$\{aws_iam_policy\.identity_require-mfa_.+\.arn\}$/);
    for (const e of Object.values(resources(auth, 'aws_iam_group_policy_attachments_exclusive')) as any[]) expect(e.policy_arns).toHaveLength(1);
  });

  test('each group may assume its level role in exactly the accounts the level reaches', () => {
    const resourcesOf = (level: string) => iamPolicy(byPath(auth, 'aws_iam_group_policy', `identity/level-${level}/assume-roles`).policy).Statement[0].Resource;
    expect(resourcesOf('CostManager')).toEqual(['arn:aws:iam::111111111111:role/acme-pci-access-CostManager']);
    expect(resourcesOf('Master')).toHaveLength(7);
    const breakGlass = iamPolicy(byPath(auth, 'aws_iam_group_policy', 'identity/break-glass/assume-roles').policy).Statement[0];
    expect(breakGlass.Resource).toHaveLength(7);
    expect(breakGlass.Resource.every((arn: string) => arn.endsWith(':role/acme-pci-break-glass'))).toBe(true);
  });

  test('creates the users of the config with their memberships, no access keys and no passwords in state', () => {
    const users = Object.values(resources(auth, 'aws_iam_user')) as any[];
    expect(users.map((u) => `${u.path ?? '/'}${u.name}`).sort()).toEqual(
      ['/alice.martin', '/break-glass/breakglass-1', '/break-glass/breakglass-2', '/bruno.keller', '/chloe.durand', '/david.smith', '/emma.rossi'].sort(),
    );
    expect(resources(auth, 'aws_iam_access_key')).toEqual({});
    expect(resources(auth, 'aws_iam_user_login_profile')).toEqual({});
    const chloe = byPath(auth, 'aws_iam_user_group_membership', 'identity/user-chloe.durand-groups');
    expect(chloe.groups).toEqual([expect.stringMatching(/^\$\{aws_iam_group\.identity_level-Developer_group_.+\.name\}$/)]);
    const bg = byPath(auth, 'aws_iam_user_group_membership', 'identity/break-glass-breakglass-1-groups');
    expect(bg.groups).toEqual([expect.stringMatching(/^\$\{aws_iam_group\.identity_break-glass_group_.+\.name\}$/)]);
  });

  test('creates no users when the config lists none', () => {
    const input: any = exampleCopy();
    input.identity = {};
    const other = synthOrg(input).stacks.auth;
    expect(resources(other, 'aws_iam_user')).toEqual({});
    expect(Object.keys(resources(other, 'aws_iam_group'))).toHaveLength(LEVELS.length + 1);
  });

  describe('MFA enforcement, evaluated', () => {
    const own = `arn:aws:iam::${AUTH}:user/chloe.durand`;

    test('denies ordinary actions without MFA, even with an administrator policy', async () => {
      expect(await asUser('chloe.durand', 'iam:ListRoles', '*')).toBe('ExplicitlyDenied');
      expect(await asUser('chloe.durand', 'sts:AssumeRole', 'arn:aws:iam::555555555555:role/acme-pci-access-Developer')).toBe('ExplicitlyDenied');
      expect(await asUser('chloe.durand', 'iam:CreateAccessKey', own)).toBe('ExplicitlyDenied');
    });

    test('allows the same actions once signed in with MFA', async () => {
      expect(await asUser('chloe.durand', 'iam:ListRoles', '*', 120)).toBe('Allowed');
    });

    test('lets a user without MFA enrol a virtual MFA device on their own user', async () => {
      const { principal, context } = caller({ user: 'chloe.durand' });
      const request = { principal, resourceAccount: AUTH, identityPolicies: [mfaPolicy], context };
      expect(await simulate({ ...request, action: 'iam:CreateVirtualMFADevice', resource: `arn:aws:iam::${AUTH}:mfa/chloe-phone` })).toBe('Allowed');
      expect(await simulate({ ...request, action: 'iam:EnableMFADevice', resource: own })).toBe('Allowed');
      expect(await simulate({ ...request, action: 'iam:ListMFADevices', resource: own })).toBe('Allowed');
      expect(await simulate({ ...request, action: 'iam:ChangePassword', resource: own })).toBe('Allowed');
      expect(await simulate({ ...request, action: 'sts:GetSessionToken', resource: '*' })).not.toBe('ExplicitlyDenied');
    });

    test("denies enabling an MFA device on someone else's user", async () => {
      const { principal, context } = caller({ user: 'chloe.durand' });
      expect(
        await simulate({ principal, action: 'iam:EnableMFADevice', resource: `arn:aws:iam::${AUTH}:user/alice.martin`, resourceAccount: AUTH, identityPolicies: [mfaPolicy], context }),
      ).not.toBe('Allowed');
    });

    test('lets a break-glass user (under /break-glass/) enrol their device', async () => {
      const { principal, context } = caller({ user: 'breakglass-1', path: '/break-glass/' });
      expect(
        await simulate({ principal, action: 'iam:EnableMFADevice', resource: principal, resourceAccount: AUTH, identityPolicies: [mfaPolicy], context }),
      ).toBe('Allowed');
    });

    test('allows deactivating one\'s own MFA device only with MFA', async () => {
      const { principal, context } = caller({ user: 'chloe.durand' });
      const request = { principal, action: 'iam:DeactivateMFADevice', resource: own, resourceAccount: AUTH, identityPolicies: [mfaPolicy] };
      expect(await simulate({ ...request, context })).not.toBe('Allowed');
      expect(await simulate({ ...request, context: caller({ user: 'chloe.durand', mfaAgeSeconds: 30 }).context })).toBe('Allowed');
    });
  });
});
