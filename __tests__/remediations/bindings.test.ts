/**
 * The remediation decision of every rule: counts, safety rules, and parameters checked against the
 * documents (ours) or the researched runbook parameters (AWS-owned).
 */
import { readFileSync } from 'node:fs';
import { CATALOG } from '../../remediations/catalog';
import { awsRunbook, isAwsOwned } from '../../remediations/automation/aws-runbooks';
import { isOwnDocument, ownDocuments, OWN_DOCUMENT_IDS } from '../../remediations/automation/documents';
import { wrappedRunbook } from '../../remediations/automation/runbook-wrappers';
import { BOUND, REMEDIATION_BINDINGS } from '../../remediations/bindings';
import { referenceFile } from './reference';

interface ResearchRule {
  ruleName: string;
  resourceTypes: string[];
  awsOwnedRunbook: string | null;
  runbookParameters: { resourceIdParameter?: string | null; resourceIdNote?: string | null } | null;
  sampleRemediation: { targetId: string | null }[] | null;
}
const research: ResearchRule[] = JSON.parse(readFileSync(referenceFile('research', 'remediation-catalog.json'), 'utf8'));
const researchByName = new Map(research.map((r) => [r.ruleName, r]));
const bindings = Object.entries(REMEDIATION_BINDINGS);
const bound = Object.entries(BOUND);
const documents = new Map(ownDocuments({ prefix: 'acme-pci', flowLogsRoleName: 'acme-pci-flow-logs-delivery' }).map((d) => [d.id, d]));
/** Rules the public sample remediates (a RemediationConfiguration with a target in one of its packs). */
const sampleRemediated = research.filter((r) => r.sampleRemediation?.some((s) => s.targetId)).map((r) => r.ruleName);

describe('remediation decisions', () => {
  test('every catalog rule has a decision', () => {
    expect(CATALOG.filter((r) => !REMEDIATION_BINDINGS[r.name]).map((r) => r.name)).toEqual([]);
  });

  test('every decision names a rule of the research (the catalog plus the sample-only rules)', () => {
    expect(bindings.filter(([rule]) => !researchByName.has(rule)).map(([rule]) => rule)).toEqual([]);
    expect(bindings).toHaveLength(research.length);
  });

  test('binds at least 85 rules to a remediation, at least 50 of them automatic', () => {
    const counts = { bound: bound.length, automatic: bound.filter(([, b]) => b.decision === 'automatic').length };
    expect(counts.bound).toBeGreaterThanOrEqual(85);
    expect(counts.automatic).toBeGreaterThanOrEqual(50);
  });

  test('binds every rule the public sample remediates (its 21), none of the deleting ones automatically', () => {
    expect(sampleRemediated).toHaveLength(21);
    expect(sampleRemediated.filter((rule) => !BOUND[rule])).toEqual([]);
    expect(BOUND['ec2-security-group-attached-to-eni'].decision).toBe('manual');
    expect(BOUND['s3-bucket-replication-enabled']).toMatchObject({ decision: 'manual', document: 'EnableS3BucketReplication' });
  });

  test('binds the security group deletion to the AWS-owned runbook, which refuses the default group and any group still attached', () => {
    // AWSConfigRemediation-DeleteUnusedSecurityGroup: reads the group name, a branch stops on "default",
    // then DeleteSecurityGroup, which EC2 rejects (DependencyViolation) while an ENI or another group uses it.
    const sg = researchByName.get('ec2-security-group-attached-to-eni')! as ResearchRule & { awsOwnedRunbookSteps2021: string };
    expect(sg.awsOwnedRunbook).toBe('AWSConfigRemediation-DeleteUnusedSecurityGroup');
    expect(sg.awsOwnedRunbookSteps2021).toMatch(/not "default"/);
    expect(BOUND['ec2-security-group-attached-to-eni']).toMatchObject({ document: sg.awsOwnedRunbook, parameters: { GroupId: 'RESOURCE_ID' } });
  });

  test.each(bindings)('%s: has a one-line reason', (_rule, binding) => {
    expect(binding.reason.length).toBeGreaterThan(10);
    expect(binding.reason).not.toMatch(/\n/);
  });

  test('a bound rule names a document; an unbound one names none', () => {
    for (const [rule, b] of bindings) expect([rule, b.decision === 'none', b.document === undefined]).toEqual([rule, b.decision === 'none', b.decision === 'none']);
  });

  test('never runs a deleting or releasing runbook automatically', () => {
    const destructive = bound.filter(([, b]) => /Delete|Release|Terminate|Remove(?!Public)/.test(b.document ?? '') && b.decision === 'automatic');
    expect(destructive.map(([rule]) => rule)).toEqual([]);
  });

  test('every document of ours is bound by at least one rule', () => {
    const used = new Set(bound.map(([, b]) => b.document));
    expect(OWN_DOCUMENT_IDS.filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('parameters of our documents', () => {
  const ours = bound.filter(([, b]) => isOwnDocument(b.document!));

  test.each(ours)('%s: passes exactly parameters the document declares, every required one', (_rule, b) => {
    const doc = documents.get(b.document!)!;
    const passed = Object.keys(b.parameters ?? {});
    expect(passed.filter((p) => !(p in doc.parameters))).toEqual([]);
    const required = Object.entries(doc.parameters).filter(([, p]) => p.default === undefined).map(([name]) => name);
    expect(required.filter((p) => !passed.includes(p))).toEqual([]);
  });

  test.each(ours)('%s: account-level rules pass no resource id, resource rules pass it', (rule, b) => {
    const accountLevel = researchByName.get(rule)!.resourceTypes.includes('AWS::::Account');
    const resourceParams = Object.values(b.parameters ?? {}).filter((v) => v === 'RESOURCE_ID');
    expect([rule, resourceParams.length]).toEqual([rule, accountLevel ? 0 : 1]);
  });
});

describe('parameters of AWS-owned runbooks', () => {
  /** The AWS-owned runbook a binding runs, directly or through our exemption wrapper (which passes the parameters on). */
  const runbookOf = (document: string) => wrappedRunbook(document) ?? document;
  const theirs = bound.filter(([, b]) => isAwsOwned(runbookOf(b.document!)));

  test('every bound runbook is AWS-owned, ours, or our exemption wrapper of an AWS-owned one', () => {
    expect(bound.filter(([, b]) => !isAwsOwned(runbookOf(b.document!)) && !isOwnDocument(b.document!)).map(([rule]) => rule)).toEqual([]);
  });

  test.each(theirs)('%s: passes only parameters the runbook has, and every required one', (_rule, b) => {
    const facts = awsRunbook(runbookOf(b.document!));
    const names = facts.parameters.map((p) => p.name);
    const passed = [...Object.keys(b.parameters ?? {}), 'AutomationAssumeRole'];
    expect(passed.filter((p) => !names.includes(p))).toEqual([]);
    expect(facts.parameters.filter((p) => p.required && !passed.includes(p.name)).map((p) => p.name)).toEqual([]);
  });

  test.each(theirs)('%s: maps RESOURCE_ID to the parameter the research matched, or none for account-level rules', (rule, b) => {
    const r = researchByName.get(rule)!;
    const mapped = Object.entries(b.parameters ?? {}).filter(([, v]) => v === 'RESOURCE_ID').map(([k]) => k);
    const researched = r.runbookParameters?.resourceIdParameter?.split(' <- ')[0];
    if (r.awsOwnedRunbook === runbookOf(b.document!)) expect([rule, mapped]).toEqual([rule, researched ? [researched] : []]);
    else expect([rule, mapped.length]).toEqual([rule, 1]);
    if (r.resourceTypes.includes('AWS::::Account')) expect(mapped.filter((p) => p !== 'AccountId')).toEqual([]);
  });

  test('passes RESOURCE_ID to no parameter the research flags as a mismatch', () => {
    const mismatched = research.filter((r) => /^MISMATCH/.test(r.runbookParameters?.resourceIdNote ?? '')).map((r) => r.ruleName);
    expect(mismatched).toContain('iam-group-has-users-check');
    for (const rule of mismatched) expect([rule, REMEDIATION_BINDINGS[rule].decision]).toEqual([rule, 'none']);
  });
});
