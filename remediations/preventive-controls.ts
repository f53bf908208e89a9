/**
 * Preventive controls of the platform that are not SCPs (those carry their own
 * requirement ids in modules/organization/guardrails.ts): the secure defaults every
 * stack deploys, with the PCI DSS v4.0.1 requirements they support and where they
 * live. The evidence pack joins them with the SCPs, the Config rules and the
 * remediations into the requirement coverage matrix.
 */

export interface PreventiveControl {
  readonly control: string;
  /** Stacks (or "every account stack") that deploy it. */
  readonly where: string;
  readonly pci: readonly string[];
}

export const PREVENTIVE_CONTROLS: readonly PreventiveControl[] = [
  { control: 'IAM password policy: 14+ characters, 4 classes, 24 remembered, 90 days', where: 'every account stack', pci: ['8.3.6', '8.3.7', '8.3.9'] },
  { control: 'MFA required for everything but enrolling MFA (auth account groups)', where: 'auth', pci: ['8.4.1', '8.4.2', '8.5.1'] },
  { control: 'Access roles: auth-account users only, MFA, organization, 1-hour sessions', where: 'every account stack', pci: ['7.2.1', '7.2.2', '8.2.1', '8.4.2'] },
  { control: 'Access levels and users as reviewed config', where: 'auth', pci: ['7.2.1', '7.2.4', '7.3.1', '8.2.4', '8.2.6'] },
  { control: 'Break-glass role, alarmed on every use', where: 'every account stack', pci: ['8.6.1', '10.2.1.2'] },
  { control: 'Customer managed KMS keys, yearly rotation, deletion protected', where: 'every stack', pci: ['3.5.1', '3.6.1', '3.7.4'] },
  { control: 'EBS encryption by default with a customer managed key; S3 account public access block; IMDSv2 default', where: 'every account stack', pci: ['2.2.1', '3.5.1', '1.4.4'] },
  { control: 'Organization trail: all accounts and regions, log file validation, KMS', where: 'logging', pci: ['10.2.1', '10.2.2', '10.3.4'] },
  { control: 'Log archive: Object Lock COMPLIANCE, no deletes, TLS only, 365 days kept', where: 'logging', pci: ['10.3.2', '10.3.3', '10.5.1'] },
  { control: 'Security alarms on the trail (CIS 4.1-4.15) to SNS', where: 'logging', pci: ['10.4.1', '10.4.1.1', '10.7.2'] },
  { control: 'AWS Config in every account and region, organization aggregator', where: 'every account stack, compliance', pci: ['10.7.2', '11.5.2', '12.5.2'] },
  { control: 'GuardDuty with all protection plans, organization-wide', where: 'logging', pci: ['5.2.1', '5.3.1', '10.4.1', '11.5.1'] },
  { control: 'Security Hub with the PCI DSS v4.0.1 and FSBP standards', where: 'logging', pci: ['10.4.1', '11.5.1'] },
  { control: 'Inspector (EC2, ECR, Lambda) organization-wide', where: 'logging', pci: ['6.3.1', '11.3.1'] },
  { control: 'IAM Access Analyzer for the organization', where: 'logging', pci: ['7.2.1'] },
  { control: 'Workload VPCs: egress only through Network Firewall domain allow-list, NACLs, empty default security group', where: 'workload stacks', pci: ['1.2.1', '1.3.1', '1.3.2', '1.4.1', '1.4.2'] },
  { control: 'VPC flow logs (all traffic) and firewall logs to the log archive', where: 'workload stacks, logging', pci: ['1.2.4', '10.2.1'] },
  { control: 'Changes only through reviewed merge requests, approved saved plans, deploy role', where: 'transversal, every account stack', pci: ['6.5.1', '6.5.2', '7.2.5'] },
  { control: 'Separate accounts per environment and role, OUs, account quarantine', where: 'management', pci: ['1.2.3', '6.5.3', '12.5.2'] },
  { control: 'Exceptions register with owner and expiry, enforced by validation', where: 'accounts/ (config)', pci: ['12.3.1', '12.3.4'] },
];
