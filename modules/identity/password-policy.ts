import { Construct } from 'constructs';
import { IamAccountPasswordPolicy } from '@cdktf/provider-aws/lib/iam-account-password-policy';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../../accounts/identity';

/**
 * The account's IAM password policy. Defaults: 14 characters, all four character
 * classes, 24 remembered, 90 days, users change their own, no hard expiry.
 * Validation (accounts/identity.ts) rejects anything below PCI DSS v4.0.1
 * 8.3.6 (12 characters, letters and digits), 8.3.7 (4 remembered) and 8.3.9 (90 days).
 */
export type AccountPasswordPolicyProps = Readonly<Partial<PasswordPolicy>>;

export class AccountPasswordPolicy extends Construct {
  readonly policy: IamAccountPasswordPolicy;

  constructor(scope: Construct, id: string, props: AccountPasswordPolicyProps = {}) {
    super(scope, id);
    const p = { ...DEFAULT_PASSWORD_POLICY, ...props };
    this.policy = new IamAccountPasswordPolicy(this, 'policy', {
      minimumPasswordLength: p.minimumLength,
      requireLowercaseCharacters: p.requireLowercase,
      requireUppercaseCharacters: p.requireUppercase,
      requireNumbers: p.requireNumbers,
      requireSymbols: p.requireSymbols,
      passwordReusePrevention: p.reusePrevention,
      maxPasswordAge: p.maxAgeDays,
      allowUsersToChangePassword: p.allowUsersToChange,
      hardExpiry: p.hardExpiry,
    });
  }
}
