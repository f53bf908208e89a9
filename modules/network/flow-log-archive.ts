import { Construct } from 'constructs';
import type { Naming } from '../../accounts';
import type { PolicyStatement } from '../iam/policy-document';
import { KEY_DATA_ACTIONS, SecureKmsKey } from '../security/kms-key';
import { SecureBucket } from '../storage/secure-bucket';
import { archiveRetention } from '../logging/log-archive';
import { vpcPlans } from './layout';

export interface FlowLogArchiveProps {
  /** Names and the resolved config (`network.vpcs` gives the writers, `logging` the retention). */
  readonly names: Naming;
  /** Server access logging target (the log archive's access log bucket). @default no access logging */
  readonly accessLogBucket?: string;
}

/** The accounts that deliver flow logs: every existing account with a VPC in the config. */
export function flowLogWriters(names: Naming): string[] {
  return vpcPlans(names.org).flatMap((p) => (p.accountId ? [p.accountId] : []));
}

/** Key policy statements: the log delivery service encrypts for the writer accounts only. */
export function flowLogKeyStatements(names: Naming): PolicyStatement[] {
  const writers = flowLogWriters(names);
  if (writers.length === 0) return [];
  return [
    {
      Sid: 'LogDeliveryEncryptsFlowLogs',
      Effect: 'Allow',
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: [...KEY_DATA_ACTIONS],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': writers } },
    },
  ];
}

/**
 * Bucket policy statements (VPC flow logs and Network Firewall logs to S3, "vended
 * logs"): the log delivery service writes under AWSLogs/<account>/ of each writer
 * account, for that account's log sources only (confused deputy: aws:SourceAccount
 * and aws:SourceArn).
 */
export function flowLogBucketStatements(names: Naming, bucketArn: string): PolicyStatement[] {
  const writers = flowLogWriters(names);
  if (writers.length === 0) return [];
  const sourceArns = writers.map((id) => `arn:${names.partition}:logs:*:${id}:*`);
  return [
    {
      Sid: 'LogDeliveryWrite',
      Effect: 'Allow',
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: writers.map((id) => `${bucketArn}/AWSLogs/${id}/*`),
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': writers }, ArnLike: { 'aws:SourceArn': sourceArns } },
    },
    {
      Sid: 'LogDeliveryAclCheck',
      Effect: 'Allow',
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: ['s3:GetBucketAcl', 's3:ListBucket'],
      Resource: bucketArn,
      Condition: { StringEquals: { 'aws:SourceAccount': writers }, ArnLike: { 'aws:SourceArn': sourceArns } },
    },
  ];
}

/**
 * The flow log archive in the logging account (PCI DSS 10.2.1, 10.3.3, 10.5.1): a KMS
 * key and a bucket with Object Lock and the log archive's retention, receiving the VPC
 * flow logs and the Network Firewall flow logs of every workload VPC.
 */
export class FlowLogArchive extends Construct {
  readonly key: SecureKmsKey;
  readonly bucket: SecureBucket;

  constructor(scope: Construct, id: string, props: FlowLogArchiveProps) {
    super(scope, id);
    const { names } = props;
    const settings = names.org.logging;
    const partition = names.partition;
    this.key = new SecureKmsKey(this, 'key', {
      alias: names.flowLogKeyAlias,
      description: 'Log archive: VPC flow logs and Network Firewall flow logs',
      accountId: names.account('logging').id,
      partition,
      statements: flowLogKeyStatements(names),
    });
    this.bucket = new SecureBucket(this, 'bucket', {
      bucketName: names.flowLogBucket,
      kmsKeyArn: this.key.arn,
      ...archiveRetention(settings),
      accessLogs: props.accessLogBucket ? { bucket: props.accessLogBucket } : undefined,
      partition,
      statements: flowLogBucketStatements(names, `arn:${partition}:s3:::${names.flowLogBucket}`),
    });
  }
}
