import { Construct } from 'constructs';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { accountPrincipal, policyJson, type PolicyStatement } from '../iam/policy-document';

/**
 * What the owning account may do with its keys. Listed rather than `kms:*`:
 * deleting key material or switching rotation off is left out on purpose, so no
 * IAM policy in the account can grant it (PCI DSS 3.6, 3.7: key management).
 */
export const KEY_OWNER_ACTIONS = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:CreateGrant',
  'kms:Decrypt',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListAliases',
  'kms:ListGrants',
  'kms:ListKeyPolicies',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:RevokeGrant',
  'kms:RotateKeyOnDemand',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
] as const;

/**
 * What a service encrypting data for us does with a key (CloudWatch Logs, EBS, log
 * delivery): the data-key actions of the AWS managed keys, listed without wildcards.
 */
export const KEY_DATA_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:DescribeKey',
] as const;

export interface SecureKmsKeyProps {
  /** Alias, with or without the `alias/` prefix. */
  readonly alias: string;
  /** What the key protects. */
  readonly description: string;
  /** Account that owns the key. */
  readonly accountId: string;
  /** AWS partition. @default "aws" */
  readonly partition?: string;
  /** Statements added to the key policy (service principals, other accounts). @default none */
  readonly statements?: readonly PolicyStatement[];
  /** Waiting period before deletion, in days (7-30). @default 30 */
  readonly deletionWindowDays?: number;
  /** Provider for another region. @default the stack's default provider */
  readonly provider?: KmsKey['provider'];
}

/**
 * A customer managed KMS key with yearly automatic rotation, the longest deletion
 * window and an alias. The owning account administers it through IAM; callers add
 * service statements. Never destroyed by Terraform.
 */
export class SecureKmsKey extends Construct {
  readonly key: KmsKey;
  readonly alias: KmsAlias;

  constructor(scope: Construct, id: string, props: SecureKmsKeyProps) {
    super(scope, id);
    const partition = props.partition ?? 'aws';
    const aliasName = props.alias.startsWith('alias/') ? props.alias : `alias/${props.alias}`;
    this.key = new KmsKey(this, 'key', {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
      policy: policyJson(
        {
          Sid: 'OwnerAccountAdministersThroughIam',
          Effect: 'Allow',
          Principal: accountPrincipal(partition, props.accountId),
          Action: [...KEY_OWNER_ACTIONS],
          Resource: '*',
        },
        ...(props.statements ?? []),
      ),
      provider: props.provider,
      lifecycle: { preventDestroy: true },
    });
    this.alias = new KmsAlias(this, 'alias', { name: aliasName, targetKeyId: this.key.keyId, provider: props.provider });
  }

  get arn(): string {
    return this.key.arn;
  }
}
