import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { accountPrincipal, policyJson } from '../iam/policy-document';
import { SecureKmsKey } from '../security/kms-key';

/** What the topic's owner account may do with it (listed, not sns:*). */
export const TOPIC_OWNER_ACTIONS = [
  'sns:GetTopicAttributes',
  'sns:ListSubscriptionsByTopic',
  'sns:Publish',
  'sns:SetTopicAttributes',
  'sns:Subscribe',
] as const;

export interface BreakGlassAlarmProps {
  /** ARN of the watched role. */
  readonly roleArn: string;
  readonly accountId: string;
  readonly region: string;
  readonly topicName: string;
  readonly ruleName: string;
  readonly keyAlias: string;
  /** Emails subscribed to the topic (each confirms once). @default none */
  readonly emails?: readonly string[];
  /** AWS partition. @default "aws" */
  readonly partition?: string;
  /** Provider of `region`. @default the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * Notifies an SNS topic, encrypted with its own KMS key, whenever the watched
 * role is assumed or used in this region: an EventBridge rule on the CloudTrail
 * events (the organization trail feeds EventBridge in every member account).
 * Self-contained per account and region: no cross-stack reference.
 * PCI DSS 10.2.1.2 (administrative actions logged), 10.4.1 (reviewed), 8.6.1.
 */
export class BreakGlassAlarm extends Construct {
  readonly topic: SnsTopic;
  readonly rule: CloudwatchEventRule;

  constructor(scope: Construct, id: string, props: BreakGlassAlarmProps) {
    super(scope, id);
    const partition = props.partition ?? 'aws';
    const topicArn = `arn:${partition}:sns:${props.region}:${props.accountId}:${props.topicName}`;
    const ruleArn = `arn:${partition}:events:${props.region}:${props.accountId}:rule/${props.ruleName}`;

    const key = new SecureKmsKey(this, 'key', {
      alias: props.keyAlias,
      description: `Encrypts ${props.topicName}: break-glass use alerts`,
      accountId: props.accountId,
      partition,
      provider: props.provider,
      statements: [
        {
          // EventBridge encrypts what it publishes to the topic with this key.
          Sid: 'EventBridgePublishesEncrypted',
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Resource: '*',
        },
      ],
    });

    this.topic = new SnsTopic(this, 'topic', { name: props.topicName, kmsMasterKeyId: key.arn, provider: props.provider });
    new SnsTopicPolicy(this, 'topic-policy', {
      arn: this.topic.arn,
      provider: props.provider,
      policy: policyJson(
        { Sid: 'OwnerAccount', Effect: 'Allow', Principal: accountPrincipal(partition, props.accountId), Action: [...TOPIC_OWNER_ACTIONS], Resource: topicArn },
        {
          Sid: 'OnlyTheBreakGlassRulePublishes',
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sns:Publish',
          Resource: topicArn,
          Condition: { ArnEquals: { 'aws:SourceArn': ruleArn } },
        },
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: [...TOPIC_OWNER_ACTIONS],
          Resource: topicArn,
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ),
    });
    (props.emails ?? []).forEach((email) => {
      new SnsTopicSubscription(this, `email-${email.replace(/[^A-Za-z0-9-]/g, '-')}`, {
        topicArn: this.topic.arn,
        protocol: 'email',
        endpoint: email,
        provider: props.provider,
      });
    });

    this.rule = new CloudwatchEventRule(this, 'rule', {
      name: props.ruleName,
      description: `Break-glass role ${props.roleArn} assumed or used`,
      provider: props.provider,
      eventPattern: JSON.stringify(breakGlassEventPattern(props.roleArn)),
      // The default (ENABLED) leaves out read-only management events: a session that only reads would go unreported.
      state: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS',
    });
    new CloudwatchEventTarget(this, 'notify', {
      rule: this.rule.name,
      arn: this.topic.arn,
      provider: props.provider,
      inputTransformer: {
        inputPaths: {
          event: '$.detail.eventName',
          source: '$.detail.eventSource',
          caller: '$.detail.userIdentity.arn',
          ip: '$.detail.sourceIPAddress',
          time: '$.time',
        },
        inputTemplate: `"BREAK-GLASS: <caller> called <source> <event> at <time> from <ip> (role ${props.roleArn}, region ${props.region}). Follow the break-glass runbook."`,
      },
    });
  }
}

/** CloudTrail events of `roleArn` being assumed, or of its sessions calling any API. */
export function breakGlassEventPattern(roleArn: string): Record<string, unknown> {
  return {
    'detail-type': ['AWS API Call via CloudTrail', 'AWS Console Sign In via CloudTrail'],
    $or: [
      { detail: { eventName: ['AssumeRole'], requestParameters: { roleArn: [roleArn] } } },
      { detail: { userIdentity: { sessionContext: { sessionIssuer: { arn: [roleArn] } } } } },
    ],
  };
}
