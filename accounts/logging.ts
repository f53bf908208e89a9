/**
 * The `logging` section of the organization config: how long audit logs are kept,
 * who owns the organization trail, who is told about security events and who may
 * read the archive. Shape here (zod); meaning in `loggingRules` (floors and relations).
 *
 * PCI DSS v4.0.1 10.5.1: audit log history is kept at least 12 months, with the
 * last three months immediately available for analysis.
 */
import { z } from 'zod';
import type { Organization } from './schema';
import type { Problem, Rule } from './validate';

/** PCI DSS 10.5.1: twelve months of audit log history. */
export const MIN_RETENTION_DAYS = 365;
/** PCI DSS 10.5.1: the last three months immediately available (kept in S3 Standard). */
export const MIN_STANDARD_DAYS = 90;
/** S3 Object Lock accepts at most 100 years of default retention. */
export const MAX_OBJECT_LOCK_DAYS = 36500;
/** Above this, the log archive policies name the organization (aws:SourceOrgID) instead of listing account ids. */
export const MAX_ACCOUNTS_WITHOUT_ORGANIZATION_ID = 400;
/** Retention values CloudWatch Logs accepts (PutRetentionPolicy), from one year up. */
export const LOG_GROUP_RETENTION_DAYS = [365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
/** Who creates the organization trail: the logging account as CloudTrail delegated administrator, or the management account. */
export const TRAIL_OWNERS = ['logging', 'management'] as const;

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PRINCIPAL_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):(role|user)\/[\w+=,.@/-]{1,512}$/;
const days = (what: string) =>
  z.number({ error: `must be a number of days; fix: e.g. ${what}` }).int({ error: 'must be a whole number of days' }).positive({ error: 'must be positive' });

export const loggingSchema = z.strictObject({
  /** Days every log object (CloudTrail, Config, access logs) is kept in S3 before it expires; at least 365. @default 365 */
  retentionDays: days('365').default(MIN_RETENTION_DAYS),
  /** Days the first months of logs stay in S3 Standard before moving to Glacier Instant Retrieval; at least 90. @default 90 */
  standardDays: days('90').default(MIN_STANDARD_DAYS),
  /** S3 Object Lock (compliance mode) default retention on the CloudTrail, flow-log and findings buckets (AWS Config cannot deliver to a locked bucket); at least 365. @default 365 */
  objectLockDays: days('365').default(MIN_RETENTION_DAYS),
  /** Retention of the trail's CloudWatch Logs group; one of the CloudWatch values from 365 up. @default 365 */
  logGroupRetentionDays: days('365').default(MIN_RETENTION_DAYS),
  /** Stack that creates the organization trail, its log group and alarms. @default "logging" (CloudTrail delegated administrator) */
  trailOwner: z.enum(TRAIL_OWNERS, { error: `must be one of ${TRAIL_OWNERS.join(', ')}` }).default('logging'),
  /** Email addresses subscribed to the security alarm topic (each must confirm the subscription). @default [] */
  alarmEmails: z.array(z.string().regex(EMAIL, { error: 'is not a valid email address; fix: use e.g. "security@example.com"' })).default([]),
  /**
   * S3 buckets (names) in CDE accounts whose object-level operations the trail records as data events
   * (PCI DSS 10.2.1.1: access to cardholder data). Organization trails cannot filter data events by account,
   * so the buckets are named. @default [] (management events only)
   */
  cdeDataEventBuckets: z.array(z.string().regex(BUCKET, { error: 'is not an S3 bucket name; fix: use the bucket name, not its ARN' })).default([]),
  /** IAM roles or users (ARNs) of the security team allowed to read and decrypt the log archive. @default [] (logging account administrators only) */
  securityReaderArns: z
    .array(z.string().regex(PRINCIPAL_ARN, { error: 'is not an IAM role or user ARN; fix: e.g. "arn:aws:iam::333333333333:role/security-auditor"' }))
    .default([]),
});

export type LoggingInput = z.input<typeof loggingSchema>;
export type Logging = z.output<typeof loggingSchema>;

/** Floors and relations of the logging section (PCI DSS 10.5.1). */
export const loggingRules: Rule = (org: Organization) => {
  const l = org.logging;
  const problems: Problem[] = [];
  const at = (field: string) => `logging.${field}`;
  if (l.retentionDays < MIN_RETENTION_DAYS)
    problems.push({
      path: at('retentionDays'),
      message: `keeps logs less than ${MIN_RETENTION_DAYS} days, PCI DSS 10.5.1 requires 12 months; fix: set ${MIN_RETENTION_DAYS} or more`,
      received: l.retentionDays,
    });
  if (l.standardDays < MIN_STANDARD_DAYS)
    problems.push({
      path: at('standardDays'),
      message: `must be at least ${MIN_STANDARD_DAYS}: PCI DSS 10.5.1 keeps the last three months immediately available; fix: set ${MIN_STANDARD_DAYS} or more`,
      received: l.standardDays,
    });
  else if (l.standardDays >= l.retentionDays)
    problems.push({
      path: at('standardDays'),
      message: `must be less than retentionDays (${l.retentionDays}), or logs expire before leaving S3 Standard; fix: lower it or raise retentionDays`,
      received: l.standardDays,
    });
  if (l.objectLockDays < MIN_RETENTION_DAYS)
    problems.push({
      path: at('objectLockDays'),
      message: `locks logs less than ${MIN_RETENTION_DAYS} days, so they could be deleted within the 12 months PCI DSS 10.5.1 requires; fix: set ${MIN_RETENTION_DAYS} or more`,
      received: l.objectLockDays,
    });
  else if (l.objectLockDays > MAX_OBJECT_LOCK_DAYS)
    problems.push({ path: at('objectLockDays'), message: `S3 Object Lock allows at most ${MAX_OBJECT_LOCK_DAYS} days; fix: lower it`, received: l.objectLockDays });
  else if (l.objectLockDays > l.retentionDays)
    problems.push({
      path: at('objectLockDays'),
      message: `is longer than retentionDays (${l.retentionDays}): logs would stay locked after they are meant to expire; fix: raise retentionDays to at least ${l.objectLockDays} or lower objectLockDays`,
      received: l.objectLockDays,
    });
  // Only the management account or the CloudTrail delegated administrator may create an organization trail.
  const admin = org.guardrails.delegatedAdministrator;
  const logging = org.accounts.find((a) => a.role === 'logging');
  if (l.trailOwner === 'logging' && admin !== undefined && admin !== logging?.name)
    problems.push({
      path: at('trailOwner'),
      message: `the logging account creates the organization trail, but "${admin}" is the CloudTrail delegated administrator (guardrails.delegatedAdministrator), and CloudTrail accepts organization trails only from it or the management account; fix: set logging.trailOwner to "management", or make the logging account the delegated administrator`,
      received: l.trailOwner,
    });
  if (!(LOG_GROUP_RETENTION_DAYS as readonly number[]).includes(l.logGroupRetentionDays))
    problems.push({
      path: at('logGroupRetentionDays'),
      message: `is not a CloudWatch Logs retention of a year or more; fix: use one of ${LOG_GROUP_RETENTION_DAYS.join(', ')}`,
      received: l.logGroupRetentionDays,
    });
  const accountIds = new Set(org.accounts.map((a) => a.id).filter((id) => id !== undefined));
  l.securityReaderArns.forEach((arn, i) => {
    const [, partition, accountId] = PRINCIPAL_ARN.exec(arn) ?? [];
    if (partition !== org.partition)
      problems.push({ path: at(`securityReaderArns[${i}]`), message: `is in partition "${partition}", the organization is in "${org.partition}"; fix: use an ARN of partition ${org.partition}`, received: arn });
    else if (!accountIds.has(accountId))
      problems.push({
        path: at(`securityReaderArns[${i}]`),
        message: `belongs to account ${accountId}, which is not in the organization; fix: use a role in one of the organization's accounts (e.g. the auth account)`,
        received: arn,
      });
  });
  const existing = org.accounts.filter((a) => a.id !== undefined).length;
  if (org.organizationId === undefined && existing > MAX_ACCOUNTS_WITHOUT_ORGANIZATION_ID)
    problems.push({
      path: 'organizationId',
      message: `is needed with more than ${MAX_ACCOUNTS_WITHOUT_ORGANIZATION_ID} accounts (${existing}): the log archive policies list every account id otherwise, beyond the 20 KB bucket policy limit; fix: set organizationId`,
    });
  const seen = new Set<string>();
  l.cdeDataEventBuckets.forEach((bucket, i) => {
    if (seen.has(bucket)) problems.push({ path: at(`cdeDataEventBuckets[${i}]`), message: 'is listed twice; fix: remove the duplicate', received: bucket });
    seen.add(bucket);
  });
  return problems;
};
