import type { Step } from '../model';

/** What a library document needs from the organization: physical names computed by `Naming`. */
export interface DocumentContext {
  /** Organization prefix (log group and resource policy names). */
  readonly prefix: string;
  /** Role VPC Flow Logs assumes to write to CloudWatch Logs (created in every account with the remediation role). */
  readonly flowLogsRoleName: string;
}

/** An ARN in the current partition, region and account, from Automation's global variables. */
export const arnHere = (service: string, resource: string) =>
  `arn:{{ global:AWS_PARTITION }}:${service}:{{ global:REGION }}:{{ global:ACCOUNT_ID }}:${resource}`;

/** Days CloudWatch Logs keep what our documents create: PCI DSS v4.0.1 10.5.1 (12 months). */
export const LOG_RETENTION_DAYS = 365;

/**
 * Creates a log group our document writes to (an existing one is fine: onFailure
 * Continue) and keeps its logs 12 months: the first steps of every document that
 * sends a service's logs to CloudWatch Logs.
 */
export function logGroupSteps(logGroup: string): Step[] {
  return [
    {
      name: 'CreateLogGroup',
      action: 'aws:executeAwsApi',
      description: 'Creates the log group; it may already exist.',
      onFailure: 'Continue',
      isCritical: false,
      inputs: { Service: 'logs', Api: 'CreateLogGroup', logGroupName: logGroup },
    },
    { name: 'SetRetention', action: 'aws:executeAwsApi', inputs: { Service: 'logs', Api: 'PutRetentionPolicy', logGroupName: logGroup, retentionInDays: LOG_RETENTION_DAYS } },
  ];
}
