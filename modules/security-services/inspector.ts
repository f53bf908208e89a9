import { Construct } from 'constructs';
import { Inspector2Enabler } from '@cdktf/provider-aws/lib/inspector2-enabler';
import { Inspector2MemberAssociation } from '@cdktf/provider-aws/lib/inspector2-member-association';
import { Inspector2OrganizationConfiguration } from '@cdktf/provider-aws/lib/inspector2-organization-configuration';
import type { RegionalProvider } from './regional';

export interface InspectorScans {
  /** @default true */
  readonly ec2?: boolean;
  /** @default true */
  readonly ecr?: boolean;
  /** @default true */
  readonly lambda?: boolean;
  /** @default true */
  readonly lambdaCode?: boolean;
}

export interface InspectorOrganizationProps {
  readonly region: RegionalProvider;
  /** The delegated administrator's account id. */
  readonly administratorAccountId: string;
  /** Existing member accounts to associate and activate (auto-enable covers only new ones). */
  readonly memberAccountIds: readonly string[];
  /** Scan types. @default all */
  readonly scans?: InspectorScans;
}

/**
 * Inspector vulnerability scanning for the whole organization in one region (PCI DSS
 * 6.3.1, 11.3.1): auto-enabled for new members, and the existing accounts associated
 * and activated, the administrator included.
 */
export class InspectorOrganization extends Construct {
  readonly organizationConfiguration: Inspector2OrganizationConfiguration;
  readonly enabler: Inspector2Enabler;

  constructor(scope: Construct, id: string, props: InspectorOrganizationProps) {
    super(scope, id);
    const provider = props.region.provider;
    const scans = { ec2: true, ecr: true, lambda: true, lambdaCode: true, ...props.scans };
    const resourceTypes = [
      ...(scans.ec2 ? ['EC2'] : []),
      ...(scans.ecr ? ['ECR'] : []),
      ...(scans.lambda ? ['LAMBDA'] : []),
      ...(scans.lambda && scans.lambdaCode ? ['LAMBDA_CODE'] : []),
    ];
    const associations = props.memberAccountIds.map(
      (accountId) => new Inspector2MemberAssociation(this, `member-${accountId}`, { accountId, provider }),
    );
    this.enabler = new Inspector2Enabler(this, 'enabler', {
      accountIds: [props.administratorAccountId, ...props.memberAccountIds],
      resourceTypes,
      provider,
      dependsOn: associations,
    });
    this.organizationConfiguration = new Inspector2OrganizationConfiguration(this, 'organization', {
      autoEnable: { ec2: scans.ec2, ecr: scans.ecr, lambda: scans.lambda, lambdaCode: scans.lambda && scans.lambdaCode },
      provider,
      dependsOn: [this.enabler],
    });
  }
}
