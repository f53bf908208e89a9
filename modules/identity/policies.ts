/**
 * The IAM policies of the access model, as data: role trust, group assume
 * permissions and MFA enforcement. Account ids and names come from the config and
 * naming, so the synthesized JSON holds the literal policies the tests simulate.
 */
import type { Naming } from '../../accounts';
import type { AccessLevel, AccessMode } from '../../accounts/identity';
import { accessMode } from '../../accounts/identity';
import { accountPrincipal, policyJson, type Condition, type PolicyStatement } from '../iam/policy-document';

/** IAM policy variable of the caller's user name. */
const USERNAME = '${aws:username}';

/**
 * Policy JSON for Terraform: IAM policy variables such as `${aws:username}` are
 * escaped as `$${...}` so Terraform does not read them as interpolations.
 */
export function terraformPolicyJson(...statements: readonly PolicyStatement[]): string {
  return policyJson(...statements).replace(/\$\{(?!TfToken\[)/g, '$$$${');
}

export interface TrustOptions {
  /** Principals of the auth account allowed, as an aws:PrincipalArn pattern. */
  readonly principalArnPattern: string;
  /** Oldest accepted MFA authentication, in seconds (aws:MultiFactorAuthAge). */
  readonly mfaMaxAgeSeconds: number;
}

/**
 * Trust of a role assumed from the auth account: only IAM users of that account
 * (matching `principalArnPattern`), with MFA no older than `mfaMaxAgeSeconds`
 * (PCI DSS 8.4.2, 8.5.1), from the organization (aws:PrincipalOrgID) or, without an
 * organization id in the config, from the auth account (aws:PrincipalAccount), and
 * with their user name as session name so CloudTrail attributes every action to a
 * person (PCI DSS 10.2.1, 8.2.1).
 */
export function trustStatements(names: Naming, options: TrustOptions): PolicyStatement[] {
  const auth = names.account('auth');
  const orgId = names.org.organizationId;
  const condition: Condition = {
    Bool: { 'aws:MultiFactorAuthPresent': 'true' },
    NumericLessThanEquals: { 'aws:MultiFactorAuthAge': String(options.mfaMaxAgeSeconds) },
    StringEquals: {
      ...(orgId ? { 'aws:PrincipalOrgID': orgId } : { 'aws:PrincipalAccount': auth.id }),
      'sts:RoleSessionName': USERNAME,
    },
    ArnLike: { 'aws:PrincipalArn': options.principalArnPattern },
  };
  return [
    {
      Sid: 'AuthAccountUsersWithMfa',
      Effect: 'Allow',
      Principal: accountPrincipal(names.partition, auth.id),
      Action: 'sts:AssumeRole',
      Condition: condition,
    },
  ];
}

/** ARN pattern of the auth account's IAM users at `path` ("/" for every user). */
export function authUserArnPattern(names: Naming, path = '/'): string {
  return `arn:${names.partition}:iam::${names.account('auth').id}:user${path}*`;
}

/** Accounts (with an id) that `level` reaches, with the mode of each. */
export function levelTargets(names: Naming, level: AccessLevel): { account: ReturnType<Naming['account']>; mode: Exclude<AccessMode, 'none'> }[] {
  return names.existingAccounts.flatMap((account) => {
    const mode = accessMode(level, account);
    return mode === 'none' ? [] : [{ account, mode }];
  });
}

/** Allows assuming `roleArns`, with MFA, for a group of the auth account. */
export function assumeStatements(sid: string, roleArns: readonly string[]): PolicyStatement[] {
  if (roleArns.length === 0) return [];
  return [
    {
      Sid: sid,
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: [...roleArns],
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ];
}

/** What a user may do before MFA: enrol a device, change the password, get an MFA session. */
export const WITHOUT_MFA_ACTIONS = [
  'iam:ChangePassword',
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:GetAccountPasswordPolicy',
  'iam:GetMFADevice',
  'iam:GetUser',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'sts:GetSessionToken',
] as const;

/**
 * MFA enforcement for the auth account's users, after the AWS example "IAM: Allows
 * IAM users to self-manage an MFA device": users manage their own MFA device and
 * password; everything else is denied while no MFA is present (BoolIfExists, so
 * long-term keys without MFA are denied too). PCI DSS 8.4.2, 8.3.1.
 */
export function mfaEnforcementStatements(names: Naming): PolicyStatement[] {
  const account = names.account('auth').id;
  const iam = `arn:${names.partition}:iam::${account}`;
  // Break-glass users sit under their own path; the variable cannot match a path.
  const ownUser = [`${iam}:user/${USERNAME}`, `${iam}:user${names.breakGlassUserPath}${USERNAME}`];
  return [
    {
      Sid: 'ViewAccountMfaAndPasswordRules',
      Effect: 'Allow',
      Action: ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'],
      Resource: '*',
    },
    {
      Sid: 'CreateVirtualMfaDevice',
      Effect: 'Allow',
      Action: 'iam:CreateVirtualMFADevice',
      Resource: `${iam}:mfa/*`,
    },
    {
      Sid: 'ManageOwnMfaAndPassword',
      Effect: 'Allow',
      Action: ['iam:ChangePassword', 'iam:EnableMFADevice', 'iam:GetMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
      Resource: ownUser,
    },
    {
      Sid: 'DeactivateOwnMfaOnlyWithMfa',
      Effect: 'Allow',
      Action: 'iam:DeactivateMFADevice',
      Resource: ownUser,
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
    {
      Sid: 'DenyAllButMfaEnrolmentWithoutMfa',
      Effect: 'Deny',
      NotAction: [...WITHOUT_MFA_ACTIONS],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ];
}
