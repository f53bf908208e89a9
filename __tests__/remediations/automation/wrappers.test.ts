/**
 * Exemption wrappers of AWS-owned runbooks: every automatic binding on a taggable resource checks the
 * exemption tag before anything changes, the wrappers validate like our other documents, and the
 * validator understands aws:executeAutomation (inputs and the runbook's researched parameters).
 */
import { readFileSync } from 'node:fs';
import { isAwsOwned } from '../../../remediations/automation/aws-runbooks';
import { isOwnDocument, ownDocuments } from '../../../remediations/automation/documents';
import type { AutomationDocument } from '../../../remediations/automation/model';
import { EXEMPTION_STEPS, renderDocument } from '../../../remediations/automation/render';
import { WRAPPED_RUNBOOKS, wrappedRunbook, wrapperId } from '../../../remediations/automation/runbook-wrappers';
import { validateDocument } from '../../../remediations/automation/validate';
import { RUN_RUNBOOK_STEP, wrapperDocument, wrapperDocuments } from '../../../remediations/automation/wrapper-documents';
import { BOUND } from '../../../remediations/bindings';
import { referenceFile } from '../reference';

const exemptTagKey = 'acme-pci:remediation-exempt';
const rendered = (doc: AutomationDocument) => renderDocument(doc, { exemptTagKey });
const wrappers = wrapperDocuments();
const byId = new Map(wrappers.map((d) => [d.id, d]));
const own = new Map(ownDocuments({ prefix: 'acme-pci', flowLogsRoleName: 'acme-pci-flow-logs-delivery' }).map((d) => [d.id, d]));
const research: { ruleName: string; resourceTypes: string[] }[] = JSON.parse(readFileSync(referenceFile('research', 'remediation-catalog.json'), 'utf8'));
const resourceTypes = new Map(research.map((r) => [r.ruleName, r.resourceTypes]));
/** Resource types whose Config resource id is the account id: nothing to tag. */
const ACCOUNT_LEVEL = ['AWS::::Account', 'AWS::S3::AccountPublicAccessBlock'];
const accountLevel = (rule: string) => resourceTypes.get(rule)!.some((t) => ACCOUNT_LEVEL.includes(t));
const automatic = Object.entries(BOUND).filter(([, b]) => b.decision === 'automatic');
const wrapped = Object.entries(BOUND).filter(([, b]) => wrappedRunbook(b.document!));

describe('the exemption wrappers', () => {
  test('one wrapper per runbook of the table, each used by a binding', () => {
    expect(wrappers.map((d) => wrappedRunbook(d.id)).sort()).toEqual(Object.keys(WRAPPED_RUNBOOKS).sort());
    expect(wrappers).toHaveLength(21);
  });

  test.each(wrappers.map((d) => [d.id, d] as const))('%s passes the offline validation, aws:executeAutomation included', (_id, doc) => {
    expect(validateDocument(doc.id, rendered(doc))).toEqual([]);
  });

  test.each(wrappers.map((d) => [d.id, d] as const))('%s checks the tag, then runs the runbook with the remediation role, or ends exempt', (id, doc) => {
    const steps = rendered(doc).mainSteps as any[];
    const lookups = (doc.lookup ?? []).length;
    expect(steps.map((s) => s.name)).toEqual([...(doc.lookup ?? []).map((s) => s.name), EXEMPTION_STEPS.check, EXEMPTION_STEPS.branch, RUN_RUNBOOK_STEP, EXEMPTION_STEPS.exempted]);
    for (const s of steps.slice(0, lookups)) expect(s.inputs.Api).toMatch(/^Describe/);
    expect(steps[lookups].inputs).toMatchObject({ Service: 'resourcegroupstaggingapi', Api: 'GetResources', TagFilters: [{ Key: exemptTagKey }], ResourcesPerPage: 100 });
    expect(steps[lookups + 1].inputs.Choices[0]).toMatchObject({ NextStep: EXEMPTION_STEPS.exempted, Contains: doc.resourceArn });
    const run = steps[lookups + 2];
    expect(run).toMatchObject({ action: 'aws:executeAutomation', isEnd: true, inputs: { DocumentName: wrappedRunbook(id) } });
    expect(run.inputs.RuntimeParameters.AutomationAssumeRole).toEqual(['{{ AutomationAssumeRole }}']);
    expect(rendered(doc).outputs).toEqual([`${EXEMPTION_STEPS.check}.ExemptResources`, `${RUN_RUNBOOK_STEP}.ExecutionId`, `${RUN_RUNBOOK_STEP}.Status`]);
  });

  test.each(wrapped)('%s: passes the wrapper exactly its parameters, RESOURCE_ID to the one the ARN is built from', (rule, b) => {
    const doc = byId.get(b.document!)!;
    const runbook = wrappedRunbook(b.document!)!;
    expect(Object.keys(b.parameters ?? {}).sort()).toEqual(Object.keys(doc.parameters).sort());
    const resourceParameter = Object.entries(b.parameters ?? {}).find(([, v]) => v === 'RESOURCE_ID')?.[0];
    expect(resourceParameter).toBe(WRAPPED_RUNBOOKS[runbook].resourceParameter);
    // The ARN names the resource the rule evaluates.
    expect([rule, resourceTypes.get(rule)]).toEqual([rule, expect.arrayContaining([WRAPPED_RUNBOOKS[runbook].resourceType])]);
  });

  test('wrapper ids are SSM names that do not start with AWS, and map back to their runbook', () => {
    for (const runbook of Object.keys(WRAPPED_RUNBOOKS)) {
      expect(`acme-pci-${wrapperId(runbook)}`).toMatch(/^[a-zA-Z0-9_.-]{3,128}$/);
      expect(wrappedRunbook(wrapperId(runbook))).toBe(runbook);
    }
    expect(wrappedRunbook('EnableMacie')).toBeUndefined();
    expect(() => wrapperId('AWS-DeleteSnapshot')).toThrow(/no exemption wrapper: add it to WRAPPED_RUNBOOKS/);
  });
});

describe('every automatic binding honours the exemption tag', () => {
  /** The prologue of the document an automatic binding runs, or undefined when it has none. */
  const hasPrologue = (document: string) => {
    const doc = own.get(document) ?? byId.get(document);
    if (!doc?.resourceArn) return false;
    const steps = rendered(doc).mainSteps.map((s) => s.name);
    return steps.includes(EXEMPTION_STEPS.check) && steps.indexOf(EXEMPTION_STEPS.check) === (doc.lookup ?? []).length;
  };

  test('every automatic binding on a taggable resource runs a document with the exemption prologue', () => {
    // CloudFront: the Tagging API answers for distributions only in us-east-1 (runbook-wrappers.ts).
    const taggable = automatic.filter(([rule, b]) => !accountLevel(rule) && rule !== 'cloudfront-viewer-policy-https' && Object.values(b.parameters ?? {}).includes('RESOURCE_ID'));
    expect(taggable.length).toBeGreaterThanOrEqual(40);
    expect(taggable.filter(([, b]) => !hasPrologue(b.document!)).map(([rule]) => rule)).toEqual([]);
    expect(taggable.filter(([, b]) => isAwsOwned(b.document!)).map(([rule]) => rule)).toEqual([]);
  });

  test('only account-level automatic bindings have no prologue (there is no resource to tag), and CloudFront', () => {
    const without = automatic.filter(([, b]) => !hasPrologue(b.document!)).map(([rule, b]) => [rule, b.document]);
    expect(without.filter(([rule]) => rule === 'cloudfront-viewer-policy-https')).toEqual([['cloudfront-viewer-policy-https', 'AWSConfigRemediation-EnableCloudFrontViewerPolicyHTTPS']]);
    expect(BOUND['cloudfront-viewer-policy-https'].reason).toMatch(/no exemption: the Tagging API answers for CloudFront only in us-east-1/);
    expect(without.filter(([rule]) => rule !== 'cloudfront-viewer-policy-https')).toEqual([
      ['ec2-ebs-encryption-by-default', 'AWSConfigRemediation-EnableEbsEncryptionByDefault'],
      ['guardduty-enabled-centralized', 'AWSConfigRemediation-CreateGuardDutyDetector'],
      ['iam-password-policy', 'AWSConfigRemediation-SetIAMPasswordPolicy'],
      ['s3-account-level-public-access-blocks', 'AWSConfigRemediation-ConfigureS3PublicAccessBlock'],
      ['s3-account-level-public-access-blocks-periodic', 'AWSConfigRemediation-ConfigureS3PublicAccessBlock'],
      ['securityhub-enabled', 'AWSConfigRemediation-EnableSecurityHub'],
      ['ebs-snapshot-public-restorable-check', 'BlockPublicEbsSnapshots'],
      ['emr-block-public-access', 'BlockPublicEmrClusters'],
      ['macie-status-check', 'EnableMacie'],
    ]);
    for (const [rule, document] of without.filter(([r]) => r !== 'cloudfront-viewer-policy-https')) {
      expect([rule, accountLevel(rule!)]).toEqual([rule, true]);
      if (isAwsOwned(document!)) expect([rule, BOUND[rule!].reason]).toEqual([rule, expect.stringMatching(/no exemption/)]);
    }
  });

  test('automatic bindings run our documents, our wrappers or AWS-owned runbooks, nothing else', () => {
    expect(automatic.filter(([, b]) => !isOwnDocument(b.document!) && !wrappedRunbook(b.document!) && !isAwsOwned(b.document!))).toEqual([]);
  });
});

describe('the validator on aws:executeAutomation', () => {
  const base = wrapperDocument('AWS-ConfigureS3BucketVersioning', ['BucketName', 'VersioningState']);
  const withRun = (inputs: Record<string, unknown>): AutomationDocument => ({ ...base, steps: [{ ...base.steps[0], inputs: { ...base.steps[0].inputs, ...inputs } } as AutomationDocument['steps'][number]] });
  const messages = (doc: AutomationDocument) => validateDocument(doc.id, rendered(doc)).map((p) => `${p.step}: ${p.message}`);
  const runtime = (doc: AutomationDocument) => (doc.steps[0].inputs as unknown as { RuntimeParameters: Record<string, string[]> }).RuntimeParameters;

  test('accepts the wrapper', () => {
    expect(messages(base)).toEqual([]);
  });

  test('fails on a runbook the research does not describe', () => {
    expect(messages(withRun({ DocumentName: 'AWS-ConfigureS3BucketVersion' }))).toEqual([`${RUN_RUNBOOK_STEP}: aws:executeAutomation DocumentName "AWS-ConfigureS3BucketVersion" is no researched AWS-owned runbook`]);
  });

  test('fails on a parameter the runbook does not have, and on a missing required one', () => {
    const { BucketName: _b, ...rest } = runtime(base);
    expect(messages(withRun({ RuntimeParameters: { ...rest, Bucket: ['{{ BucketName }}'] } }))).toEqual([
      `${RUN_RUNBOOK_STEP}: RuntimeParameters.Bucket: AWS-ConfigureS3BucketVersioning has no such parameter (known: AutomationAssumeRole, BucketName, VersioningState)`,
      `${RUN_RUNBOOK_STEP}: RuntimeParameters: required parameter BucketName of AWS-ConfigureS3BucketVersioning missing`,
    ]);
  });

  test('fails when the runbook would not run as the remediation role', () => {
    const { AutomationAssumeRole: _a, ...rest } = runtime(base);
    expect(messages(withRun({ RuntimeParameters: rest }))).toEqual([
      `${RUN_RUNBOOK_STEP}: RuntimeParameters: AutomationAssumeRole missing (the runbook would run as the caller, not the remediation role)`,
    ]);
  });

  test('fails on inputs the library does not use and on a value that is not a list', () => {
    expect(messages(withRun({ TargetLocations: [] }))).toEqual([`${RUN_RUNBOOK_STEP}: aws:executeAutomation input TargetLocations is not one this library uses (DocumentName, RuntimeParameters)`]);
    expect(messages(withRun({ RuntimeParameters: { ...runtime(base), VersioningState: 'Enabled' } }))).toEqual([
      `${RUN_RUNBOOK_STEP}: RuntimeParameters.VersioningState: expected a list of strings, received "Enabled"`,
    ]);
  });

  test('fails on a reference to an undeclared wrapper parameter', () => {
    expect(messages(withRun({ RuntimeParameters: { ...runtime(base), VersioningState: ['{{ State }}'] } }))).toEqual([
      `${RUN_RUNBOOK_STEP}: reference {{ State }} resolves to no parameter, global variable or earlier step output`,
    ]);
  });
});
