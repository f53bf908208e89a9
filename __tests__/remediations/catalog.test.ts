import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG, GLOBAL_RESOURCE_TYPE_PREFIXES, buildCatalog, catalogRule } from '../../remediations/catalog';
import { MANAGED_RULE_FACTS } from '../../remediations/catalog/managed-rules.generated';
import { PARAMETER_OVERRIDES } from '../../remediations/catalog/parameters';
import { REMEDIATION_BINDINGS } from '../../remediations/bindings';
import { buildFacts, renderFacts } from '../../scripts/generate-catalog';
import { GOLDEN_RULE_NAMES } from './golden-rule-names';
import { REFERENCE_DIR, research, v321Pack, v40Pack } from './reference';

const REQUIREMENT_ID = /^(\d{1,2}|A[1-3])(\.\d{1,2}){1,3}$/;

describe('catalog', () => {
  test('holds exactly the golden list of rule names, sorted and unique', () => {
    expect(CATALOG.map((r) => r.name)).toEqual(GOLDEN_RULE_NAMES);
    expect(new Set(GOLDEN_RULE_NAMES).size).toBe(GOLDEN_RULE_NAMES.length);
    expect([...GOLDEN_RULE_NAMES].sort()).toEqual(GOLDEN_RULE_NAMES);
  });

  test('is what the generator makes from the reference today (the committed data is not stale)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'remediations', 'catalog', 'managed-rules.generated.ts'), 'utf8');
    expect(renderFacts(buildFacts(REFERENCE_DIR))).toBe(committed);
  });

  test('covers every rule of the AWS PCI DSS v4.0 pack including global resource types, with its identifier and scope', () => {
    const pack = v40Pack();
    expect(pack).toHaveLength(127);
    for (const awsRule of pack) {
      const rule = CATALOG.find((r) => r.sourceIdentifier === awsRule.sourceIdentifier);
      expect(rule).toBeDefined();
      expect(rule!.awsPacks).toContain('pci-dss-v4.0');
      expect(rule!.name === awsRule.name || rule!.awsPci40Name === awsRule.name).toBe(true);
      expect(rule!.scopeResourceTypes).toEqual(awsRule.scope);
    }
  });

  test('covers every rule of the AWS PCI DSS 3.2.1 pack', () => {
    const pack = v321Pack();
    expect(pack).toHaveLength(129);
    for (const awsRule of pack) {
      const rule = CATALOG.find((r) => r.name === awsRule.name);
      expect(rule?.sourceIdentifier).toBe(awsRule.sourceIdentifier);
      expect(rule!.awsPacks).toContain('pci-dss-3.2.1');
    }
  });

  test('deploys AWS sample parameters except where PCI DSS v4.0.1 needs stronger ones', () => {
    for (const awsRule of [...v40Pack(), ...v321Pack()]) {
      const rule = CATALOG.find((r) => r.sourceIdentifier === awsRule.sourceIdentifier)!;
      const expected = { ...awsRule.inputParameters, ...PARAMETER_OVERRIDES[rule.name]?.parameters };
      for (const [key, value] of Object.entries(expected)) expect([rule.name, key, rule.inputParameters[key]]).toEqual([rule.name, key, value]);
    }
  });

  test('checks passwords against PCI DSS v4.0.1: 14 characters, 24 remembered, 90 days, every character class', () => {
    expect(catalogRule('iam-password-policy').inputParameters).toEqual({
      MinimumPasswordLength: '14',
      PasswordReusePrevention: '24',
      MaxPasswordAge: '90',
      RequireLowercaseCharacters: 'true',
      RequireUppercaseCharacters: 'true',
      RequireNumbers: 'true',
      RequireSymbols: 'true',
    });
    expect(Number(catalogRule('iam-password-policy').inputParameters.MinimumPasswordLength)).toBeGreaterThanOrEqual(12);
  });

  test('rotates keys and disables unused credentials within 90 days, keeps log groups 365 days', () => {
    expect(catalogRule('access-keys-rotated').inputParameters.maxAccessKeyAge).toBe('90');
    expect(catalogRule('iam-user-unused-credentials-check').inputParameters.maxCredentialUsageAge).toBe('90');
    expect(catalogRule('cw-loggroup-retention-period-check').inputParameters.minRetentionTime).toBe('365');
  });

  test('every override names a catalog rule and gives a reason', () => {
    for (const [name, override] of Object.entries(PARAMETER_OVERRIDES)) {
      expect(() => catalogRule(name)).not.toThrow();
      expect(override.reason).toMatch(/PCI DSS v4\.0\.1 \d/);
    }
  });

  test('every identifier is one AWS publishes (the AWS sample packs, or for the public sample\'s rules an AWS Config rule page)', () => {
    // No npm package lists managed rule identifiers (neither @aws-cdk/aws-service-spec nor the AWS SDK
    // models do), so the reference is what AWS publishes in its sample packs and rule pages.
    const published = new Set([...v40Pack(), ...v321Pack()].map((r) => r.sourceIdentifier));
    const researched = new Map(research().map((r) => [r.sourceIdentifier, r]));
    for (const rule of CATALOG) {
      const page = `https://docs.aws.amazon.com/config/latest/developerguide/${rule.name}.html`;
      const source = rule.awsPacks.includes('sample') ? researched.get(rule.sourceIdentifier)?.evidence.includes(page) : published.has(rule.sourceIdentifier);
      expect([rule.name, source]).toEqual([rule.name, true]);
      expect(researched.has(rule.sourceIdentifier)).toBe(true);
      expect(rule.sourceIdentifier).toMatch(/^[A-Z0-9_]+$/);
    }
  });

  test('adds exactly the two rules only the public remediation sample deploys, marked as such', () => {
    const sample = CATALOG.filter((r) => r.awsPacks.includes('sample'));
    expect(sample.map((r) => [r.name, r.awsPacks, r.scopeResourceTypes])).toEqual([
      ['autoscaling-group-elb-healthcheck-required', ['sample'], ['AWS::AutoScaling::AutoScalingGroup']],
      ['ec2-security-group-attached-to-eni', ['sample'], ['AWS::EC2::SecurityGroup']],
    ]);
  });

  test('maps every v4.0 pack rule to at least one well-formed PCI DSS v4.0.1 requirement', () => {
    for (const rule of CATALOG) {
      for (const id of [...rule.pci40, ...rule.pci321]) expect([rule.name, id]).toEqual([rule.name, expect.stringMatching(REQUIREMENT_ID)]);
      if (rule.awsPacks.includes('pci-dss-v4.0')) expect([rule.name, rule.pci40.length > 0]).toEqual([rule.name, true]);
    }
  });

  test('maps the password, MFA and credential rules AWS keeps in 3.2.1 to their v4.0.1 requirements', () => {
    expect(catalogRule('iam-password-policy').pci40).toEqual(['8.3.6', '8.3.7', '8.3.9']);
    expect(catalogRule('mfa-enabled-for-iam-console-access').pci40).toEqual(expect.arrayContaining(['8.4.2']));
  });

  test('every rule has a resource type and a trigger', () => {
    for (const rule of CATALOG) {
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
      for (const type of rule.resourceTypes) expect(type).toMatch(/^AWS::[A-Za-z0-9]*::[A-Za-z0-9]+$/);
      expect(['configuration-change', 'periodic', 'both']).toContain(rule.trigger);
    }
  });

  test('marks as global every rule that evaluates only IAM, CloudFront or WAF Classic global resources', () => {
    for (const rule of CATALOG) {
      const onlyGlobalTypes = rule.resourceTypes.every((t) => GLOBAL_RESOURCE_TYPE_PREFIXES.some((p) => t.startsWith(p)));
      if (onlyGlobalTypes) expect([rule.name, rule.global]).toEqual([rule.name, true]);
    }
    expect(catalogRule('iam-password-policy').global).toBe(true);
    expect(catalogRule('root-account-mfa-enabled').global).toBe(true);
    expect(catalogRule('s3-bucket-ssl-requests-only').global).toBe(false);
    expect(catalogRule('cloudtrail-enabled').global).toBe(false);
  });

  test('takes every rule\'s remediation from the bindings, the one place decisions are written', () => {
    for (const rule of CATALOG) expect([rule.name, rule.remediation]).toEqual([rule.name, REMEDIATION_BINDINGS[rule.name]]);
    expect(Object.keys(REMEDIATION_BINDINGS).sort()).toEqual(CATALOG.map((r) => r.name));
    expect(buildCatalog(MANAGED_RULE_FACTS, {}).filter((r) => r.remediation !== undefined)).toEqual([]);
  });

  test('catalogRule fails on an unknown name', () => {
    expect(() => catalogRule('no-such-rule')).toThrow('no rule "no-such-rule" in the catalog');
  });
});
