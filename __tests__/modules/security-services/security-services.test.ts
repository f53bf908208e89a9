import { ConfigError, validateOrganization } from '../../../accounts';
import { GUARDDUTY_FEATURES } from '../../../modules/security-services/guardduty';
import { exampleCopy, onlyResource, parsePolicy, resources, synthOrg } from '../../helpers/synth';
import { simulate } from '../../helpers/iam';

const { stacks } = synthOrg();
const logging = stacks.logging;
const LOGGING = '222222222222';
const REGIONS = ['eu-west-1', 'eu-central-1'];
const MEMBERS = ['111111111111', '333333333333', '444444444444', '555555555555', '666666666666', '777777777777'];
const FINDINGS_BUCKET = 'acme-pci-security-findings-222222222222-eu-west-1';
const all = (type: string) => Object.values(resources(logging, type)) as any[];
/** Region of a resource: the aliased provider, or the home region. */
const regionOf = (r: any) => (r.provider && r.provider !== 'aws' ? r.provider.replace('aws.', '') : 'eu-west-1');

describe('GuardDuty (delegated administrator = logging)', () => {
  test('a detector and an organization configuration enrolling ALL members in every allowed region', () => {
    expect(all('aws_guardduty_detector').map(regionOf).sort()).toEqual([...REGIONS].sort());
    for (const d of all('aws_guardduty_detector')) expect(d).toMatchObject({ enable: true, finding_publishing_frequency: 'FIFTEEN_MINUTES' });
    const orgs = all('aws_guardduty_organization_configuration');
    expect(orgs.map(regionOf).sort()).toEqual([...REGIONS].sort());
    for (const o of orgs) expect(o.auto_enable_organization_members).toBe('ALL');
  });

  test('every protection plan is auto-enabled for all members and on for the administrator, runtime agents managed', () => {
    const features = all('aws_guardduty_organization_configuration_feature');
    expect(features).toHaveLength(GUARDDUTY_FEATURES.length * REGIONS.length);
    expect(new Set(features.map((f) => f.name))).toEqual(new Set(['S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'EBS_MALWARE_PROTECTION', 'RDS_LOGIN_EVENTS', 'LAMBDA_NETWORK_LOGS', 'RUNTIME_MONITORING']));
    for (const f of features) expect(f.auto_enable).toBe('ALL');
    const runtime = features.find((f) => f.name === 'RUNTIME_MONITORING');
    expect(runtime.additional_configuration.map((a: any) => `${a.name}:${a.auto_enable}`)).toEqual(['EKS_ADDON_MANAGEMENT:ALL', 'ECS_FARGATE_AGENT_MANAGEMENT:ALL', 'EC2_AGENT_MANAGEMENT:ALL']);
    for (const f of all('aws_guardduty_detector_feature')) expect(f.status).toBe('ENABLED');
    expect(features.some((f) => f.name === 'EKS_RUNTIME_MONITORING')).toBe(false); // the API refuses it next to RUNTIME_MONITORING
  });

  test('a protection switched off in the config is set to NONE, not left to the service default', () => {
    const org = exampleCopy();
    (org as any).securityServices = { guardDuty: { protections: { rdsLoginEvents: false } } };
    const features = Object.values(resources(synthOrg(org).stacks.logging, 'aws_guardduty_organization_configuration_feature')) as any[];
    expect(features.filter((f) => f.name === 'RDS_LOGIN_EVENTS').map((f) => f.auto_enable)).toEqual(['NONE', 'NONE']);
  });

  test('findings of every region are exported to the log archive bucket with KMS', () => {
    const exports = all('aws_guardduty_publishing_destination');
    expect(exports).toHaveLength(REGIONS.length);
    for (const e of exports) {
      expect(e).toMatchObject({ destination_type: 'S3', destination_arn: `arn:aws:s3:::${FINDINGS_BUCKET}` });
      expect(e.kms_key_arn).toMatch(/aws_kms_key\.security-services_findings-key/);
    }
    const bucket = all('aws_s3_bucket').find((b) => b.bucket === FINDINGS_BUCKET);
    expect(bucket.object_lock_enabled).toBe(true);
  });

  test('only the administrator\'s GuardDuty may write findings and use the key', async () => {
    const policies = resources(logging, 'aws_s3_bucket_policy');
    const bucketPolicy = parsePolicy(policies[Object.keys(policies).find((n) => n.startsWith('security-services_findings-bucket'))!].policy);
    const keys = resources(logging, 'aws_kms_key');
    const keyPolicy = parsePolicy(keys[Object.keys(keys).find((n) => n.startsWith('security-services_findings-key'))!].policy);
    const ctx = (account: string) => ({ 'aws:SourceAccount': account, 'aws:SourceArn': `arn:aws:guardduty:eu-central-1:${account}:detector/abc123` });
    const put = (account: string) => simulate({ principal: 'guardduty.amazonaws.com', action: 's3:PutObject', resource: `arn:aws:s3:::${FINDINGS_BUCKET}/AWSLogs/x.jsonl.gz`, resourceAccount: LOGGING, resourcePolicy: bucketPolicy, context: ctx(account) });
    expect(await put(LOGGING)).toBe('Allowed');
    expect(await put('999999999999')).not.toBe('Allowed');
    const kms = (account: string) => simulate({ principal: 'guardduty.amazonaws.com', action: 'kms:GenerateDataKey', resource: `arn:aws:kms:eu-west-1:${LOGGING}:key/k`, resourceAccount: LOGGING, resourcePolicy: keyPolicy, context: ctx(account) });
    expect(await kms(LOGGING)).toBe('Allowed');
    expect(await kms('999999999999')).not.toBe('Allowed');
  });
});

describe('Security Hub', () => {
  test('the administrator subscribes to PCI DSS v4.0.1 and AWS FSBP in every allowed region, without the default standards', () => {
    const subs = all('aws_securityhub_standards_subscription').map((s) => s.standards_arn).sort();
    expect(subs).toEqual(
      REGIONS.flatMap((r) => [`arn:aws:securityhub:${r}::standards/pci-dss/v/4.0.1`, `arn:aws:securityhub:${r}::standards/aws-foundational-security-best-practices/v/1.0.0`]).sort(),
    );
    for (const a of all('aws_securityhub_account')) expect(a).toMatchObject({ enable_default_standards: false, control_finding_generator: 'SECURITY_CONTROL', auto_enable_controls: true });
  });

  test('a finding aggregator in the home region links the other allowed regions', () => {
    const aggregator = onlyResource(logging, 'aws_securityhub_finding_aggregator');
    expect(aggregator).toMatchObject({ linking_mode: 'SPECIFIED_REGIONS', specified_regions: ['eu-central-1'] });
    expect(regionOf(aggregator)).toBe('eu-west-1');
  });

  test('central configuration: one policy with the standards, associated with every member account', () => {
    expect(onlyResource(logging, 'aws_securityhub_organization_configuration')).toMatchObject({ auto_enable: false, auto_enable_standards: 'NONE', organization_configuration: { configuration_type: 'CENTRAL' } });
    const policy = onlyResource(logging, 'aws_securityhub_configuration_policy').configuration_policy;
    expect(policy.service_enabled).toBe(true);
    expect(policy.enabled_standard_arns).toEqual(['arn:aws:securityhub:eu-west-1::standards/pci-dss/v/4.0.1', 'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0']);
    expect(all('aws_securityhub_configuration_policy_association').map((a) => a.target_id).sort()).toEqual(MEMBERS);
  });
});

describe('Inspector and Access Analyzer', () => {
  test('Inspector auto-enables EC2, ECR and Lambda scans and activates every existing account in every region', () => {
    const orgs = all('aws_inspector2_organization_configuration');
    expect(orgs.map(regionOf).sort()).toEqual([...REGIONS].sort());
    for (const o of orgs) expect(o.auto_enable).toEqual({ ec2: true, ecr: true, lambda: true, lambda_code: true });
    for (const e of all('aws_inspector2_enabler')) {
      expect(e.account_ids.sort()).toEqual([LOGGING, ...MEMBERS].sort());
      expect(e.resource_types).toEqual(['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE']);
    }
    expect(all('aws_inspector2_member_association')).toHaveLength(MEMBERS.length * REGIONS.length);
  });

  test('an organization-wide Access Analyzer in every allowed region', () => {
    const analyzers = all('aws_accessanalyzer_analyzer');
    expect(analyzers.map(regionOf).sort()).toEqual([...REGIONS].sort());
    for (const a of analyzers) expect(a).toMatchObject({ type: 'ORGANIZATION', analyzer_name: 'acme-pci-organization' });
  });

  test('no other stack configures the organization services', () => {
    for (const name of ['management', 'auth', 'transversal', 'dev', 'prod'])
      for (const type of ['aws_guardduty_detector', 'aws_securityhub_account', 'aws_accessanalyzer_analyzer']) expect(resources(stacks[name], type)).toEqual({});
  });
});

describe('security services config', () => {
  const problems = (mutate: (org: any) => void) => {
    const org: any = exampleCopy();
    mutate(org);
    try {
      validateOrganization(org);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error('expected the config to be rejected');
  };

  test('defaults to every service on with PCI DSS v4.0.1 and FSBP', () => {
    const s = validateOrganization(exampleCopy()).securityServices;
    expect([s.guardDuty.enabled, s.securityHub.enabled, s.inspector.enabled, s.accessAnalyzer.enabled]).toEqual([true, true, true, true]);
    expect(s.securityHub.standards).toEqual(['pci-dss-v4.0.1', 'aws-foundational-security-best-practices-v1.0.0']);
  });

  test('fails when GuardDuty is switched off while the organization has a CDE', () => {
    expect(problems((o) => (o.securityServices = { guardDuty: { enabled: false } }))).toContain(
      'securityServices.guardDuty.enabled: is false, but the organization has cardholder data environment accounts ("prod"): PCI DSS 11.5.1 requires intrusion detection on the CDE; fix: set it to true (received false)',
    );
  });

  test('fails when the PCI DSS standard is left out while the organization has a CDE', () => {
    expect(problems((o) => (o.securityServices = { securityHub: { standards: ['aws-foundational-security-best-practices-v1.0.0'] } }))).toContain(
      'securityServices.securityHub.standards: leaves out "pci-dss-v4.0.1", but the organization has cardholder data environment accounts ("prod"); fix: add "pci-dss-v4.0.1"',
    );
  });

  test('fails on an unknown standard with the list of known ones', () => {
    expect(problems((o) => (o.securityServices = { securityHub: { standards: ['pci-dss-v3.2.1'] } }))).toContain('securityServices.securityHub.standards[0]: must be one of pci-dss-v4.0.1, aws-foundational-security-best-practices-v1.0.0');
  });

  test('a service switched off synthesizes none of its resources', () => {
    const org: any = exampleCopy();
    org.accounts.forEach((a: any) => (a.pciScope = a.pciScope === 'cde' ? 'connected' : a.pciScope));
    org.network.vpcs.prod.egressDomains = ['.amazonaws.com'];
    org.securityServices = { inspector: { enabled: false }, accessAnalyzer: { enabled: false } };
    const stack = synthOrg(org).stacks.logging;
    expect(resources(stack, 'aws_inspector2_enabler')).toEqual({});
    expect(resources(stack, 'aws_accessanalyzer_analyzer')).toEqual({});
    expect(Object.keys(resources(stack, 'aws_guardduty_detector'))).toHaveLength(2);
  });

  test('with another delegated administrator, its stack configures the services and keeps the findings; the logging stack keeps the flow log archive', () => {
    const org: any = exampleCopy();
    org.guardrails = { ...org.guardrails, delegatedAdministrator: 'transversal' };
    org.logging = { ...org.logging, trailOwner: 'management' }; // only the admin or management may create the trail
    const { logging, transversal, prod } = synthOrg(org).stacks;
    expect(resources(logging, 'aws_guardduty_detector')).toEqual({});
    expect(resources(logging, 'aws_securityhub_account')).toEqual({});
    expect((Object.values(resources(logging, 'aws_s3_bucket')) as any[]).map((b) => b.bucket)).toContain('acme-pci-flow-logs-222222222222-eu-west-1');
    expect(Object.keys(resources(transversal, 'aws_guardduty_detector'))).toHaveLength(2);
    expect(Object.keys(resources(transversal, 'aws_guardduty_organization_configuration'))).toHaveLength(2);
    expect(Object.keys(resources(transversal, 'aws_securityhub_account'))).toHaveLength(2);
    expect((Object.values(resources(transversal, 'aws_s3_bucket')) as any[]).map((b) => b.bucket)).toContain('acme-pci-security-findings-444444444444-eu-west-1');
    expect(resources(prod, 'aws_guardduty_detector')).toEqual({});
  });
});
