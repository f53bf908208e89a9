import type { AutomationDocument } from '../model';
import { arnHere, logGroupSteps, type DocumentContext } from './context';

/**
 * vpc-flow-logs-enabled: adds a flow log (all traffic) to CloudWatch Logs for a VPC that has none
 * (PCI DSS 10.2.1, 1.2.5 evidence). Additive: flow logs never touch traffic. The delivery role is
 * created in every account by the remediation module, with a fixed name.
 */
export const enableVpcFlowLogs = (ctx: DocumentContext): AutomationDocument => {
  const logGroup = `/${ctx.prefix}/vpc-flow-logs/{{ VpcId }}`;
  return {
    id: 'EnableVpcFlowLogs',
    description: 'Creates a flow log of all traffic to CloudWatch Logs for a VPC (vpc-flow-logs-enabled).',
    parameters: { VpcId: { type: 'String', description: 'VPC id (the Config resource id).' } },
    resourceArn: arnHere('ec2', 'vpc/{{ VpcId }}'),
    additionalPermissions: [
      {
        actions: ['iam:PassRole'],
        resources: [`arn:\${Partition}:iam::\${AccountId}:role/${ctx.flowLogsRoleName}`],
        condition: { StringEquals: { 'iam:PassedToService': 'vpc-flow-logs.amazonaws.com' } },
        reason: 'CreateFlowLogs passes the delivery role to VPC Flow Logs.',
      },
    ],
    steps: [
      ...logGroupSteps(logGroup),
      {
        name: 'CreateFlowLog',
        action: 'aws:executeAwsApi',
        inputs: {
          Service: 'ec2',
          Api: 'CreateFlowLogs',
          ResourceIds: ['{{ VpcId }}'],
          ResourceType: 'VPC',
          TrafficType: 'ALL',
          LogDestinationType: 'cloud-watch-logs',
          LogGroupName: logGroup,
          DeliverLogsPermissionArn: `arn:{{ global:AWS_PARTITION }}:iam::{{ global:ACCOUNT_ID }}:role/${ctx.flowLogsRoleName}`,
        },
      },
      {
        name: 'AssertFlowLogActive',
        action: 'aws:assertAwsResourceProperty',
        inputs: {
          Service: 'ec2',
          Api: 'DescribeFlowLogs',
          Filter: [{ Name: 'resource-id', Values: ['{{ VpcId }}'] }],
          PropertySelector: '$.FlowLogs[0].FlowLogStatus',
          DesiredValues: ['ACTIVE'],
        },
      },
    ],
  };
};
