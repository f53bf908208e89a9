import { SECURITY_EVENTS } from '../../../modules/logging/security-events';

/** API model file of each event source in aws-sdk v2 (real AWS API definitions). */
const MODELS: Record<string, string> = {
  'iam.amazonaws.com': 'iam-2010-05-08',
  'cloudtrail.amazonaws.com': 'cloudtrail-2013-11-01',
  'kms.amazonaws.com': 'kms-2014-11-01',
  's3.amazonaws.com': 's3-2006-03-01',
  'config.amazonaws.com': 'config-2014-11-12',
  'ec2.amazonaws.com': 'ec2-2016-11-15',
  'organizations.amazonaws.com': 'organizations-2016-11-28',
};

function operations(eventSource: string): Set<string> {
  const model = MODELS[eventSource];
  if (!model) throw new Error(`no API model mapped for ${eventSource}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return new Set(Object.keys(require(`aws-sdk/apis/${model}.min.json`).operations));
}

describe('security events (CIS AWS Foundations section 4)', () => {
  test('golden list: the CIS 4.1-4.15 monitoring controls, once each', () => {
    expect(SECURITY_EVENTS.map((e) => `${e.cis} ${e.id}`)).toEqual([
      '4.1 unauthorized-api-calls',
      '4.2 console-signin-without-mfa',
      '4.3 root-account-usage',
      '4.4 iam-policy-changes',
      '4.5 cloudtrail-changes',
      '4.6 console-authentication-failures',
      '4.7 kms-key-disabled-or-deleted',
      '4.8 s3-bucket-policy-changes',
      '4.9 config-changes',
      '4.10 security-group-changes',
      '4.11 nacl-changes',
      '4.12 network-gateway-changes',
      '4.13 route-table-changes',
      '4.14 vpc-changes',
      '4.15 organizations-changes',
    ]);
  });

  test('every event supports a PCI DSS 10.2 requirement and automated review (10.4.1.1)', () => {
    for (const event of SECURITY_EVENTS) {
      expect(event.pci.some((id) => id.startsWith('10.2.1.'))).toBe(true);
      expect(event.pci).toContain('10.4.1.1');
      for (const id of event.pci) expect(id).toMatch(/^\d{1,2}(\.\d+){1,3}$/);
    }
  });

  test.each(SECURITY_EVENTS.map((e) => [e.id, e.pattern]))('%s: pattern fits CloudWatch (1,024 characters) and is balanced', (_, pattern) => {
    expect(pattern.length).toBeLessThanOrEqual(1024);
    expect(pattern.startsWith('{ ') && pattern.endsWith(' }')).toBe(true);
    let depth = 0;
    for (const c of pattern) {
      if (c === '(') depth++;
      if (c === ')') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(pattern.split('"').length % 2).toBe(1);
  });

  test('every watched API call exists in its service API model, and the pattern names each', () => {
    const missing: string[] = [];
    for (const event of SECURITY_EVENTS) {
      if (!event.apiCalls) continue;
      const ops = operations(event.apiCalls.eventSource);
      expect(event.pattern).toContain(`($.eventSource = "${event.apiCalls.eventSource}")`);
      for (const name of event.apiCalls.eventNames) {
        if (!ops.has(name)) missing.push(`${event.apiCalls.eventSource} ${name}`);
        expect(event.pattern).toContain(`($.eventName = "${name}")`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('root use excludes AWS service events and calls made by services for the root user', () => {
    const root = SECURITY_EVENTS.find((e) => e.id === 'root-account-usage')!;
    expect(root.pattern).toContain('$.userIdentity.type = "Root"');
    expect(root.pattern).toContain('$.userIdentity.invokedBy NOT EXISTS');
    expect(root.pattern).toContain('$.eventType != "AwsServiceEvent"');
  });
});
