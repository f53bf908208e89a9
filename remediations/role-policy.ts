/**
 * The automation role's policy, derived from what it runs: every API call of our rendered
 * documents (exemption check and lookups included) mapped to its IAM action, the permissions
 * each bound AWS-owned runbook needs, and the extra permissions documents declare (roles passed
 * to services, service-linked roles created on first use), each scoped to its resource; for the
 * exemption wrappers, starting and reading the AWS-owned runbooks they run (aws:executeAutomation)
 * and passing this role to SSM for the child execution.
 * Nothing else: no AdministratorAccess, no wildcard actions.
 */
import type { PolicyDocument, PolicyStatement } from '../modules/iam/policy-document';
import { policyDocument } from '../modules/iam/policy-document';
import { EXTRA_RUNBOOK_PERMISSIONS, isAwsOwned, runbookActions } from './automation/aws-runbooks';
import type { AdditionalPermission, AutomationDocument } from './automation/model';
import { isApiStep } from './automation/model';
import { renderDocument } from './automation/render';
import { wrappedRunbook } from './automation/runbook-wrappers';
import { type BindingNames, resolvePlaceholders } from './automation/remediation-configuration';
import type { RemediationBinding } from './types';

/** IAM service prefix of a boto3 service name, where they differ. */
export const IAM_PREFIX: Readonly<Record<string, string>> = {
  resourcegroupstaggingapi: 'tag',
  elbv2: 'elasticloadbalancing',
  elb: 'elasticloadbalancing',
  emr: 'elasticmapreduce',
  opensearch: 'es',
  docdb: 'rds',
  neptune: 'rds',
  apigatewayv2: 'apigateway',
  stepfunctions: 'states',
  'network-firewall': 'network-firewall',
};

/**
 * Operations whose IAM action is not "<prefix>:<Api>". API Gateway authorizes by HTTP verb on
 * resource paths; S3 keeps older action names for several bucket sub-resources. AWS prints some
 * operation names in runbook permission lists (apigateway:GetStage), mapped here too.
 */
export const IAM_ACTION_EXCEPTIONS: Readonly<Record<string, string>> = {
  's3:PutBucketEncryption': 's3:PutEncryptionConfiguration',
  's3:GetBucketEncryption': 's3:GetEncryptionConfiguration',
  's3:PutPublicAccessBlock': 's3:PutBucketPublicAccessBlock',
  's3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  's3:PutBucketReplication': 's3:PutReplicationConfiguration',
  's3:GetBucketReplication': 's3:GetReplicationConfiguration',
  's3:PutBucketLifecycleConfiguration': 's3:PutLifecycleConfiguration',
  's3:GetBucketLifecycleConfiguration': 's3:GetLifecycleConfiguration',
  's3:HeadBucket': 's3:ListBucket',
  'apigateway:GetRestApi': 'apigateway:GET',
  'apigateway:UpdateRestApi': 'apigateway:PATCH',
  'apigateway:GetStage': 'apigateway:GET',
  'apigateway:UpdateStage': 'apigateway:PATCH',
  'ec2:DescribeVolume': 'ec2:DescribeVolumes',
};

/** The IAM action of an API call (boto3 service name, operation name). */
export function iamAction(service: string, api: string): string {
  const raw = `${IAM_PREFIX[service] ?? service}:${api}`;
  return IAM_ACTION_EXCEPTIONS[raw] ?? raw;
}

/** Normalizes an action from an AWS permission list (same exception table). */
export function normalizeAction(action: string): string {
  return IAM_ACTION_EXCEPTIONS[action] ?? action;
}

/** Every API call of a document as shipped: rendered steps plus the calls script steps declare. */
export function documentApiCalls(doc: AutomationDocument, exemptTagKey: string): { service: string; api: string }[] {
  const rendered = renderDocument(doc, { exemptTagKey });
  const calls = rendered.mainSteps
    .filter((s) => isApiStep(s as never))
    .map((s) => {
      const inputs = s.inputs as { Service: string; Api: string };
      return { service: inputs.Service, api: inputs.Api };
    });
  for (const step of [...(doc.lookup ?? []), ...doc.steps]) if (step.action === 'aws:executeScript') calls.push(...step.apiCalls);
  return calls;
}

export interface RolePolicyInput {
  /** Our documents deployed in the account. */
  readonly documents: readonly AutomationDocument[];
  /** Bindings by rule: the AWS-owned runbooks they name are granted too (manual ones included: a person runs them with this role). */
  readonly bindings: Readonly<Record<string, RemediationBinding>>;
  readonly exemptTagKey: string;
  readonly partition: string;
  readonly accountId: string;
  readonly names: BindingNames;
  /** The automation role itself: the exemption wrappers pass it to the runbooks they start. */
  readonly remediationRoleName: string;
}

/** Each derived action with what needs it (document or runbook names). */
export function derivedActions(input: Pick<RolePolicyInput, 'documents' | 'bindings' | 'exemptTagKey'>): Map<string, string[]> {
  const actions = new Map<string, string[]>();
  const add = (action: string, from: string) => actions.set(action, [...new Set([...(actions.get(action) ?? []), from])]);
  for (const doc of input.documents) for (const call of documentApiCalls(doc, input.exemptTagKey)) add(iamAction(call.service, call.api), doc.id);
  for (const runbook of boundRunbooks(input.bindings)) for (const action of runbookActions(runbook).actions) add(normalizeAction(action), runbook);
  return new Map([...actions.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** AWS-owned runbooks named by the bindings that configure a remediation, directly or through an exemption wrapper. */
export function boundRunbooks(bindings: Readonly<Record<string, RemediationBinding>>): string[] {
  const runbook = (document: string) => (isAwsOwned(document) ? document : wrappedRunbook(document));
  return [...new Set(Object.values(bindings).flatMap((b) => (b.decision !== 'none' && b.document && runbook(b.document) ? [runbook(b.document)!] : [])))].sort();
}

/** AWS-owned runbooks our documents start with aws:executeAutomation (the exemption wrappers). */
export function startedRunbooks(documents: readonly AutomationDocument[]): string[] {
  return [...new Set(documents.flatMap((d) => [...(d.lookup ?? []), ...d.steps]).flatMap((s) => (s.action === 'aws:executeAutomation' ? [s.inputs.DocumentName] : [])))].sort();
}

/**
 * Statements of aws:executeAutomation: StartAutomationExecution authorizes on the runbook (document
 * and automation-definition, owned by AWS: no account in the ARN) and on the new execution in this
 * account; GetAutomationExecution (the step polls the child) on the execution; the child runs with
 * this role (AutomationAssumeRole), which SSM requires the caller to pass. Resource types from
 * the IAM catalogue: StartAutomationExecution takes automation-definition, automation-execution and
 * document; GetAutomationExecution automation-execution.
 */
function executeAutomationStatements(input: RolePolicyInput): PolicyStatement[] {
  const runbooks = startedRunbooks(input.documents);
  if (runbooks.length === 0) return [];
  // AWS-owned runbooks carry no account in their ARN (arn:aws:ssm:<region>::document/AWS-...); "*" matches
  // that empty segment, and nobody else can own these names (SSM reserves the AWS/Amazon prefixes).
  const ssm = (resource: string, account = '*') => `arn:${input.partition}:ssm:*:${account}:${resource}`;
  const executions = ssm('automation-execution/*', input.accountId);
  return [
    {
      Sid: 'StartWrappedRunbooks',
      Effect: 'Allow',
      Action: ['ssm:StartAutomationExecution'],
      Resource: [...runbooks.flatMap((r) => [ssm(`document/${r}`), ssm(`automation-definition/${r}:*`)]), executions],
    },
    { Sid: 'ReadRunbookExecutions', Effect: 'Allow', Action: ['ssm:GetAutomationExecution'], Resource: [executions] },
    {
      Sid: 'PassRoleToRunbooks',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: [`arn:${input.partition}:iam::${input.accountId}:role/${input.remediationRoleName}`],
      Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
    },
  ];
}

function scoped(p: AdditionalPermission | (typeof EXTRA_RUNBOOK_PERMISSIONS)[string][number], input: RolePolicyInput, sid: string): PolicyStatement {
  const resources = p.resources.map((r) => resolvePlaceholders(r.replace(/\$\{Partition\}/g, input.partition).replace(/\$\{AccountId\}/g, input.accountId), input.names));
  return { Sid: sid, Effect: 'Allow', Action: [...p.actions], Resource: resources, ...(p.condition ? { Condition: p.condition } : {}) };
}

/** The automation role's identity policy. */
export function remediationRolePolicy(input: RolePolicyInput): PolicyDocument {
  const statements: PolicyStatement[] = [{ Sid: 'DocumentAndRunbookCalls', Effect: 'Allow', Action: [...derivedActions(input).keys()], Resource: '*' }];
  let n = 0;
  for (const doc of input.documents) for (const p of doc.additionalPermissions ?? []) statements.push(scoped(p, input, `${doc.id}${++n}`));
  for (const runbook of boundRunbooks(input.bindings))
    for (const p of EXTRA_RUNBOOK_PERMISSIONS[runbook] ?? []) statements.push(scoped(p, input, `${runbook.replace(/[^A-Za-z0-9]/g, '')}${++n}`));
  statements.push(...executeAutomationStatements(input));
  return policyDocument(...statements);
}
