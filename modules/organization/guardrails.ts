/**
 * The organization's service control policies as typed data.
 *
 * Every statement names the PCI DSS v4.0.1 requirements it supports and what it
 * prevents; the policies are rendered to minified JSON (`renderScp`) for
 * aws_organizations_policy, and the tests evaluate that exact JSON with an IAM
 * simulator. SCPs never restrict the management account, nor service-linked roles.
 *
 * The landing zone's own deploy path is exempt from the protections (it must be
 * able to create and change what it protects):
 * - the deploy role (`Naming.deployRoleName`), which the pipeline assumes;
 * - the stack role of each member account (`stackRoleName`, OrganizationAccountAccessRole
 *   by default), which every stack's provider assumes, including the very first deploy
 *   of an account created by the organization. It trusts only the management account.
 * Both names are themselves protected (ProtectLandingZoneRoles), so nobody inside a
 * member account can create or change a role with an exempt name.
 */
import type { Naming } from '../../accounts';
import type { Condition, PolicyStatement } from '../iam/policy-document';
import { policyJson } from '../iam/policy-document';

/** One SCP statement, with the PCI DSS v4.0.1 requirement ids it supports. */
export interface ScpStatement extends PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Deny';
  /** PCI DSS v4.0.1 requirement ids (not rendered into the policy). */
  readonly pci: readonly string[];
  /** What the statement prevents, in one line (README, evidence; not rendered). */
  readonly prevents: string;
}

/** Where a policy is attached. */
export type ScpTarget =
  | { readonly kind: 'root' }
  | { readonly kind: 'ou'; readonly path: string }
  | { readonly kind: 'account'; readonly name: string };

/** A service control policy: its statements and its targets. */
export interface ServiceControlPolicy {
  /** Stable key: part of the construct id (state address) and of the policy name. */
  readonly key: string;
  /** Policy name in AWS Organizations. */
  readonly name: string;
  readonly description: string;
  readonly statements: readonly ScpStatement[];
  readonly targets: readonly ScpTarget[];
}

/**
 * Services whose single endpoint lives in us-east-1 (or that are global), exempt
 * from the region deny: the list of AWS's example SCP "Deny access to AWS based on
 * the requested AWS Region" (AWS Organizations user guide; Control Tower's
 * GRREGIONDENY uses a superset), minus the legacy a4b, importexport and
 * mobileanalytics, and minus config:* and kms:*, which are regional and which the
 * landing zone uses only in allowed regions. Billing consoles are added.
 */
export const GLOBAL_SERVICE_ACTIONS: readonly string[] = [
  'account:*',
  'acm:*',
  'aws-marketplace-management:*',
  'aws-marketplace:*',
  'aws-portal:*',
  'billing:*',
  'budgets:*',
  'ce:*',
  'cloudfront:*',
  'cur:*',
  'directconnect:*',
  'ec2:DescribeRegions',
  'ec2:DescribeTransitGateways',
  'ec2:DescribeVpnGateways',
  'fms:*',
  'globalaccelerator:*',
  'health:*',
  'iam:*',
  'invoicing:*',
  'networkmanager:*',
  'organizations:*',
  'payments:*',
  'pricing:*',
  'route53-recovery-cluster:*',
  'route53-recovery-control-config:*',
  'route53-recovery-readiness:*',
  'route53:*',
  'route53domains:*',
  's3:GetAccountPublic*',
  's3:ListAllMyBuckets',
  's3:ListMultiRegionAccessPoints',
  's3:PutAccountPublic*',
  'shield:*',
  'sts:*',
  'support:*',
  'tax:*',
  'trustedadvisor:*',
  'waf-regional:*',
  'waf:*',
  'wafv2:*',
  'wellarchitected:*',
];

/** Role names the landing zone deploys with in member accounts: the deploy role and every member stack role. */
export function exemptRoleNames(names: Naming): string[] {
  const stackRoles = names.org.accounts.filter((a) => a.role !== 'management').map((a) => a.stackRoleName ?? names.org.stackRoleName);
  return [...new Set([names.deployRoleName, ...stackRoles])];
}

/** ARN patterns (any account) of the principals exempt from the protections. */
export function exemptPrincipalArns(names: Naming): string[] {
  return exemptRoleNames(names).map((role) => `arn:${names.partition}:iam::*:role/${role}`);
}

/** The complete set of guardrails for an organization, with their targets. */
export function guardrailPolicies(names: Naming): ServiceControlPolicy[] {
  const { org, partition } = names;
  const exempt = exemptPrincipalArns(names);
  const unlessLandingZone: Condition = { ArnNotLike: { 'aws:PrincipalArn': exempt } };
  const root: ScpTarget[] = [{ kind: 'root' }];

  const protectAudit: ServiceControlPolicy = {
    key: 'protect-audit',
    name: names.scpName('protect-audit'),
    description: 'Keeps every account in the organization and its audit trail (CloudTrail, Config, log keys) on. PCI DSS 10.2.1, 10.3.2, 11.5.2.',
    targets: root,
    statements: [
      {
        Sid: 'DenyLeaveOrganization',
        Effect: 'Deny',
        Action: ['organizations:LeaveOrganization'],
        Resource: '*',
        pci: ['10.2.1', '12.5.2'],
        prevents: 'an account leaving the organization, and with it every guardrail and the organization trail',
      },
      {
        Sid: 'ProtectCloudTrail',
        Effect: 'Deny',
        Action: [
          'cloudtrail:DeleteEventDataStore',
          'cloudtrail:DeleteTrail',
          'cloudtrail:PutEventSelectors',
          'cloudtrail:PutInsightSelectors',
          'cloudtrail:StopEventDataStoreIngestion',
          'cloudtrail:StopLogging',
          'cloudtrail:UpdateEventDataStore',
          'cloudtrail:UpdateTrail',
        ],
        Resource: '*',
        Condition: unlessLandingZone,
        pci: ['10.2.1', '10.3.2'],
        prevents: 'stopping, deleting or narrowing CloudTrail trails and event data stores',
      },
      {
        Sid: 'ProtectConfig',
        Effect: 'Deny',
        Action: [
          'config:DeleteAggregationAuthorization',
          'config:DeleteConfigRule',
          'config:DeleteConfigurationAggregator',
          'config:DeleteConfigurationRecorder',
          'config:DeleteConformancePack',
          'config:DeleteDeliveryChannel',
          'config:DeleteEvaluationResults',
          'config:DeleteOrganizationConfigRule',
          'config:DeleteOrganizationConformancePack',
          'config:DeleteRemediationConfiguration',
          'config:DeleteRetentionConfiguration',
          'config:PutConfigurationRecorder',
          'config:PutDeliveryChannel',
          'config:PutRetentionConfiguration',
          'config:StopConfigurationRecorder',
        ],
        Resource: '*',
        Condition: unlessLandingZone,
        pci: ['10.7.2', '11.5.2'],
        prevents: 'stopping or changing Config recorders and delivery channels, deleting rules, conformance packs, remediations, aggregators',
      },
      {
        Sid: 'ProtectLandingZoneKeys',
        Effect: 'Deny',
        Action: [
          'kms:DeleteAlias',
          'kms:DeleteImportedKeyMaterial',
          'kms:DisableKey',
          'kms:DisableKeyRotation',
          'kms:PutKeyPolicy',
          'kms:ScheduleKeyDeletion',
          'kms:UpdateAlias',
        ],
        Resource: '*',
        Condition: {
          'ForAnyValue:StringEquals': { 'kms:ResourceAliases': [names.logKeyAlias, names.stateKeyAlias] },
          ...unlessLandingZone,
        },
        pci: ['3.6.1', '10.3.2', '10.5.1'],
        prevents: 'disabling, deleting, re-aliasing or changing the key policy of the log archive and Terraform state keys',
      },
    ],
  };

  const protectSecurityTooling: ServiceControlPolicy = {
    key: 'protect-security-tooling',
    name: names.scpName('protect-security-tooling'),
    description: 'Keeps GuardDuty, Security Hub, Access Analyzer, Inspector and the landing zone roles as deployed. PCI DSS 7.2, 10.4.1, 11.5.1.',
    targets: root,
    statements: [
      {
        Sid: 'ProtectGuardDuty',
        Effect: 'Deny',
        Action: [
          'guardduty:CreateFilter',
          'guardduty:CreateIPSet',
          'guardduty:DeleteDetector',
          'guardduty:DeleteMembers',
          'guardduty:DeletePublishingDestination',
          'guardduty:DisassociateFromAdministratorAccount',
          'guardduty:DisassociateFromMasterAccount',
          'guardduty:DisassociateMembers',
          'guardduty:StopMonitoringMembers',
          'guardduty:UpdateDetector',
          'guardduty:UpdateFilter',
          'guardduty:UpdateIPSet',
          'guardduty:UpdateMalwareScanSettings',
          'guardduty:UpdateMemberDetectors',
          'guardduty:UpdateOrganizationConfiguration',
          'guardduty:UpdatePublishingDestination',
        ],
        Resource: '*',
        Condition: unlessLandingZone,
        pci: ['10.7.2', '11.5.1'],
        prevents: 'disabling GuardDuty, leaving its administrator, or hiding findings with filters and trusted IP lists',
      },
      {
        Sid: 'ProtectSecurityHub',
        Effect: 'Deny',
        Action: [
          'securityhub:BatchDisableStandards',
          'securityhub:BatchUpdateStandardsControlAssociations',
          'securityhub:CreateAutomationRule',
          'securityhub:DeleteConfigurationPolicy',
          'securityhub:DeleteFindingAggregator',
          'securityhub:DeleteMembers',
          'securityhub:DisableImportFindingsForProduct',
          'securityhub:DisableSecurityHub',
          'securityhub:DisassociateFromAdministratorAccount',
          'securityhub:DisassociateFromMasterAccount',
          'securityhub:DisassociateMembers',
          'securityhub:UpdateConfigurationPolicy',
          'securityhub:UpdateOrganizationConfiguration',
          'securityhub:UpdateStandardsControl',
        ],
        Resource: '*',
        Condition: unlessLandingZone,
        pci: ['10.4.1', '10.7.2'],
        prevents: 'disabling Security Hub, its standards or controls, leaving its administrator, or suppressing findings by rule',
      },
      {
        Sid: 'ProtectAccessAnalyzer',
        Effect: 'Deny',
        Action: ['access-analyzer:ApplyArchiveRule', 'access-analyzer:CreateArchiveRule', 'access-analyzer:DeleteAnalyzer', 'access-analyzer:UpdateArchiveRule'],
        Resource: '*',
        Condition: unlessLandingZone,
        pci: ['7.2.1', '10.7.2'],
        prevents: 'deleting IAM Access Analyzer analyzers or auto-archiving their findings',
      },
      {
        Sid: 'ProtectInspector',
        Effect: 'Deny',
        Action: ['inspector2:CreateFilter', 'inspector2:Disable', 'inspector2:DisassociateMember', 'inspector2:UpdateFilter', 'inspector2:UpdateOrganizationConfiguration'],
        Resource: '*',
        Condition: unlessLandingZone,
        pci: ['6.3.1', '11.3.1'],
        prevents: 'disabling Inspector scans, leaving its administrator, or suppressing vulnerability findings',
      },
      {
        Sid: 'ProtectLandingZoneRoles',
        Effect: 'Deny',
        Action: [
          'iam:AttachRolePolicy',
          'iam:CreateRole',
          'iam:DeleteRole',
          'iam:DeleteRolePermissionsBoundary',
          'iam:DeleteRolePolicy',
          'iam:DetachRolePolicy',
          'iam:PutRolePermissionsBoundary',
          'iam:PutRolePolicy',
          'iam:TagRole',
          'iam:UntagRole',
          'iam:UpdateAssumeRolePolicy',
          'iam:UpdateRole',
          'iam:UpdateRoleDescription',
        ],
        Resource: [
          `arn:${partition}:iam::*:role/${names.landingZoneRolePattern}`,
          ...exemptRoleNames(names)
            .filter((role) => !role.startsWith(`${names.prefix}-`))
            .map((role) => `arn:${partition}:iam::*:role/${role}`),
        ],
        Condition: unlessLandingZone,
        pci: ['7.2.1', '7.2.2'],
        prevents: `creating, changing or deleting the landing zone roles (${names.landingZoneRolePattern}: deploy, plan, remediation, access levels) and the stack roles`,
      },
    ],
  };

  const accountBaseline: ServiceControlPolicy = {
    key: 'account-baseline',
    name: names.scpName('account-baseline'),
    description: `No root user, no region outside ${org.allowedRegions.join(', ')}, S3 public access block and EBS encryption stay on. PCI DSS 1.4.4, 3.5.1, 8.2.2, 12.5.2.`,
    targets: root,
    statements: [
      {
        Sid: 'DenyRootUser',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { ArnLike: { 'aws:PrincipalArn': `arn:${partition}:iam::*:root` } },
        pci: ['7.2.2', '8.2.2'],
        prevents: 'any action by the root user of a member account (a shared credential without individual accountability)',
      },
      {
        Sid: 'DenyUnapprovedRegions',
        Effect: 'Deny',
        NotAction: GLOBAL_SERVICE_ACTIONS,
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': org.allowedRegions } },
        pci: ['12.5.2'],
        prevents: `any regional request outside ${org.allowedRegions.join(', ')} (global services exempt), keeping the CDE inside the documented scope`,
      },
      {
        Sid: 'ProtectS3PublicAccessBlock',
        Effect: 'Deny',
        Action: ['s3:PutAccountPublicAccessBlock'],
        Resource: '*',
        // The remediation role restores the account block when Config finds it off.
        Condition: { ArnNotLike: { 'aws:PrincipalArn': [...exempt, `arn:${partition}:iam::*:role/${names.remediationRoleName}`] } },
        pci: ['1.3.1', '1.4.4'],
        prevents: 'changing the account-level S3 public access block',
      },
      {
        Sid: 'ProtectEbsEncryption',
        Effect: 'Deny',
        Action: ['ec2:DisableEbsEncryptionByDefault', 'ec2:ModifyEbsDefaultKmsKeyId', 'ec2:ResetEbsDefaultKmsKeyId'],
        Resource: '*',
        Condition: unlessLandingZone,
        pci: ['3.5.1'],
        prevents: 'turning off EBS encryption by default or changing its key',
      },
    ],
  };

  const quarantineTargets: ScpTarget[] = [
    ...(org.guardrails.quarantineOu ? [{ kind: 'ou' as const, path: org.guardrails.quarantineOu }] : []),
    ...org.guardrails.quarantinedAccounts.map((name) => ({ kind: 'account' as const, name })),
  ];
  const quarantine: ServiceControlPolicy = {
    key: 'quarantine',
    name: names.scpName('quarantine'),
    description: 'Denies everything except the landing zone deploy path, until the account baseline is deployed or an incident is closed. PCI DSS 2.2.1.',
    targets: quarantineTargets,
    statements: [
      {
        Sid: 'DenyAllButLandingZone',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: unlessLandingZone,
        pci: ['2.2.1'],
        prevents: 'any use of a quarantined account other than the landing zone deploying its baseline',
      },
    ],
  };

  return [protectAudit, protectSecurityTooling, accountBaseline, quarantine];
}

/** The policy JSON AWS receives: statements without the documentation fields, minified. */
export function renderScp(policy: Pick<ServiceControlPolicy, 'statements'>): string {
  return policyJson(...policy.statements.map(({ pci: _pci, prevents: _prevents, ...statement }) => statement));
}

/** A readable label of a target: "Root", "ou:Workloads/Prod", "account:dev". */
export function targetLabel(target: ScpTarget): string {
  return target.kind === 'root' ? 'Root' : target.kind === 'ou' ? `ou:${target.path}` : `account:${target.name}`;
}
