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
