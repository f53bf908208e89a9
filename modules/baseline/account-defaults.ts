import { Construct } from 'constructs';
import { EbsDefaultKmsKey } from '@cdktf/provider-aws/lib/ebs-default-kms-key';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { Ec2InstanceMetadataDefaults } from '@cdktf/provider-aws/lib/ec2-instance-metadata-defaults';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { PolicyStatement } from '../iam/policy-document';
import { KEY_DATA_ACTIONS, SecureKmsKey } from '../security/kms-key';

/**
 * Key policy statements of the EBS default key in `region`: any principal of the
 * account, only through EC2 (as the AWS managed aws/ebs key allows), and the Auto
 * Scaling service-linked role, which launches encrypted instances for groups (EC2 User
 * Guide, "Required AWS KMS key policy for use with encrypted volumes"). The role is
 * named by aws:PrincipalArn rather than as principal: KMS rejects a policy naming a
 * role that does not exist yet, and this one appears on first use of Auto Scaling.
 */
export function ebsKeyStatements(partition: string, accountId: string, region: string): PolicyStatement[] {
  const autoScaling = `arn:${partition}:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
  return [
    {
      Sid: 'AccountPrincipalsThroughEc2',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [...KEY_DATA_ACTIONS, 'kms:CreateGrant'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': accountId, 'kms:ViaService': `ec2.${region}.amazonaws.com` } },
    },
    {
      Sid: 'AutoScalingServiceLinkedRoleUse',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [...KEY_DATA_ACTIONS],
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalArn': autoScaling } },
    },
    {
      Sid: 'AutoScalingServiceLinkedRoleGrants',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalArn': autoScaling }, Bool: { 'kms:GrantIsForAWSResource': true } },
    },
  ];
}

export interface AccountDefaultsProps {
  readonly accountId: string;
  /** The account's regions with their providers. */
  readonly regions: readonly { readonly region: string; readonly provider: AwsProvider }[];
  /** KMS alias of the EBS default key (same in every region). */
  readonly ebsKeyAlias: string;
  /** AWS partition. @default "aws" */
  readonly partition?: string;
  /**
   * IMDS hop limit of new instances. 2 lets containers on EC2 reach IMDSv2 (AWS's advice
   * for container hosts); 1 keeps it from them. @default 2
   */
  readonly imdsHopLimit?: number;
}

/**
 * Regional account settings every account gets, in each of its regions: EBS encryption
 * by default with a customer managed key (PCI DSS 3.5.1, 3.6.1) and IMDSv2 required for
 * new instances (PCI DSS 2.2.1, 6.4: no token-less metadata access from SSRF).
 */
export class AccountDefaults extends Construct {
  readonly ebsKeys: Record<string, SecureKmsKey> = {};

  constructor(scope: Construct, id: string, props: AccountDefaultsProps) {
    super(scope, id);
    const partition = props.partition ?? 'aws';
    for (const { region, provider } of props.regions) {
      const key = new SecureKmsKey(this, `ebs-key-${region}`, {
        alias: props.ebsKeyAlias,
        description: `EBS encryption by default (${region})`,
        accountId: props.accountId,
        partition,
        statements: ebsKeyStatements(partition, props.accountId, region),
        provider,
      });
      this.ebsKeys[region] = key;
      new EbsDefaultKmsKey(this, `ebs-default-key-${region}`, { keyArn: key.arn, provider });
      new EbsEncryptionByDefault(this, `ebs-encryption-${region}`, { enabled: true, provider });
      new Ec2InstanceMetadataDefaults(this, `imds-defaults-${region}`, {
        httpTokens: 'required',
        httpEndpoint: 'enabled',
        httpPutResponseHopLimit: props.imdsHopLimit ?? 2,
        instanceMetadataTags: 'disabled',
        provider,
      });
    }
  }
}
