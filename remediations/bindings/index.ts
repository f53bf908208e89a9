/**
 * The remediation decision for every rule of the catalog (and the two rules only the public
 * sample uses), keyed by rule name: automatic, manual or none, each with a one-line reason.
 *
 * - automatic: the fix cannot destroy data or cut a working network path (it adds logging,
 *   encryption of new data, backups, a setting that affects only future resources, or restores
 *   the state the landing zone itself deploys). Config runs it on non-compliance.
 * - manual: a remediation is configured with correct parameters, and a person starts it from the
 *   Config console or CLI after checking who depends on the resource (network paths, permissions,
 *   deletions of unused resources).
 * - none: no fix without data loss, a per-resource decision (keys, roles, destinations), or a
 *   broken/unsafe runbook; the finding goes to the owner.
 *
 * Parameter values: 'RESOURCE_ID' is the non-compliant resource's id (ResourceValue); any other
 * string is a static value. In static values, ${AWS::AccountId}, ${AWS::Region} and
 * ${AWS::Partition} are resolved by CloudFormation in each member account (the conformance pack
 * template is a CloudFormation template: the generator emits Fn::Sub), and <name> placeholders
 * are landing zone names filled from `BindingNames` (see remediation-configuration.ts).
 * AutomationAssumeRole is added to every binding by the generator.
 */
import { PARAMETER_OVERRIDES } from '../catalog/parameters';
import { NOT_BOUND } from './unbound';
import { wrapperId } from '../automation/runbook-wrappers';
import type { RemediationBinding } from '../types';

const R = 'RESOURCE_ID';

const automatic = (document: string, parameters: Record<string, string>, reason: string): RemediationBinding => ({ decision: 'automatic', document, parameters, reason });
/**
 * Automatic, through our exemption wrapper of the AWS-owned runbook (remediations/automation/runbook-wrappers.ts):
 * the wrapper checks the exemption tag, then runs the runbook with these parameters.
 */
const wrapped = (runbook: string, parameters: Record<string, string>, reason: string): RemediationBinding => automatic(wrapperId(runbook), parameters, reason);
const manual = (document: string, parameters: Record<string, string>, reason: string): RemediationBinding => ({ decision: 'manual', document, parameters, reason });

const password = PARAMETER_OVERRIDES['iam-password-policy'].parameters;

/** Rules bound to a remediation document (AWS-owned runbook or ours). */
export const BOUND: Readonly<Record<string, RemediationBinding>> = {
  // --- automatic, AWS-owned runbooks: per-resource ones through our exemption wrapper; account-level
  // ones (no resource parameter, or the account id) run the runbook itself: there is no resource to tag.
  'alb-desync-mode-check': wrapped('AWS-UpdateALBDesyncMitigationMode', { LoadBalancerArn: R, DesyncMitigationMode: 'defensive' }, 'One load balancer attribute; defensive is the ELB default and keeps compliant requests flowing.'),
  'alb-http-drop-invalid-header-enabled': wrapped('AWSConfigRemediation-DropInvalidHeadersForALB', { LoadBalancerArn: R }, 'Drops only requests with invalid header names; one attribute.'),
  'api-gw-xray-enabled': wrapped('AWSConfigRemediation-EnableAPIGatewayTracing', { StageArn: R }, 'Turns on X-Ray tracing on the stage: additive.'),
  'athena-workgroup-encrypted-at-rest': wrapped('AWS-EnableAthenaWorkGroupEncryptionAtRest', { WorkGroup: R, EncryptionOption: 'SSE_S3' }, 'Encrypts new query results with SSE-S3, transparent to readers.'),
  'cloud-trail-log-file-validation-enabled': wrapped('AWSConfigRemediation-EnableCloudTrailLogFileValidation', { TrailName: R }, 'Adds digest files; delivery is unchanged (replaces the sample document that also rewrote the CloudWatch settings).'),
  'cloudfront-viewer-policy-https': automatic('AWSConfigRemediation-EnableCloudFrontViewerPolicyHTTPS', { CloudFrontDistributionId: R, ViewerProtocolPolicy: 'redirect-to-https' }, 'redirect-to-https keeps HTTP clients working while enforcing TLS (no exemption: the Tagging API answers for CloudFront only in us-east-1, see runbook-wrappers.ts).'),
  'cmk-backing-key-rotation-enabled': wrapped('AWSConfigRemediation-EnableKeyRotation', { KeyId: R }, 'Rotation keeps old key material: transparent to callers (the sample passed the key id as KMSKeyArn).'),
  'db-instance-backup-enabled': wrapped('AWSConfigRemediation-EnableRDSInstanceBackup', { DbiResourceId: R, BackupRetentionPeriod: '7', ApplyImmediately: 'false' }, 'Enables 7-day automated backups, applied in the maintenance window (turning backups on there is the only interruption).'),
  'dynamodb-pitr-enabled': wrapped('AWSConfigRemediation-EnablePITRForDynamoDbTable', { TableName: R }, 'Point-in-time recovery is additive (storage cost only).'),
  'ec2-ebs-encryption-by-default': automatic('AWSConfigRemediation-EnableEbsEncryptionByDefault', {}, 'Account setting (resource id is the account, nothing to tag: no exemption): only new volumes are affected; the baseline deploys the same setting.'),
  'ec2-instance-detailed-monitoring-enabled': wrapped('AWS-ConfigureCloudWatchOnEC2Instance', { InstanceId: R, status: 'Enabled' }, 'One-minute metrics: additive.'),
  'elastic-beanstalk-logs-to-cloudwatch': wrapped('AWSConfigRemediation-EnableElasticBeanstalkEnvironmentLogStreaming', { EnvironmentId: R }, 'Turns on log streaming (option setting): additive.'),
  'guardduty-enabled-centralized': automatic('AWSConfigRemediation-CreateGuardDutyDetector', {}, 'Account-level (no resource parameter, nothing to tag: no exemption): creates the detector; detective only.'),
  'iam-password-policy': automatic(
    'AWSConfigRemediation-SetIAMPasswordPolicy',
    {
      MinimumPasswordLength: password.MinimumPasswordLength,
      PasswordReusePrevention: password.PasswordReusePrevention,
      MaxPasswordAge: password.MaxPasswordAge,
      RequireLowercaseCharacters: password.RequireLowercaseCharacters,
      RequireUppercaseCharacters: password.RequireUppercaseCharacters,
      RequireNumbers: password.RequireNumbers,
      RequireSymbols: password.RequireSymbols,
      AllowUsersToChangePassword: 'true',
      HardExpiry: 'false',
    },
    'Account-level (nothing to tag: no exemption): restores the policy the rule checks (PCI DSS 8.3.6/8.3.7/8.3.9 values); no hard expiry, so nobody is locked out.',
  ),
  'kinesis-stream-encrypted': wrapped('AWS-EnableKinesisStreamEncryption', { KinesisStreamName: R, KeyId: 'alias/aws/kinesis' }, 'The AWS managed key needs no key policy change: producers and consumers keep working.'),
  'neptune-cluster-backup-retention-check': wrapped('AWS-EnableNeptuneDbBackupRetentionPeriod', { DbClusterResourceId: R, BackupRetentionPeriod: '7' }, 'Sets 7-day backup retention: additive.'),
  'neptune-cluster-cloudwatch-log-export-enabled': wrapped('AWS-EnableNeptuneDbAuditLogsToCloudWatch', { DbClusterResourceId: R }, 'Exports audit logs to CloudWatch Logs: additive.'),
  'rds-automatic-minor-version-upgrade-enabled': wrapped('AWSConfigRemediation-EnableMinorVersionUpgradeOnRDSDBInstance', { DbiResourceId: R }, 'Only sets the flag; upgrades then run in the maintenance window.'),
  'rds-snapshots-public-prohibited': wrapped('AWSSupport-ModifyRDSSnapshotPermission', { SnapshotIdentifiers: R, Private: 'Yes' }, 'Removes public restore permission, nothing else (the sample hard-coded the DB snapshot type).'),
  'redshift-backup-enabled': wrapped('AWSConfigRemediation-EnableRedshiftClusterAutomatedSnapshot', { ClusterIdentifer: R, AutomatedSnapshotRetentionPeriod: '7' }, 'Sets automated snapshot retention: additive (the runbook spells ClusterIdentifer).'),
  's3-bucket-server-side-encryption-enabled': wrapped('AWS-EnableS3BucketEncryption', { BucketName: R, SSEAlgorithm: 'AES256' }, 'Default encryption applies to new objects only; SSE-S3 is transparent to readers.'),
  's3-bucket-ssl-requests-only': wrapped('AWSConfigRemediation-RestrictBucketSSLRequestsOnly', { BucketName: R }, 'Adds a deny for plain HTTP only; TLS clients are unaffected.'),
  's3-bucket-versioning-enabled': wrapped('AWS-ConfigureS3BucketVersioning', { BucketName: R, VersioningState: 'Enabled' }, 'Versioning keeps every object version: protects data (cost only).'),
  's3-bucket-public-write-prohibited': wrapped('AWS-DisableS3BucketPublicReadWrite', { S3BucketName: R }, 'Public write is never legitimate; the account-level block (baseline) already denies it.'),
  's3-bucket-public-read-prohibited': wrapped('AWS-DisableS3BucketPublicReadWrite', { S3BucketName: R }, 'The baseline blocks public access for the whole account, so the bucket-level block breaks nothing that works.'),
  's3-bucket-level-public-access-prohibited': wrapped('AWSConfigRemediation-ConfigureS3BucketPublicAccessBlock', { BucketName: R }, 'Bucket-level block under the account-level block the baseline deploys: changes nothing that works.'),
  's3-account-level-public-access-blocks': automatic('AWSConfigRemediation-ConfigureS3PublicAccessBlock', { AccountId: R }, 'Restores the account-level block the baseline deploys (resource id is the account id, which the runbook takes; nothing to tag: no exemption).'),
  's3-account-level-public-access-blocks-periodic': automatic('AWSConfigRemediation-ConfigureS3PublicAccessBlock', { AccountId: R }, 'Restores the account-level block the baseline deploys (resource id is the account id; nothing to tag: no exemption).'),
  'securityhub-enabled': automatic('AWSConfigRemediation-EnableSecurityHub', { EnableDefaultStandards: 'false' }, 'Account-level (no resource parameter, nothing to tag: no exemption): enables the hub; standards stay managed centrally.'),

  // --- automatic, our documents ---
  'ebs-snapshot-public-restorable-check': automatic('BlockPublicEbsSnapshots', {}, 'Account-level (resource id is the account): snapshot block public access makes public snapshots private; nothing deleted.'),
  'emr-block-public-access': automatic('BlockPublicEmrClusters', {}, 'Account-level setting for clusters created afterwards; running clusters keep their rules.'),
  'kms-cmk-not-scheduled-for-deletion': automatic('CancelKmsKeyDeletion', { KeyId: R }, 'Cancelling is reversible, deletion is not; the key stays disabled until a person decides (exempt tag for intended deletions).'),
  'ec2-transit-gateway-auto-vpc-attach-disabled': automatic('DisableTransitGatewayAutoAccept', { TransitGatewayId: R }, 'Affects only future attachment requests; existing attachments and routes stay.'),
  'codebuild-project-logging-enabled': automatic('EnableCodeBuildCloudWatchLogs', { ProjectId: R }, 'Adds CloudWatch Logs to a project that logs nowhere: additive.'),
  'ecr-private-image-scanning-enabled': automatic('EnableEcrImageScanOnPush', { RepositoryName: R }, 'Scan on push is additive; pushes keep working.'),
  'eks-cluster-logging-enabled': automatic('EnableEksControlPlaneLogging', { ClusterName: R }, 'Control plane log export is additive.'),
  'elasticache-redis-cluster-automatic-backup-check': automatic('EnableElastiCacheBackups', { ReplicationGroupId: R, SnapshotRetentionLimit: '15' }, 'Snapshot retention is additive (snapshots run in the snapshot window).'),
  'elasticsearch-logs-to-cloudwatch': automatic('EnableElasticsearchDomainLogs', { DomainName: R }, 'Log publishing is additive and needs no blue/green deployment.'),
  'opensearch-logs-to-cloudwatch': automatic('EnableOpenSearchDomainLogs', { DomainName: R }, 'Log publishing is additive and needs no blue/green deployment.'),
  'macie-status-check': automatic('EnableMacie', {}, 'Account-level (no resource parameter): Macie only reads; detective like GuardDuty.'),
  'rds-instance-iam-authentication-enabled': automatic('EnableRdsInstanceIamAuthentication', { DbiResourceId: R }, 'IAM authentication is additive: password logins keep working.'),
  'rds-cluster-iam-authentication-enabled': automatic('EnableRdsClusterIamAuthentication', { DbClusterResourceId: R }, 'IAM authentication is additive on RDS/Aurora: password logins keep working.'),
  'redshift-cluster-configuration-check': automatic('EnableRedshiftAuditLogging', { ClusterIdentifier: R }, 'Audit logging to CloudWatch Logs is additive (an unencrypted cluster stays non-compliant: that needs a migration).'),
  'redshift-cluster-maintenancesettings-check': automatic('AllowRedshiftVersionUpgrade', { ClusterIdentifier: R }, 'Allows engine upgrades in the existing maintenance window; nothing else changes.'),
  'vpc-flow-logs-enabled': automatic('EnableVpcFlowLogs', { VpcId: R }, 'A flow log observes traffic, never changes it: additive.'),
  'codebuild-project-s3-logs-encrypted': automatic('EncryptCodeBuildS3Logs', { ProjectId: R }, 'Re-encrypts new S3 build logs; location and CloudWatch settings kept.'),
  'ssm-document-not-public': automatic('MakeSsmDocumentPrivate', { DocumentName: R }, 'Removes public sharing only; shares with named accounts stay.'),
  'docdb-cluster-snapshot-public-prohibited': automatic('RemovePublicDocDbSnapshotAccess', { SnapshotIdentifier: R }, 'Removes public restore permission only; nothing deleted.'),
  'neptune-cluster-snapshot-public-prohibited': automatic('RemovePublicNeptuneSnapshotAccess', { SnapshotIdentifier: R }, 'Removes public restore permission only; nothing deleted.'),
  'mq-cloudwatch-audit-log-enabled': automatic('EnableMqAuditLogs', { BrokerId: R }, 'General and audit logs are additive; Amazon MQ applies them at the next reboot or maintenance window.'),
  'mq-cloudwatch-audit-logging-enabled': automatic('EnableMqAuditLogs', { BrokerId: R }, 'General and audit logs are additive; Amazon MQ applies them at the next reboot or maintenance window.'),
  'cw-loggroup-retention-period-check': automatic('SetLogGroupRetention', { LogGroupName: R, RetentionInDays: '365' }, 'Only groups kept less than the minimum are flagged, so retention is only ever raised (PCI DSS 10.5.1).'),

  // --- manual: a person checks the consumers first ---
  'api-gw-endpoint-type-check': manual('SetApiGatewayEndpointType', { RestApiId: R, EndpointType: 'PRIVATE' }, 'Changes who can reach the API (the sample ran it automatically and could not target the API).'),
  'autoscaling-group-elb-healthcheck-required': manual('AWSConfigRemediation-EnableAutoScalingGroupELBHealthCheck', { AutoScalingGroupARN: R, HealthCheckGracePeriod: '300' }, 'ELB health checks can cycle instances when the target group check is wrong.'),
  'cloud-trail-cloud-watch-logs-enabled': manual(
    'AWS-EnableCloudTrailCloudWatchLogs',
    {
      TrailNames: R,
      CloudWatchLogsLogGroupArn: 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:<trailLogGroup>:*',
      CloudWatchLogsRoleArn: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/<trailLogsRoleName>',
    },
    'Points the trail at the landing zone trail log group and role, which exist in the trail owner account only (the sample used Fn::ImportValue, which cannot cross accounts).',
  ),
  'cloud-trail-encryption-enabled': manual('AWSConfigRemediation-EnableCloudTrailEncryptionWithKMS', { TrailName: R, KMSKeyId: '<logKeyArn>' }, 'Encrypting with the log archive key changes who can read the logs; the key policy must allow the trail.'),
  'cloudtrail-enabled': manual('AWSConfigRemediation-CreateCloudTrailMultiRegionTrail', { BucketName: '<cloudTrailBucket>', TrailName: '<accountTrailName>' }, 'Account-level: the organization trail is the fix; this stop-gap trail duplicates cost.'),
  'multi-region-cloudtrail-enabled': manual('AWSConfigRemediation-CreateCloudTrailMultiRegionTrail', { BucketName: '<cloudTrailBucket>', TrailName: '<accountTrailName>' }, 'Account-level: the organization trail is the fix; this stop-gap trail duplicates cost.'),
  'cloudtrail-security-trail-enabled': manual('AWSConfigRemediation-CreateCloudTrailMultiRegionTrail', { BucketName: '<cloudTrailBucket>', TrailName: '<accountTrailName>' }, 'Account-level: the organization trail is the fix; this stop-gap trail duplicates cost.'),
  'codebuild-project-envvar-awscred-check': manual('AWSConfigRemediation-DeleteAccessKeysFromCodeBuildProject', { ResourceId: R }, 'Builds using the keys break; the exposed keys must also be revoked in IAM.'),
  'ec2-imdsv2-check': manual('AWSConfigRemediation-EnforceEC2InstanceIMDSv2', { InstanceId: R }, 'Software still using IMDSv1 breaks when tokens are required.'),
  'ec2-security-group-attached-to-eni': manual('AWSConfigRemediation-DeleteUnusedSecurityGroup', { GroupId: R }, 'Deletes the group (never automatic: unattached groups may be staged); the sample deleted every unattached group automatically.'),
  'ec2-security-group-attached-to-eni-periodic': manual('AWSConfigRemediation-DeleteUnusedSecurityGroup', { GroupId: R }, 'Deletes the group: never automatic.'),
  'eip-attached': manual('AWS-ReleaseElasticIP', { AllocationId: R }, 'Releasing an address is irreversible (partners may allow-list it): never automatic.'),
  'iam-policy-no-statements-with-admin-access': manual('AWSConfigRemediation-DetachIAMPolicy', { IAMResourceId: R }, 'Detaching can lock out administrators; the sample document could not run and also deleted the policy.'),
  'iam-policy-no-statements-with-full-access': manual('AWSConfigRemediation-DetachIAMPolicy', { IAMResourceId: R }, 'Detaching removes permissions from every attached principal.'),
  'iam-user-no-policies-check': manual('AWSConfigRemediation-RemoveUserPolicies', { IAMUserID: R, PolicyType: 'All' }, 'Removes the user permissions; move them to a group first (the runbook takes the user id, which the sample passed as a name).'),
  'iam-user-unused-credentials-check': manual('AWSConfigRemediation-RevokeUnusedIAMUserCredentials', { IAMResourceId: R, MaxCredentialUsageAge: '90' }, 'Deactivates keys and console access of idle users; rarely used service users break.'),
  'nacl-no-unrestricted-ssh-rdp': manual('AWS-RemoveNetworkACLUnrestrictedSSHRDP', { NetworkAclId: R }, 'Changes network paths for every subnet using the ACL.'),
  'opensearch-https-required': manual('AWSConfigRemediation-EnforceHTTPSOnOpenSearchDomain', { DomainName: R }, 'Plain HTTP clients are rejected afterwards.'),
  'rds-instance-public-access-check': manual('AWSConfigRemediation-DisablePublicAccessToRDSInstance', { DbInstanceResourceId: R }, 'Cuts the network path of external clients (the sample document always failed).'),
  'redshift-cluster-public-access-check': manual('AWSConfigRemediation-DisablePublicAccessToRedshiftCluster', { ClusterIdentifier: R }, 'Cuts the network path of external clients.'),
  'redshift-enhanced-vpc-routing-enabled': manual('AWSConfigRemediation-EnableRedshiftClusterEnhancedVPCRouting', { ClusterIdentifer: R }, 'COPY/UNLOAD fail without VPC endpoints or NAT.'),
  'redshift-require-tls-ssl': manual('AWSConfigRemediation-EnforceSSLOnlyConnectionsToRedshiftCluster', { ClusterIdentifer: R }, 'Non-TLS clients are rejected; the parameter group change may need a reboot.'),
  'restricted-common-ports': manual('AWSConfigRemediation-RemoveUnrestrictedSourceIngressRules', { SecurityGroupId: R }, 'Removes every 0.0.0.0/0 ingress rule, including intended public ports.'),
  'vpc-sg-open-only-to-authorized-ports': manual('AWSConfigRemediation-RemoveUnrestrictedSourceIngressRules', { SecurityGroupId: R }, 'Removes every 0.0.0.0/0 ingress rule, including authorized ports.'),
  'restricted-ssh': manual('AWS-DisablePublicAccessForSecurityGroup', { GroupId: R }, 'May cut bastion access.'),
  's3-bucket-logging-enabled': manual('EnableS3BucketLogging', { BucketName: R, TargetBucket: '<s3AccessLogBucket>' }, 'The target must exist in the same account and region (the sample granted FULL_CONTROL through ACLs to a bucket passed as a parameter).'),
  's3-bucket-replication-enabled': manual(
    'EnableS3BucketReplication',
    {
      BucketName: R,
      DestinationBucketArn: '<replicationDestinationBucketArn>',
      ReplicationRoleArn: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/<s3ReplicationRoleName>',
      ReplicaKmsKeyArn: '<replicationReplicaKmsKeyArn>',
    },
    'Replication costs storage and moves data to another bucket and region (a data-residency decision); it replaces any existing replication rules. Configured in the packs only when compliance.s3Replication names the destination.',
  ),
  's3-default-encryption-kms': manual('AWS-EnableS3BucketEncryption', { BucketName: R, SSEAlgorithm: 'aws:kms' }, 'Cross-account readers cannot decrypt objects under the AWS managed key.'),
  'subnet-auto-assign-public-ip-disabled': manual('AWSConfigRemediation-DisableSubnetAutoAssignPublicIP', { SubnetId: R }, 'Public-facing launches in the subnet stop getting public addresses.'),
  'vpc-default-security-group-closed': manual('AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules', { GroupId: R }, 'Anything still using the default group loses connectivity (the sample swallowed errors and reported success).'),
  'vpc-network-acl-unused-check': manual('AWSConfigRemediation-DeleteUnusedVPCNetworkACL', { NetworkAclId: R }, 'Deletes the ACL: never automatic.'),
  's3-bucket-acl-prohibited': manual('DisableS3BucketAcls', { BucketName: R }, 'Writers relying on ACL grants (legacy log delivery) stop working.'),
  'eks-endpoint-no-public-access': manual('DisableEksPublicEndpoint', { ClusterName: R }, 'kubectl and pipelines outside the VPC lose access.'),
  'transfer-family-server-no-ftp': manual('RestrictTransferServerToSftp', { ServerId: R }, 'FTP and FTPS clients are cut.'),
  'opensearch-node-to-node-encryption-check': manual('EnableOpenSearchNodeToNodeEncryption', { DomainName: R }, 'Runs a blue/green deployment of the domain.'),
  'elasticsearch-node-to-node-encryption-check': manual('EnableOpenSearchNodeToNodeEncryption', { DomainName: R }, 'Runs a blue/green deployment of the domain (OpenSearch API, which manages Elasticsearch domains too).'),
  'macie-auto-sensitive-data-discovery-check': manual('EnableMacieAutomatedDiscovery', {}, 'Account-level: only the Macie administrator account can enable it, and it costs per byte scanned.'),
  'elastic-beanstalk-managed-updates-enabled': manual('EnableBeanstalkManagedUpdates', { EnvironmentId: R }, 'Platform updates replace instances: a person confirms the environment keeps no state on them.'),
  'lambda-function-public-access-prohibited': manual('RemoveLambdaPublicAccess', { FunctionName: R }, 'Public function URLs and unscoped service invokers stop working (the sample re-added statements without their conditions).'),
  'neptune-cluster-iam-database-authentication': manual('EnableRdsClusterIamAuthentication', { DbClusterResourceId: R }, 'Neptune then requires signed requests: unsigned clients are rejected.'),
};

/** The decision for every rule, by rule name. */
export const REMEDIATION_BINDINGS: Readonly<Record<string, RemediationBinding>> = {
  ...Object.fromEntries(Object.entries(NOT_BOUND).map(([rule, reason]) => [rule, { decision: 'none', reason } satisfies RemediationBinding])),
  ...BOUND,
};
