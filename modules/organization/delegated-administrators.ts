import { Construct } from 'constructs';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { CloudtrailOrganizationDelegatedAdminAccount } from '@cdktf/provider-aws/lib/cloudtrail-organization-delegated-admin-account';
import { GuarddutyOrganizationAdminAccount } from '@cdktf/provider-aws/lib/guardduty-organization-admin-account';
import { Inspector2DelegatedAdminAccount } from '@cdktf/provider-aws/lib/inspector2-delegated-admin-account';
import { OrganizationsDelegatedAdministrator } from '@cdktf/provider-aws/lib/organizations-delegated-administrator';
import { SecurityhubOrganizationAdminAccount } from '@cdktf/provider-aws/lib/securityhub-organization-admin-account';

export interface DelegatedAdministratorsProps {
  /** 12-digit id of the member account that administers the security services. */
  readonly accountId: string;
  /** Regions where the regional services (GuardDuty, Security Hub, Inspector) are administered; the first is the home region. */
  readonly regions: readonly string[];
  /** The provider of a region, in the management account. */
  readonly providerFor: (region: string) => TerraformProvider;
  /** What must exist first: the organization with trusted access for every service. */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * Makes one member account the delegated administrator of the security services,
 * each through the API its AWS documentation prescribes (PCI DSS 10.2.1, 10.4.1,
 * 11.5.1: the organization's detection runs from an account the workloads cannot
 * administer, and not from the management account):
 * - CloudTrail: cloudtrail:RegisterOrganizationDelegatedAdmin, which also creates the
 *   service-linked role in the management account (the Organizations API does not);
 * - Config: Organizations registrations for both config.amazonaws.com (aggregator)
 *   and config-multiaccountsetup.amazonaws.com (organization rules and conformance packs);
 * - IAM Access Analyzer: Organizations registration for access-analyzer.amazonaws.com;
 * - GuardDuty, Security Hub, Inspector: their own EnableOrganizationAdminAccount /
 *   EnableDelegatedAdminAccount, once per region (these services are regional and
 *   register the account in Organizations themselves; AWS recommends the same account
 *   in every region).
 */
export class DelegatedAdministrators extends Construct {
  constructor(scope: Construct, id: string, props: DelegatedAdministratorsProps) {
    super(scope, id);
    const { accountId, dependsOn } = props;
    const [home] = props.regions;
    if (!home) throw new Error('DelegatedAdministrators needs at least one region');

    new CloudtrailOrganizationDelegatedAdminAccount(this, 'cloudtrail', { accountId, dependsOn, provider: props.providerFor(home) });
    for (const principal of ['config.amazonaws.com', 'config-multiaccountsetup.amazonaws.com', 'access-analyzer.amazonaws.com']) {
      new OrganizationsDelegatedAdministrator(this, principal.replace('.amazonaws.com', ''), {
        accountId,
        servicePrincipal: principal,
        dependsOn,
        provider: props.providerFor(home),
      });
    }
    // The home region registers the account in Organizations; the other regions wait
    // for it, so no two calls race on the same registration.
    const first: Record<string, ITerraformDependable> = {};
    const after = (service: string) => (first[service] ? [...dependsOn, first[service]] : dependsOn);
    for (const region of props.regions) {
      const provider = props.providerFor(region);
      const guardduty = new GuarddutyOrganizationAdminAccount(this, `guardduty-${region}`, { adminAccountId: accountId, dependsOn: after('guardduty'), provider });
      const securityhub = new SecurityhubOrganizationAdminAccount(this, `securityhub-${region}`, { adminAccountId: accountId, dependsOn: after('securityhub'), provider });
      const inspector = new Inspector2DelegatedAdminAccount(this, `inspector2-${region}`, { accountId, dependsOn: after('inspector2'), provider });
      first.guardduty ??= guardduty;
      first.securityhub ??= securityhub;
      first.inspector2 ??= inspector;
    }
  }
}
