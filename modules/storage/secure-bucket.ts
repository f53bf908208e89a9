import { Construct } from 'constructs';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketObjectLockConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { policyJson, type PolicyStatement } from '../iam/policy-document';

/** S3 Object Lock default retention (WORM). */
export interface ObjectLockProps {
  /** COMPLIANCE: nobody, root included, can shorten or remove it. @default "COMPLIANCE" */
  readonly mode?: 'COMPLIANCE' | 'GOVERNANCE';
  /** Default retention of every new object version, in days. */
  readonly retentionDays: number;
}

/** Lifecycle of log objects (PCI DSS 10.5.1: 12 months kept, the last 3 immediately available). */
export interface LogLifecycleProps {
  /** Days in S3 Standard before moving to Glacier Instant Retrieval. @default 90 */
  readonly standardDays?: number;
  /** Days after which objects expire; at least 365. */
  readonly retentionDays: number;
}

export interface SecureBucketProps {
  /** Globally unique bucket name (from the naming module). */
  readonly bucketName: string;
  /** ARN of the KMS key for default SSE-KMS encryption; required unless `encryption` is "SSE-S3". */
  readonly kmsKeyArn?: string;
  /**
   * Default encryption. "SSE-S3" only where AWS supports nothing else: a server access
   * logging target bucket (S3 User Guide, "Troubleshoot server access logging": SSE-KMS
   * default encryption is not supported on target buckets). @default "SSE-KMS"
   */
  readonly encryption?: 'SSE-KMS' | 'SSE-S3';
  /** Statements added to the bucket policy (service writers, readers). @default none */
  readonly statements?: readonly PolicyStatement[];
  /** Server access logging target. @default no access logging (only the access log bucket itself should go without) */
  readonly accessLogs?: { readonly bucket: string; readonly prefix?: string };
  /** Object Lock default retention. @default no Object Lock */
  readonly objectLock?: ObjectLockProps;
  /** Log lifecycle. @default no lifecycle: versions are kept forever */
  readonly lifecycle?: LogLifecycleProps;
  /** AWS partition. @default "aws" */
  readonly partition?: string;
  /** Provider for another region. @default the stack's default provider */
  readonly provider?: S3Bucket['provider'];
}

/**
 * An S3 bucket with the PCI-safe defaults: versioning, SSE-KMS with a customer
 * managed key and bucket keys, all public access blocked, ACLs disabled, a policy
 * that denies any request not sent over TLS, and protection from `terraform destroy`.
 */
export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly policy: S3BucketPolicy;
  /** Bucket ARN, static (computed from the name) so policies hold no Terraform references. */
  readonly arn: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const encryption = props.encryption ?? 'SSE-KMS';
    if (encryption === 'SSE-KMS' && !props.kmsKeyArn)
      throw new Error(`SecureBucket ${props.bucketName}: SSE-KMS needs kmsKeyArn; fix: pass the key ARN, or encryption: "SSE-S3" for an access log target bucket`);
    const provider = props.provider;
    this.name = props.bucketName;
    this.arn = `arn:${props.partition ?? 'aws'}:s3:::${props.bucketName}`;
    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucketName,
      objectLockEnabled: props.objectLock ? true : undefined,
      forceDestroy: false,
      provider,
      lifecycle: { preventDestroy: true },
    });
    const bucket = this.bucket.id;

    const publicAccess = new S3BucketPublicAccessBlock(this, 'public-access', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
      provider,
    });
    new S3BucketOwnershipControls(this, 'ownership', { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' }, provider });
    const versioning = new S3BucketVersioningA(this, 'versioning', { bucket, versioningConfiguration: { status: 'Enabled' }, provider });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: [
        encryption === 'SSE-KMS'
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
      ],
      provider,
    });

    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: policyJson(
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [this.arn, `${this.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        ...(props.statements ?? []),
      ),
      provider,
      // A policy written before the public access block could be rejected as public.
      dependsOn: [publicAccess],
    });

    if (props.accessLogs) {
      new S3BucketLoggingA(this, 'access-logs', {
        bucket,
        targetBucket: props.accessLogs.bucket,
        targetPrefix: props.accessLogs.prefix ?? `${props.bucketName}/`,
        provider,
      });
    }

    if (props.objectLock) {
      new S3BucketObjectLockConfigurationA(this, 'object-lock', {
        bucket,
        rule: { defaultRetention: { mode: props.objectLock.mode ?? 'COMPLIANCE', days: props.objectLock.retentionDays } },
        provider,
        dependsOn: [versioning],
      });
    }

    if (props.lifecycle) {
      const standardDays = props.lifecycle.standardDays ?? 90;
      new S3BucketLifecycleConfiguration(this, 'lifecycle', {
        bucket,
        rule: [
          {
            id: 'retain-logs',
            status: 'Enabled',
            filter: [{ prefix: '' }],
            transition: [{ days: standardDays, storageClass: 'GLACIER_IR' }],
            expiration: [{ days: props.lifecycle.retentionDays }],
            noncurrentVersionExpiration: [{ noncurrentDays: props.lifecycle.retentionDays }],
            abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
          },
        ],
        provider,
        dependsOn: [versioning],
      });
    }
  }
}
