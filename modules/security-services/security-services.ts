import { Construct } from 'constructs';
import type { Naming } from '../../accounts';
import type { PolicyStatement } from '../iam/policy-document';
import { SecureKmsKey } from '../security/kms-key';
import { SecureBucket } from '../storage/secure-bucket';
import { archiveRetention } from '../logging/log-archive';
import { OrganizationAccessAnalyzer } from './access-analyzer';
import { GuardDutyOrganization } from './guardduty';
import { InspectorOrganization } from './inspector';
import type { RegionalProvider } from './regional';
import { SecurityHubOrganization } from './security-hub';

export interface SecurityServicesProps {
  /** Names and the resolved config (`securityServices`, `logging` retention, accounts). */
  readonly names: Naming;
  /** Every allowed region with its provider, the home region first. */
  readonly regions: readonly RegionalProvider[];
  /** Server access logging target of the findings bucket. @default no access logging */
  readonly accessLogBucket?: string;
}

/** GuardDuty detectors of the administrator, in any region: the only writers of findings. */
function guardDutyWriter(names: Naming): { StringEquals: Record<string, string>; ArnLike: Record<string, string> } {
  const admin = names.delegatedAdministrator.id;
  return {
    StringEquals: { 'aws:SourceAccount': admin },
    ArnLike: { 'aws:SourceArn': `arn:${names.partition}:guardduty:*:${admin}:detector/*` },
  };
}

/** Key policy statement: GuardDuty encrypts exported findings (GuardDuty User Guide, "Exporting findings"). */
export function findingsKeyStatements(names: Naming): PolicyStatement[] {
  return [{ Sid: 'GuardDutyEncryptsFindings', Effect: 'Allow', Principal: { Service: 'guardduty.amazonaws.com' }, Action: 'kms:GenerateDataKey', Resource: '*', Condition: guardDutyWriter(names) }];
}

/** Bucket policy statements: GuardDuty of the administrator writes findings and checks the bucket's location. */
export function findingsBucketStatements(names: Naming, bucketArn: string): PolicyStatement[] {
  const condition = guardDutyWriter(names);
  return [
    { Sid: 'GuardDutyWritesFindings', Effect: 'Allow', Principal: { Service: 'guardduty.amazonaws.com' }, Action: 's3:PutObject', Resource: `${bucketArn}/*`, Condition: condition },
    { Sid: 'GuardDutyLocatesBucket', Effect: 'Allow', Principal: { Service: 'guardduty.amazonaws.com' }, Action: 's3:GetBucketLocation', Resource: bucketArn, Condition: condition },
  ];
}

/**
 * The organization's threat detection and posture services, configured from the
 * delegated administrator in every allowed region (the administrator is registered by
 * the management stack): GuardDuty with findings exported to a log archive bucket,
 * Security Hub with central configuration, Inspector and IAM Access Analyzer, each
 * switched by `securityServices` in the config.
 */
export class SecurityServices extends Construct {
  readonly findingsKey: SecureKmsKey;
  readonly findingsBucket: SecureBucket;
  readonly guardDuty: Record<string, GuardDutyOrganization> = {};
  readonly securityHub?: SecurityHubOrganization;
  readonly inspector: Record<string, InspectorOrganization> = {};
  readonly accessAnalyzers: Record<string, OrganizationAccessAnalyzer> = {};

  constructor(scope: Construct, id: string, props: SecurityServicesProps) {
    super(scope, id);
    const { names, regions } = props;
    const config = names.org.securityServices;
    const logging = names.org.logging;
    const partition = names.partition;
    const admin = names.delegatedAdministrator.id;
    const members = names.existingAccounts.filter((a) => a.id !== admin).map((a) => a.id);

    // GuardDuty needs the bucket and key in one region; findings of every region land there.
    this.findingsKey = new SecureKmsKey(this, 'findings-key', {
      alias: names.securityFindingsKeyAlias,
      description: 'GuardDuty findings exported from every region',
      accountId: admin,
      partition,
      statements: findingsKeyStatements(names),
    });
    const bucketArn = `arn:${partition}:s3:::${names.securityFindingsBucket}`;
    this.findingsBucket = new SecureBucket(this, 'findings-bucket', {
      bucketName: names.securityFindingsBucket,
      kmsKeyArn: this.findingsKey.arn,
      ...archiveRetention(logging),
      accessLogs: props.accessLogBucket ? { bucket: props.accessLogBucket } : undefined,
      partition,
      statements: findingsBucketStatements(names, bucketArn),
    });

    for (const region of regions) {
      if (config.guardDuty.enabled)
        this.guardDuty[region.region] = new GuardDutyOrganization(this, `guardduty-${region.region}`, {
          region,
          protections: config.guardDuty.protections,
          findingPublishingFrequency: config.guardDuty.findingPublishingFrequency,
          findingsBucketArn: bucketArn,
          findingsKeyArn: this.findingsKey.arn,
          exportDependsOn: [this.findingsBucket.policy, this.findingsKey.key],
        });
      if (config.inspector.enabled)
        this.inspector[region.region] = new InspectorOrganization(this, `inspector-${region.region}`, {
          region,
          administratorAccountId: admin,
          memberAccountIds: members,
          scans: config.inspector,
        });
      if (config.accessAnalyzer.enabled)
        this.accessAnalyzers[region.region] = new OrganizationAccessAnalyzer(this, `access-analyzer-${region.region}`, {
          region,
          analyzerName: names.accessAnalyzerName,
        });
    }
    if (config.securityHub.enabled)
      this.securityHub = new SecurityHubOrganization(this, 'security-hub', {
        regions,
        standards: config.securityHub.standards,
        disabledControls: config.securityHub.disabledControls,
        memberAccountIds: members,
        policyName: names.securityHubPolicyName,
        partition,
      });
  }
}
