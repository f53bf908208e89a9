import { Construct } from 'constructs';
import { SecurityhubAccount } from '@cdktf/provider-aws/lib/securityhub-account';
import { SecurityhubConfigurationPolicy } from '@cdktf/provider-aws/lib/securityhub-configuration-policy';
import { SecurityhubConfigurationPolicyAssociation } from '@cdktf/provider-aws/lib/securityhub-configuration-policy-association';
import { SecurityhubFindingAggregator } from '@cdktf/provider-aws/lib/securityhub-finding-aggregator';
import { SecurityhubOrganizationConfiguration } from '@cdktf/provider-aws/lib/securityhub-organization-configuration';
import { SecurityhubStandardsSubscription } from '@cdktf/provider-aws/lib/securityhub-standards-subscription';
import { SECURITY_HUB_STANDARDS, type SecurityHubStandard } from '../../accounts/security-services';
import type { RegionalProvider } from './regional';

/** ARN of a Security Hub standard in a region, e.g. arn:aws:securityhub:eu-west-1::standards/pci-dss/v/4.0.1. */
export function standardArn(partition: string, region: string, standard: SecurityHubStandard): string {
  return `arn:${partition}:securityhub:${region}::${SECURITY_HUB_STANDARDS[standard]}`;
}

export interface SecurityHubOrganizationProps {
  /** Every region Security Hub runs in; the first is the home (aggregation) region. */
  readonly regions: readonly RegionalProvider[];
  /** Standards enabled everywhere. @default PCI DSS v4.0.1 and AWS FSBP */
  readonly standards?: readonly SecurityHubStandard[];
  /** Control ids disabled in the configuration policy. @default [] */
  readonly disabledControls?: readonly string[];
  /** Member accounts to configure centrally (every existing account but the administrator). */
  readonly memberAccountIds: readonly string[];
  /** Configuration policy name. */
  readonly policyName: string;
  /** AWS partition. @default "aws" */
  readonly partition?: string;
}

/**
 * Security Hub for the whole organization, from the delegated administrator (PCI DSS
 * 10.4.1, 11.5, 12.10.5), with central configuration: a finding aggregator in the home
 * region linking the other regions, and one configuration policy (Security Hub on, the
 * standards on, every other control on) associated with each member account, so members
 * cannot switch it off and existing accounts are covered, not only new ones. The
 * administrator itself stays self-managed: its account and standard subscriptions are
 * declared here in every region.
 */
export class SecurityHubOrganization extends Construct {
  readonly accounts: Record<string, SecurityhubAccount> = {};
  readonly aggregator: SecurityhubFindingAggregator;
  readonly organizationConfiguration: SecurityhubOrganizationConfiguration;
  readonly policy: SecurityhubConfigurationPolicy;

  constructor(scope: Construct, id: string, props: SecurityHubOrganizationProps) {
    super(scope, id);
    const partition = props.partition ?? 'aws';
    const standards = props.standards ?? ['pci-dss-v4.0.1', 'aws-foundational-security-best-practices-v1.0.0'];
    const [home, ...linked] = props.regions;

    for (const { region, provider } of props.regions) {
      const account = new SecurityhubAccount(this, `account-${region}`, {
        // Standards are chosen explicitly below; consolidated control findings.
        enableDefaultStandards: false,
        controlFindingGenerator: 'SECURITY_CONTROL',
        autoEnableControls: true,
        provider,
      });
      this.accounts[region] = account;
      for (const standard of standards) {
        new SecurityhubStandardsSubscription(this, `standard-${standard}-${region}`, {
          standardsArn: standardArn(partition, region, standard),
          provider,
          dependsOn: [account],
        });
      }
    }

    this.aggregator = new SecurityhubFindingAggregator(this, 'aggregator', {
      linkingMode: linked.length > 0 ? 'SPECIFIED_REGIONS' : 'NO_REGIONS',
      specifiedRegions: linked.length > 0 ? linked.map((r) => r.region) : undefined,
      provider: home.provider,
      // Linked regions need Security Hub on in the administrator before they can be linked.
      dependsOn: Object.values(this.accounts),
    });
    this.organizationConfiguration = new SecurityhubOrganizationConfiguration(this, 'organization', {
      // Central configuration: the policies below decide, auto-enable must be off.
      autoEnable: false,
      autoEnableStandards: 'NONE',
      organizationConfiguration: { configurationType: 'CENTRAL' },
      provider: home.provider,
      dependsOn: [this.aggregator],
    });
    this.policy = new SecurityhubConfigurationPolicy(this, 'policy', {
      name: props.policyName,
      description: `Security Hub on with ${standards.join(', ')} in every member account and linked region`,
      configurationPolicy: {
        serviceEnabled: true,
        enabledStandardArns: standards.map((s) => standardArn(partition, home.region, s)),
        securityControlsConfiguration: { disabledControlIdentifiers: [...(props.disabledControls ?? [])] },
      },
      provider: home.provider,
      dependsOn: [this.organizationConfiguration],
    });
    for (const accountId of props.memberAccountIds) {
      new SecurityhubConfigurationPolicyAssociation(this, `policy-${accountId}`, {
        policyId: this.policy.id,
        targetId: accountId,
        provider: home.provider,
      });
    }
  }
}
