import { ACCOUNT_ROLES, ENVIRONMENTS, validateOrganization } from '../../accounts';
import { DEFAULT_ACCESS_LEVELS, TARGET_ENVIRONMENTS, TARGET_ROLES, accessMode } from '../../accounts/identity';
import { exampleCopy, problemsOf } from '../helpers/synth';

const withPassword = (policy: Record<string, unknown>) => (org: any) => (org.identity = { ...org.identity, passwordPolicy: policy });

describe('identity config', () => {
  test('defaults to the PCI password policy and the five standard levels', () => {
    const input: any = exampleCopy();
    delete input.identity;
    const { identity } = validateOrganization(input);
    expect(identity.passwordPolicy).toEqual({
      minimumLength: 14,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
      reusePrevention: 24,
      maxAgeDays: 90,
      allowUsersToChange: true,
      hardExpiry: false,
    });
    expect(identity.accessLevels.map((l) => l.name)).toEqual(['Master', 'Admin', 'Developer', 'SecurityAuditor', 'CostManager']);
    expect(identity.mfaMaxAgeSeconds).toBe(3600);
    expect(identity.users).toEqual([]);
    expect(identity.identityCenter.enabled).toBe(false);
  });

  test('accepts the PCI minimums exactly (12 characters with letters and digits, 4 remembered, 90 days)', () => {
    const input: any = exampleCopy();
    input.identity.passwordPolicy = { minimumLength: 12, requireUppercase: false, requireSymbols: false, reusePrevention: 4, maxAgeDays: 90 };
    expect(validateOrganization(input).identity.passwordPolicy.minimumLength).toBe(12);
  });

  test('the access target lists match the schema (identity.ts cannot import them at runtime)', () => {
    expect([...TARGET_ROLES]).toEqual([...ACCOUNT_ROLES]);
    expect([...TARGET_ENVIRONMENTS]).toEqual([...ENVIRONMENTS]);
  });

  test('accessMode: the account name wins over the environment, the role and "*"', () => {
    const org = validateOrganization(exampleCopy());
    const level = { ...org.identity.accessLevels[0], access: { '*': 'read-only', workload: 'full', prod: 'none', staging: 'read-only' } } as any;
    const mode = (name: string) => accessMode(level, org.accounts.find((a) => a.name === name)!);
    expect([mode('management'), mode('dev'), mode('staging'), mode('prod')]).toEqual(['read-only', 'full', 'read-only', 'none']);
    expect(accessMode({ ...level, access: { dev: 'full' } }, org.accounts[0])).toBe('none');
  });

  describe('password policy below PCI DSS v4.0.1 is rejected', () => {
    test('fails when shorter than 12 characters (8.3.6)', () => {
      const error = problemsOf(withPassword({ minimumLength: 8 }));
      expect(error.message).toContain('identity.passwordPolicy.minimumLength: is below PCI DSS 8.3.6 (at least 12 characters); fix: set 12 or more (default 14) (received 8)');
    });

    test('fails when no letters are required (8.3.6)', () => {
      const error = problemsOf(withPassword({ requireLowercase: false, requireUppercase: false }));
      expect(error.message).toContain('identity.passwordPolicy.requireLowercase: PCI DSS 8.3.6 needs letters in every password');
    });

    test('fails when digits are not required (8.3.6)', () => {
      const error = problemsOf(withPassword({ requireNumbers: false }));
      expect(error.message).toContain('identity.passwordPolicy.requireNumbers: PCI DSS 8.3.6 needs digits in every password; fix: set requireNumbers to true');
    });

    test('fails when fewer than 4 passwords are remembered (8.3.7)', () => {
      const error = problemsOf(withPassword({ reusePrevention: 3 }));
      expect(error.message).toContain('identity.passwordPolicy.reusePrevention: is below PCI DSS 8.3.7 (none of the last 4 passwords reused); fix: set 4 or more (default 24) (received 3)');
    });

    test('fails when passwords live longer than 90 days (8.3.9)', () => {
      const error = problemsOf(withPassword({ maxAgeDays: 180 }));
      expect(error.message).toContain('identity.passwordPolicy.maxAgeDays: is above PCI DSS 8.3.9 (passwords changed at least every 90 days); fix: set 90 or less (received 180)');
    });

    test('reports every weakness at once', () => {
      const error = problemsOf(withPassword({ minimumLength: 6, requireNumbers: false, reusePrevention: 1, maxAgeDays: 365 }));
      expect(error.problems.map((p) => p.path)).toEqual([
        'identity.passwordPolicy.minimumLength',
        'identity.passwordPolicy.requireNumbers',
        'identity.passwordPolicy.reusePrevention',
        'identity.passwordPolicy.maxAgeDays',
      ]);
    });

    test('fails on values IAM does not accept, at the shape layer', () => {
      const error = problemsOf(withPassword({ minimumLength: 200, reusePrevention: 30 }));
      expect(error.problems.map((p) => p.path)).toEqual(['identity.passwordPolicy.minimumLength', 'identity.passwordPolicy.reusePrevention']);
    });
  });

  describe('access levels', () => {
    test('fails on two levels whose names differ only by case', () => {
      const error = problemsOf((org) => (org.identity.accessLevels = [...DEFAULT_ACCESS_LEVELS, { ...DEFAULT_ACCESS_LEVELS[2], name: 'developer' }]));
      expect(error.message).toContain('identity.accessLevels[5].name: duplicates identity.accessLevels[2].name (IAM names ignore case); fix: rename one level (received "developer")');
    });

    test('fails when a level reaches an unknown account, environment or role', () => {
      const error = problemsOf((org) => (org.identity.accessLevels = [{ ...DEFAULT_ACCESS_LEVELS[2], access: { qa: 'full' } }]));
      expect(error.message).toContain('identity.accessLevels[0].access: "qa" is no account, environment or role; fix: use "*", an account role (management, logging, auth, transversal, workload)');
    });

    test('fails on an unknown access mode', () => {
      const error = problemsOf((org) => (org.identity.accessLevels = [{ ...DEFAULT_ACCESS_LEVELS[2], access: { dev: 'admin' } }]));
      expect(error.message).toContain('identity.accessLevels[0].access.dev: must be one of full, read-only, none');
    });

    test('fails when a level grants nothing', () => {
      const error = problemsOf((org) => (org.identity.accessLevels = [{ name: 'Empty', description: 'nothing', access: { dev: 'full' } }]));
      expect(error.message).toContain('identity.accessLevels[0]: level "Empty" grants nothing; fix: add awsManagedPolicies or statements');
    });

    test('fails on wildcard actions in own statements', () => {
      const error = problemsOf(
        (org) =>
          (org.identity.accessLevels = [
            { name: 'Ops', description: 'ops', statements: [{ Effect: 'Allow', Action: ['ec2:DescribeInstances', 's3:*'], Resource: ['*'] }], access: { dev: 'full' } },
          ]),
      );
      expect(error.message).toContain('identity.accessLevels[0].statements[0].Action[1]: wildcard actions are not allowed in own statements');
      expect(error.message).toContain('(received "s3:*")');
    });

    test('fails on a level name that cannot name a role or permission set', () => {
      const error = problemsOf((org) => (org.identity.accessLevels = [{ ...DEFAULT_ACCESS_LEVELS[2], name: 'Dev-Team' }]));
      expect(error.message).toContain('identity.accessLevels[0].name: must be 2-23 letters or digits, starting with a letter');
    });
  });

  describe('users', () => {
    test('fails when a user holds an unknown level', () => {
      const error = problemsOf((org) => (org.identity.users = [{ name: 'zoe', levels: ['Developers'] }]));
      expect(error.message).toContain('identity.users[0].levels[0]: user "zoe" has an unknown level; fix: use one of "Master", "Admin", "Developer", "SecurityAuditor", "CostManager" (received "Developers")');
    });

    test('fails when a break-glass user has the name of a user', () => {
      const error = problemsOf((org) => (org.identity.breakGlass.users = ['Alice.Martin']));
      expect(error.message).toContain('identity.breakGlass.users[0]: duplicates identity.users[0].name (IAM names ignore case); fix: one person, one user (PCI DSS 8.2.1)');
    });
  });

  describe('Identity Center', () => {
    test('fails when enabled without instance, identity store and a group per level', () => {
      const uuid = '33333333-3333-4333-8333-333333333333';
      const error = problemsOf((org) => (org.identity.identityCenter = { enabled: true, groups: { Developer: uuid, Ghost: uuid } }));
      expect(error.message).toContain('identity.identityCenter.instanceArn: is required when Identity Center is enabled');
      expect(error.message).toContain('identity.identityCenter.identityStoreId: is required when Identity Center is enabled');
      expect(error.message).toContain('identity.identityCenter.groups: no group for level "Master"');
      expect(error.message).toContain('identity.identityCenter.groups.Ghost: "Ghost" is no access level');
    });

    test('fails on a group id that is not an identity store id (terraform would reject it)', () => {
      const error = problemsOf((org) => (org.identity.identityCenter = { groups: { Developer: 'developers' } }));
      expect(error.message).toContain('identity.identityCenter.groups.Developer: is not an identity store group id; fix: copy the GroupId (a UUID)');
    });

    test('fails on an instance ARN that is not one', () => {
      const error = problemsOf((org) => (org.identity.identityCenter = { instanceArn: 'ssoins-123' }));
      expect(error.message).toContain('identity.identityCenter.instanceArn: is not an Identity Center instance ARN');
    });
  });

  test('fails on an organization id that is not one', () => {
    const error = problemsOf((org) => (org.organizationId = 'org-123'));
    expect(error.message).toContain('organizationId: is not an organization id; fix: copy it from AWS Organizations');
  });
});
