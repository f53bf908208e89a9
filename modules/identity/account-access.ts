import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import type { Account, Naming } from '../../accounts';
import { accessMode } from '../../accounts/identity';
import { AccessRole } from './access-role';
import { BreakGlassAlarm } from './break-glass-alarm';
import { authUserArnPattern, trustStatements } from './policies';

export interface AccountAccessProps {
  readonly names: Naming;
  /** The account this construct deploys into. */
  readonly account: Account & { readonly id: string };
  /** Regions where break-glass use is watched, each with its provider (home region first). */
  readonly regions: readonly { readonly region: string; readonly provider?: TerraformProvider }[];
}

/**
 * The access side of one account: a role per access level that reaches it (its
 * own permissions in "full" mode, the read-only policies in "read-only" mode),
 * trusted only by the auth account's users with MFA; and the break-glass role,
 * trusted only by the break-glass users, alarmed in every region of the account.
 */
export class AccountAccess extends Construct {
  /** Access roles by level name. */
  readonly roles: Record<string, AccessRole> = {};
  readonly breakGlass: AccessRole;

  constructor(scope: Construct, id: string, props: AccountAccessProps) {
    super(scope, id);
    const { names, account } = props;
    const identity = names.org.identity;

    for (const level of identity.accessLevels) {
      const mode = accessMode(level, account);
      if (mode === 'none') continue;
      const full = mode === 'full';
      this.roles[level.name] = new AccessRole(this, `level-${level.name}`, {
        roleName: names.accessRoleName(level.name),
        description: `${level.name} (${mode}): ${level.description}`.slice(0, 1000),
        trust: trustStatements(names, { principalArnPattern: authUserArnPattern(names), mfaMaxAgeSeconds: identity.mfaMaxAgeSeconds }),
        managedPolicyArns: (full ? level.awsManagedPolicies : level.readOnlyPolicies).map((p) => names.awsManagedPolicyArn(p)),
        statements: full ? level.statements : [],
      });
    }

    this.breakGlass = new AccessRole(this, 'break-glass', {
      roleName: names.breakGlassRoleName,
      description: 'Emergency access outside the access levels; every use is alarmed. See the break-glass runbook.',
      trust: trustStatements(names, {
        principalArnPattern: authUserArnPattern(names, names.breakGlassUserPath),
        mfaMaxAgeSeconds: identity.mfaMaxAgeSeconds,
      }),
      managedPolicyArns: identity.breakGlass.awsManagedPolicies.map((p) => names.awsManagedPolicyArn(p)),
    });
    const roleArn = names.roleArn(account.id, names.breakGlassRoleName);
    for (const { region, provider } of props.regions) {
      new BreakGlassAlarm(this, `break-glass-alarm-${region}`, {
        roleArn,
        accountId: account.id,
        region,
        topicName: names.breakGlassTopicName,
        ruleName: names.breakGlassRuleName,
        keyAlias: names.breakGlassKeyAlias,
        emails: identity.breakGlass.notificationEmails,
        partition: names.partition,
        provider,
      });
    }
  }
}
