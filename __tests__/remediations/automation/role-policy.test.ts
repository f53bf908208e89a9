/**
 * The automation role's policy is derived from what it runs, and nothing else: every API call of
 * every shipped document is covered, every bound AWS-owned runbook's permissions are granted,
 * every action exists in the IAM action catalogue, no wildcard.
 */
import { exampleOrganization } from '../../../accounts/example';
import { Naming, validateOrganization } from '../../../accounts';
import { organizationDocuments } from '../../../modules/remediation/remediation-automation';
import { bindingNames } from '../../../remediations/deployment';
import { runbookActions } from '../../../remediations/automation/aws-runbooks';
import { boundRunbooks, derivedActions, documentApiCalls, iamAction, normalizeAction, remediationRolePolicy, startedRunbooks } from '../../../remediations/role-policy';
import { WRAPPED_RUNBOOKS } from '../../../remediations/automation/runbook-wrappers';
import { REMEDIATION_BINDINGS } from '../../../remediations/bindings';
import { actionsIn, simulate, unknownActions } from '../../helpers/iam';

const names = new Naming(validateOrganization(exampleOrganization));
const documents = organizationDocuments(names);
const accountId = '777777777777';
const input = {
  documents,
  bindings: REMEDIATION_BINDINGS,
  exemptTagKey: names.remediationExemptTagKey,
  partition: 'aws',
  accountId,
  names: bindingNames(names),
  remediationRoleName: names.remediationRoleName,
};
const policy = JSON.parse(JSON.stringify(remediationRolePolicy(input))) as { Version: string; Statement: any[] };
const granted = actionsIn(policy);
const role = `arn:aws:iam::${accountId}:role/${names.remediationRoleName}`;

describe('the remediation role policy', () => {
  test('every action exists in the IAM action catalogue', async () => {
    expect(await unknownActions(granted)).toEqual([]);
  });

  test('grants no wildcard action and no AdministratorAccess-like statement', () => {
    expect(granted.filter((a) => a.includes('*'))).toEqual([]);
    expect(policy.Statement.filter((s: any) => s.NotAction !== undefined || s.Effect !== 'Allow')).toEqual([]);
  });

  test('grants exactly the derived set: document calls, runbook permissions, declared extras', () => {
    const expected = new Set<string>();
    for (const doc of documents) {
      for (const call of documentApiCalls(doc, input.exemptTagKey)) expected.add(iamAction(call.service, call.api));
      for (const p of doc.additionalPermissions ?? []) p.actions.forEach((a) => expected.add(a));
    }
    for (const runbook of boundRunbooks(REMEDIATION_BINDINGS)) runbookActions(runbook).actions.forEach((a) => expected.add(normalizeAction(a)));
    expected.add('iam:CreateServiceLinkedRole'); // GuardDuty and Security Hub runbooks (EXTRA_RUNBOOK_PERMISSIONS)
    if (startedRunbooks(documents).length > 0) ['ssm:StartAutomationExecution', 'ssm:GetAutomationExecution', 'iam:PassRole'].forEach((a) => expected.add(a)); // exemption wrappers
    expect(granted).toEqual([...expected].sort());
  });

  test('lets the exemption wrappers start exactly the runbooks they wrap, and read their executions', async () => {
    expect(startedRunbooks(documents)).toEqual(Object.keys(WRAPPED_RUNBOOKS).sort());
    const start = policy.Statement.find((s: any) => s.Sid === 'StartWrappedRunbooks');
    expect(start.Action).toEqual(['ssm:StartAutomationExecution']);
    for (const runbook of startedRunbooks(documents)) expect(start.Resource).toEqual(expect.arrayContaining([`arn:aws:ssm:*:*:document/${runbook}`, `arn:aws:ssm:*:*:automation-definition/${runbook}:*`]));
    const scoped = { ...policy, Statement: policy.Statement.filter((s: any) => s.Sid !== 'DocumentAndRunbookCalls') };
    const run = (action: string, resource: string) => simulate({ principal: role, action, resource, resourceAccount: accountId, identityPolicies: [scoped] });
    // The simulator wants an account in the ARN; AWS's own runbooks have an empty one, which "*" matches as well.
    const definition = (name: string) => `arn:aws:ssm:eu-west-1:${accountId}:automation-definition/${name}:$DEFAULT`;
    expect(await run('ssm:StartAutomationExecution', definition('AWS-EnableS3BucketEncryption'))).toBe('Allowed');
    expect(await run('ssm:StartAutomationExecution', definition('AWS-DeleteSnapshot'))).toBe('ImplicitlyDenied');
    expect(await run('ssm:StartAutomationExecution', definition('AWSConfigRemediation-EnableSecurityHub'))).toBe('ImplicitlyDenied');
    expect(await run('ssm:GetAutomationExecution', `arn:aws:ssm:eu-west-1:${accountId}:automation-execution/0123`)).toBe('Allowed');
  });

  test('covers every API call of every document (simulated)', async () => {
    const calls = new Set(documents.flatMap((d) => documentApiCalls(d, input.exemptTagKey)).map((c) => iamAction(c.service, c.api)));
    const denied: string[] = [];
    for (const action of calls) {
      const decision = await simulate({ principal: role, action, resource: '*', resourceAccount: accountId, identityPolicies: [policy] });
      if (decision !== 'Allowed') denied.push(action);
    }
    expect(denied).toEqual([]);
  });

  test('includes the exemption lookup and the documented runbook permissions', () => {
    expect(granted).toEqual(expect.arrayContaining(['tag:GetResources', 'kms:EnableKeyRotation', 's3:PutEncryptionConfiguration', 'ssm:StartAutomationExecution']));
  });

  test('maps API names whose IAM action differs', () => {
    expect(iamAction('s3', 'PutBucketEncryption')).toBe('s3:PutEncryptionConfiguration');
    expect(iamAction('apigateway', 'UpdateRestApi')).toBe('apigateway:PATCH');
    expect(iamAction('resourcegroupstaggingapi', 'GetResources')).toBe('tag:GetResources');
    expect(iamAction('emr', 'PutBlockPublicAccessConfiguration')).toBe('elasticmapreduce:PutBlockPublicAccessConfiguration');
    expect(normalizeAction('apigateway:GetStage')).toBe('apigateway:GET');
  });

  test('passes only the flow logs, CloudTrail logs, S3 replication and remediation roles, each to its service', async () => {
    const pass = (resource: string, service: string) =>
      simulate({ principal: role, action: 'iam:PassRole', resource, resourceAccount: accountId, identityPolicies: [policy], context: { 'iam:PassedToService': service } });
    expect(await pass(`arn:aws:iam::${accountId}:role/${names.flowLogsDeliveryRoleName}`, 'vpc-flow-logs.amazonaws.com')).toBe('Allowed');
    expect(await pass(`arn:aws:iam::${accountId}:role/${names.trailLogsRoleName}`, 'cloudtrail.amazonaws.com')).toBe('Allowed');
    expect(await pass(`arn:aws:iam::${accountId}:role/${names.s3ReplicationRoleName}`, 's3.amazonaws.com')).toBe('Allowed');
    expect(await pass(`arn:aws:iam::${accountId}:role/${names.s3ReplicationRoleName}`, 'ec2.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await pass(`arn:aws:iam::${accountId}:role/${names.remediationRoleName}`, 's3.amazonaws.com')).toBe('ImplicitlyDenied');
    // The exemption wrappers pass the role itself to SSM for the AWS-owned runbook they start.
    expect(await pass(`arn:aws:iam::${accountId}:role/${names.remediationRoleName}`, 'ssm.amazonaws.com')).toBe('Allowed');
    expect(await pass(`arn:aws:iam::${accountId}:role/${names.flowLogsDeliveryRoleName}`, 'ssm.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await pass(`arn:aws:iam::${accountId}:role/${names.flowLogsDeliveryRoleName}`, 'ec2.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await pass(`arn:aws:iam::${accountId}:role/${names.breakGlassRoleName}`, 'vpc-flow-logs.amazonaws.com')).toBe('ImplicitlyDenied');
  });

  test('fits the 10,240-character inline policy limit', () => {
    expect(JSON.stringify(policy).length).toBeLessThan(10_240);
  });

  test('derivation records what needs each action', () => {
    const from = derivedActions(input);
    expect(from.get('tag:GetResources')!.length).toBeGreaterThan(20);
    expect(from.get('ec2:EnableSnapshotBlockPublicAccess')).toEqual(['BlockPublicEbsSnapshots']);
  });
});
