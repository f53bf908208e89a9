import { exampleCopy, resources, synthOrg } from '../../helpers/synth';
import { actionsIn, unknownActions } from '../../helpers/iam';
import { iamPolicy } from './access';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1234567890abcdef';
const GROUPS = { Master: '11111111-1111-4111-8111-111111111111', Admin: '22222222-2222-4222-8222-222222222222', Developer: '33333333-3333-4333-8333-333333333333', SecurityAuditor: '44444444-4444-4444-8444-444444444444', CostManager: '55555555-5555-4555-8555-555555555555' };

function withIdentityCenter() {
  const input: any = exampleCopy();
  input.identity.identityCenter = { enabled: true, instanceArn: INSTANCE, identityStoreId: 'd-1234567890', groups: GROUPS };
  return synthOrg(input).stacks;
}

describe('Identity Center access', () => {
  test('creates nothing while disabled (the default)', () => {
    const management = synthOrg().stacks.management;
    expect(resources(management, 'aws_ssoadmin_permission_set')).toEqual({});
    expect(resources(management, 'aws_ssoadmin_account_assignment')).toEqual({});
  });

  describe('when enabled', () => {
    const management = withIdentityCenter().management;
    const sets = Object.values(resources(management, 'aws_ssoadmin_permission_set')) as any[];
    const setRef = (name: string) => {
      const key = Object.entries(resources(management, 'aws_ssoadmin_permission_set')).find(([, s]: any) => s.name === name)![0];
      return `\${aws_ssoadmin_permission_set.${key}.arn}`;
    };

    test('creates one permission set per level and mode in use, with one-hour sessions', () => {
      expect(sets.map((s) => s.name).sort()).toEqual(
        ['Admin', 'Admin-ReadOnly', 'CostManager', 'Developer', 'Developer-ReadOnly', 'Master', 'SecurityAuditor'].sort(),
      );
      for (const s of sets) expect([s.name, s.session_duration, s.instance_arn]).toEqual([s.name, 'PT1H', INSTANCE]);
    });

    test('attaches the level policies by mode', () => {
      const attached = (set: string) =>
        (Object.values(resources(management, 'aws_ssoadmin_managed_policy_attachment')) as any[])
          .filter((a) => a.permission_set_arn === setRef(set))
          .map((a) => a.managed_policy_arn)
          .sort();
      expect(attached('Developer')).toEqual(['arn:aws:iam::aws:policy/PowerUserAccess']);
      expect(attached('Developer-ReadOnly')).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
      expect(attached('CostManager')).toEqual(['arn:aws:iam::aws:policy/job-function/Billing']);
    });

    test('puts own statements in an inline policy with catalogued actions', async () => {
      const inline = Object.values(resources(management, 'aws_ssoadmin_permission_set_inline_policy')) as any[];
      expect(inline.map((i) => i.permission_set_arn)).toEqual([setRef('CostManager')]);
      expect(await unknownActions(actionsIn(iamPolicy(inline[0].inline_policy)))).toEqual([]);
    });

    test("assigns each level's group to exactly the accounts it reaches: Developer full in dev, read-only in staging, not prod", () => {
      const assignments = (Object.values(resources(management, 'aws_ssoadmin_account_assignment')) as any[]).filter((a) => a.principal_id === GROUPS.Developer);
      expect(assignments.map((a) => [a.permission_set_arn, a.target_id, a.principal_type, a.target_type]).sort((x, y) => x[1].localeCompare(y[1]))).toEqual([
        [setRef('Developer'), '555555555555', 'GROUP', 'AWS_ACCOUNT'],
        [setRef('Developer-ReadOnly'), '666666666666', 'GROUP', 'AWS_ACCOUNT'],
      ]);
      expect((Object.values(resources(management, 'aws_ssoadmin_account_assignment')) as any[]).filter((a) => a.principal_id === GROUPS.Master)).toHaveLength(7);
    });
  });
});
