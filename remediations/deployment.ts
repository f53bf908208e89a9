/**
 * What the compliance stack deploys for an organization: the catalog with the
 * organization's own numbers, split into conformance packs per region, and the
 * accounts each region's packs skip. Pure data, shared by the stack and the
 * coverage report so the two cannot disagree.
 */
import type { Naming, Organization } from '../accounts';
import { accountRegions } from '../accounts/regions';
import type { BindingNames, RemediationContext } from './automation/remediation-configuration';
import { CATALOG } from './catalog';
import { planConformancePacks, type PackPlan } from './conformance-packs';
import type { CatalogRule } from './types';

/** Name of the stack that deploys the organization conformance packs. */
export const COMPLIANCE_STACK = 'compliance';

/** The packs of one region and who they skip. */
export interface RegionDeployment {
  readonly region: string;
  readonly home: boolean;
  readonly packs: readonly PackPlan[];
  /** Account ids skipped: excluded by config, or not working in this region (no recorder there). */
  readonly excludedAccountIds: readonly string[];
}

/**
 * The catalog as this organization deploys it: the IAM password policy rule checks the
 * organization's configured password policy (validated against PCI DSS 8.3.6-8.3.9), and its
 * remediation restores that same policy, so the rule, the fix and the policy cannot disagree.
 */
export function catalogFor(org: Organization, catalog: readonly CatalogRule[] = CATALOG): CatalogRule[] {
  const p = org.identity.passwordPolicy;
  const policy = {
    MinimumPasswordLength: String(p.minimumLength),
    PasswordReusePrevention: String(p.reusePrevention),
    MaxPasswordAge: String(p.maxAgeDays),
    RequireLowercaseCharacters: String(p.requireLowercase),
    RequireUppercaseCharacters: String(p.requireUppercase),
    RequireNumbers: String(p.requireNumbers),
    RequireSymbols: String(p.requireSymbols),
  };
  return catalog.map((rule) =>
    rule.name !== 'iam-password-policy'
      ? rule
      : {
          ...rule,
          inputParameters: { ...rule.inputParameters, ...policy },
          ...(rule.remediation ? { remediation: { ...rule.remediation, parameters: { ...rule.remediation.parameters, ...policy } } } : {}),
        },
  );
}

/** The landing zone names the bindings' <placeholders> refer to. */
export function bindingNames(names: Naming): BindingNames {
  const replication = names.org.compliance.s3Replication;
  return {
    trailLogGroup: names.trailLogGroup,
    trailLogsRoleName: names.trailLogsRoleName,
    logKeyArn: names.logKeyAliasArn,
    cloudTrailBucket: names.cloudTrailBucket,
    accountTrailName: names.accountTrailName,
    s3AccessLogBucket: names.s3AccessLogBucketTemplate,
    s3ReplicationRoleName: names.s3ReplicationRoleName,
    ...(replication ? { replicationDestinationBucketArn: replication.destinationBucketArn, replicationReplicaKmsKeyArn: replication.replicaKmsKeyArn } : {}),
  };
}

/** What the remediation configurations of the packs name: the role and documents every account stack deploys. */
export function remediationContext(names: Naming): RemediationContext {
  return {
    remediationRoleName: names.remediationRoleName,
    documentName: (id) => names.remediationDocumentName(id),
    names: bindingNames(names),
  };
}

/** Conformance packs of every allowed region, home region first. */
export function planDeployment(names: Naming, catalog: readonly CatalogRule[] = catalogFor(names.org)): RegionDeployment[] {
  const org = names.org;
  const excludedByConfig = new Set(org.compliance.excludedAccounts.map((e) => e.account));
  const regions = [...new Set([org.homeRegion, ...org.allowedRegions])];
  return regions.map((region) => {
    const home = region === org.homeRegion;
    const excludedAccountIds = names.existingAccounts
      // An organization conformance pack fails in an account without a recorder in its region, and its
      // remediations need the documents there: both are deployed in exactly accountRegions (accounts/regions.ts).
      .filter((a) => excludedByConfig.has(a.name) || !accountRegions(org, a).includes(region))
      .map((a) => a.id)
      .sort();
    const packs = planConformancePacks(catalog, {
      prefix: names.conformancePackPrefix,
      region,
      home,
      maxRulesPerPack: org.compliance.maxRulesPerPack,
      remediation: remediationContext(names),
    });
    return { region, home, packs, excludedAccountIds };
  });
}
