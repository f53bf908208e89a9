import { ConfigError, validateOrganization } from '../../accounts';
import { exampleCopy, problemsOf as configProblemsOf } from '../helpers/synth';

/** The example with its `logging` section replaced by `logging`. */
function withLogging(logging: Record<string, unknown> | undefined): any {
  const org: any = exampleCopy();
  if (logging === undefined) delete org.logging;
  else org.logging = logging;
  return org;
}

function problemsOf(logging: Record<string, unknown>): ConfigError {
  try {
    validateOrganization(withLogging(logging));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('logging config', () => {
  test('defaults to the PCI DSS 10.5.1 values when the section is left out', () => {
    expect(validateOrganization(withLogging(undefined)).logging).toEqual({
      retentionDays: 365,
      standardDays: 90,
      objectLockDays: 365,
      logGroupRetentionDays: 365,
      trailOwner: 'logging',
      alarmEmails: [],
      cdeDataEventBuckets: [],
      securityReaderArns: [],
    });
  });

  test('accepts every field overridden within the floors', () => {
    const logging = {
      retentionDays: 730,
      standardDays: 120,
      objectLockDays: 400,
      logGroupRetentionDays: 731,
      trailOwner: 'management',
      alarmEmails: ['soc@example.com'],
      cdeDataEventBuckets: ['acme-cardholder-data'],
      securityReaderArns: ['arn:aws:iam::333333333333:role/security-auditor'],
    };
    expect(validateOrganization(withLogging(logging)).logging).toEqual(logging);
  });

  test('fails when logs are kept less than 365 days, naming PCI DSS 10.5.1', () => {
    const error = problemsOf({ retentionDays: 200, objectLockDays: 365 });
    expect(error.message).toContain(
      'logging.retentionDays: keeps logs less than 365 days, PCI DSS 10.5.1 requires 12 months; fix: set 365 or more (received 200)',
    );
  });

  test('fails when Object Lock is shorter than 365 days', () => {
    expect(problemsOf({ objectLockDays: 30 }).message).toContain('logging.objectLockDays: locks logs less than 365 days');
  });

  test('fails when Object Lock outlasts the retention', () => {
    expect(problemsOf({ objectLockDays: 400 }).message).toContain(
      'logging.objectLockDays: is longer than retentionDays (365): logs would stay locked after they are meant to expire; fix: raise retentionDays to at least 400 or lower objectLockDays (received 400)',
    );
  });

  test('fails when fewer than 90 days stay in S3 Standard', () => {
    expect(problemsOf({ standardDays: 30 }).message).toContain(
      'logging.standardDays: must be at least 90: PCI DSS 10.5.1 keeps the last three months immediately available; fix: set 90 or more (received 30)',
    );
  });

  test('fails when logs would expire before leaving S3 Standard', () => {
    expect(problemsOf({ standardDays: 365 }).message).toContain('logging.standardDays: must be less than retentionDays (365)');
  });

  test('fails when the log group retention is not a CloudWatch value of a year or more', () => {
    const error = problemsOf({ logGroupRetentionDays: 180 });
    expect(error.message).toContain('logging.logGroupRetentionDays: is not a CloudWatch Logs retention of a year or more; fix: use one of 365, 400, 545, 731');
    expect(problemsOf({ logGroupRetentionDays: 500 }).problems[0].received).toBe(500);
  });

  test('fails on a fractional number of days', () => {
    expect(problemsOf({ retentionDays: 365.5 }).message).toContain('logging.retentionDays: must be a whole number of days');
  });

  test('fails on an unknown trail owner', () => {
    expect(problemsOf({ trailOwner: 'auth' }).message).toContain('logging.trailOwner: must be one of logging, management (received "auth")');
  });

  test('fails on a malformed alarm email', () => {
    expect(problemsOf({ alarmEmails: ['soc.example.com'] }).message).toContain('logging.alarmEmails[0]: is not a valid email address');
  });

  test('fails on a bucket ARN instead of a bucket name for data events', () => {
    expect(problemsOf({ cdeDataEventBuckets: ['arn:aws:s3:::cardholder'] }).message).toContain(
      'logging.cdeDataEventBuckets[0]: is not an S3 bucket name; fix: use the bucket name, not its ARN',
    );
  });

  test('fails when a security reader is outside the organization or the partition', () => {
    const error = problemsOf({ securityReaderArns: ['arn:aws:iam::999999999999:role/auditor', 'arn:aws-cn:iam::333333333333:role/auditor'] });
    expect(error.message).toContain('logging.securityReaderArns[0]: belongs to account 999999999999, which is not in the organization');
    expect(error.message).toContain('logging.securityReaderArns[1]: is in partition "aws-cn", the organization is in "aws"');
  });

  test('fails when a security reader is not a role or user ARN', () => {
    expect(problemsOf({ securityReaderArns: ['arn:aws:iam::333333333333:group/auditors'] }).message).toContain(
      'logging.securityReaderArns[0]: is not an IAM role or user ARN',
    );
  });

  test('fails when a large organization has no organizationId, as the policies would list every account', () => {
    const org = withLogging({});
    delete org.organizationId;
    for (let i = 0; i < 400; i++)
      org.accounts.push({ name: `app-${i}`, id: String(100000000000 + i), email: `app-${i}@example.com`, role: 'workload', environment: 'prod', ou: 'Workloads/Prod', pciScope: 'cde' });
    let message = '';
    try {
      validateOrganization(org);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('organizationId: is needed with more than 400 accounts (407)');
    org.organizationId = 'o-a1b2c3d4e5';
    expect(() => validateOrganization(org)).not.toThrow();
  });

  test('fails on an unknown field, catching typos', () => {
    expect(problemsOf({ retentionDay: 400 }).message).toContain('logging: Unrecognized key: "retentionDay"');
  });
});

describe('trail owner and CloudTrail delegated administrator', () => {
  test('fails when the logging account owns the trail but another account is the delegated administrator', () => {
    const error = configProblemsOf((org) => (org.guardrails = { delegatedAdministrator: "transversal" }));
    expect(error.message).toContain(
      'logging.trailOwner: the logging account creates the organization trail, but "transversal" is the CloudTrail delegated administrator (guardrails.delegatedAdministrator), and CloudTrail accepts organization trails only from it or the management account; fix: set logging.trailOwner to "management", or make the logging account the delegated administrator (received "logging")',
    );
  });

  test('accepts another delegated administrator when the management account owns the trail', () => {
    const org = exampleCopy();
    (org as any).guardrails = { delegatedAdministrator: 'transversal' };
    (org as any).logging = { ...(org as any).logging, trailOwner: 'management' };
    expect(validateOrganization(org).logging.trailOwner).toBe('management');
  });
});
