import { Construct } from 'constructs';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserGroupMembership } from '@cdktf/provider-aws/lib/iam-user-group-membership';
import type { Naming } from '../../accounts';
import { AccessGroup } from './access-group';
import { levelTargets, mfaEnforcementStatements, terraformPolicyJson } from './policies';

export interface AuthIdentityProps {
  readonly names: Naming;
}

/**
 * The auth account's side of the access model: the MFA enforcement policy, one
 * group per access level (allowed to assume that level's role in the accounts it
 * reaches), the break-glass group, and the IAM users of the config with their
 * memberships. Users get no access keys and no password from Terraform: nothing
 * secret lands in the state (first sign-in: see README).
 */
export class AuthIdentity extends Construct {
  readonly mfaPolicy: IamPolicy;
  /** Groups by level name. */
  readonly groups: Record<string, AccessGroup> = {};
  readonly breakGlassGroup: AccessGroup;
  readonly users: Record<string, IamUser> = {};

  constructor(scope: Construct, id: string, props: AuthIdentityProps) {
    super(scope, id);
    const { names } = props;
    const identity = names.org.identity;

    this.mfaPolicy = new IamPolicy(this, 'require-mfa', {
      name: names.mfaPolicyName,
      description: 'Denies everything but managing one\'s own MFA device and password until signed in with MFA (PCI DSS 8.4.2)',
      policy: terraformPolicyJson(...mfaEnforcementStatements(names)),
    });

    for (const level of identity.accessLevels) {
      this.groups[level.name] = new AccessGroup(this, `level-${level.name}`, {
        groupName: names.accessGroupName(level.name),
        assumableRoleArns: levelTargets(names, level).map(({ account }) => names.roleArn(account.id, names.accessRoleName(level.name))),
        mfaPolicyArn: this.mfaPolicy.arn,
      });
    }
    this.breakGlassGroup = new AccessGroup(this, 'break-glass', {
      groupName: names.breakGlassGroupName,
      assumableRoleArns: names.existingAccounts.map((a) => names.roleArn(a.id, names.breakGlassRoleName)),
      mfaPolicyArn: this.mfaPolicy.arn,
    });

    for (const user of identity.users) {
      const iamUser = new IamUser(this, `user-${user.name}`, { name: user.name, forceDestroy: false, tags: user.email ? { Email: user.email } : undefined });
      this.users[user.name] = iamUser;
      new IamUserGroupMembership(this, `user-${user.name}-groups`, {
        user: iamUser.name,
        groups: user.levels.map((level) => this.groups[level].group.name),
      });
    }
    for (const name of identity.breakGlass.users) {
      const iamUser = new IamUser(this, `break-glass-${name}`, {
        name,
        path: names.breakGlassUserPath,
        forceDestroy: false,
        tags: { Purpose: 'break-glass' },
      });
      this.users[name] = iamUser;
      new IamUserGroupMembership(this, `break-glass-${name}-groups`, { user: iamUser.name, groups: [this.breakGlassGroup.group.name] });
    }
  }
}
