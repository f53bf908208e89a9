/**
 * Our SSM Automation documents as typed data. A document here is the source; `renderDocument`
 * turns it into the JSON content SSM stores (schemaVersion 0.3), adding the AutomationAssumeRole
 * parameter and the exemption check every document starts with.
 *
 * Declarative steps only (aws:executeAwsApi, aws:waitForAwsResourceProperty,
 * aws:assertAwsResourceProperty, aws:branch): each call names a service and an API that the
 * offline validator checks against the AWS API models, and from which the automation role's
 * policy is derived. aws:executeScript is allowed only with a written reason and the list of
 * API calls the script makes (the role needs them too).
 */

/** SSM document parameter types (Automation). */
export type ParameterType = 'String' | 'StringList' | 'Integer' | 'Boolean' | 'MapList' | 'StringMap';

/** One document parameter. */
export interface DocumentParameter {
  readonly type: ParameterType;
  readonly description: string;
  /** @default none: the parameter is required */
  readonly default?: string | number | boolean | readonly string[];
  readonly allowedValues?: readonly string[];
  readonly allowedPattern?: string;
}

/** Output of an aws:executeAwsApi step: a JSONPath into the API response. */
export interface StepOutput {
  readonly Name: string;
  readonly Selector: string;
  readonly Type: ParameterType | 'Integer' | 'Boolean';
}

interface StepBase {
  readonly name: string;
  readonly description?: string;
  /** Abort (default), Continue, or step:<name>. */
  readonly onFailure?: 'Abort' | 'Continue' | `step:${string}`;
  readonly isCritical?: boolean;
  readonly isEnd?: boolean;
  readonly nextStep?: string;
  readonly maxAttempts?: number;
  readonly timeoutSeconds?: number;
}

/** The inputs of an API call: Service (boto3 client name), Api (operation name) and the API's own inputs. */
export interface ApiCallInputs {
  readonly Service: string;
  readonly Api: string;
  readonly [input: string]: unknown;
}

export interface ExecuteAwsApiStep extends StepBase {
  readonly action: 'aws:executeAwsApi';
  readonly inputs: ApiCallInputs;
  readonly outputs?: readonly StepOutput[];
}

/** wait/assert: the API inputs plus the property to check and the values that count as done. */
export interface PropertyCheckInputs extends ApiCallInputs {
  readonly PropertySelector: string;
  readonly DesiredValues: readonly string[];
}

export interface WaitStep extends StepBase {
  readonly action: 'aws:waitForAwsResourceProperty';
  readonly inputs: PropertyCheckInputs;
}

export interface AssertStep extends StepBase {
  readonly action: 'aws:assertAwsResourceProperty';
  readonly inputs: PropertyCheckInputs;
}

/** One choice of an aws:branch step (the operators this library uses). */
export interface BranchCondition {
  readonly Variable: string;
  readonly StringEquals?: string;
  readonly Contains?: string;
  readonly StartsWith?: string;
  readonly BooleanEquals?: boolean;
  readonly NumericEquals?: number;
}

/** One choice of an aws:branch step: a condition (or its negation) and the step to go to. */
export type BranchChoice = { readonly NextStep: string } & (BranchCondition | { readonly Not: BranchCondition });

export interface BranchStep extends StepBase {
  readonly action: 'aws:branch';
  readonly inputs: { readonly Choices: readonly BranchChoice[]; readonly Default?: string };
}

export interface SleepStep extends StepBase {
  readonly action: 'aws:sleep';
  readonly inputs: { readonly Duration: string };
}

/** A script step: only where no API call can express the change (the reason is mandatory). */
export interface ExecuteScriptStep extends StepBase {
  readonly action: 'aws:executeScript';
  readonly inputs: { readonly Runtime: 'python3.11'; readonly Handler: string; readonly Script: string; readonly InputPayload: Record<string, string> };
  readonly outputs?: readonly StepOutput[];
  /** Why no declarative step can do this. */
  readonly reason: string;
  /** AWS API calls the script makes, as service (boto3) and API: validated and granted like declarative calls. */
  readonly apiCalls: readonly { readonly service: string; readonly api: string }[];
}

/**
 * Runs an AWS-owned runbook as a child automation (exemption wrappers only): the child gets the
 * AutomationAssumeRole of the wrapper, so it runs with the same role. Outputs: ExecutionId, Status, Output.
 */
export interface ExecuteAutomationStep extends StepBase {
  readonly action: 'aws:executeAutomation';
  readonly inputs: { readonly DocumentName: string; readonly RuntimeParameters: Readonly<Record<string, readonly string[]>> };
}

export type Step = ExecuteAwsApiStep | WaitStep | AssertStep | BranchStep | SleepStep | ExecuteScriptStep | ExecuteAutomationStep;

/** A document of the library. */
export interface AutomationDocument {
  /** Document id, PascalCase; the SSM name is `<prefix>-<id>` (SSM names cannot start with AWS/Amazon). */
  readonly id: string;
  /** What it fixes, and the Config rule(s) it makes compliant. */
  readonly description: string;
  /** Parameters (AutomationAssumeRole is added when rendering). */
  readonly parameters: Readonly<Record<string, DocumentParameter>>;
  /**
   * ARN of the resource the document changes, built from parameters and Automation's global
   * variables ({{ global:ACCOUNT_ID }}, {{ global:REGION }}, {{ global:AWS_PARTITION }}): the
   * exemption check looks up the exemption tag on it. Omit for account-level settings, which
   * have no taggable resource (their exemption is the rule's own scope).
   */
  readonly resourceArn?: string;
  /**
   * Read-only steps that run before the exemption check, to turn the Config resource id into
   * what the ARN and the API calls need (a name from an id). @default none
   */
  readonly lookup?: readonly Step[];
  /** The remediation steps; the last one proves the resource is compliant (assert or wait). */
  readonly steps: readonly Step[];
  /**
   * IAM actions a step needs beyond the API it calls (a service-linked role the API creates,
   * a role passed to the service), with the resources and why. @default none
   */
  readonly additionalPermissions?: readonly AdditionalPermission[];
  /** Step outputs the document reports besides the exemption check's (`Step.Output`). @default none */
  readonly outputs?: readonly string[];
}

/** Steps that call an AWS API (the ones the validator and the role derivation look at). */
export type ApiStep = ExecuteAwsApiStep | WaitStep | AssertStep;

export function isApiStep(step: Step): step is ApiStep {
  return step.action === 'aws:executeAwsApi' || step.action === 'aws:waitForAwsResourceProperty' || step.action === 'aws:assertAwsResourceProperty';
}

/** Inputs of an API step that are not the API's own inputs. */
export const STEP_CONTROL_INPUTS = ['Service', 'Api', 'PropertySelector', 'DesiredValues'] as const;

/** An IAM permission a document needs that its API calls do not name. */
export interface AdditionalPermission {
  readonly actions: readonly string[];
  /** Resources, as ARN templates with ${Partition} and ${AccountId}. */
  readonly resources: readonly string[];
  readonly condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
  readonly reason: string;
}
