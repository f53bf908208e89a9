import { Construct } from 'constructs';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePoliciesExclusive } from '@cdktf/provider-aws/lib/iam-role-policies-exclusive';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachmentsExclusive } from '@cdktf/provider-aws/lib/iam-role-policy-attachments-exclusive';
import { SsmDocument } from '@cdktf/provider-aws/lib/ssm-document';
import type { Naming } from '../../accounts';
import { ownDocuments } from '../../remediations/automation/documents';
import type { AutomationDocument } from '../../remediations/automation/model';
import { documentContent } from '../../remediations/automation/render';
import { wrapperDocuments } from '../../remediations/automation/wrapper-documents';
import { REMEDIATION_BINDINGS } from '../../remediations/bindings';
import { bindingNames } from '../../remediations/deployment';
import { remediationRolePolicy } from '../../remediations/role-policy';
import type { RemediationBinding } from '../../remediations/types';
import type { LandingZoneStack } from '../../stacks/landing-zone-stack';
import { policyDocument, policyJson, type PolicyDocument } from '../iam/policy-document';

export interface RemediationAutomationProps {
  /** The account stack: its account, regions, providers and names. */
  readonly stack: LandingZoneStack;
  /** Remediation decisions by rule (the AWS-owned runbooks they bind are granted to the role). @default REMEDIATION_BINDINGS */
  readonly bindings?: Readonly<Record<string, RemediationBinding>>;
}

/** The landing zone names the bindings' placeholders refer to (remediations/deployment.ts, shared with the packs). */
export { bindingNames };

/** Our SSM Automation documents for an organization, with the exemption wrappers of the AWS-owned runbooks automatic bindings run. */
export function organizationDocuments(names: Naming, bindings: Readonly<Record<string, RemediationBinding>> = REMEDIATION_BINDINGS): AutomationDocument[] {
  return [...ownDocuments({ prefix: names.prefix, flowLogsRoleName: names.flowLogsDeliveryRoleName }), ...wrapperDocuments(bindings)];
}

/** Trust of a role assumed by an AWS service on behalf of this account only (confused deputy: aws:SourceAccount). */
function serviceTrust(service: string, accountId: string): PolicyDocument {
  return policyDocument({
    Effect: 'Allow',
    Principal: { Service: service },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
  });
}

/**
 * Auto-healing in one account: our SSM Automation documents in every region of the account, and
 * the automation role they and the bound AWS-owned runbooks run under, with one fixed name
 * (`Naming.remediationRoleName`) so the organization conformance packs can name it in every
 * account. The role's policy is derived from the documents' API calls and the runbooks' documented
 * permissions (remediations/role-policy.ts); the exclusive-policy resources make Terraform remove
 * anything attached outside the code (PCI DSS 7.2.1, 7.2.2). SSM is trusted for this account only.
 */
export class RemediationAutomation extends Construct {
  readonly role: IamRole;
  readonly flowLogsRole: IamRole;
  /** Role S3 replicates with, when compliance.s3Replication names a destination (passed by EnableS3BucketReplication). */
  readonly replicationRole?: IamRole;
  /** Documents by region, then by document id. */
  readonly documents: Record<string, Record<string, SsmDocument>> = {};
  /** The role's policy, as deployed. */
  readonly policy: PolicyDocument;

  constructor(scope: Construct, id: string, props: RemediationAutomationProps) {
    super(scope, id);
    const stack = props.stack;
    const names = stack.names;
    const accountId = stack.account.id;
    const bindings = props.bindings ?? REMEDIATION_BINDINGS;
    const documents = organizationDocuments(names, bindings);

    this.policy = remediationRolePolicy({
      documents,
      bindings,
      exemptTagKey: names.remediationExemptTagKey,
      partition: names.partition,
      accountId,
      names: bindingNames(names),
      remediationRoleName: names.remediationRoleName,
    });
    this.role = new IamRole(this, 'role', {
      name: names.remediationRoleName,
      description: 'SSM Automation remediations of the PCI conformance packs (actions derived from the documents)',
      assumeRolePolicy: JSON.stringify(serviceTrust('ssm.amazonaws.com', accountId)),
      forceDetachPolicies: true,
    });
    const inline = new IamRolePolicy(this, 'derived', { name: 'derived-remediation-actions', role: this.role.name, policy: JSON.stringify(this.policy) });
    new IamRolePoliciesExclusive(this, 'only-derived-policy', { roleName: this.role.name, policyNames: [inline.name] });
    new IamRolePolicyAttachmentsExclusive(this, 'no-managed-policies', { roleName: this.role.name, policyArns: [] });

    // Delivery role of the flow logs EnableVpcFlowLogs creates: writes only to the landing zone's flow log groups.
    this.flowLogsRole = new IamRole(this, 'flow-logs-role', {
      name: names.flowLogsDeliveryRoleName,
      description: 'VPC Flow Logs delivery to CloudWatch Logs (remediation of vpc-flow-logs-enabled, PCI DSS 10.2.1)',
      assumeRolePolicy: JSON.stringify(serviceTrust('vpc-flow-logs.amazonaws.com', accountId)),
      forceDetachPolicies: true,
    });
    const delivery = new IamRolePolicy(this, 'flow-logs-delivery', {
      name: 'flow-logs-delivery',
      role: this.flowLogsRole.name,
      policy: policyJson({
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams'],
        Resource: [`arn:${names.partition}:logs:*:${accountId}:log-group:/${names.prefix}/vpc-flow-logs/*`],
      }),
    });
    new IamRolePoliciesExclusive(this, 'flow-logs-only-delivery', { roleName: this.flowLogsRole.name, policyNames: [delivery.name] });

    const replication = names.org.compliance.s3Replication;
    if (replication) this.replicationRole = this.createReplicationRole(names, accountId, replication);

    // Every region the account works in (accounts/regions.ts): exactly where the packs cover it.
    for (const region of stack.regions) {
      const provider = stack.providerFor(region);
      this.documents[region] = {};
      for (const doc of documents) {
        this.documents[region][doc.id] = new SsmDocument(this, `${doc.id}-${region}`, {
          name: names.remediationDocumentName(doc.id),
          documentType: 'Automation',
          documentFormat: 'JSON',
          content: documentContent(doc, { exemptTagKey: names.remediationExemptTagKey }),
          provider,
        });
      }
    }
  }

  /**
   * The role S3 assumes to replicate this account's buckets to the organization's replica bucket:
   * reads versions of this account's buckets only (aws:ResourceAccount), decrypts through S3 only,
   * writes replicas to the one destination, encrypts with the one replica key. PCI DSS 10.5.1 / 3.2.1 10.5.3.
   */
  private createReplicationRole(names: Naming, accountId: string, replication: { destinationBucketArn: string; replicaKmsKeyArn: string }): IamRole {
    const partition = names.partition;
    const ownAccount = { StringEquals: { 'aws:ResourceAccount': accountId } };
    const role = new IamRole(this, 's3-replication-role', {
      name: names.s3ReplicationRoleName,
      description: 'S3 replication to the organization replica bucket (remediation of s3-bucket-replication-enabled)',
      assumeRolePolicy: JSON.stringify(serviceTrust('s3.amazonaws.com', accountId)),
      forceDetachPolicies: true,
    });
    const policy = new IamRolePolicy(this, 's3-replication', {
      name: 's3-replication',
      role: role.name,
      policy: policyJson(
        { Sid: 'ReadSourceBuckets', Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: [`arn:${partition}:s3:::*`], Condition: ownAccount },
        {
          Sid: 'ReadSourceVersions',
          Effect: 'Allow',
          Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
          Resource: [`arn:${partition}:s3:::*/*`],
          Condition: ownAccount,
        },
        { Sid: 'WriteReplicas', Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: [`${replication.destinationBucketArn}/*`] },
        {
          Sid: 'DecryptSourceThroughS3',
          Effect: 'Allow',
          Action: ['kms:Decrypt'],
          Resource: [`arn:${partition}:kms:*:${accountId}:key/*`],
          Condition: { StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' } },
        },
        { Sid: 'EncryptReplicas', Effect: 'Allow', Action: ['kms:Encrypt', 'kms:GenerateDataKey'], Resource: [replication.replicaKmsKeyArn] },
      ),
    });
    new IamRolePoliciesExclusive(this, 's3-replication-only-policy', { roleName: role.name, policyNames: [policy.name] });
    return role;
  }
}
