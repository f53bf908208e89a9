/**
 * AWS-owned runbooks (AWS-*, AWSConfigRemediation-*, AWSSupport-*): their parameters and the IAM
 * permissions the automation role needs to run them.
 *
 * Permissions come from the runbook reference ("Required IAM permissions", captured in the
 * research as awsOwnedRunbookIamPermissions). Where AWS documents none, DERIVED_PERMISSIONS lists
 * the actions behind the API calls the runbook's reference page describes, with that source; it is
 * a derivation, to be checked against `aws ssm get-document` before a first production run.
 */
import { AWS_RUNBOOK_FACTS } from './aws-runbooks.generated';

/** One runbook parameter as the runbook reference lists it. */
export interface RunbookParameter {
  readonly name: string;
  readonly required: boolean;
}

/** Facts about an AWS-owned runbook. */
export interface AwsRunbookFacts {
  readonly parameters: readonly RunbookParameter[];
  /** "Required IAM permissions" from the runbook reference (may hold non-IAM names AWS prints, normalized by the role derivation). */
  readonly documentedPermissions: readonly string[];
  readonly url: string | null;
}

/** A runbook's permissions where AWS documents none: the actions of the API calls its reference page describes. */
export const DERIVED_PERMISSIONS: Readonly<Record<string, { readonly actions: readonly string[]; readonly from: string }>> = {
  'AWS-UpdateALBDesyncMitigationMode': {
    actions: ['elasticloadbalancing:ModifyLoadBalancerAttributes', 'elasticloadbalancing:DescribeLoadBalancerAttributes'],
    from: 'modifies and reads the routing.http.desync_mitigation_mode attribute',
  },
  'AWS-EnableAthenaWorkGroupEncryptionAtRest': { actions: ['athena:UpdateWorkGroup', 'athena:GetWorkGroup'], from: 'UpdateWorkGroup ResultConfigurationUpdates, then GetWorkGroup' },
  'AWS-ConfigureCloudWatchOnEC2Instance': { actions: ['ec2:MonitorInstances', 'ec2:UnmonitorInstances'], from: 'MonitorInstances / UnmonitorInstances by status' },
  'AWS-EnableKinesisStreamEncryption': { actions: ['kinesis:StartStreamEncryption', 'kinesis:DescribeStream'], from: 'StartStreamEncryption, then DescribeStream' },
  'AWS-EnableNeptuneDbBackupRetentionPeriod': { actions: ['rds:ModifyDBCluster', 'rds:DescribeDBClusters'], from: 'resolves the cluster by resource id and modifies BackupRetentionPeriod' },
  'AWS-EnableNeptuneDbAuditLogsToCloudWatch': { actions: ['rds:ModifyDBCluster', 'rds:DescribeDBClusters'], from: 'resolves the cluster by resource id and enables audit log export' },
  'AWSConfigRemediation-EnableMinorVersionUpgradeOnRDSDBInstance': { actions: ['rds:DescribeDBInstances', 'rds:ModifyDBInstance'], from: 'resolves the instance by DbiResourceId and sets AutoMinorVersionUpgrade' },
  'AWSSupport-ModifyRDSSnapshotPermission': { actions: ['rds:DescribeDBSnapshots', 'rds:DescribeDBSnapshotAttributes', 'rds:ModifyDBSnapshotAttribute'], from: 'checks the snapshots and modifies their restore attribute' },
  'AWS-EnableS3BucketEncryption': { actions: ['s3:PutEncryptionConfiguration', 's3:GetEncryptionConfiguration'], from: 'PutBucketEncryption' },
  'AWSConfigRemediation-RestrictBucketSSLRequestsOnly': { actions: ['s3:GetBucketPolicy', 's3:PutBucketPolicy'], from: 'reads the bucket policy and adds the aws:SecureTransport deny' },
  'AWS-ConfigureS3BucketVersioning': { actions: ['s3:PutBucketVersioning', 's3:GetBucketVersioning'], from: 'PutBucketVersioning' },
  'AWS-DisableS3BucketPublicReadWrite': { actions: ['s3:PutBucketPublicAccessBlock', 's3:GetBucketPublicAccessBlock'], from: 'PutPublicAccessBlock on the bucket' },
  'AWS-EnableCloudTrailCloudWatchLogs': { actions: ['cloudtrail:UpdateTrail', 'cloudtrail:GetTrail'], from: 'UpdateTrail CloudWatchLogsLogGroupArn/RoleArn (passes the CloudTrail logs role)' },
  'AWSConfigRemediation-EnableCloudTrailEncryptionWithKMS': { actions: ['cloudtrail:UpdateTrail', 'cloudtrail:GetTrail'], from: 'UpdateTrail KmsKeyId' },
  'AWSConfigRemediation-EnableAutoScalingGroupELBHealthCheck': {
    actions: ['autoscaling:UpdateAutoScalingGroup', 'autoscaling:DescribeAutoScalingGroups'],
    from: 'UpdateAutoScalingGroup HealthCheckType ELB',
  },
  'AWS-ReleaseElasticIP': { actions: ['ec2:ReleaseAddress'], from: 'ReleaseAddress' },
  'AWSConfigRemediation-RemoveUserPolicies': {
    actions: ['iam:ListAttachedUserPolicies', 'iam:ListUserPolicies', 'iam:DetachUserPolicy', 'iam:DeleteUserPolicy', 'config:ListDiscoveredResources'],
    from: 'resolves the user from its id and removes managed and inline policies',
  },
  'AWS-RemoveNetworkACLUnrestrictedSSHRDP': { actions: ['ec2:DescribeNetworkAcls', 'ec2:DeleteNetworkAclEntry'], from: 'deletes inbound entries allowing 0.0.0.0/0 on 22/3389' },
  'AWSConfigRemediation-EnforceHTTPSOnOpenSearchDomain': { actions: ['es:UpdateDomainConfig', 'es:DescribeDomain'], from: 'UpdateDomainConfig DomainEndpointOptions.EnforceHTTPS' },
  'AWSConfigRemediation-RemoveUnrestrictedSourceIngressRules': {
    actions: ['ec2:DescribeSecurityGroupRules', 'ec2:RevokeSecurityGroupIngress'],
    from: 'revokes ingress rules from 0.0.0.0/0 and ::/0',
  },
  'AWS-DisablePublicAccessForSecurityGroup': { actions: ['ec2:DescribeSecurityGroups', 'ec2:RevokeSecurityGroupIngress'], from: 'revokes SSH/RDP ingress from anywhere' },
};

/**
 * Permissions a bound runbook needs beyond its reference list: service-linked roles the enabling
 * APIs create on first use, and roles passed to services. Resources are ARN templates (${Partition}, ${AccountId}, <BindingNames placeholders>).
 */
export const EXTRA_RUNBOOK_PERMISSIONS: Readonly<
  Record<string, readonly { actions: readonly string[]; resources: readonly string[]; condition?: Record<string, Record<string, string>>; reason: string }[]>
> = {
  'AWS-EnableCloudTrailCloudWatchLogs': [
    {
      actions: ['iam:PassRole'],
      resources: ['arn:${Partition}:iam::${AccountId}:role/<trailLogsRoleName>'],
      condition: { StringEquals: { 'iam:PassedToService': 'cloudtrail.amazonaws.com' } },
      reason: 'UpdateTrail passes the CloudTrail logs role (CloudWatchLogsRoleArn).',
    },
  ],
  'AWSConfigRemediation-CreateGuardDutyDetector': [
    {
      actions: ['iam:CreateServiceLinkedRole'],
      resources: ['arn:${Partition}:iam::${AccountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty'],
      condition: { StringLike: { 'iam:AWSServiceName': 'guardduty.amazonaws.com' } },
      reason: 'CreateDetector creates the GuardDuty service-linked role on first use.',
    },
  ],
  'AWSConfigRemediation-EnableSecurityHub': [
    {
      actions: ['iam:CreateServiceLinkedRole'],
      resources: ['arn:${Partition}:iam::${AccountId}:role/aws-service-role/securityhub.amazonaws.com/AWSServiceRoleForSecurityHub'],
      condition: { StringLike: { 'iam:AWSServiceName': 'securityhub.amazonaws.com' } },
      reason: 'EnableSecurityHub creates the Security Hub service-linked role on first use.',
    },
  ],
};

/** Facts about a runbook; throws for a runbook the research does not describe. */
export function awsRunbook(name: string): AwsRunbookFacts {
  const facts = AWS_RUNBOOK_FACTS[name];
  if (!facts) throw new Error(`no research facts for the AWS-owned runbook ${name}`);
  return facts;
}

/** Whether a document name is an AWS-owned runbook. */
export function isAwsOwned(name: string): boolean {
  return /^(AWS-|AWSConfigRemediation-|AWSSupport-)/.test(name);
}

/** The IAM actions a bound AWS-owned runbook needs, and where they come from. */
export function runbookActions(name: string): { actions: string[]; source: 'documented' | 'derived' } {
  const facts = awsRunbook(name);
  if (facts.documentedPermissions.length > 0) return { actions: [...facts.documentedPermissions], source: 'documented' };
  const derived = DERIVED_PERMISSIONS[name];
  if (!derived) throw new Error(`AWS documents no permissions for ${name} and DERIVED_PERMISSIONS has none: add them`);
  return { actions: [...derived.actions], source: 'derived' };
}
