import { Construct } from 'constructs';
import { SsoadminAccountAssignment } from '@cdktf/provider-aws/lib/ssoadmin-account-assignment';
import { SsoadminManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment';
import { SsoadminPermissionSet } from '@cdktf/provider-aws/lib/ssoadmin-permission-set';
import { SsoadminPermissionSetInlinePolicy } from '@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy';
import type { Naming } from '../../accounts';
import { SESSION_DURATION_SECONDS, type AccessLevel } from '../../accounts/identity';
import { levelTargets, terraformPolicyJson } from './policies';

export interface IdentityCenterAccessProps {
  readonly names: Naming;
}

/** Permission set name of a level in a mode: "Developer" (full) or "Developer-ReadOnly". */
export function permissionSetName(level: string, mode: 'full' | 'read-only'): string {
  return mode === 'full' ? level : `${level}-ReadOnly`;
}

/**
 * IAM Identity Center from the same access levels, when `identity.identityCenter.enabled`:
 * one permission set per level and mode in use (one-hour sessions), and one account
 * assignment per reached account for the level's IdP group. Sign-in, MFA and lockout
 * (PCI DSS 8.3.4, 8.4.2) are the IdP's and Identity Center's settings, outside
 * Terraform. Creates nothing when Identity Center is off.
 */
export class IdentityCenterAccess extends Construct {
  /** Permission sets by name. */
  readonly permissionSets: Record<string, SsoadminPermissionSet> = {};

  constructor(scope: Construct, id: string, props: IdentityCenterAccessProps) {
    super(scope, id);
    const { names } = props;
    const ic = names.org.identity.identityCenter;
    if (!ic.enabled || !ic.instanceArn) return;
    const instanceArn = ic.instanceArn;

    for (const level of names.org.identity.accessLevels) {
      const targets = levelTargets(names, level);
      const groupId = ic.groups[level.name];
      for (const mode of ['full', 'read-only'] as const) {
        const accounts = targets.filter((t) => t.mode === mode).map((t) => t.account);
        if (accounts.length === 0) continue;
        const name = permissionSetName(level.name, mode);
        const set = this.permissionSet(names, instanceArn, level, mode, name);
        for (const account of accounts) {
          new SsoadminAccountAssignment(this, `${name}-${account.name}`, {
            instanceArn,
            permissionSetArn: set.arn,
            principalId: groupId,
            principalType: 'GROUP',
            targetId: account.id,
            targetType: 'AWS_ACCOUNT',
          });
        }
      }
    }
  }

  private permissionSet(names: Naming, instanceArn: string, level: AccessLevel, mode: 'full' | 'read-only', name: string): SsoadminPermissionSet {
    const set = new SsoadminPermissionSet(this, name, {
      name,
      instanceArn,
      description: `${level.name} (${mode}): ${level.description}`.slice(0, 700),
      sessionDuration: `PT${SESSION_DURATION_SECONDS / 3600}H`,
    });
    this.permissionSets[name] = set;
    const policies = mode === 'full' ? level.awsManagedPolicies : level.readOnlyPolicies;
    for (const policy of policies) {
      new SsoadminManagedPolicyAttachment(this, `${name}-${policy.replace(/[^A-Za-z0-9-]/g, '-')}`, {
        instanceArn,
        permissionSetArn: set.arn,
        managedPolicyArn: names.awsManagedPolicyArn(policy),
      });
    }
    if (mode === 'full' && level.statements.length > 0) {
      new SsoadminPermissionSetInlinePolicy(this, `${name}-inline`, {
        instanceArn,
        permissionSetArn: set.arn,
        inlinePolicy: terraformPolicyJson(...level.statements),
      });
    }
    return set;
  }
}
