import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { accountPrincipal, policyJson, type PolicyStatement } from '../iam/policy-document';
import { SECURITY_EVENTS, type SecurityEvent } from './security-events';

/** What the owning account may do with the alarm topic (no sns:* in the policy). */
export const TOPIC_OWNER_ACTIONS = [
  'sns:GetTopicAttributes',
  'sns:SetTopicAttributes',
  'sns:AddPermission',
  'sns:RemovePermission',
  'sns:DeleteTopic',
  'sns:Subscribe',
  'sns:ListSubscriptionsByTopic',
  'sns:Publish',
] as const;

export interface SecurityAlarmsProps {
  /** Log group the metric filters read (a reference, so filters follow the group). */
  readonly logGroupName: string;
  /** Name of the SNS topic the alarms notify. */
  readonly topicName: string;
  /** KMS key encrypting the topic; its policy must let cloudwatch.amazonaws.com use it. */
  readonly kmsKeyArn: string;
  /** CloudWatch namespace of the metrics. */
  readonly namespace: string;
  /** Prefix of the metric filter and alarm names. */
  readonly namePrefix: string;
  /** Account and region of the alarms (the topic policy admits only their alarms). */
  readonly accountId: string;
  readonly region: string;
  /** AWS partition. @default "aws" */
  readonly partition?: string;
  /** Email subscribers of the topic. @default none */
  readonly emails?: readonly string[];
  /** Events to watch. @default SECURITY_EVENTS (CIS AWS Foundations section 4) */
  readonly events?: readonly SecurityEvent[];
  /** Provider of the account and region. @default the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * Metric filters and alarms on the trail's log group, notifying a KMS-encrypted SNS topic
 * (PCI DSS 10.4.1.1: automated audit log review; 10.7.2: failures of audit logging are
 * detected). An alarm fires on the first matching event in five minutes.
 */
export class SecurityAlarms extends Construct {
  readonly topic: SnsTopic;
  readonly alarms: CloudwatchMetricAlarm[] = [];

  constructor(scope: Construct, id: string, props: SecurityAlarmsProps) {
    super(scope, id);
    const partition = props.partition ?? 'aws';
    const provider = props.provider;
    const topicArn = `arn:${partition}:sns:${props.region}:${props.accountId}:${props.topicName}`;

    this.topic = new SnsTopic(this, 'topic', { name: props.topicName, kmsMasterKeyId: props.kmsKeyArn, provider });
    new SnsTopicPolicy(this, 'topic-policy', { arn: this.topic.arn, policy: policyJson(...topicStatements(topicArn, props.accountId, props.region, partition)), provider });
    // Ids from the address, not the position: removing one subscriber leaves the others in place.
    for (const email of new Set(props.emails ?? []))
      new SnsTopicSubscription(this, `email-${email.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, { topicArn: this.topic.arn, protocol: 'email', endpoint: email, provider });

    for (const event of props.events ?? SECURITY_EVENTS) {
      const metricName = metricNameOf(event.id);
      const filter = new CloudwatchLogMetricFilter(this, `filter-${event.id}`, {
        name: `${props.namePrefix}-${event.id}`,
        logGroupName: props.logGroupName,
        pattern: event.pattern,
        metricTransformation: { name: metricName, namespace: props.namespace, value: '1' },
        provider,
      });
      this.alarms.push(
        new CloudwatchMetricAlarm(this, `alarm-${event.id}`, {
          alarmName: `${props.namePrefix}-${event.id}`,
          alarmDescription: `${event.title} (${event.cis ? `CIS AWS Foundations ${event.cis}; ` : ''}PCI DSS ${event.pci.join(', ')})`,
          namespace: props.namespace,
          metricName,
          statistic: 'Sum',
          period: 300,
          evaluationPeriods: 1,
          threshold: 1,
          comparisonOperator: 'GreaterThanOrEqualToThreshold',
          treatMissingData: 'notBreaching',
          alarmActions: [this.topic.arn],
          provider,
          dependsOn: [filter],
        }),
      );
    }
  }
}

/** "root-account-usage" -> "RootAccountUsage". */
export function metricNameOf(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/** Owner administers; CloudWatch alarms of this account and region may publish; TLS only. */
export function topicStatements(topicArn: string, accountId: string, region: string, partition: string): PolicyStatement[] {
  return [
    { Sid: 'OwnerAdministers', Effect: 'Allow', Principal: accountPrincipal(partition, accountId), Action: [...TOPIC_OWNER_ACTIONS], Resource: topicArn },
    {
      Sid: 'CloudWatchAlarmsPublish',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: topicArn,
      Condition: {
        ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:*` },
        StringEquals: { 'aws:SourceAccount': accountId },
      },
    },
    { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: topicArn, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  ];
}
