import { Construct } from 'constructs';
import type { Naming } from '../accounts';
import { OrganizationAggregator } from '../modules/config/organization-aggregator';
import { OrganizationConformancePacks } from '../modules/config/organization-conformance-packs';
import { COMPLIANCE_STACK, planDeployment, type RegionDeployment } from '../remediations/deployment';
import { LandingZoneStack } from './landing-zone-stack';

/**
 * Organization-wide compliance, in the Config delegated administrator (the logging
 * account unless guardrails.delegatedAdministrator names another): the organization
 * aggregator and the conformance packs generated from the catalog, in every allowed
 * region. Deployed last: a pack fails in any account without a recorder.
 */
export class ComplianceStack extends LandingZoneStack {
  readonly aggregator: OrganizationAggregator;
  readonly deployment: readonly RegionDeployment[];
  readonly conformancePacks: Record<string, OrganizationConformancePacks> = {};

  constructor(scope: Construct, names: Naming) {
    const admin = names.delegatedAdministrator;
    super(scope, { names, account: admin, stackName: COMPLIANCE_STACK });
    this.aggregator = new OrganizationAggregator(this, 'aggregator', {
      name: names.configAggregatorName,
      roleName: names.configAggregatorRoleName,
      accountId: admin.id,
      regions: this.org.allowedRegions,
      partition: names.partition,
    });
    this.deployment = planDeployment(names);
    const readers = names.existingAccounts.map((a) => a.id);
    for (const { region, packs, excludedAccountIds } of this.deployment) {
      this.conformancePacks[region] = new OrganizationConformancePacks(this, `conformance-packs-${region}`, {
        packs,
        excludedAccounts: excludedAccountIds,
        templateBucket: {
          bucketName: names.conformsTemplateBucket(admin.id, region),
          accountId: admin.id,
          region,
          readerAccountIds: readers,
          partition: names.partition,
        },
        provider: this.providerFor(region),
      });
    }
  }
}
