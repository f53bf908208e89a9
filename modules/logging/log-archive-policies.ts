/**
 * The policies of the log archive, as pure functions of the config: the log key's
 * policy statements and the three bucket policies. Kept apart from the construct so
 * tests and the evidence docs can read them without synthesizing.
 *
 * Sources: CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail" (organization
 * trail) and "Configure AWS KMS key policies for CloudTrail"; AWS Config Developer Guide,
 * "Permissions for the Amazon S3 bucket" and "Permissions for the KMS key"; S3 User Guide,
 * "Enabling Amazon S3 server access logging" (logging.s3.amazonaws.com).
 */
import type { Naming } from '../../accounts';
import type { PolicyStatement } from '../iam/policy-document';

/** Object deletions nobody may make, the stack role included (PCI DSS 10.3.2, 10.5.1). */
export const DENIED_OBJECT_ACTIONS = ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:DeleteBucket'] as const;

/**
 * Bucket settings only the landing zone's own roles (stack role, deploy role) may change:
 * Terraform manages them, nobody else (PCI DSS 10.3.2: audit logs protected from modification).
 */
export const PROTECTED_BUCKET_ACTIONS = [
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:PutLifecycleConfiguration',
  's3:PutBucketObjectLockConfiguration',
  's3:PutBucketVersioning',
  's3:PutEncryptionConfiguration',
  's3:PutBucketLogging',
  's3:PutBucketOwnershipControls',
  's3:PutBucketPublicAccessBlock',
] as const;

/** What the security team may do to read the archive. */
export const READER_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:GetBucketLocation'] as const;

/** Account ids of the organization's existing accounts. */
export function organizationAccountIds(names: Naming): string[] {
  return names.existingAccounts.map((a) => a.id);
}

/**
 * Whose AWS Config may deliver: the organization (aws:SourceOrgID, constant size) once
 * `organizationId` is in the config, else the account ids (aws:SourceAccount; validation
 * asks for the organization id before the list outgrows the 20 KB bucket policy limit).
 */
export function organizationSourceCondition(names: Naming): Record<string, string | string[]> {
  const orgId = names.org.organizationId;
  return orgId ? { 'aws:SourceOrgID': orgId } : { 'aws:SourceAccount': organizationAccountIds(names) };
}

/** Roles exempt from the protected-settings deny: what Terraform runs as in the logging account. */
export function managingRoleArns(names: Naming): string[] {
  const logging = names.account('logging');
  return [...new Set([names.stackRoleArn(logging), names.roleArn(logging.id, names.deployRoleName)])];
}

/** Denies deletes to everyone and settings changes to all but the landing zone's roles. */
export function protectionStatements(names: Naming, bucketArn: string): PolicyStatement[] {
  return [
    {
      Sid: 'DenyLogDeletion',
      Effect: 'Deny',
      Principal: '*',
      Action: [...DENIED_OBJECT_ACTIONS],
      Resource: [bucketArn, `${bucketArn}/*`],
    },
    {
      Sid: 'DenySettingsChangesExceptLandingZone',
      Effect: 'Deny',
      Principal: '*',
      Action: [...PROTECTED_BUCKET_ACTIONS],
      Resource: bucketArn,
      Condition: { ArnNotEquals: { 'aws:PrincipalArn': managingRoleArns(names) } },
    },
  ];
}

function readerStatements(names: Naming, bucketArn: string): PolicyStatement[] {
  const readers = names.org.logging.securityReaderArns;
  if (readers.length === 0) return [];
  return [
    {
      Sid: 'SecurityTeamReads',
      Effect: 'Allow',
      Principal: { AWS: readers },
      Action: [...READER_ACTIONS],
      Resource: [bucketArn, `${bucketArn}/*`],
    },
  ];
}

/**
 * CloudTrail bucket: only our organization trail (aws:SourceArn) may check the ACL and
 * write, under AWSLogs/<management account> and AWSLogs/<organization id>. Without
 * `organizationId` in the config the prefix is AWSLogs/o-* (the id is unknown until the
 * organization exists); the SourceArn condition still admits no other trail.
 */
export function cloudTrailBucketStatements(names: Naming, bucketArn: string): PolicyStatement[] {
  const trail = { 'aws:SourceArn': names.trailArn };
  const orgPrefix = names.org.organizationId ?? 'o-*';
  return [
    {
      Sid: 'CloudTrailAclCheck',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      Resource: bucketArn,
      Condition: { StringEquals: trail },
    },
    {
      Sid: 'CloudTrailWrite',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: [`${bucketArn}/AWSLogs/${names.account('management').id}/*`, `${bucketArn}/AWSLogs/${orgPrefix}/*`],
      // CloudTrail sends this canned ACL; with BucketOwnerEnforced it is accepted and ignored.
      Condition: { StringEquals: { ...trail, 's3:x-amz-acl': 'bucket-owner-full-control' } },
    },
    ...readerStatements(names, bucketArn),
    ...protectionStatements(names, bucketArn),
  ];
}

/**
 * Config bucket: AWS Config of the organization's accounts only may check the bucket and
 * deliver under AWSLogs/<account>/Config (with or without a key prefix).
 */
export function configBucketStatements(names: Naming, bucketArn: string): PolicyStatement[] {
  const accounts = organizationSourceCondition(names);
  return [
    {
      Sid: 'ConfigAclAndExistenceCheck',
      Effect: 'Allow',
      Principal: { Service: 'config.amazonaws.com' },
      Action: ['s3:GetBucketAcl', 's3:ListBucket'],
      Resource: bucketArn,
      Condition: { StringEquals: accounts },
    },
    {
      Sid: 'ConfigWrite',
      Effect: 'Allow',
      Principal: { Service: 'config.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: [`${bucketArn}/AWSLogs/*/Config/*`, `${bucketArn}/*/AWSLogs/*/Config/*`],
      Condition: { StringEquals: { ...accounts, 's3:x-amz-acl': 'bucket-owner-full-control' } },
    },
    ...readerStatements(names, bucketArn),
    ...protectionStatements(names, bucketArn),
  ];
}

/**
 * Access log bucket: S3 server access logging of the other log buckets only (source bucket
 * ARN and the logging account), each under its own prefix.
 */
export function accessLogBucketStatements(names: Naming, bucketArn: string, sourceBuckets: readonly string[]): PolicyStatement[] {
  const arn = (bucket: string) => `arn:${names.partition}:s3:::${bucket}`;
  return [
    {
      Sid: 'S3ServerAccessLogsWrite',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: sourceBuckets.map((b) => `${bucketArn}/${b}/*`),
      Condition: {
        ArnLike: { 'aws:SourceArn': sourceBuckets.map(arn) },
        StringEquals: { 'aws:SourceAccount': names.account('logging').id },
      },
    },
    ...readerStatements(names, bucketArn),
    ...protectionStatements(names, bucketArn),
  ];
}

/**
 * Log key statements (beyond the owner's): CloudTrail encrypts for our trail only, AWS
 * Config of the organization's accounts encrypts deliveries, the security team decrypts
 * through S3 only.
 */
export function logKeyStatements(names: Naming): PolicyStatement[] {
  const management = names.account('management').id;
  const statements: PolicyStatement[] = [
    {
      Sid: 'CloudTrailEncryptsForOrganizationTrail',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:GenerateDataKey*',
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:SourceArn': names.trailArn },
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${names.partition}:cloudtrail:*:${management}:trail/*` },
      },
    },
    {
      Sid: 'CloudTrailDescribesKey',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:DescribeKey',
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceArn': names.trailArn } },
    },
    {
      Sid: 'ConfigEncryptsDeliveries',
      Effect: 'Allow',
      Principal: { Service: 'config.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { StringEquals: organizationSourceCondition(names) },
    },
  ];
  const readers = names.org.logging.securityReaderArns;
  if (readers.length > 0)
    statements.push({
      Sid: 'SecurityTeamDecryptsThroughS3',
      Effect: 'Allow',
      Principal: { AWS: readers },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': `s3.${names.org.homeRegion}.amazonaws.com` } },
    });
  return statements;
}
