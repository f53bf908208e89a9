import { CATALOG } from '../../remediations/catalog';
import { ALLOWED_TEMPLATE_TYPES, CONFORMANCE_PACK_LIMITS, logicalId, planConformancePacks, type PackPlan } from '../../remediations/conformance-packs';
import { planDeployment } from '../../remediations/deployment';
import type { CatalogRule } from '../../remediations/types';
import { Naming, validateOrganization } from '../../accounts';
import { exampleOrganization } from '../../accounts/example';
import { REMEDIATION_DEFAULTS } from '../../remediations/automation/remediation-configuration';
import { exampleCopy } from '../helpers/synth';
import { validateTemplate } from './cfn-spec';
import { v40NoGlobalPack, v40Pack } from './reference';

const names = new Naming(validateOrganization(exampleOrganization));
const deployment = planDeployment(names);
const allPacks: PackPlan[] = deployment.flatMap((d) => [...d.packs]);
const home = deployment.find((d) => d.home)!;
const regional = deployment.filter((d) => !d.home);

/** A synthetic rule, for limits the real catalog does not reach. */
function fakeRule(i: number, parameterBytes = 0): CatalogRule {
  return {
    name: `fake-rule-${String(i).padStart(4, '0')}`,
    sourceIdentifier: `FAKE_RULE_${i}`,
    awsInputParameters: {},
    inputParameters: parameterBytes > 0 ? { pattern: 'x'.repeat(parameterBytes) } : {},
    resourceTypes: ['AWS::S3::Bucket'],
    trigger: 'configuration-change',
    pci40: ['1.2.1'],
    pci321: [],
    awsPacks: [],
    awsGlobalPackOnly: false,
    global: false,
  };
}

describe('conformance pack templates of the example organization', () => {
  test('one set of packs per allowed region, home region first', () => {
    expect(deployment.map((d) => [d.region, d.home])).toEqual([
      ['eu-west-1', true],
      ['eu-central-1', false],
    ]);
    expect(allPacks.map((p) => p.name)).toEqual([
      'acme-pci-conformance-home-1',
      'acme-pci-conformance-home-2',
      'acme-pci-conformance-home-3',
      'acme-pci-conformance-regional-1',
      'acme-pci-conformance-regional-2',
    ]);
  });

  test.each(allPacks.map((p) => [`${p.region} ${p.name}`, p] as const))('%s: valid against the CloudFormation resource specification', (_, pack) => {
    expect(validateTemplate(pack.template)).toEqual([]);
  });

  test.each(allPacks.map((p) => [`${p.region} ${p.name}`, p] as const))('%s: only ConfigRule and RemediationConfiguration resources, within the AWS limits', (_, pack) => {
    for (const resource of Object.values(pack.template.Resources)) expect(ALLOWED_TEMPLATE_TYPES).toContain(resource.Type);
    expect(pack.rules.length).toBeLessThanOrEqual(CONFORMANCE_PACK_LIMITS.maxRulesPerPack);
    const rules = Object.values(pack.template.Resources).filter((r) => r.Type === 'AWS::Config::ConfigRule');
    expect(rules).toHaveLength(pack.rules.length);
    expect(pack.bytes).toBe(Buffer.byteLength(pack.body, 'utf8'));
    expect(pack.viaS3).toBe(pack.bytes > CONFORMANCE_PACK_LIMITS.maxTemplateBodyBytes);
    expect(pack.bytes).toBeLessThanOrEqual(CONFORMANCE_PACK_LIMITS.maxTemplateS3Bytes);
    expect(pack.name).toMatch(/^[a-zA-Z][-a-zA-Z0-9]*$/);
    expect(pack.name.length).toBeLessThanOrEqual(CONFORMANCE_PACK_LIMITS.maxPackNameLength);
    expect(JSON.parse(pack.body)).toEqual(pack.template);
  });

  test.each(allPacks.map((p) => [`${p.region} ${p.name}`, p] as const))(
    '%s: one remediation configuration per automatic or manual rule, none for "none", each after its rule',
    (_, pack) => {
      const remediations = Object.entries(pack.template.Resources).filter(([, r]) => r.Type === 'AWS::Config::RemediationConfiguration');
      const expected = pack.rules.filter((r) => r.remediation && r.remediation.decision !== 'none' && r.name !== 's3-bucket-replication-enabled');
      expect(remediations.map(([id]) => id).sort()).toEqual(expected.map((r) => `${logicalId(r.name)}Remediation`).sort());
      for (const [, r] of remediations) {
        const rule = pack.rules.find((x) => x.name === r.Properties.ConfigRuleName)!;
        expect(r.DependsOn).toBe(logicalId(rule.name));
        expect(r.Properties.Automatic).toBe(rule.remediation!.decision === 'automatic');
        expect(r.Properties.ExecutionControls).toEqual({ SsmControls: { ConcurrentExecutionRatePercentage: REMEDIATION_DEFAULTS.concurrentExecutionRatePercentage, ErrorPercentage: REMEDIATION_DEFAULTS.errorPercentage } });
        if (rule.remediation!.decision === 'automatic')
          expect([r.Properties.MaximumAutomaticAttempts, r.Properties.RetryAttemptSeconds]).toEqual([REMEDIATION_DEFAULTS.maximumAutomaticAttempts, REMEDIATION_DEFAULTS.retryAttemptSeconds]);
      }
    },
  );

  test('templates over 51,200 bytes go through S3 (the remediations make the regional ones that big)', () => {
    expect(allPacks.filter((p) => p.viaS3).map((p) => p.name)).toEqual(['acme-pci-conformance-regional-1', 'acme-pci-conformance-regional-2']);
    expect(Math.max(...allPacks.map((p) => p.bytes))).toBeLessThan(CONFORMANCE_PACK_LIMITS.maxTemplateS3Bytes / 4);
  });

  test('the password policy remediation restores the organization\'s policy, the one the rule checks', () => {
    const input = exampleCopy() as any;
    input.identity = { ...input.identity, passwordPolicy: { ...input.identity?.passwordPolicy, minimumLength: 16 } };
    const custom = planDeployment(new Naming(validateOrganization(input)));
    const resources = custom.find((d) => d.home)!.packs.flatMap((p) => Object.values(p.template.Resources));
    const rule = resources.find((r) => r.Type === 'AWS::Config::ConfigRule' && r.Properties.ConfigRuleName === 'iam-password-policy')!;
    const fix = resources.find((r) => r.Type === 'AWS::Config::RemediationConfiguration' && r.Properties.ConfigRuleName === 'iam-password-policy')!;
    expect((rule.Properties.InputParameters as any).MinimumPasswordLength).toBe('16');
    expect((fix.Properties.Parameters as any).MinimumPasswordLength).toEqual({ StaticValue: { Values: ['16'] } });
  });

  test('configures the S3 replication remediation only when the organization names the destination', () => {
    const find = (d: typeof deployment) =>
      d.flatMap((r) => r.packs).flatMap((p) => Object.values(p.template.Resources)).filter((r) => r.Properties.ConfigRuleName === 's3-bucket-replication-enabled');
    expect(find(deployment).map((r) => r.Type)).toEqual(['AWS::Config::ConfigRule', 'AWS::Config::ConfigRule']);
    const input = exampleCopy() as any;
    input.compliance = { s3Replication: { destinationBucketArn: 'arn:aws:s3:::acme-pci-replica', replicaKmsKeyArn: 'arn:aws:kms:eu-central-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab' } };
    const withReplication = find(planDeployment(new Naming(validateOrganization(input))));
    expect(withReplication.filter((r) => r.Type === 'AWS::Config::RemediationConfiguration').map((r) => r.Properties.TargetId)).toEqual([
      'acme-pci-EnableS3BucketReplication',
      'acme-pci-EnableS3BucketReplication',
    ]);
  });

  test('the home region deploys 100% of the AWS PCI DSS v4.0 pack including global resource types', () => {
    const deployed = home.packs.flatMap((p) =>
      Object.values(p.template.Resources)
        .filter((r) => r.Type === 'AWS::Config::ConfigRule')
        .map((r) => r.Properties as { Source: { SourceIdentifier: string } }),
    );
    const identifiers = new Set(deployed.map((p) => p.Source.SourceIdentifier));
    const missing = v40Pack().filter((r) => !identifiers.has(r.sourceIdentifier));
    expect(missing).toEqual([]);
    expect(identifiers.size).toBe(CATALOG.length);
  });

  test('every rule is deployed exactly once per region that runs it', () => {
    const homeNames = home.packs.flatMap((p) => p.rules.map((r) => r.name)).sort();
    expect(homeNames).toEqual(CATALOG.map((r) => r.name));
    for (const d of regional) {
      const regionNames = d.packs.flatMap((p) => p.rules.map((r) => r.name)).sort();
      expect(regionNames).toEqual(CATALOG.filter((r) => !r.global).map((r) => r.name));
    }
  });

  test('other regions run no global-resource rule, and every rule AWS keeps in its pack without global resource types', () => {
    const withoutGlobal = new Set(v40NoGlobalPack().map((r) => r.sourceIdentifier));
    for (const d of regional) {
      const rules = d.packs.flatMap((p) => p.rules);
      expect(rules.filter((r) => r.global)).toEqual([]);
      const identifiers = new Set(rules.map((r) => r.sourceIdentifier));
      // AWS's pack keeps two IAM rules (access-keys-rotated, iam-policy-in-use); IAM is recorded in the home region only.
      const missing = [...withoutGlobal].filter((id) => !identifiers.has(id));
      expect(missing.sort()).toEqual(['ACCESS_KEYS_ROTATED', 'IAM_POLICY_IN_USE']);
    }
  });

  test('templates inline the PCI DSS v4.0.1 parameters', () => {
    const resource = home.packs.flatMap((p) => Object.values(p.template.Resources)).find((r) => r.Properties.ConfigRuleName === 'iam-password-policy')!;
    expect(resource.Properties.InputParameters).toMatchObject({ MinimumPasswordLength: '14', PasswordReusePrevention: '24', MaxPasswordAge: '90' });
  });

  test('skips, in other regions, the accounts that do not work there (they have no recorder)', () => {
    expect(home.excludedAccountIds).toEqual([]);
    // Only prod (777777777777) works in eu-central-1.
    expect(regional[0].excludedAccountIds).toEqual(['111111111111', '222222222222', '333333333333', '444444444444', '555555555555', '666666666666']);
  });
});

describe('planConformancePacks', () => {
  test('splits a catalog over the rule limit into packs within it', () => {
    const rules = Array.from({ length: 300 }, (_, i) => fakeRule(i));
    const packs = planConformancePacks(rules, { prefix: 'x', region: 'eu-west-1', home: true });
    expect(packs.length).toBeGreaterThanOrEqual(3);
    for (const p of packs) expect(p.rules.length).toBeLessThanOrEqual(130);
    expect(packs.flatMap((p) => p.rules.map((r) => r.name)).sort()).toEqual(rules.map((r) => r.name));
  });

  test('honours a smaller maxRulesPerPack', () => {
    const packs = planConformancePacks(CATALOG, { prefix: 'x', region: 'eu-west-1', home: true, maxRulesPerPack: 50 });
    expect(packs.length).toBeGreaterThanOrEqual(5);
    for (const p of packs) expect(p.rules.length).toBeLessThanOrEqual(50);
  });

  test('fails when asked for more rules per pack than AWS allows', () => {
    expect(() => planConformancePacks(CATALOG, { prefix: 'x', region: 'eu-west-1', home: true, maxRulesPerPack: 131 })).toThrow(
      'maxRulesPerPack must be 1-130 (AWS Config quota), received 131',
    );
  });

  test('sends a template over 51,200 bytes through S3', () => {
    const rules = Array.from({ length: 60 }, (_, i) => fakeRule(i, 1000));
    const [pack] = planConformancePacks(rules, { prefix: 'x', region: 'eu-west-1', home: true });
    expect(pack.bytes).toBeGreaterThan(51_200);
    expect(pack.viaS3).toBe(true);
  });

  test('keeps a template of 51,200 bytes or less inline', () => {
    const [pack] = planConformancePacks([fakeRule(1, 100)], { prefix: 'x', region: 'eu-west-1', home: true });
    expect(pack.viaS3).toBe(false);
  });

  test('fails when a template would exceed the 300 KB TemplateS3Uri limit', () => {
    const rules = Array.from({ length: 100 }, (_, i) => fakeRule(i, 4000));
    expect(() => planConformancePacks(rules, { prefix: 'x', region: 'eu-west-1', home: true })).toThrow(/over the 300 KB TemplateS3Uri limit; fix: lower maxRulesPerPack/);
  });

  test('adding a rule moves no other rule while the pack count holds', () => {
    const before = planConformancePacks(CATALOG, { prefix: 'x', region: 'eu-west-1', home: false });
    const after = planConformancePacks([...CATALOG, fakeRule(1)], { prefix: 'x', region: 'eu-west-1', home: false });
    expect(after).toHaveLength(before.length);
    const packOf = (plans: PackPlan[], name: string) => plans.find((p) => p.rules.some((r) => r.name === name))!.name;
    for (const rule of CATALOG.filter((r) => !r.global)) expect(packOf(after, rule.name)).toBe(packOf(before, rule.name));
  });

  test('logical ids are the rule names in PascalCase', () => {
    expect(logicalId('iam-password-policy')).toBe('IamPasswordPolicy');
    expect(logicalId('s3-bucket-ssl-requests-only')).toBe('S3BucketSslRequestsOnly');
  });
});

describe('template validation catches what CloudFormation would reject', () => {
  test('an unknown resource type, an unknown property and a missing required property', () => {
    expect(
      validateTemplate({
        Resources: {
          A: { Type: 'AWS::Config::NoSuchThing', Properties: {} },
          B: { Type: 'AWS::Config::ConfigRule', Properties: { ConfigRuleName: 'x', Sauce: {} } },
        },
      }),
    ).toEqual([
      'Resources.A: unknown resource type AWS::Config::NoSuchThing',
      'Resources.B.Properties: required property Source is missing',
      expect.stringMatching(/^Resources\.B\.Properties\.Sauce: no such property/),
    ]);
  });

  test('a misspelt nested property and a wrongly typed value', () => {
    const problems = validateTemplate({
      Resources: { A: { Type: 'AWS::Config::ConfigRule', Properties: { Source: { Owner: 'AWS', SourceIdentifer: 'X' }, Scope: { ComplianceResourceTypes: 'AWS::S3::Bucket' } } } },
    });
    expect(problems).toContainEqual(expect.stringMatching(/Source\.SourceIdentifer: no such property/));
    expect(problems).toContainEqual(expect.stringMatching(/Scope\.ComplianceResourceTypes: "AWS::S3::Bucket" is not a array/));
  });
});
