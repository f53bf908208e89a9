/**
 * Our SSM Automation documents, validated offline against the AWS API models (aws-sdk v2 apis/*.min.json):
 * services, operations, inputs (recursively), required inputs, output selectors, {{ references }}.
 */
import { ownDocuments, OWN_DOCUMENT_IDS } from '../../../remediations/automation/documents';
import { operation } from '../../../remediations/automation/api-models';
import type { AutomationDocument } from '../../../remediations/automation/model';
import { EXEMPTION_STEPS, arnService, renderDocument } from '../../../remediations/automation/render';
import { referencesIn, validateDocument } from '../../../remediations/automation/validate';

const ctx = { prefix: 'acme-pci', flowLogsRoleName: 'acme-pci-flow-logs-delivery' };
const exemptTagKey = 'acme-pci:remediation-exempt';
const documents = ownDocuments(ctx);
const rendered = (doc: AutomationDocument) => renderDocument(doc, { exemptTagKey });
const byId = documents.map((d) => [d.id, d] as const);

describe('the document library', () => {
  test('lists every document once, under the id it exports', () => {
    expect(documents.map((d) => d.id)).toEqual([...OWN_DOCUMENT_IDS]);
    expect(new Set(OWN_DOCUMENT_IDS).size).toBe(OWN_DOCUMENT_IDS.length);
  });

  test.each(byId)('%s passes the offline validation against the AWS API models', (_id, doc) => {
    expect(validateDocument(doc.id, rendered(doc))).toEqual([]);
  });

  test.each(byId)('%s is schema 0.3, assumes AutomationAssumeRole and declares it', (_id, doc) => {
    const r = rendered(doc);
    expect(r.schemaVersion).toBe('0.3');
    expect(r.assumeRole).toBe('{{ AutomationAssumeRole }}');
    expect(r.parameters.AutomationAssumeRole.type).toBe('String');
  });

  test.each(byId)('%s ends its remediation with an assert or wait that proves compliance', (_id, doc) => {
    const last = doc.steps[doc.steps.length - 1];
    // The snapshot and document-sharing checks end in a branch whose failure path is an assert (verifyNotPublic).
    const proving = last.action === 'aws:sleep' ? doc.steps[doc.steps.length - 2] : last;
    expect(['aws:assertAwsResourceProperty', 'aws:waitForAwsResourceProperty']).toContain(proving.action);
  });

  test('uses aws:executeScript only where no API call can do it, with the reason written down', () => {
    const scripted = documents.filter((d) => [...(d.lookup ?? []), ...d.steps].some((s) => s.action === 'aws:executeScript'));
    expect(scripted.map((d) => d.id)).toEqual(['RemoveLambdaPublicAccess']);
    for (const step of scripted.flatMap((d) => d.steps)) if (step.action === 'aws:executeScript') expect(step.reason).toMatch(/JSON string/);
  });

  test.each(byId)('%s has an SSM name that SSM accepts and that does not start with AWS or Amazon', (id) => {
    const name = `acme-pci-${id}`;
    expect(name).toMatch(/^[a-zA-Z0-9_.-]{3,128}$/);
    expect(name).not.toMatch(/^(aws|amazon)/i);
  });

  test('script steps declare the API calls they make, and those exist in the models', () => {
    const calls = documents.flatMap((d) => [...(d.lookup ?? []), ...d.steps]).flatMap((s) => (s.action === 'aws:executeScript' ? s.apiCalls : []));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => !operation(c.service, c.api))).toEqual([]);
    // Every boto3 call in the script text is declared.
    for (const d of documents)
      for (const s of d.steps)
        if (s.action === 'aws:executeScript') {
          const inScript = [...s.inputs.Script.matchAll(/client\.([a-z_]+)\(/g)].map((m) => m[1].replace(/(^|_)([a-z])/g, (_x, _y, c: string) => c.toUpperCase()));
          expect([...new Set(inScript)].sort()).toEqual(s.apiCalls.map((c) => c.api).sort());
        }
  });
});

describe('the exemption check', () => {
  const withArn = documents.filter((d) => d.resourceArn);

  test('covers every document that changes a taggable resource (account-level settings have none)', () => {
    expect(documents.filter((d) => !d.resourceArn).map((d) => d.id)).toEqual([
      'BlockPublicEbsSnapshots',
      'BlockPublicEmrClusters',
      'EnableBeanstalkManagedUpdates',
      'EnableMacie',
      'EnableMacieAutomatedDiscovery',
    ]);
  });

  test.each(withArn.map((d) => [d.id, d] as const))('%s looks up the tag before any change and ends exempt resources untouched', (_id, doc) => {
    const steps = rendered(doc).mainSteps;
    const names = steps.map((s) => s.name);
    const lookups = (doc.lookup ?? []).length;
    expect(names.slice(lookups, lookups + 2)).toEqual([EXEMPTION_STEPS.check, EXEMPTION_STEPS.branch]);
    // Lookups before the check only read.
    for (const s of (doc.lookup ?? []) as unknown as { inputs: { Api: string } }[]) expect(s.inputs.Api).toMatch(/^(Get|Describe|BatchGet|List)/);
    const check = steps[lookups] as any;
    expect(check.inputs).toMatchObject({ Service: 'resourcegroupstaggingapi', Api: 'GetResources', TagFilters: [{ Key: exemptTagKey }], ResourcesPerPage: 100 });
    const branch = steps[lookups + 1] as any;
    expect(branch.inputs.Choices).toEqual([{ NextStep: EXEMPTION_STEPS.exempted, Variable: `{{ ${EXEMPTION_STEPS.check}.ExemptResources }}`, Contains: doc.resourceArn }]);
    expect(branch.inputs.Default).toBe(doc.steps[0].name);
    const exempted = steps[steps.length - 1] as any;
    expect([exempted.name, exempted.action, exempted.isEnd]).toEqual([EXEMPTION_STEPS.exempted, 'aws:sleep', true]);
    // The remediation path never falls through into the exempt step.
    expect(steps[steps.length - 2].isEnd).toBe(true);
    expect(rendered(doc).outputs).toEqual([`${EXEMPTION_STEPS.check}.ExemptResources`]);
  });
});

describe('the validator', () => {
  const base: AutomationDocument = {
    id: 'Probe',
    description: 'probe',
    parameters: { BucketName: { type: 'String', description: 'bucket' } },
    resourceArn: 'arn:{{ global:AWS_PARTITION }}:s3:::{{ BucketName }}',
    steps: [
      { name: 'Put', action: 'aws:executeAwsApi', inputs: { Service: 's3', Api: 'PutBucketVersioning', Bucket: '{{ BucketName }}', VersioningConfiguration: { Status: 'Enabled' } } },
      {
        name: 'Check',
        action: 'aws:assertAwsResourceProperty',
        inputs: { Service: 's3', Api: 'GetBucketVersioning', Bucket: '{{ BucketName }}', PropertySelector: '$.Status', DesiredValues: ['Enabled'] },
      },
    ],
  };
  const withStep = (i: number, inputs: Record<string, unknown>): AutomationDocument => ({
    ...base,
    steps: base.steps.map((s, j) => (j === i ? ({ ...s, inputs: { ...s.inputs, ...inputs } } as typeof s) : s)),
  });
  const messages = (doc: AutomationDocument) => validateDocument(doc.id, rendered(doc)).map((p) => `${p.step}: ${p.message}`);

  test('accepts a valid document', () => {
    expect(messages(base)).toEqual([]);
  });

  test('fails on an unknown API', () => {
    expect(messages(withStep(0, { Api: 'PutBucketVersion' }))).toEqual(['Put: unknown API s3:PutBucketVersion (not in the AWS API models)']);
  });

  test('fails on an unknown service', () => {
    expect(messages(withStep(0, { Service: 'simple-storage' }))).toEqual(['Put: unknown API simple-storage:PutBucketVersioning (not in the AWS API models)']);
  });

  test('fails on an unknown input, also inside a structure', () => {
    expect(messages(withStep(0, { Bucketname: 'x' }))[0]).toMatch(/^Put: s3:PutBucketVersioning.Bucketname: unknown input/);
    expect(messages(withStep(0, { VersioningConfiguration: { State: 'Enabled' } }))[0]).toMatch(/VersioningConfiguration.State: unknown input/);
  });

  test('fails when a required input is missing', () => {
    const doc: AutomationDocument = { ...base, steps: [{ name: 'Put', action: 'aws:executeAwsApi', inputs: { Service: 's3', Api: 'PutBucketVersioning', Bucket: '{{ BucketName }}' } }, base.steps[1]] };
    expect(messages(doc)).toEqual(['Put: s3:PutBucketVersioning: required input VersioningConfiguration missing']);
  });

  test('fails on a dangling reference, and on a reference to a later step', () => {
    expect(messages(withStep(0, { Bucket: '{{ Bucket }}' }))).toEqual(['Put: reference {{ Bucket }} resolves to no parameter, global variable or earlier step output']);
    expect(messages(withStep(0, { Bucket: '{{ Check.Status }}' }))).toEqual(['Put: reference {{ Check.Status }} resolves to no parameter, global variable or earlier step output']);
  });

  test('fails on a property selector the API output does not have', () => {
    expect(messages(withStep(1, { PropertySelector: '$.VersioningStatus' }))).toEqual(['Check: selector $.VersioningStatus: no field VersioningStatus in the API output']);
  });

  test('fails on inputs the API rejects together (GetResources: ResourceARNList with TagFilters)', () => {
    const doc: AutomationDocument = {
      ...base,
      steps: [
        {
          name: 'Tags',
          action: 'aws:executeAwsApi',
          inputs: { Service: 'resourcegroupstaggingapi', Api: 'GetResources', ResourceARNList: ['arn:aws:s3:::b'], TagFilters: [{ Key: 'k' }] },
        },
        ...base.steps,
      ],
    };
    expect(messages(doc)).toEqual(['Tags: resourcegroupstaggingapi:GetResources: ResourceARNList and TagFilters cannot be used together (the API rejects the request)']);
  });

  test('the exemption check narrows the tagged resources to the service of the ARN', () => {
    expect(arnService('arn:{{ global:AWS_PARTITION }}:s3:::{{ BucketName }}')).toBe('s3');
    expect(arnService('arn:aws:rds:eu-west-1:111111111111:db:x')).toBe('rds');
    expect(arnService('{{ ResourceArn }}')).toBeUndefined();
  });

  test('fails on a branch to a missing step', () => {
    const doc: AutomationDocument = {
      ...base,
      steps: [{ name: 'Go', action: 'aws:branch', inputs: { Choices: [{ NextStep: 'Nowhere', Variable: '{{ BucketName }}', StringEquals: 'x' }] } }, ...base.steps],
    };
    expect(messages(doc)).toEqual(['Go: branch choice names step Nowhere, which does not exist']);
  });

  test('reads references anywhere in nested inputs', () => {
    expect(referencesIn({ a: ['{{ X }}', { b: 'pre-{{ global:REGION }}-post' }], c: 3 })).toEqual(['X', 'global:REGION']);
  });
});
