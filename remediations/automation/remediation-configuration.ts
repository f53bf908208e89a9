/**
 * The AWS::Config::RemediationConfiguration resources of a conformance pack template.
 *
 * AWS rejects PutRemediationConfigurations for rules a conformance pack owns, so remediations
 * live in the pack template next to their rule. An organization conformance pack deploys the
 * same template into every member account, where AWS Config creates it as a CloudFormation
 * stack (the ConfigConformsServiceRolePolicy of AWSServiceRoleForConfigConforms is a set of
 * cloudformation:* actions): intrinsic functions and pseudo parameters resolve per account.
 * That is how one template names each account's own role, with
 * {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/<name>"}; the public sample
 * uses {"Ref": "AWS::AccountId"} in its pack templates the same way. A literal role name is
 * not an ARN and SSM rejects it; a literal ARN would point every account at one account's role.
 */
import { logicalId } from '../logical-id';
import type { RemediationBinding } from '../types';
import { isOwnDocument } from './documents';
import { wrappedRunbook } from './runbook-wrappers';

/** Landing zone names a binding's <placeholder> values refer to (all computed by `Naming`). */
export interface BindingNames {
  /** CloudWatch Logs group of the organization trail (in the trail owner account). */
  readonly trailLogGroup: string;
  /** Role CloudTrail assumes to write into that group. */
  readonly trailLogsRoleName: string;
  /** ARN of the log archive KMS key (alias ARN). */
  readonly logKeyArn: string;
  /** Bucket of the organization trail. */
  readonly cloudTrailBucket: string;
  /** Name of a stop-gap account trail created by the manual CloudTrail remediations. */
  readonly accountTrailName: string;
  /** Per account and region S3 server access log bucket (may hold ${AWS::AccountId}/${AWS::Region}). */
  readonly s3AccessLogBucket: string;
  /** Role S3 replication assumes, the same name in every account (created when replication is configured). */
  readonly s3ReplicationRoleName: string;
  /** Destination bucket of S3 replication remediations (compliance.s3Replication). @default not configured */
  readonly replicationDestinationBucketArn?: string;
  /** KMS key encrypting the replicas, in the destination bucket's region (compliance.s3Replication). @default not configured */
  readonly replicationReplicaKmsKeyArn?: string;
}

/**
 * Names an organization may leave unset. A binding that needs one that is unset still names its
 * document, but gets no RemediationConfiguration: a RemediationConfiguration's parameters are fixed
 * (StartRemediationExecution takes only the rule and the resource keys), so one without a required
 * document parameter could never run. A person runs the document from Systems Manager instead,
 * giving the value at run time.
 */
export const OPTIONAL_BINDING_NAMES = ['replicationDestinationBucketArn', 'replicationReplicaKmsKeyArn'] as const;

const PLACEHOLDER = /<([A-Za-z0-9]+)>/g;

/** Optional names a binding's parameters need but the organization did not set (empty: it can be configured). */
export function unsetNames(binding: RemediationBinding, names: BindingNames): string[] {
  const needed = Object.values(binding.parameters ?? {}).flatMap((value) => [...value.matchAll(PLACEHOLDER)].map((m) => m[1]));
  return [...new Set(needed)].filter((key) => (OPTIONAL_BINDING_NAMES as readonly string[]).includes(key) && (names as unknown as Record<string, unknown>)[key] === undefined);
}

/** What the generator needs from the organization. */
export interface RemediationContext {
  /** Role SSM Automation assumes: the same name in every account (`Naming.remediationRoleName`). */
  readonly remediationRoleName: string;
  /** SSM name of one of our documents (`Naming.remediationDocumentName`). */
  readonly documentName: (id: string) => string;
  readonly names: BindingNames;
}

/** Defaults of the remediation execution limits. */
export const REMEDIATION_DEFAULTS = {
  /** Attempts within `retryAttemptSeconds` before Config stops retrying a resource (CloudFormation allows 1-25). */
  maximumAutomaticAttempts: 5,
  /** Window, in seconds, over which the attempts are counted. */
  retryAttemptSeconds: 60,
  /** At most this share of the non-compliant resources is remediated at once. */
  concurrentExecutionRatePercentage: 10,
  /** Stop the batch when this share of executions failed. */
  errorPercentage: 10,
} as const;

const PSEUDO = /\$\{AWS::(AccountId|Region|Partition)\}/;

/** Replaces <name> placeholders; throws on an unknown or unset one so a typo fails at synth. */
export function resolvePlaceholders(value: string, names: BindingNames): string {
  return value.replace(PLACEHOLDER, (_, key: string) => {
    const resolved = (names as unknown as Record<string, string | undefined>)[key];
    if (resolved === undefined && (OPTIONAL_BINDING_NAMES as readonly string[]).includes(key))
      throw new Error(`placeholder <${key}> in remediation parameter "${value}" is not configured; fix: set it in the organization config or skip the binding (unsetNames)`);
    if (resolved === undefined) throw new Error(`unknown placeholder <${key}> in remediation parameter "${value}"; fix: add it to BindingNames`);
    return resolved;
  });
}

/** A static value: a string, or Fn::Sub when it holds a CloudFormation pseudo parameter. */
function staticValue(value: string): string | { 'Fn::Sub': string } {
  return PSEUDO.test(value) ? { 'Fn::Sub': value } : value;
}

/** The SSM document a binding targets: an AWS-owned runbook by name, or one of ours (exemption wrappers included) by its SSM name. */
export function targetId(binding: RemediationBinding, ctx: RemediationContext): string {
  if (!binding.document) throw new Error('a binding without a document has no remediation configuration');
  return isOwnDocument(binding.document) || wrappedRunbook(binding.document) ? ctx.documentName(binding.document) : binding.document;
}

/** The remediation parameters of a binding, AutomationAssumeRole included. */
export function remediationParameters(binding: RemediationBinding, ctx: RemediationContext): Record<string, unknown> {
  const parameters: Record<string, unknown> = {
    AutomationAssumeRole: { StaticValue: { Values: [{ 'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${ctx.remediationRoleName}` }] } },
  };
  for (const [name, value] of Object.entries(binding.parameters ?? {})) {
    parameters[name] = value === 'RESOURCE_ID' ? { ResourceValue: { Value: 'RESOURCE_ID' } } : { StaticValue: { Values: [staticValue(resolvePlaceholders(value, ctx.names))] } };
  }
  return parameters;
}

/** One template resource with its logical id. */
export interface RemediationResource {
  readonly logicalId: string;
  readonly resource: {
    readonly Type: 'AWS::Config::RemediationConfiguration';
    readonly DependsOn: string;
    readonly Properties: Record<string, unknown>;
  };
}

/**
 * The remediation configuration of a rule, or undefined when its decision is "none" or it needs a
 * value the organization did not configure (`unsetNames`). Automatic ones carry the retry limits;
 * every one carries the concurrency bound.
 */
export function remediationConfiguration(ruleName: string, binding: RemediationBinding | undefined, ctx: RemediationContext): RemediationResource | undefined {
  if (!binding || binding.decision === 'none') return undefined;
  if (unsetNames(binding, ctx.names).length > 0) return undefined;
  const automatic = binding.decision === 'automatic';
  const properties: Record<string, unknown> = {
    ConfigRuleName: ruleName,
    TargetType: 'SSM_DOCUMENT',
    TargetId: targetId(binding, ctx),
    Parameters: remediationParameters(binding, ctx),
    Automatic: automatic,
    ExecutionControls: {
      SsmControls: {
        ConcurrentExecutionRatePercentage: REMEDIATION_DEFAULTS.concurrentExecutionRatePercentage,
        ErrorPercentage: REMEDIATION_DEFAULTS.errorPercentage,
      },
    },
  };
  if (automatic) {
    properties.MaximumAutomaticAttempts = binding.maximumAutomaticAttempts ?? REMEDIATION_DEFAULTS.maximumAutomaticAttempts;
    properties.RetryAttemptSeconds = binding.retryAttemptSeconds ?? REMEDIATION_DEFAULTS.retryAttemptSeconds;
  }
  const ruleId = logicalId(ruleName);
  return { logicalId: `${ruleId}Remediation`, resource: { Type: 'AWS::Config::RemediationConfiguration', DependsOn: ruleId, Properties: properties } };
}
