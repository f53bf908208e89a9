import { Construct } from 'constructs';
import type { Naming } from '../accounts';
import { DelegatedAdministrators } from '../modules/organization/delegated-administrators';
import { guardrailPolicies } from '../modules/organization/guardrails';
import { IdentityCenterAccess } from '../modules/identity/identity-center-access';
import { addOrganizationTrail } from '../modules/logging/organization-trail';
import { OrganizationStructure } from '../modules/organization/organization';
import { ServiceControlPolicies } from '../modules/organization/service-control-policies';
import { trustedServicePrincipals } from '../modules/organization/trusted-services';
import { AccountStack } from './account-stack';

/**
 * The organization management account: AWS Organizations with trusted access for
 * the security services, OUs and member accounts, the service control policies
 * and the delegated administrator of the security services.
 */
export class ManagementStack extends AccountStack {
  readonly organization: OrganizationStructure;
  readonly guardrails: ServiceControlPolicies;
  readonly delegatedAdministrators: DelegatedAdministrators;

  constructor(scope: Construct, names: Naming) {
    super(scope, names, names.account('management'));
    this.organization = new OrganizationStructure(this, 'organization', { org: names.org, servicePrincipals: trustedServicePrincipals() });
    new IdentityCenterAccess(this, 'identity-center', { names }); // permission sets + assignments when identity.identityCenter.enabled
    const organization = [this.organization.organization];
    this.guardrails = new ServiceControlPolicies(this, 'guardrails', {
      policies: guardrailPolicies(names),
      resolveTarget: (target) => this.organization.targetId(target),
      dependsOn: organization,
    });
    this.delegatedAdministrators = new DelegatedAdministrators(this, 'delegated-administrators', {
      accountId: names.delegatedAdministrator.id,
      regions: [...new Set([names.org.homeRegion, ...names.org.allowedRegions])],
      providerFor: (region) => this.providerFor(region),
      dependsOn: organization,
    });
    addOrganizationTrail(this); // only when logging.trailOwner is "management" (modules/logging)
  }
}
