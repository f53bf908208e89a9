import type { AutomationDocument } from '../model';

/**
 * s3-bucket-replication-enabled (manual): versioning first (S3 rejects a replication configuration on
 * an unversioned bucket, which is why the public sample's document failed on most buckets), then one
 * replication rule for the whole bucket to the organization's replica bucket, KMS-aware:
 * SSE-KMS objects are replicated too (SseKmsEncryptedObjects) and re-encrypted under the replica key,
 * deletes are not replicated (a copy an attacker in the source account cannot erase, PCI DSS 3.2.1
 * 10.5.3 / v4.0.1 10.5.1). Replaces any existing replication configuration of the bucket, so a person
 * runs it after checking the bucket has none worth keeping (the exemption tag keeps a bucket out).
 * The destination owner owns the replicas through Object Ownership "bucket owner enforced" on the
 * destination, so no AccessControlTranslation is needed.
 */
export const enableS3BucketReplication = (): AutomationDocument => ({
  id: 'EnableS3BucketReplication',
  description: 'Enables versioning, then replicates the whole bucket (SSE-KMS objects included, re-encrypted under the replica key) to a destination bucket (s3-bucket-replication-enabled).',
  parameters: {
    BucketName: { type: 'String', description: 'Bucket to replicate (the Config resource id).' },
    DestinationBucketArn: { type: 'String', description: 'ARN of the destination bucket (versioned, bucket owner enforced).', allowedPattern: '^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' },
    ReplicationRoleArn: { type: 'String', description: 'Role S3 assumes to replicate (the landing zone replication role of this account).', allowedPattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$' },
    ReplicaKmsKeyArn: { type: 'String', description: 'KMS key ARN encrypting the replicas, in the destination region.', allowedPattern: '^arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[0-9a-f-]+$' },
  },
  resourceArn: 'arn:{{ global:AWS_PARTITION }}:s3:::{{ BucketName }}',
  additionalPermissions: [
    {
      actions: ['iam:PassRole'],
      resources: ['arn:${Partition}:iam::${AccountId}:role/<s3ReplicationRoleName>'],
      condition: { StringEquals: { 'iam:PassedToService': 's3.amazonaws.com' } },
      reason: 'PutBucketReplication passes the replication role to S3.',
    },
  ],
  steps: [
    {
      name: 'EnableVersioning',
      action: 'aws:executeAwsApi',
      inputs: { Service: 's3', Api: 'PutBucketVersioning', Bucket: '{{ BucketName }}', VersioningConfiguration: { Status: 'Enabled' } },
    },
    {
      name: 'WaitForVersioning',
      action: 'aws:waitForAwsResourceProperty',
      timeoutSeconds: 120,
      inputs: { Service: 's3', Api: 'GetBucketVersioning', Bucket: '{{ BucketName }}', PropertySelector: '$.Status', DesiredValues: ['Enabled'] },
    },
    {
      name: 'PutReplication',
      action: 'aws:executeAwsApi',
      inputs: {
        Service: 's3',
        Api: 'PutBucketReplication',
        Bucket: '{{ BucketName }}',
        ReplicationConfiguration: {
          Role: '{{ ReplicationRoleArn }}',
          Rules: [
            {
              ID: 'landing-zone-replication',
              Priority: 1,
              Status: 'Enabled',
              Filter: { Prefix: '' },
              DeleteMarkerReplication: { Status: 'Disabled' },
              SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } },
              Destination: { Bucket: '{{ DestinationBucketArn }}', EncryptionConfiguration: { ReplicaKmsKeyID: '{{ ReplicaKmsKeyArn }}' } },
            },
          ],
        },
      },
    },
    {
      name: 'AssertReplicationEnabled',
      action: 'aws:assertAwsResourceProperty',
      inputs: { Service: 's3', Api: 'GetBucketReplication', Bucket: '{{ BucketName }}', PropertySelector: '$.ReplicationConfiguration.Rules[0].Status', DesiredValues: ['Enabled'] },
    },
  ],
});
