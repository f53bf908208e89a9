/**
 * Conformance pack templates generated from the catalog: pure data, no cdktf, so
 * tests validate them against the CloudFormation specification and the AWS limits.
 */
import { createHash } from 'node:crypto';
import { remediationConfiguration, type RemediationContext } from './automation/remediation-configuration';
import { logicalId } from './logical-id';
import type { CatalogRule } from './types';

export { logicalId } from './logical-id';

/**
 * AWS Config limits, from the AWS General Reference, "AWS Config endpoints and quotas"
 * (https://docs.aws.amazon.com/general/latest/gr/awsconfig.html), and the
 * PutOrganizationConformancePack API reference.
 */
export const CONFORMANCE_PACK_LIMITS = {
  /** "Maximum number of AWS Config rules per conformance pack": 130 (not adjustable). */
  maxRulesPerPack: 130,
  /** TemplateBody: at most 51,200 bytes; larger templates must be given as TemplateS3Uri. */
  maxTemplateBodyBytes: 51_200,
  /** TemplateS3Uri: the template object may hold at most 300 KB. */
  maxTemplateS3Bytes: 300 * 1024,
  /** ExcludedAccounts of an organization conformance pack: at most 1,000 account ids. */
  maxExcludedAccounts: 1000,
  /** OrganizationConformancePackName: 1-128 characters, [a-zA-Z][-a-zA-Z0-9]*. */
  maxPackNameLength: 128,
} as const;

/** The only resource types a conformance pack template may contain. */
export const ALLOWED_TEMPLATE_TYPES = ['AWS::Config::ConfigRule', 'AWS::Config::RemediationConfiguration'] as const;

/** A CloudFormation template for a conformance pack. */
export interface PackTemplate {
  readonly Resources: Record<
    string,
    { readonly Type: (typeof ALLOWED_TEMPLATE_TYPES)[number]; readonly DependsOn?: string; readonly Properties: Record<string, unknown> }
  >;
}

/** One conformance pack to deploy in one region. */
export interface PackPlan {
  /** OrganizationConformancePackName. */
  readonly name: string;
  readonly region: string;
  readonly rules: readonly CatalogRule[];
  readonly template: PackTemplate;
  /** The template as deployed: minified JSON (CloudFormation accepts JSON; smaller than YAML). */
  readonly body: string;
  /** UTF-8 size of `body`. */
  readonly bytes: number;
  /** True when the body is over the TemplateBody limit and must go through S3. */
  readonly viaS3: boolean;
}

export interface PlanOptions {
  /** Pack name prefix, e.g. "acme-pci-conformance": packs are "<prefix>-home-1", "<prefix>-regional-1". */
  readonly prefix: string;
  /** Region the packs deploy in. */
  readonly region: string;
  /** Whether `region` is the home region (the only one that records and checks global resources). */
  readonly home: boolean;
  /** Rules per pack. @default CONFORMANCE_PACK_LIMITS.maxRulesPerPack */
  readonly maxRulesPerPack?: number;
  /**
   * Names the remediation configurations need (role, document names, landing zone names). With it,
   * every rule bound automatic or manual gets its AWS::Config::RemediationConfiguration in the
   * template (AWS rejects separate ones for pack rules). @default no remediation configurations
   */
  readonly remediation?: RemediationContext;
}

/** The AWS::Config::ConfigRule resource of a catalog rule. */
export function configRuleResource(rule: CatalogRule): PackTemplate['Resources'][string] {
  const properties: Record<string, unknown> = {
    ConfigRuleName: rule.name,
    Source: { Owner: 'AWS', SourceIdentifier: rule.sourceIdentifier },
  };
  if (Object.keys(rule.inputParameters).length > 0) properties.InputParameters = rule.inputParameters;
  if (rule.scopeResourceTypes) properties.Scope = { ComplianceResourceTypes: rule.scopeResourceTypes };
  return { Type: 'AWS::Config::ConfigRule', Properties: properties };
}

/**
 * The template of a set of rules: each rule, followed by its remediation configuration when
 * `remediation` is given and the rule's decision is automatic or manual (DependsOn the rule).
 */
export function packTemplate(rules: readonly CatalogRule[], remediation?: RemediationContext): PackTemplate {
  const resources: PackTemplate['Resources'] = {};
  const add = (id: string, resource: PackTemplate['Resources'][string]) => {
    if (resources[id]) throw new Error(`two resources map to the logical id ${id}`);
    resources[id] = resource;
  };
  for (const rule of rules) {
    add(logicalId(rule.name), configRuleResource(rule));
    const configuration = remediation && remediationConfiguration(rule.name, rule.remediation, remediation);
    if (configuration) add(configuration.logicalId, configuration.resource);
  }
  return { Resources: resources };
}

/** Which of `count` packs a rule goes to: a hash of its name, so adding a rule changes one pack only. */
function bucketOf(ruleName: string, count: number): number {
  return createHash('sha256').update(ruleName).digest().readUInt32BE(0) % count;
}

/** The rules that run in a region: all of them in the home region, the regional ones elsewhere. */
export function rulesForRegion(rules: readonly CatalogRule[], home: boolean): CatalogRule[] {
  return rules.filter((r) => home || !r.global);
}

/**
 * Splits the rules of a region into as few packs as the per-pack rule limit allows.
 * Rules go to packs by a hash of their name: stable while the pack count holds, so
 * adding a rule does not move the others (moving one deletes and recreates its evaluations).
 */
export function planConformancePacks(rules: readonly CatalogRule[], options: PlanOptions): PackPlan[] {
  const limit = options.maxRulesPerPack ?? CONFORMANCE_PACK_LIMITS.maxRulesPerPack;
  if (limit < 1 || limit > CONFORMANCE_PACK_LIMITS.maxRulesPerPack)
    throw new Error(`maxRulesPerPack must be 1-${CONFORMANCE_PACK_LIMITS.maxRulesPerPack} (AWS Config quota), received ${limit}`);
  const selected = rulesForRegion(rules, options.home);
  if (selected.length === 0) return [];
  let count = Math.ceil(selected.length / limit);
  let buckets: CatalogRule[][];
  for (;;) {
    buckets = Array.from({ length: count }, () => []);
    for (const rule of selected) buckets[bucketOf(rule.name, count)].push(rule);
    if (buckets.every((b) => b.length <= limit)) break;
    count += 1;
  }
  const suffix = options.home ? 'home' : 'regional';
  return buckets
    .filter((b) => b.length > 0)
    .map((packRules, i) => {
      const template = packTemplate(packRules, options.remediation);
      const body = JSON.stringify(template);
      const bytes = Buffer.byteLength(body, 'utf8');
      if (bytes > CONFORMANCE_PACK_LIMITS.maxTemplateS3Bytes)
        throw new Error(`conformance pack ${i + 1} in ${options.region} is ${bytes} bytes, over the 300 KB TemplateS3Uri limit; fix: lower maxRulesPerPack`);
      return {
        name: `${options.prefix}-${suffix}-${i + 1}`,
        region: options.region,
        rules: packRules,
        template,
        body,
        bytes,
        viaS3: bytes > CONFORMANCE_PACK_LIMITS.maxTemplateBodyBytes,
      };
    });
}
