import { Construct } from 'constructs';
import { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';
import { OrganizationsOrganization } from '@cdktf/provider-aws/lib/organizations-organization';
import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { ROOT_OU, type Organization } from '../../accounts';
import type { ScpTarget } from './guardrails';

export interface OrganizationProps {
  readonly org: Organization;
  /** Service principals given trusted access. @default none */
  readonly servicePrincipals?: readonly string[];
}

/** Construct id of an OU, from its path: "Workloads/Prod" -> "ou-workloads-prod". Stable: it is a state address. */
export function ouConstructId(path: string): string {
  return `ou-${path.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/**
 * The AWS organization (all features, SCPs enabled), its OUs from the config, and
 * every member account placed in its OU. Accounts the landing zone creates keep
 * the attributes AWS cannot read back out of the diff, so they are never replaced,
 * and none can be destroyed by Terraform: closing an account is a deliberate act.
 */
export class OrganizationStructure extends Construct {
  readonly organization: OrganizationsOrganization;
  /** OU id by path ("Root" included). */
  readonly ouIds = new Map<string, string>();
  readonly accounts = new Map<string, OrganizationsAccount>();

  constructor(scope: Construct, id: string, private readonly props: OrganizationProps) {
    super(scope, id);
    const { org } = props;
    this.organization = new OrganizationsOrganization(this, 'organization', {
      featureSet: 'ALL',
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
      awsServiceAccessPrincipals: props.servicePrincipals ? [...props.servicePrincipals].sort() : undefined,
      lifecycle: { preventDestroy: true },
    });
    this.ouIds.set(ROOT_OU, this.organization.roots.get(0).id);

    // Validation guarantees parents are declared before children.
    for (const ou of org.organizationalUnits) {
      const slash = ou.path.lastIndexOf('/');
      const parent = slash < 0 ? ROOT_OU : ou.path.slice(0, slash);
      const unit = new OrganizationsOrganizationalUnit(this, ouConstructId(ou.path), {
        name: ou.path.slice(slash + 1),
        parentId: this.ouIds.get(parent)!,
      });
      this.ouIds.set(ou.path, unit.id);
    }

    for (const account of org.accounts) {
      if (account.role === 'management') continue; // the management account is the organization itself
      this.accounts.set(
        account.name,
        new OrganizationsAccount(this, `account-${account.name}`, {
          name: account.name,
          email: account.email,
          parentId: this.ouIds.get(account.ou)!,
          roleName: org.stackRoleName,
          closeOnDeletion: false,
          iamUserAccessToBilling: 'DENY',
          lifecycle: { ignoreChanges: ['role_name', 'iam_user_access_to_billing'], preventDestroy: true },
        }),
      );
    }
  }

  /**
   * The id of a policy target: the root or OU id (Terraform references), or the
   * account id — the literal one from the config when the account exists, the
   * created account's reference otherwise.
   */
  targetId(target: ScpTarget): string {
    if (target.kind === 'root') return this.ouIds.get(ROOT_OU)!;
    if (target.kind === 'ou') {
      const id = this.ouIds.get(target.path);
      if (!id) throw new Error(`unknown OU "${target.path}"`);
      return id;
    }
    const account = this.accounts.get(target.name);
    if (!account) throw new Error(`unknown member account "${target.name}"`);
    return this.props.org.accounts.find((a) => a.name === target.name)?.id ?? account.id;
  }
}
