/**
 * Renders a library document to the content SSM stores: schemaVersion 0.3, assumeRole bound to
 * the AutomationAssumeRole parameter, and, for documents that change a taggable resource, the
 * exemption check in front of the remediation steps.
 *
 * Exemption (audited exceptions, PCI DSS 12.5.2 scope decisions, compensating controls): a
 * resource tagged `<prefix>:remediation-exempt` is left untouched. The first step asks the
 * Resource Groups Tagging API for the resource ARN filtered by that tag key; the answer is the
 * list of matching ARNs (empty or the resource itself). An aws:branch jumps to the terminal
 * `Exempted` step when the list contains the resource, otherwise to the remediation. No script:
 * the check is one API call and one branch, validated offline like every other step. The list is
 * a document output, so the execution record in Systems Manager (and Config's remediation
 * status, which stays NON_COMPLIANT) is the evidence that the exception was honoured.
 */
import type { AutomationDocument, DocumentParameter, Step } from './model';

/** The rendered content of an SSM Automation document. */
export interface RenderedDocument {
  readonly schemaVersion: '0.3';
  readonly description: string;
  readonly assumeRole: '{{ AutomationAssumeRole }}';
  readonly parameters: Record<string, Record<string, unknown>>;
  readonly mainSteps: Record<string, unknown>[];
  readonly outputs?: string[];
}

export interface RenderOptions {
  /** Tag key that exempts a resource. */
  readonly exemptTagKey: string;
}

/** Names of the steps the renderer adds. */
export const EXEMPTION_STEPS = { check: 'CheckExemption', branch: 'SkipIfExempt', exempted: 'Exempted' } as const;

function renderParameter(p: DocumentParameter): Record<string, unknown> {
  return {
    type: p.type,
    description: p.description,
    ...(p.default !== undefined ? { default: p.default } : {}),
    ...(p.allowedValues ? { allowedValues: p.allowedValues } : {}),
    ...(p.allowedPattern ? { allowedPattern: p.allowedPattern } : {}),
  };
}

/** The service of an ARN template ("arn:{{ global:AWS_PARTITION }}:s3:::{{ BucketName }}" -> "s3"), if static. */
export function arnService(resourceArn: string): string | undefined {
  return /^arn:(?:\{\{[^}]*\}\}|[^:{]*):([a-z0-9-]+):/.exec(resourceArn)?.[1];
}

/**
 * The exemption steps for a resource ARN (template), placed around `firstStep`.
 * GetResources cannot combine ResourceARNList with TagFilters (Invalid Parameter), so
 * the check lists the service's resources carrying the exemption tag key (one page of
 * 100: exemptions are few by design) and branches when the ARN is among them.
 */
export function exemptionSteps(resourceArn: string, exemptTagKey: string, firstStep: string): { head: Step[]; tail: Step[] } {
  const service = arnService(resourceArn);
  return {
    head: [
      {
        name: EXEMPTION_STEPS.check,
        action: 'aws:executeAwsApi',
        description: `Lists the resources carrying the exemption tag ${exemptTagKey}.`,
        inputs: {
          Service: 'resourcegroupstaggingapi',
          Api: 'GetResources',
          TagFilters: [{ Key: exemptTagKey }],
          ResourcesPerPage: 100,
          ...(service ? { ResourceTypeFilters: [service] } : {}),
        },
        outputs: [{ Name: 'ExemptResources', Selector: '$.ResourceTagMappingList..ResourceARN', Type: 'StringList' }],
      },
      {
        name: EXEMPTION_STEPS.branch,
        action: 'aws:branch',
        description: 'Ends without a change when the resource carries the exemption tag.',
        inputs: {
          Choices: [{ NextStep: EXEMPTION_STEPS.exempted, Variable: `{{ ${EXEMPTION_STEPS.check}.ExemptResources }}`, Contains: resourceArn }],
          Default: firstStep,
        },
      },
    ],
    tail: [
      {
        name: EXEMPTION_STEPS.exempted,
        action: 'aws:sleep',
        description: 'Exempt resource: nothing changed (the execution output records it).',
        inputs: { Duration: 'PT1S' },
        isEnd: true,
      },
    ],
  };
}

function renderStep(step: Step): Record<string, unknown> {
  // reason/apiCalls document a script step for reviewers and the role; SSM does not know them.
  const { reason: _reason, apiCalls: _calls, ...rest } = step as Step & { reason?: string; apiCalls?: unknown };
  return { ...rest };
}

/** The SSM content of a library document. */
export function renderDocument(doc: AutomationDocument, options: RenderOptions): RenderedDocument {
  let steps: Step[] = [...doc.steps];
  if (steps.length === 0) throw new Error(`document ${doc.id} has no steps`);
  const last = steps[steps.length - 1];
  let outputs: string[] | undefined;
  if (doc.resourceArn) {
    const { head, tail } = exemptionSteps(doc.resourceArn, options.exemptTagKey, steps[0].name);
    steps = [...(doc.lookup ?? []), ...head, ...steps.slice(0, -1), { ...last, isEnd: true }, ...tail];
    outputs = [`${EXEMPTION_STEPS.check}.ExemptResources`];
  } else {
    steps = [...(doc.lookup ?? []), ...steps];
  }
  const parameters: Record<string, Record<string, unknown>> = {
    AutomationAssumeRole: { type: 'String', description: 'ARN of the role Automation assumes (the landing zone remediation role).', allowedPattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$' },
  };
  for (const [name, p] of Object.entries(doc.parameters)) parameters[name] = renderParameter(p);
  if (doc.outputs?.length) outputs = [...(outputs ?? []), ...doc.outputs];
  return {
    schemaVersion: '0.3',
    description: doc.description,
    assumeRole: '{{ AutomationAssumeRole }}',
    parameters,
    mainSteps: steps.map(renderStep),
    ...(outputs ? { outputs } : {}),
  };
}

/** The JSON stored as the aws_ssm_document content. */
export function documentContent(doc: AutomationDocument, options: RenderOptions): string {
  return JSON.stringify(renderDocument(doc, options));
}
