import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { Cloudtrail, type CloudtrailAdvancedEventSelector } from '@cdktf/provider-aws/lib/cloudtrail';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { Naming } from '../../accounts';
import type { LandingZoneStack } from '../../stacks/landing-zone-stack';
import { policyJson, type PolicyStatement } from '../iam/policy-document';
import { KEY_DATA_ACTIONS, SecureKmsKey } from '../security/kms-key';
import { SecurityAlarms } from './security-alarms';
import { SECURITY_EVENTS, breakGlassEvent } from './security-events';

export interface OrganizationTrailProps {
  /** Names and the resolved config (`logging` section). */
  readonly names: Naming;
  /**
   * Key CloudTrail encrypts the log files with. @default the log archive key's alias ARN
   * (pass the key's ARN when the key is in the same stack: CloudTrail reports the key ARN,
   * so an alias would show as a change on every plan)
   */
  readonly logKeyArn?: string;
  /**
   * Resources the trail must wait for when they are in the same stack: the CloudTrail
   * bucket's policy. The bucket is named by a string, which gives Terraform no ordering,
   * and CloudTrail checks the bucket policy when the trail is created. @default none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The organization trail (PCI DSS 10.2.1, 10.2.2, 10.3.4, 10.5.1): every account, every
 * region, global service events, log file validation (SHA-256 digests signed by CloudTrail),
 * SSE-KMS with the log archive key, a copy in a KMS-encrypted CloudWatch Logs group written
 * through a role limited to that group, and the CIS security alarms on it.
 *
 * Created by the account named in `logging.trailOwner`: the logging account as CloudTrail
 * delegated administrator (default), or the management account. Either way the management
 * account owns the trail, so its ARN (`names.trailArn`) carries the management account id.
 */
export class OrganizationTrail extends Construct {
  readonly trail: Cloudtrail;
  readonly logGroup: CloudwatchLogGroup;
  readonly role: IamRole;
  readonly monitoringKey: SecureKmsKey;
  readonly alarms: SecurityAlarms;

  constructor(scope: Construct, id: string, props: OrganizationTrailProps) {
    super(scope, id);
    const { names } = props;
    const settings = names.org.logging;
    const partition = names.partition;
    const region = names.org.homeRegion;
    const owner = names.trailOwnerAccount.id;
    const logGroupArn = `arn:${partition}:logs:${region}:${owner}:log-group:${names.trailLogGroup}`;

    this.monitoringKey = new SecureKmsKey(this, 'monitoring-key', {
      alias: names.trailMonitoringKeyAlias,
      description: 'Organization trail monitoring: CloudWatch Logs group and security alarm topic',
      accountId: owner,
      partition,
      statements: monitoringKeyStatements(logGroupArn, region),
    });

    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: names.trailLogGroup,
      retentionInDays: settings.logGroupRetentionDays,
      kmsKeyId: this.monitoringKey.arn,
      // Kept in AWS if the resource ever leaves the configuration.
      skipDestroy: true,
      lifecycle: { preventDestroy: true },
    });

    this.role = new IamRole(this, 'logs-role', {
      name: names.trailLogsRoleName,
      description: 'CloudTrail writes the organization trail into its CloudWatch Logs group',
      // iam:PassRole keeps other accounts' trails from using it; CloudTrail documents no source condition for this role.
      assumeRolePolicy: policyJson({ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    });
    const rolePolicy = new IamRolePolicy(this, 'logs-role-policy', {
      name: 'write-trail-log-group',
      role: this.role.name,
      policy: policyJson(...logsRoleStatements(logGroupArn)),
    });

    this.trail = new Cloudtrail(this, 'trail', {
      name: names.trailName,
      s3BucketName: names.cloudTrailBucket,
      kmsKeyId: props.logKeyArn ?? names.logKeyAliasArn,
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      // CloudTrail requires the log stream wildcard.
      cloudWatchLogsGroupArn: `${this.logGroup.arn}:*`,
      cloudWatchLogsRoleArn: this.role.arn,
      advancedEventSelector: eventSelectors(names),
      // CloudTrail checks the role can write when the trail is created.
      dependsOn: [rolePolicy, ...(props.dependsOn ?? [])],
    });

    this.alarms = new SecurityAlarms(this, 'alarms', {
      logGroupName: this.logGroup.name,
      topicName: names.securityAlarmTopic,
      kmsKeyArn: this.monitoringKey.arn,
      namespace: names.securityMetricsNamespace,
      namePrefix: names.prefix,
      accountId: owner,
      region,
      partition,
      emails: settings.alarmEmails,
      events: [...SECURITY_EVENTS, breakGlassEvent(names.breakGlassRoleName)],
    });
  }
}

/**
 * Creates the organization trail in `stack` when its account is the configured trail
 * owner, and nothing otherwise: both the logging and the management stack call it.
 */
export function addOrganizationTrail(stack: LandingZoneStack, logKeyArn?: string, dependsOn?: ITerraformDependable[]): OrganizationTrail | undefined {
  if (stack.account.id !== stack.names.trailOwnerAccount.id) return undefined;
  return new OrganizationTrail(stack, 'organization-trail', { names: stack.names, logKeyArn, dependsOn });
}

/** All management events; S3 object-level events of the CDE buckets named in the config (PCI DSS 10.2.1.1). */
export function eventSelectors(names: Naming): CloudtrailAdvancedEventSelector[] {
  const selectors: CloudtrailAdvancedEventSelector[] = [
    { name: 'All management events', fieldSelector: [{ field: 'eventCategory', equalTo: ['Management'] }] },
  ];
  const buckets = names.org.logging.cdeDataEventBuckets;
  if (buckets.length > 0)
    selectors.push({
      name: 'S3 object events in CDE buckets',
      fieldSelector: [
        { field: 'eventCategory', equalTo: ['Data'] },
        { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
        { field: 'resources.ARN', startsWith: buckets.map((b) => `arn:${names.partition}:s3:::${b}/`) },
      ],
    });
  return selectors;
}

/** CloudWatch Logs may use the key for the trail's log group only; CloudWatch alarms may publish to the encrypted topic. */
export function monitoringKeyStatements(logGroupArn: string, region: string): PolicyStatement[] {
  return [
    {
      Sid: 'CloudWatchLogsEncryptsTrailLogGroup',
      Effect: 'Allow',
      Principal: { Service: `logs.${region}.amazonaws.com` },
      // What CloudWatch Logs needs on the key (CloudWatch Logs User Guide, "Encrypt log data using AWS KMS").
      Action: [...KEY_DATA_ACTIONS],
      Resource: '*',
      Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
    },
    {
      // CloudWatch needs the key to publish to an SSE-KMS topic (CloudWatch User Guide, "Encrypted SNS topics").
      Sid: 'CloudWatchAlarmsPublishToEncryptedTopic',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
    },
  ];
}

/** CreateLogStream and PutLogEvents, on the trail's log group only. */
export function logsRoleStatements(logGroupArn: string): PolicyStatement[] {
  return [
    {
      Sid: 'WriteTrailLogGroupOnly',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${logGroupArn}:log-stream:*`,
    },
  ];
}
