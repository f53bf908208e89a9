import { createHash } from 'node:crypto';
import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { ConfigOrganizationConformancePack } from '@cdktf/provider-aws/lib/config-organization-conformance-pack';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { CONFORMANCE_PACK_LIMITS, type PackPlan } from '../../remediations/conformance-packs';
import type { PolicyStatement } from '../iam/policy-document';
import { SecureBucket } from '../storage/secure-bucket';

/** Where templates over the TemplateBody limit go. */
export interface TemplateBucketProps {
  /** Bucket name; AWS Config requires it to start with "awsconfigconforms" (and to be in the packs' region). */
  readonly bucketName: string;
  /** Account holding the bucket (the Config delegated administrator). */
  readonly accountId: string;
  /** Region of the bucket: the packs' region. */
  readonly region: string;
  /** Accounts whose AWS Config service-linked roles read the templates: every account of the organization. */
  readonly readerAccountIds: readonly string[];
  /** AWS partition. @default "aws" */
  readonly partition?: string;
}

export interface OrganizationConformancePacksProps {
  /** The packs of one region, planned from the catalog (remediations/conformance-packs.ts). */
  readonly packs: readonly PackPlan[];
  /** Account ids the packs skip. @default none */
  readonly excludedAccounts?: readonly string[];
  /**
   * Bucket for templates over 51,200 bytes. Required only when a pack needs it;
   * created only then.
   * @default none
   */
  readonly templateBucket?: TemplateBucketProps;
  /** Provider of the packs' region. @default the stack's default provider */
  readonly provider?: AwsProvider;
}

/**
 * A string Terraform must pass through untouched. Terraform JSON treats "${" and "%{" in every string
 * as template syntax; the pack templates hold CloudFormation Fn::Sub strings ("${AWS::AccountId}"),
 * which "$${" and "%%{" keep literal.
 */
export function terraformLiteral(value: string): string {
  return value.replace(/([$%])\{/g, (_, sign: string) => `${sign}${sign}{`);
}

/** Service-linked roles of AWS Config that read conformance pack templates. */
const CONFIG_TEMPLATE_READERS = [
  'aws-service-role/config-conforms.amazonaws.com/AWSServiceRoleForConfigConforms',
  'aws-service-role/config-multiaccountsetup.amazonaws.com/AWSServiceRoleForConfigMultiAccountSetup',
];

/**
 * Organization conformance packs of one region, deployed by the Config delegated
 * administrator to every account of the organization but the excluded ones: the
 * PCI DSS checks of the catalog, evaluated continuously (PCI DSS 11.5.2, 12.4.2).
 * Templates within the TemplateBody limit go inline; larger ones are uploaded to
 * an "awsconfigconforms" bucket in the same region and passed as TemplateS3Uri.
 */
export class OrganizationConformancePacks extends Construct {
  readonly packs: ConfigOrganizationConformancePack[] = [];
  readonly templateBucket?: SecureBucket;

  constructor(scope: Construct, id: string, props: OrganizationConformancePacksProps) {
    super(scope, id);
    const provider = props.provider;
    const excluded = [...new Set(props.excludedAccounts ?? [])].sort();
    if (excluded.length > CONFORMANCE_PACK_LIMITS.maxExcludedAccounts)
      throw new Error(`${excluded.length} excluded accounts, over the AWS limit of ${CONFORMANCE_PACK_LIMITS.maxExcludedAccounts} per organization conformance pack`);

    for (const pack of props.packs) {
      if (pack.rules.length > CONFORMANCE_PACK_LIMITS.maxRulesPerPack)
        throw new Error(
          `conformance pack ${pack.name} holds ${pack.rules.length} rules, over the AWS Config quota of ${CONFORMANCE_PACK_LIMITS.maxRulesPerPack}; fix: split it (planConformancePacks does)`,
        );
    }
    const needsS3 = props.packs.filter((p) => p.viaS3);
    let bucket: SecureBucket | undefined;
    if (needsS3.length > 0) {
      const t = props.templateBucket;
      if (!t)
        throw new Error(
          `conformance packs ${needsS3.map((p) => p.name).join(', ')} are over the ${CONFORMANCE_PACK_LIMITS.maxTemplateBodyBytes}-byte TemplateBody limit; fix: pass templateBucket`,
        );
      if (needsS3.some((p) => p.region !== t.region))
        throw new Error(`template bucket "${t.bucketName}" is in ${t.region}; AWS Config reads TemplateS3Uri only from the pack's region`);
      if (!t.bucketName.startsWith('awsconfigconforms'))
        throw new Error(`template bucket "${t.bucketName}" must start with "awsconfigconforms" (AWS Config requirement); fix: use Naming.conformsTemplateBucket`);
      bucket = this.createTemplateBucket(t, provider);
      this.templateBucket = bucket;
    }

    for (const pack of props.packs) {
      let template: { templateBody?: string; templateS3Uri?: string; dependsOn?: ITerraformDependable[] } = { templateBody: terraformLiteral(pack.body) };
      if (pack.viaS3 && bucket) {
        // The key carries the content hash: a changed template is a changed URI, which updates the pack.
        const key = `templates/${pack.name}-${createHash('sha256').update(pack.body).digest('hex').slice(0, 16)}.json`;
        const object = new S3Object(this, `template-${pack.name}`, {
          bucket: bucket.bucket.id,
          key,
          content: terraformLiteral(pack.body),
          contentType: 'application/json',
          // SSE-S3, explicitly: see createTemplateBucket.
          serverSideEncryption: 'AES256',
          provider,
        });
        // Config reads the object when the pack is created: the bucket policy letting it read must exist by then.
        template = { templateS3Uri: `s3://${bucket.name}/${key}`, dependsOn: [object, bucket.policy] };
      }
      this.packs.push(
        new ConfigOrganizationConformancePack(this, pack.name, {
          name: pack.name,
          excludedAccounts: excluded.length > 0 ? excluded : undefined,
          ...template,
          provider,
        }),
      );
    }
  }

  /**
   * The template bucket, with SSE-S3 rather than a customer managed key: AWS Config
   * reads templates through its service-linked roles, whose fixed managed policy
   * (ConfigConformsServiceRolePolicy) grants s3:GetObject and s3:GetBucketAcl on
   * awsconfigconforms* buckets but no kms:Decrypt, and cannot be extended. Templates
   * hold rule definitions, no cardholder or secret data.
   */
  private createTemplateBucket(t: TemplateBucketProps, provider: AwsProvider | undefined): SecureBucket {
    const partition = t.partition ?? 'aws';
    const readers = t.readerAccountIds.map((id) => `arn:${partition}:iam::${id}:root`);
    const readerRoles = t.readerAccountIds.flatMap((id) => CONFIG_TEMPLATE_READERS.map((role) => `arn:${partition}:iam::${id}:role/${role}`));
    // Account principals (always valid) narrowed to Config's service-linked roles: no other identity reads templates.
    const readerCondition = { ArnEquals: { 'aws:PrincipalArn': readerRoles } };
    const bucketArn = `arn:${partition}:s3:::${t.bucketName}`;
    const statements: PolicyStatement[] = [
      {
        Sid: 'ConfigReadsTemplates',
        Effect: 'Allow',
        Principal: { AWS: readers },
        Action: ['s3:GetObject'],
        Resource: `${bucketArn}/templates/*`,
        Condition: readerCondition,
      },
      {
        Sid: 'ConfigChecksTemplateBucket',
        Effect: 'Allow',
        Principal: { AWS: readers },
        Action: ['s3:GetBucketAcl'],
        Resource: bucketArn,
        Condition: readerCondition,
      },
    ];
    return new SecureBucket(this, 'template-bucket', {
      bucketName: t.bucketName,
      encryption: 'SSE-S3',
      statements,
      partition,
      provider,
    });
  }
}
