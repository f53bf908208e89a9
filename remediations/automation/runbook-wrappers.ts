/**
 * Exemption wrappers of AWS-owned runbooks: the table of the runbooks that automatic bindings run on
 * a taggable, per-resource target, with how to build the resource ARN from the Config resource id.
 *
 * AWS's runbooks (AWS-*, AWSConfigRemediation-*, AWSSupport-*) cannot be changed and do not look at
 * the exemption tag. An automatic binding therefore runs our wrapper instead (`<prefix>-Run<Runbook>`):
 * the exemption prologue of our own documents (render.ts), then aws:executeAutomation of the AWS
 * runbook with the parameters the binding passes. The wrapper documents are generated from this
 * table and the bindings (wrapper-documents.ts). Account-level rules (the resource id is the
 * account id, or there is no resource parameter) have no resource to tag and are not wrapped.
 * CloudFront distributions are not wrapped either: the Tagging API answers for them only in
 * us-east-1, and an Automation API step cannot choose its region, so the check would find no tag
 * wherever the rule runs elsewhere and change an exempt distribution.
 *
 * No imports: the bindings name wrappers by `wrapperId` without a cycle.
 */

/** How a wrapped runbook's target resource is found and named. */
export interface WrappedRunbook {
  /** Config resource type of the target. */
  readonly resourceType: string;
  /** The runbook parameter that receives RESOURCE_ID. */
  readonly resourceParameter: string;
  /**
   * The resource ARN, built like our documents build theirs: from the parameter, Automation's global
   * variables, or a read-only lookup's output (`{{ Find.Arn }}`).
   */
  readonly resourceArn: string;
  /** Read-only lookup turning the Config resource id into the ARN (RDS resource ids, Beanstalk ids). @default none */
  readonly lookup?: 'rds-instance' | 'rds-cluster' | 'beanstalk-environment';
}

const P = '{{ global:AWS_PARTITION }}';
/** An ARN in the current partition, region and account (same as documents/context.ts `arnHere`). */
const here = (service: string, resource: string) => `arn:${P}:${service}:{{ global:REGION }}:{{ global:ACCOUNT_ID }}:${resource}`;
const bucket = (parameter: string): WrappedRunbook => ({ resourceType: 'AWS::S3::Bucket', resourceParameter: parameter, resourceArn: `arn:${P}:s3:::{{ ${parameter} }}` });

/** The AWS-owned runbooks our automatic bindings run, by name. */
export const WRAPPED_RUNBOOKS: Readonly<Record<string, WrappedRunbook>> = {
  // The Config resource id of a load balancer and of an API Gateway stage is its ARN.
  'AWS-UpdateALBDesyncMitigationMode': { resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer', resourceParameter: 'LoadBalancerArn', resourceArn: '{{ LoadBalancerArn }}' },
  'AWSConfigRemediation-DropInvalidHeadersForALB': { resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer', resourceParameter: 'LoadBalancerArn', resourceArn: '{{ LoadBalancerArn }}' },
  'AWSConfigRemediation-EnableAPIGatewayTracing': { resourceType: 'AWS::ApiGateway::Stage', resourceParameter: 'StageArn', resourceArn: '{{ StageArn }}' },
  'AWS-EnableAthenaWorkGroupEncryptionAtRest': { resourceType: 'AWS::Athena::WorkGroup', resourceParameter: 'WorkGroup', resourceArn: here('athena', 'workgroup/{{ WorkGroup }}') },
  'AWSConfigRemediation-EnableCloudTrailLogFileValidation': { resourceType: 'AWS::CloudTrail::Trail', resourceParameter: 'TrailName', resourceArn: here('cloudtrail', 'trail/{{ TrailName }}') },
  'AWSConfigRemediation-EnableKeyRotation': { resourceType: 'AWS::KMS::Key', resourceParameter: 'KeyId', resourceArn: here('kms', 'key/{{ KeyId }}') },
  'AWSConfigRemediation-EnableRDSInstanceBackup': { resourceType: 'AWS::RDS::DBInstance', resourceParameter: 'DbiResourceId', resourceArn: '{{ FindResource.Arn }}', lookup: 'rds-instance' },
  'AWSConfigRemediation-EnablePITRForDynamoDbTable': { resourceType: 'AWS::DynamoDB::Table', resourceParameter: 'TableName', resourceArn: here('dynamodb', 'table/{{ TableName }}') },
  'AWS-ConfigureCloudWatchOnEC2Instance': { resourceType: 'AWS::EC2::Instance', resourceParameter: 'InstanceId', resourceArn: here('ec2', 'instance/{{ InstanceId }}') },
  'AWSConfigRemediation-EnableElasticBeanstalkEnvironmentLogStreaming': {
    resourceType: 'AWS::ElasticBeanstalk::Environment',
    resourceParameter: 'EnvironmentId',
    resourceArn: '{{ FindResource.Arn }}',
    lookup: 'beanstalk-environment',
  },
  'AWS-EnableKinesisStreamEncryption': { resourceType: 'AWS::Kinesis::Stream', resourceParameter: 'KinesisStreamName', resourceArn: here('kinesis', 'stream/{{ KinesisStreamName }}') },
  'AWS-EnableNeptuneDbBackupRetentionPeriod': { resourceType: 'AWS::RDS::DBCluster', resourceParameter: 'DbClusterResourceId', resourceArn: '{{ FindResource.Arn }}', lookup: 'rds-cluster' },
  'AWS-EnableNeptuneDbAuditLogsToCloudWatch': { resourceType: 'AWS::RDS::DBCluster', resourceParameter: 'DbClusterResourceId', resourceArn: '{{ FindResource.Arn }}', lookup: 'rds-cluster' },
  'AWSConfigRemediation-EnableMinorVersionUpgradeOnRDSDBInstance': { resourceType: 'AWS::RDS::DBInstance', resourceParameter: 'DbiResourceId', resourceArn: '{{ FindResource.Arn }}', lookup: 'rds-instance' },
  // The runbook changes DB snapshots (ModifyDBSnapshotAttribute), so the ARN is a DB snapshot ARN.
  'AWSSupport-ModifyRDSSnapshotPermission': { resourceType: 'AWS::RDS::DBSnapshot', resourceParameter: 'SnapshotIdentifiers', resourceArn: here('rds', 'snapshot:{{ SnapshotIdentifiers }}') },
  'AWSConfigRemediation-EnableRedshiftClusterAutomatedSnapshot': { resourceType: 'AWS::Redshift::Cluster', resourceParameter: 'ClusterIdentifer', resourceArn: here('redshift', 'cluster:{{ ClusterIdentifer }}') },
  'AWS-EnableS3BucketEncryption': bucket('BucketName'),
  'AWSConfigRemediation-RestrictBucketSSLRequestsOnly': bucket('BucketName'),
  'AWS-ConfigureS3BucketVersioning': bucket('BucketName'),
  'AWS-DisableS3BucketPublicReadWrite': bucket('S3BucketName'),
  'AWSConfigRemediation-ConfigureS3BucketPublicAccessBlock': bucket('BucketName'),
};

/** Id of the wrapper of a runbook (SSM name `<prefix>-<id>`, which cannot start with AWS). */
export function wrapperId(runbook: string): string {
  if (!WRAPPED_RUNBOOKS[runbook]) throw new Error(`${runbook} has no exemption wrapper: add it to WRAPPED_RUNBOOKS (remediations/automation/runbook-wrappers.ts)`);
  return `Run${runbook.replace(/[^A-Za-z0-9]/g, '')}`;
}

/** The AWS-owned runbook a wrapper id runs, or undefined when the id is no wrapper. */
export function wrappedRunbook(id: string): string | undefined {
  return Object.keys(WRAPPED_RUNBOOKS).find((runbook) => `Run${runbook.replace(/[^A-Za-z0-9]/g, '')}` === id);
}
