import { App, TerraformStack } from 'cdktf';
import { Naming, validateOrganization } from '../../../accounts';
import {
  GLOBAL_SERVICE_ACTIONS,
  exemptPrincipalArns,
  guardrailPolicies,
  renderScp,
  targetLabel,
  type ServiceControlPolicy,
} from '../../../modules/organization/guardrails';
import { ScpLimitError, SCP_MAX_CHARACTERS, assertScpLimits, scpCharacters, scpLimitViolations } from '../../../modules/organization/scp-limits';
import { ServiceControlPolicies } from '../../../modules/organization/service-control-policies';
import { actionsIn, unknownActions } from '../../helpers/iam';
import { exampleCopy } from '../../helpers/synth';

const namesFor = (mutate: (org: any) => void = () => {}) => {
  const org = exampleCopy();
  mutate(org);
  return new Naming(validateOrganization(org));
};
const names = namesFor();
const policies = guardrailPolicies(names);
const byKey = (key: string, set: ServiceControlPolicy[] = policies) => set.find((p) => p.key === key)!;
const statement = (sid: string, set: ServiceControlPolicy[] = policies) => set.flatMap((p) => p.statements).find((s) => s.Sid === sid)!;

/** A policy whose one statement lists `count` actions: big enough to break the size quota. */
function oversized(count: number): ServiceControlPolicy {
  return {
    key: 'too-big',
    name: 'acme-pci-too-big',
    description: 'fake',
    targets: [{ kind: 'root' }],
    statements: [
      {
        Sid: 'Big',
        Effect: 'Deny',
        Action: Array.from({ length: count }, (_, i) => `ec2:DescribeSomething${i}`),
        Resource: '*',
        pci: ['1.2.1'],
        prevents: 'nothing',
      },
    ],
  };
}

/** Attachments by target label, as the construct computes them. */
function attachmentsOf(set: readonly ServiceControlPolicy[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of set) for (const t of p.targets) map.set(targetLabel(t), [...(map.get(targetLabel(t)) ?? []), p.name]);
  return map;
}

describe('guardrail policies (typed data)', () => {
  test('every statement is a Deny with a Sid, PCI DSS v4.0.1 requirement ids and what it prevents', () => {
    const statements = policies.flatMap((p) => p.statements);
    expect(statements.length).toBeGreaterThanOrEqual(13);
    for (const s of statements) {
      expect(s.Effect).toBe('Deny');
      expect(s.Sid).toMatch(/^[A-Za-z0-9]+$/);
      expect(s.pci.length).toBeGreaterThan(0);
      for (const id of s.pci) expect(id).toMatch(/^(1[0-2]|[1-9])(\.\d+){1,3}$/);
      expect(s.prevents.length).toBeGreaterThan(10);
    }
  });

  test('rendering drops the documentation fields and minifies', () => {
    const json = renderScp(byKey('protect-audit'));
    expect(json).not.toMatch(/"pci"|"prevents"|\s{2}/);
    expect(JSON.parse(json).Statement[0]).toEqual({ Sid: 'DenyLeaveOrganization', Effect: 'Deny', Action: ['organizations:LeaveOrganization'], Resource: '*' });
  });

  test('names policies from the prefix and attaches all but the quarantine to the root', () => {
    expect(policies.map((p) => p.name)).toEqual(['acme-pci-protect-audit', 'acme-pci-protect-security-tooling', 'acme-pci-account-baseline', 'acme-pci-quarantine']);
    for (const key of ['protect-audit', 'protect-security-tooling', 'account-baseline']) expect(byKey(key).targets).toEqual([{ kind: 'root' }]);
  });

  test('exempts the deploy role and the member stack roles, not the management stack role', () => {
    expect(exemptPrincipalArns(names)).toEqual(['arn:aws:iam::*:role/acme-pci-deploy', 'arn:aws:iam::*:role/OrganizationAccountAccessRole']);
    expect(JSON.stringify(policies.map((p) => renderScp(p)))).not.toContain('LandingZoneAdmin');
  });

  test('a member account with its own stack role gets it exempted and protected', () => {
    const custom = guardrailPolicies(namesFor((o) => (o.accounts.find((a: any) => a.name === 'prod').stackRoleName = 'PlatformDeployer')));
    expect(statement('ProtectCloudTrail', custom).Condition).toEqual({
      ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/acme-pci-deploy', 'arn:aws:iam::*:role/OrganizationAccountAccessRole', 'arn:aws:iam::*:role/PlatformDeployer'] },
    });
    expect(statement('ProtectLandingZoneRoles', custom).Resource).toEqual([
      'arn:aws:iam::*:role/acme-pci-*',
      'arn:aws:iam::*:role/OrganizationAccountAccessRole',
      'arn:aws:iam::*:role/PlatformDeployer',
    ]);
  });

  test('uses the configured partition in every ARN', () => {
    const gov = guardrailPolicies(
      namesFor((o) => {
        Object.assign(o, { partition: 'aws-us-gov', homeRegion: 'us-gov-west-1', allowedRegions: ['us-gov-west-1'] });
        for (const a of o.accounts) delete a.regions;
      }),
    );
    const json = gov.map((p) => renderScp(p)).join('');
    expect(json).toContain('arn:aws-us-gov:iam::*:role/acme-pci-deploy');
    expect(json).not.toContain('arn:aws:');
  });

  test('denies regions outside allowedRegions, exempting the global services', () => {
    const s = statement('DenyUnapprovedRegions');
    expect(s.Condition).toEqual({ StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } });
    expect(s.NotAction).toBe(GLOBAL_SERVICE_ACTIONS);
    expect(GLOBAL_SERVICE_ACTIONS).toEqual(expect.arrayContaining(['iam:*', 'sts:*', 'organizations:*', 'cloudfront:*', 'route53:*', 'support:*']));
    // Regional services the landing zone relies on stay region-locked.
    expect(GLOBAL_SERVICE_ACTIONS).not.toEqual(expect.arrayContaining(['kms:*']));
    expect(GLOBAL_SERVICE_ACTIONS).not.toEqual(expect.arrayContaining(['config:*']));
  });

  test('protects the log archive and state keys by alias', () => {
    expect(statement('ProtectLandingZoneKeys').Condition!['ForAnyValue:StringEquals']).toEqual({ 'kms:ResourceAliases': ['alias/acme-pci-logs', 'alias/acme-pci-tfstate'] });
  });

  test('lets the remediation role restore the S3 account public access block', () => {
    expect(statement('ProtectS3PublicAccessBlock').Condition!.ArnNotLike['aws:PrincipalArn']).toContain('arn:aws:iam::*:role/acme-pci-remediation');
    expect(statement('ProtectCloudTrail').Condition!.ArnNotLike['aws:PrincipalArn']).not.toContain('arn:aws:iam::*:role/acme-pci-remediation');
  });

  test('quarantine has no target unless the config names an OU or accounts', () => {
    expect(byKey('quarantine', guardrailPolicies(namesFor((o) => delete o.guardrails))).targets).toEqual([]);
    const set = guardrailPolicies(namesFor((o) => (o.guardrails = { quarantineOu: 'Suspended', quarantinedAccounts: ['dev', 'staging'] })));
    expect(byKey('quarantine', set).targets).toEqual([
      { kind: 'ou', path: 'Suspended' },
      { kind: 'account', name: 'dev' },
      { kind: 'account', name: 'staging' },
    ]);
  });

  test('every action named in every SCP exists in the IAM action catalogue', async () => {
    const actions = actionsIn(...policies.map((p) => renderScp(p)));
    expect(actions.length).toBeGreaterThan(80);
    expect(await unknownActions(actions)).toEqual([]);
  });

  test('an unknown or misspelt action would be caught', async () => {
    expect(await unknownActions(['cloudtrail:StopLoging', 'guardduty:DeleteDetector', 'notaservice:Foo', 'config:Nothing*'])).toEqual([
      'cloudtrail:StopLoging',
      'notaservice:Foo',
      'config:Nothing*',
    ]);
  });
});

describe('SCP quotas', () => {
  test('the generated set breaks no quota', () => {
    const docs = policies.map((p) => ({ name: p.name, content: renderScp(p) }));
    expect(scpLimitViolations(docs, attachmentsOf(policies))).toEqual([]);
    for (const d of docs) expect(scpCharacters(d.content)).toBeLessThanOrEqual(SCP_MAX_CHARACTERS);
  });

  test('counts characters of the minified JSON', () => {
    expect(scpCharacters('{ "Version": "2012-10-17",\n  "Statement": [] }')).toBe('{"Version":"2012-10-17","Statement":[]}'.length);
  });

  test('fails when a policy is over 5,120 characters', () => {
    const fake = oversized(250);
    const content = renderScp(fake);
    expect(content.length).toBeGreaterThan(SCP_MAX_CHARACTERS);
    expect(scpLimitViolations([{ name: fake.name, content }], new Map())).toEqual([
      `SCP "acme-pci-too-big" is ${content.length} characters, over the 5120 AWS allows; fix: split it into two policies or shorten its action lists`,
    ]);
  });

  test('fails when a target would have more than 5 SCPs, FullAWSAccess included', () => {
    const ok = new Map([['Root', ['a', 'b', 'c', 'd']]]);
    expect(scpLimitViolations([], ok)).toEqual([]);
    const tooMany = new Map([['ou:Workloads', ['a', 'b', 'c', 'd', 'e']]]);
    expect(scpLimitViolations([], tooMany)).toEqual([
      'ou:Workloads would have 6 SCPs attached (FullAWSAccess, a, b, c, d, e), over the 5 AWS allows; fix: merge policies or attach some lower in the OU tree',
    ]);
  });

  test('fails when two statements of a policy share a Sid', () => {
    const content = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'A' }, { Sid: 'A' }] });
    expect(scpLimitViolations([{ name: 'dup', content }], new Map())).toEqual(['SCP "dup" has two statements with Sid "A"; fix: give each statement its own Sid']);
  });

  test('assertScpLimits throws one error listing every problem', () => {
    const fake = oversized(250);
    expect(() => assertScpLimits([{ name: fake.name, content: renderScp(fake) }], new Map([['Root', ['a', 'b', 'c', 'd', 'e']]]))).toThrow(
      /break AWS Organizations quotas:\n {2}1\. SCP "acme-pci-too-big" is \d+ characters[^\n]*\n {2}2\. Root would have 6 SCPs attached/,
    );
  });

  test('synth refuses an oversized policy: ServiceControlPolicies throws ScpLimitError before creating anything', () => {
    const build = () => new ServiceControlPolicies(new TerraformStack(new App({ outdir: '/tmp/unused-scp-test' }), 'test'), 'guardrails', { policies: [...policies, oversized(250)], resolveTarget: () => 'r-test' });
    expect(build).toThrow(ScpLimitError);
    expect(build).toThrow(/SCP "acme-pci-too-big" is \d+ characters, over the 5120 AWS allows/);
  });

  test('synth refuses a sixth policy on the root', () => {
    const stack = new TerraformStack(new App({ outdir: '/tmp/unused-scp-test' }), 'test');
    const extra = { ...byKey('protect-audit'), key: 'extra', name: 'acme-pci-extra' };
    expect(() => new ServiceControlPolicies(stack, 'guardrails', { policies: [...policies, extra, { ...extra, key: 'extra2', name: 'acme-pci-extra2' }], resolveTarget: () => 'r-test' })).toThrow(
      /Root would have 6 SCPs attached \(FullAWSAccess, acme-pci-protect-audit, acme-pci-protect-security-tooling, acme-pci-account-baseline, acme-pci-extra, acme-pci-extra2\)/,
    );
  });
});
