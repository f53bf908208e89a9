import { Construct } from 'constructs';
import type { Naming, Organization } from '../../accounts';
import { SecureKmsKey } from '../security/kms-key';
import { SecureBucket, type SecureBucketProps } from '../storage/secure-bucket';
import { accessLogBucketStatements, cloudTrailBucketStatements, configBucketStatements, logKeyStatements } from './log-archive-policies';

export interface LogArchiveProps {
  /** Names and the resolved config (`logging` section: retention, Object Lock, readers). */
  readonly names: Naming;
}

/**
 * The immutable log archive in the logging account (PCI DSS 10.3.2, 10.3.3, 10.5.1):
 * a KMS key, a CloudTrail bucket with S3 Object Lock in compliance mode, a Config bucket,
 * and the bucket receiving their server access logs. Every bucket is versioned, private,
 * TLS-only, kept `retentionDays` (the first `standardDays` in S3 Standard) and denies
 * object deletion to everyone, the landing zone's roles included.
 *
 * Two buckets go without Object Lock because AWS refuses it there:
 * - the Config bucket: "AWS Config does not support the delivery channel to an Amazon S3
 *   bucket where object lock is enabled" (AWS::Config::DeliveryChannel reference); its
 *   versions are protected by the deny-delete policy and the SCPs instead;
 * - the access log bucket: S3 server access logging supports only SSE-S3 default
 *   encryption on a target bucket, and a target bucket must not have an Object Lock
 *   default retention (S3 User Guide, "Enabling Amazon S3 server access logging" and
 *   "Troubleshoot server access logging").
 */
/**
 * The archive's retention for a log bucket, from `logging`: Object Lock in COMPLIANCE
 * mode and the lifecycle (PCI DSS 10.5.1). Every bucket of the log archive uses it.
 */
export function archiveRetention(settings: Organization['logging']): Required<Pick<SecureBucketProps, 'objectLock' | 'lifecycle'>> {
  return {
    objectLock: { mode: 'COMPLIANCE', retentionDays: settings.objectLockDays },
    lifecycle: { retentionDays: settings.retentionDays, standardDays: settings.standardDays },
  };
}

export class LogArchive extends Construct {
  readonly key: SecureKmsKey;
  readonly cloudTrailBucket: SecureBucket;
  readonly configBucket: SecureBucket;
  readonly accessLogBucket: SecureBucket;

  constructor(scope: Construct, id: string, props: LogArchiveProps) {
    super(scope, id);
    const { names } = props;
    const settings = names.org.logging;
    const partition = names.partition;
    const arn = (bucket: string) => `arn:${partition}:s3:::${bucket}`;
    const { lifecycle, objectLock } = archiveRetention(settings);

    this.key = new SecureKmsKey(this, 'key', {
      alias: names.logKeyAlias,
      description: 'Log archive: organization CloudTrail and AWS Config deliveries',
      accountId: names.account('logging').id,
      partition,
      statements: logKeyStatements(names),
    });

    this.accessLogBucket = new SecureBucket(this, 'access-logs', {
      bucketName: names.accessLogBucket,
      encryption: 'SSE-S3',
      lifecycle,
      partition,
      statements: accessLogBucketStatements(names, arn(names.accessLogBucket), [names.cloudTrailBucket, names.configBucket, names.flowLogBucket, names.securityFindingsBucket]),
    });
    // The policy's bucket attribute is the bucket name, and a reference: sources start
    // logging only once the target bucket lets S3 log delivery write.
    const accessLogs = { bucket: this.accessLogBucket.policy.bucket };

    this.cloudTrailBucket = new SecureBucket(this, 'cloudtrail', {
      bucketName: names.cloudTrailBucket,
      kmsKeyArn: this.key.arn,
      objectLock,
      lifecycle,
      accessLogs,
      partition,
      statements: cloudTrailBucketStatements(names, arn(names.cloudTrailBucket)),
    });

    // No Object Lock: AWS Config cannot deliver to a bucket that has it (see above).
    this.configBucket = new SecureBucket(this, 'config', {
      bucketName: names.configBucket,
      kmsKeyArn: this.key.arn,
      lifecycle,
      accessLogs,
      partition,
      statements: configBucketStatements(names, arn(names.configBucket)),
    });
  }
}
