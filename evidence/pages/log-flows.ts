import { label, mermaid, table } from '../markdown';
import type { PageGenerator } from '../page';

/** Where every log and finding goes, how it is protected and how long it is kept. */
export const logFlowsPage: PageGenerator = ({ org, names }) => {
  const { logging } = org;
  const logAccount = names.account('logging');
  const trailOwner = names.trailOwnerAccount;
  const archive = (what: string) => `${what} (${logAccount.name} ${logAccount.id})`;
  const worm = `Object Lock COMPLIANCE ${logging.objectLockDays} days`;
  const kept = `${logging.retentionDays} days (${logging.standardDays} in S3 Standard, then Glacier Instant Retrieval)`;

  const flows = [
    ['CloudTrail (organization trail, every account and region)', archive(names.cloudTrailBucket), names.logKeyAlias, worm, kept, '10.2.1, 10.3.2, 10.5.1'],
    [
      'CloudTrail events for alarms',
      `CloudWatch Logs ${names.trailLogGroup} (${trailOwner.name} ${trailOwner.id})`,
      names.trailMonitoringKeyAlias,
      'deletes denied by SCP',
      `${logging.logGroupRetentionDays} days`,
      '10.4.1, 10.4.1.1',
    ],
    ['AWS Config snapshots and history (every account)', archive(names.configBucket), names.logKeyAlias, 'versioned, deletes denied (AWS Config cannot deliver to an Object Lock bucket)', kept, '10.2.1, 11.5.2'],
    ['VPC flow logs and Network Firewall flow logs (workload VPCs)', archive(names.flowLogBucket), names.flowLogKeyAlias, worm, kept, '10.2.1, 1.2.4'],
    [
      'GuardDuty findings (every account, exported by the administrator)',
      `${names.securityFindingsBucket} (${names.delegatedAdministrator.name} ${names.delegatedAdministrator.id})`,
      names.securityFindingsKeyAlias,
      worm,
      kept,
      '10.4.1, 11.5.1',
    ],
    ['S3 server access logs of the log buckets', archive(names.accessLogBucket), 'SSE-S3 (required for access log targets)', 'deletes denied by bucket policy', `${logging.retentionDays} days`, '10.2.1'],
  ];

  const diagram = [
    'flowchart LR',
    `  accounts[${label('every account and region')}]`,
    `  trail[${label(`organization trail ${names.trailName}`)}]`,
    `  config[${label('AWS Config recorders')}]`,
    `  vpcs[${label('workload VPC flow logs and firewall')}]`,
    `  guardduty[${label('GuardDuty administrator')}]`,
    `  cw[${label(`CloudWatch Logs ${names.trailLogGroup}`)}]`,
    `  alarms[${label('16 security alarms (CIS 4.1-4.15, break-glass use) → SNS')}]`,
    `  subgraph archive [${label(`log archive: ${logAccount.name} account`)}]`,
    `    ct_bucket[(${label(names.cloudTrailBucket)})]`,
    `    config_bucket[(${label(names.configBucket)})]`,
    `    flow_bucket[(${label(names.flowLogBucket)})]`,
    `    findings_bucket[(${label(names.securityFindingsBucket)})]`,
    `    access_bucket[(${label(names.accessLogBucket)})]`,
    '  end',
    '  accounts --> trail --> ct_bucket',
    '  trail --> cw --> alarms',
    '  accounts --> config --> config_bucket',
    '  vpcs --> flow_bucket',
    '  accounts --> guardduty --> findings_bucket',
    '  ct_bucket -. access logs .-> access_bucket',
    '  config_bucket -. access logs .-> access_bucket',
  ];

  return {
    path: 'log-flows.md',
    title: 'Log and data flows',
    answers: 'Where do audit logs and security findings go, how are they protected from change, and how long are they kept? (PCI DSS 10.2, 10.3, 10.5.1)',
    body: [
      mermaid(diagram),
      '',
      table(['source', 'destination', 'encryption (KMS alias)', 'immutability', 'kept', 'PCI DSS v4.0.1'], flows),
      '',
      'Nobody can delete a log object or version in the archive, the landing zone roles included; the trail, the recorders and the keys are protected by service control policies (see the organization scheme). The trail validates its log files: `aws cloudtrail validate-logs` proves no file was modified or removed (README, "Verifying log integrity").',
      '',
      logging.securityReaderArns.length
        ? `Readers of the archive (decrypt through S3 only): ${logging.securityReaderArns.map((a) => `\`${a}\``).join(', ')}.`
        : 'Readers of the archive: the logging account administrators only (no `logging.securityReaderArns` configured).',
      '',
      logging.cdeDataEventBuckets.length
        ? `S3 data events are recorded for the CDE buckets ${logging.cdeDataEventBuckets.map((b) => `\`${b}\``).join(', ')} (PCI DSS 10.2.1.1).`
        : 'S3 data events: none configured (`logging.cdeDataEventBuckets`); management events only.',
    ].join('\n'),
  };
};
