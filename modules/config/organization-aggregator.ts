import { Construct } from 'constructs';
import { ConfigConfigurationAggregator } from '@cdktf/provider-aws/lib/config-configuration-aggregator';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { policyJson } from '../iam/policy-document';

export interface OrganizationAggregatorProps {
  /** Aggregator name. */
  readonly name: string;
  /** Name of the role AWS Config assumes to read the organization. */
  readonly roleName: string;
  /** Account holding the aggregator (the Config delegated administrator); the role trusts Config only for it. */
  readonly accountId: string;
  /** Regions aggregated: the organization's allowed regions. */
  readonly regions: readonly string[];
  /** AWS partition. @default "aws" */
  readonly partition?: string;
  /** Provider of the region holding the aggregator. @default the stack's default provider */
  readonly provider?: AwsProvider;
}

/**
 * An organization-wide AWS Config aggregator: one place to see the configuration and
 * compliance of every account and region (PCI DSS 12.4.2: periodic reviews of
 * compliance; 11.5.2: change detection), run by the Config delegated administrator.
 */
export class OrganizationAggregator extends Construct {
  readonly role: IamRole;
  readonly aggregator: ConfigConfigurationAggregator;

  constructor(scope: Construct, id: string, props: OrganizationAggregatorProps) {
    super(scope, id);
    const partition = props.partition ?? 'aws';
    const provider = props.provider;
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: 'AWS Config organization aggregator: lists the accounts of the organization',
      assumeRolePolicy: policyJson({
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 'sts:AssumeRole',
        // Confused deputy: only Config acting for this account.
        Condition: { StringEquals: { 'aws:SourceAccount': props.accountId } },
      }),
      provider,
    });
    const attachment = new IamRolePolicyAttachment(this, 'organizations-policy', {
      role: this.role.name,
      policyArn: `arn:${partition}:iam::aws:policy/service-role/AWSConfigRoleForOrganizations`,
      provider,
    });
    this.aggregator = new ConfigConfigurationAggregator(this, 'aggregator', {
      name: props.name,
      organizationAggregationSource: { allRegions: false, regions: [...props.regions], roleArn: this.role.arn },
      provider,
      // The aggregator validates the role's permissions when it is created.
      dependsOn: [attachment],
    });
  }
}
