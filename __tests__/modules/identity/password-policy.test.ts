import { Testing } from 'cdktf';
import { exampleCopy, onlyResource, resources, synthOrg } from '../../helpers/synth';
import { AccountPasswordPolicy } from '../../../modules/identity/password-policy';

const ACCOUNT_STACKS = ['management', 'logging', 'auth', 'transversal', 'dev', 'staging', 'prod'];
const PCI_DEFAULTS = {
  minimum_password_length: 14,
  require_lowercase_characters: true,
  require_uppercase_characters: true,
  require_numbers: true,
  require_symbols: true,
  password_reuse_prevention: 24,
  max_password_age: 90,
  allow_users_to_change_password: true,
  hard_expiry: false,
};

const withoutMetadata = ({ '//': _, ...rest }: Record<string, unknown>) => rest;

describe('account password policy', () => {
  test('every account stack has the PCI password policy', () => {
    const { stacks } = synthOrg();
    for (const name of ACCOUNT_STACKS) expect([name, withoutMetadata(onlyResource(stacks[name], 'aws_iam_account_password_policy'))]).toEqual([name, PCI_DEFAULTS]);
  });

  test('the bootstrap stack (state only) has none: the transversal stack owns that account', () => {
    expect(resources(synthOrg().stacks.bootstrap, 'aws_iam_account_password_policy')).toEqual({});
  });

  test('follows the config when it is stricter than the defaults', () => {
    const input: any = exampleCopy();
    input.identity.passwordPolicy = { minimumLength: 20, maxAgeDays: 60 };
    const policy = onlyResource(synthOrg(input).stacks.prod, 'aws_iam_account_password_policy');
    expect([policy.minimum_password_length, policy.max_password_age, policy.password_reuse_prevention]).toEqual([20, 60, 24]);
  });

  test('defaults to the PCI values when used on its own', () => {
    const stack = Testing.synthScope((scope) => new AccountPasswordPolicy(scope, 'pp'));
    const policy: any = Object.values(JSON.parse(stack).resource.aws_iam_account_password_policy)[0];
    expect(withoutMetadata(policy)).toEqual(PCI_DEFAULTS);
  });
});
