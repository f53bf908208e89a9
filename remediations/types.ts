/**
 * The types of the compliance catalog: one entry per AWS Config managed rule,
 * mapped to the PCI DSS requirements it supports and (later) to its remediation.
 */

/** What makes AWS Config evaluate a rule. */
export type RuleTrigger = 'configuration-change' | 'periodic' | 'both';

/**
 * Where a rule comes from: the AWS sample PCI DSS conformance packs (v4.0 with global resource
 * types, 3.2.1), or `sample`: the public remediation sample (aws-samples/aws-config-pci-fsbp-ssmremediations),
 * for the rules it remediates that neither AWS pack holds; we deploy them too, so every rule the sample
 * heals is ours as well. They have no published PCI DSS mapping.
 */
export type AwsPack = 'pci-dss-v4.0' | 'pci-dss-3.2.1' | 'sample';

/**
 * How a non-compliant resource gets fixed (remediations/bindings). The conformance pack templates
 * carry an AWS::Config::RemediationConfiguration for every automatic and manual binding.
 */
export interface RemediationBinding {
  /** automatic: SSM Automation runs on non-compliance; manual: a person starts it; none: no safe remediation. */
  readonly decision: 'automatic' | 'manual' | 'none';
  /** Why this decision (what could break, who owns the resource). */
  readonly reason: string;
  /** SSM document run by the remediation (AWS-owned runbook or one of ours). @default none */
  readonly document?: string;
  /** Static parameters or `RESOURCE_ID` bindings passed to the document. @default none */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Automatic attempts before giving up (RemediationConfiguration MaximumAutomaticAttempts). @default 5 */
  readonly maximumAutomaticAttempts?: number;
  /** Seconds over which the attempts are counted (RetryAttemptSeconds). @default 60 */
  readonly retryAttemptSeconds?: number;
}

/** Facts about one AWS Config managed rule, as AWS publishes them (generated from the reference packs). */
export interface ManagedRuleFacts {
  /** ConfigRuleName in the AWS sample packs (kebab case). */
  readonly name: string;
  /** Managed rule identifier (Source.SourceIdentifier, Owner AWS). */
  readonly sourceIdentifier: string;
  /** InputParameters as the AWS sample packs set them (defaults of their Parameters). */
  readonly awsInputParameters: Readonly<Record<string, string>>;
  /** Scope.ComplianceResourceTypes as the AWS sample packs set it; undefined when the packs set no scope. */
  readonly scopeResourceTypes?: readonly string[];
  /** Resource types the rule evaluates (AWS::::Account for account-level checks). */
  readonly resourceTypes: readonly string[];
  /** Configuration change, periodic, or both. */
  readonly trigger: RuleTrigger;
  /** PCI DSS v4.0 requirement ids (the v4.0.1 limited revision keeps the v4.0 numbering). */
  readonly pci40: readonly string[];
  /** PCI DSS 3.2.1 requirement ids, where a published mapping was found (partial). */
  readonly pci321: readonly string[];
  /** The AWS sample packs that hold the rule (`sample`: only the public remediation sample). */
  readonly awsPacks: readonly AwsPack[];
  /** Rule name in the AWS v4.0 pack when it differs from `name` (AWS renamed one rule there). */
  readonly awsPci40Name?: string;
  /** True when AWS keeps the rule out of its "excluding global resource types" v4.0 pack. */
  readonly awsGlobalPackOnly: boolean;
}

/** A catalog entry: AWS facts, our PCI DSS v4.0.1 parameters and the remediation binding. */
export interface CatalogRule extends ManagedRuleFacts {
  /** InputParameters we deploy: AWS's sample values, raised to PCI DSS v4.0.1 where AWS's are weaker. */
  readonly inputParameters: Readonly<Record<string, string>>;
  /** Evaluates global resources (IAM, CloudFront, WAF Classic global): deployed in the home region only. */
  readonly global: boolean;
  /** Remediation decision (remediations/bindings: the one source, copied here by `buildCatalog`). @default not yet bound */
  readonly remediation?: RemediationBinding;
}
