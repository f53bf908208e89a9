import { Construct } from 'constructs';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
import { GuarddutyOrganizationConfiguration } from '@cdktf/provider-aws/lib/guardduty-organization-configuration';
import { GuarddutyOrganizationConfigurationFeature } from '@cdktf/provider-aws/lib/guardduty-organization-configuration-feature';
import { GuarddutyPublishingDestination } from '@cdktf/provider-aws/lib/guardduty-publishing-destination';
import type { ITerraformDependable } from 'cdktf';
import type { SecurityServicesConfig } from '../../accounts/security-services';
import type { RegionalProvider } from './regional';

type Protections = SecurityServicesConfig['guardDuty']['protections'];

/**
 * GuardDuty protection plans (API feature names). Runtime Monitoring replaces EKS
 * Runtime Monitoring (the API refuses both), with GuardDuty managing its agents.
 */
export const GUARDDUTY_FEATURES: readonly { readonly key: keyof Protections; readonly name: string; readonly additional?: readonly string[] }[] = [
  { key: 's3DataEvents', name: 'S3_DATA_EVENTS' },
  { key: 'eksAuditLogs', name: 'EKS_AUDIT_LOGS' },
  { key: 'ebsMalwareProtection', name: 'EBS_MALWARE_PROTECTION' },
  { key: 'rdsLoginEvents', name: 'RDS_LOGIN_EVENTS' },
  { key: 'lambdaNetworkLogs', name: 'LAMBDA_NETWORK_LOGS' },
  { key: 'runtimeMonitoring', name: 'RUNTIME_MONITORING', additional: ['EKS_ADDON_MANAGEMENT', 'ECS_FARGATE_AGENT_MANAGEMENT', 'EC2_AGENT_MANAGEMENT'] },
];

export interface GuardDutyOrganizationProps {
  readonly region: RegionalProvider;
  /** Protection plans on or off. @default all on */
  readonly protections?: Partial<Protections>;
  /** Export frequency of updated findings. @default "FIFTEEN_MINUTES" */
  readonly findingPublishingFrequency?: string;
  /** Findings export: bucket ARN and KMS key ARN (same region as each other). */
  readonly findingsBucketArn: string;
  readonly findingsKeyArn: string;
  /** What the export must wait for (bucket policy, key). @default none */
  readonly exportDependsOn?: ITerraformDependable[];
}

/**
 * GuardDuty for the whole organization in one region, from the delegated administrator
 * (PCI DSS 10.7.2, 11.5.1): the administrator's detector and protection plans, every
 * member enrolled automatically, existing ones included (ALL), with the same plans, and
 * findings exported to the log archive with KMS (PCI DSS 10.5.1: GuardDuty keeps them
 * only 90 days).
 *
 * Feature updates are chained: GuardDuty rejects concurrent organization updates.
 */
export class GuardDutyOrganization extends Construct {
  readonly detector: GuarddutyDetector;
  readonly organizationConfiguration: GuarddutyOrganizationConfiguration;

  constructor(scope: Construct, id: string, props: GuardDutyOrganizationProps) {
    super(scope, id);
    const provider = props.region.provider;
    this.detector = new GuarddutyDetector(this, 'detector', {
      enable: true,
      findingPublishingFrequency: props.findingPublishingFrequency ?? 'FIFTEEN_MINUTES',
      provider,
    });
    const detectorId = this.detector.id;
    this.organizationConfiguration = new GuarddutyOrganizationConfiguration(this, 'organization', {
      detectorId,
      autoEnableOrganizationMembers: 'ALL',
      provider,
    });

    let previousOrg: ITerraformDependable = this.organizationConfiguration;
    let previousOwn: ITerraformDependable = this.detector;
    for (const feature of GUARDDUTY_FEATURES) {
      const on = props.protections?.[feature.key] ?? true;
      const slug = feature.name.toLowerCase().replace(/_/g, '-');
      previousOwn = new GuarddutyDetectorFeature(this, `feature-${slug}`, {
        detectorId,
        name: feature.name,
        status: on ? 'ENABLED' : 'DISABLED',
        additionalConfiguration: feature.additional?.map((name) => ({ name, status: on ? 'ENABLED' : 'DISABLED' })),
        provider,
        dependsOn: [previousOwn],
      });
      previousOrg = new GuarddutyOrganizationConfigurationFeature(this, `organization-feature-${slug}`, {
        detectorId,
        name: feature.name,
        autoEnable: on ? 'ALL' : 'NONE',
        additionalConfiguration: feature.additional?.map((name) => ({ name, autoEnable: on ? 'ALL' : 'NONE' })),
        provider,
        dependsOn: [previousOrg],
      });
    }

    new GuarddutyPublishingDestination(this, 'findings-export', {
      detectorId,
      destinationType: 'S3',
      destinationArn: props.findingsBucketArn,
      kmsKeyArn: props.findingsKeyArn,
      provider,
      dependsOn: props.exportDependsOn,
    });
  }
}
