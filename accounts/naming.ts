/**
 * The one registry of physical names.
 *
 * Stacks never reference each other's resources (each deploys into another
 * account, with its own state). They agree on names computed here from the config:
 * bucket names, role names, key aliases, table names. A name changed here changes
 * everywhere at once.
 */
import type { Account, AccountRole, Organization } from './schema';

/** Name of the stack that holds the Terraform state. */
export const BOOTSTRAP_STACK = 'bootstrap';

export class Naming {
  constructor(readonly org: Organization) {}

  get prefix(): string {
    return this.org.prefix;
  }

  get partition(): string {
    return this.org.partition;
  }

  /** The single account holding `role` (validation guarantees exactly one for the required roles). */
  account(role: Exclude<AccountRole, 'workload'>): Account & { id: string } {
    const account = this.org.accounts.find((a) => a.role === role);
    if (!account?.id) throw new Error(`no ${role} account with an id in the config`);
    return account as Account & { id: string };
  }

  /** Accounts that already exist (have an id): the ones that get a stack. */
  get existingAccounts(): (Account & { id: string })[] {
    return this.org.accounts.filter((a): a is Account & { id: string } => a.id !== undefined);
  }

  /** Role a stack assumes in `account`. */
  stackRoleArn(account: Account & { id: string }): string {
    return this.roleArn(account.id, account.stackRoleName ?? this.org.stackRoleName);
  }

  roleArn(accountId: string, roleName: string): string {
    return `arn:${this.partition}:iam::${accountId}:role/${roleName}`;
  }

  // --- Terraform state (bootstrap stack, transversal account) ---

  /** S3 bucket holding every stack's state. Bucket names are global: account id and region make it unique. */
  get stateBucket(): string {
    return `${this.prefix}-tfstate-${this.account('transversal').id}-${this.org.homeRegion}`;
  }

  /** DynamoDB table for state locks. */
  get lockTable(): string {
    return `${this.prefix}-tflock`;
  }

  /** KMS alias of the key encrypting state and locks. */
  get stateKeyAlias(): string {
    return `alias/${this.prefix}-tfstate`;
  }

  /** Alias ARN: the backend resolves it in the transversal account, where it runs. */
  get stateKeyAliasArn(): string {
    return `arn:${this.partition}:kms:${this.org.homeRegion}:${this.account('transversal').id}:${this.stateKeyAlias}`;
  }

  /** State object key of a stack. */
  stateKey(stackName: string): string {
    return `stacks/${stackName}/terraform.tfstate`;
  }

  // --- Log archive (logging account) ---

  private logBucket(kind: string): string {
    return `${this.prefix}-${kind}-${this.account('logging').id}-${this.org.homeRegion}`;
  }

  /** Bucket receiving the organization trail. */
  get cloudTrailBucket(): string {
    return this.logBucket('cloudtrail');
  }

  /** Bucket receiving AWS Config snapshots and history from every account. */
  get configBucket(): string {
    return this.logBucket('config');
  }

  // --- AWS Config (every account; aggregator and conformance packs in the delegated administrator) ---

  /** Configuration recorder and delivery channel of every account and region (one of each is allowed per region). */
  get configRecorderName(): string {
    return `${this.prefix}-config`;
  }

  /** AWS Config's service-linked role in `accountId`: the recorder's role, so no custom role to keep in sync. */
  configServiceLinkedRoleArn(accountId: string): string {
    return this.roleArn(accountId, 'aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig');
  }

  /** Role the organization aggregator assumes to list the organization's accounts. */
  get configAggregatorRoleName(): string {
    return `${this.prefix}-config-aggregator`;
  }

  /** Organization aggregator, in the Config delegated administrator. */
  get configAggregatorName(): string {
    return `${this.prefix}-organization`;
  }

  /** Prefix of the organization conformance pack names ([a-zA-Z][-a-zA-Z0-9]*). */
  get conformancePackPrefix(): string {
    return `${this.prefix}-conformance`;
  }

  /**
   * Bucket holding conformance pack templates too large for TemplateBody. AWS Config
   * requires the name to start with "awsconfigconforms" and the bucket in the pack's region.
   */
  conformsTemplateBucket(accountId: string, region: string): string {
    return `awsconfigconforms-${this.prefix}-${accountId}-${region}`;
  }

  /** Bucket receiving the server access logs of the other log buckets. */
  get accessLogBucket(): string {
    return this.logBucket('access-logs');
  }

  /** KMS alias of the log archive key (CloudTrail, Config, CloudWatch Logs). */
  get logKeyAlias(): string {
    return `alias/${this.prefix}-logs`;
  }

  /** Alias ARN of the log archive key, usable from other accounts' configuration. */
  get logKeyAliasArn(): string {
    return `arn:${this.partition}:kms:${this.org.homeRegion}:${this.account('logging').id}:${this.logKeyAlias}`;
  }

  /** Name of the organization trail. */
  get trailName(): string {
    return `${this.prefix}-organization-trail`;
  }

  /**
   * ARN of the organization trail. The management account owns every organization trail,
   * even one its CloudTrail delegated administrator creates, so the ARN carries its id.
   */
  get trailArn(): string {
    return `arn:${this.partition}:cloudtrail:${this.org.homeRegion}:${this.account('management').id}:trail/${this.trailName}`;
  }

  /** The account whose stack creates the trail, its log group and alarms (`logging.trailOwner`). */
  get trailOwnerAccount(): Account & { id: string } {
    return this.account(this.org.logging.trailOwner);
  }

  /** CloudWatch Logs group receiving the organization trail (in the trail owner's account). */
  get trailLogGroup(): string {
    return `/${this.prefix}/cloudtrail/organization-trail`;
  }

  /** Role CloudTrail assumes to write into the trail's log group. */
  get trailLogsRoleName(): string {
    return `${this.prefix}-cloudtrail-logs`;
  }

  /** SNS topic of the security alarms (CIS metric filters on the trail's log group). */
  get securityAlarmTopic(): string {
    return `${this.prefix}-security-alarms`;
  }

  /** CloudWatch namespace of the security event metrics. */
  get securityMetricsNamespace(): string {
    return `${this.prefix}/SecurityEvents`;
  }

  /** KMS alias of the key encrypting the trail's log group and the alarm topic (trail owner's account). */
  get trailMonitoringKeyAlias(): string {
    return `alias/${this.prefix}-trail-monitoring`;
  }

  // --- Roles present in every account (fixed names, so organization-wide resources can reference them) ---

  /** Role the pipeline's CodeBuild assumes to apply a stack. */
  get deployRoleName(): string {
    return `${this.prefix}-deploy`;
  }

  /** Read-only role for merge-request plans. */
  get planRoleName(): string {
    return `${this.prefix}-plan`;
  }

  /** Role SSM Automation assumes to run remediations. */
  get remediationRoleName(): string {
    return `${this.prefix}-remediation`;
  }

  /** SSM name of one of our remediation documents (SSM names cannot start with AWS/Amazon: the prefix avoids it). */
  remediationDocumentName(documentId: string): string {
    return `${this.prefix}-${documentId}`;
  }

  /** Tag key that exempts a resource from our remediation documents (audited exceptions). */
  get remediationExemptTagKey(): string {
    return `${this.prefix}:remediation-exempt`;
  }

  /** Role VPC Flow Logs assumes to deliver the flow logs the remediation creates. */
  get flowLogsDeliveryRoleName(): string {
    return `${this.prefix}-flow-logs-delivery`;
  }

  /** Role S3 assumes to replicate buckets, in every account (passed by the s3-bucket-replication-enabled remediation). */
  get s3ReplicationRoleName(): string {
    return `${this.prefix}-s3-replication`;
  }

  /** Stop-gap account trail the manual CloudTrail remediations create (the organization trail is the real fix). */
  get accountTrailName(): string {
    return `${this.prefix}-account-trail`;
  }

  /** Per account and region server access log bucket, as a CloudFormation Fn::Sub template (remediation target). */
  get s3AccessLogBucketTemplate(): string {
    return `${this.prefix}-s3-access-logs-\${AWS::AccountId}-\${AWS::Region}`;
  }

  // --- Access levels and break-glass (roles in every account, groups and users in auth) ---

  /** Role of an access level in every account it reaches, e.g. "acme-pci-access-Developer". */
  accessRoleName(level: string): string {
    return `${this.prefix}-access-${level}`;
  }

  /** Group of an access level in the auth account. */
  accessGroupName(level: string): string {
    return `${this.prefix}-access-${level}`;
  }

  /** Managed policy (auth account) that denies everything but MFA enrolment until MFA is present. */
  get mfaPolicyName(): string {
    return `${this.prefix}-require-mfa`;
  }

  /** Emergency role in every account, outside the access levels. */
  get breakGlassRoleName(): string {
    return `${this.prefix}-break-glass`;
  }

  /** Group of the break-glass users in the auth account. */
  get breakGlassGroupName(): string {
    return `${this.prefix}-break-glass`;
  }

  /** IAM path of the break-glass users: the break-glass roles trust only users under it. */
  get breakGlassUserPath(): string {
    return '/break-glass/';
  }

  /** SNS topic (each region of each account) notified when the break-glass role is used. */
  get breakGlassTopicName(): string {
    return `${this.prefix}-break-glass-alerts`;
  }

  /** EventBridge rule watching the break-glass role. */
  get breakGlassRuleName(): string {
    return `${this.prefix}-break-glass-used`;
  }

  /** KMS alias of the key encrypting the break-glass topic. */
  get breakGlassKeyAlias(): string {
    return `alias/${this.prefix}-break-glass-alerts`;
  }

  /** ARN of an AWS managed policy, e.g. "job-function/Billing". */
  awsManagedPolicyArn(name: string): string {
    return `arn:${this.partition}:iam::aws:policy/${name}`;
  }

  // --- Organization guardrails (management stack) ---

  /**
   * Account that administers the security services (CloudTrail, Config, GuardDuty,
   * Security Hub, Access Analyzer, Inspector) for the organization: the logging account
   * unless `guardrails.delegatedAdministrator` names another (validation checks it exists).
   */
  get delegatedAdministrator(): Account & { id: string } {
    const name = this.org.guardrails.delegatedAdministrator;
    if (name === undefined) return this.account('logging');
    const account = this.existingAccounts.find((a) => a.name === name);
    if (!account) throw new Error(`guardrails.delegatedAdministrator "${name}" is not an existing account`);
    return account;
  }

  /** Name of a service control policy, e.g. scpName("quarantine") -> "acme-pci-quarantine". */
  scpName(key: string): string {
    return `${this.prefix}-${key}`;
  }

  /** Name pattern of every role the landing zone creates in member accounts (deploy, plan, remediation, access levels). */
  get landingZoneRolePattern(): string {
    return `${this.prefix}-*`;
  }

  // --- Deploy pipeline (transversal stack) ---

  /** ARN of the deploy role in an account (every account stack creates it). */
  deployRoleArn(accountId: string): string {
    return this.roleArn(accountId, this.deployRoleName);
  }

  /** ARN of the read-only plan role in an account. */
  planRoleArn(accountId: string): string {
    return this.roleArn(accountId, this.planRoleName);
  }

  /** The CodePipeline pipeline. */
  get pipelineName(): string {
    return `${this.prefix}-landing-zone`;
  }

  /** Bucket of the pipeline artifacts (synthesized stacks, saved plans, summaries). */
  get pipelineArtifactBucket(): string {
    return `${this.prefix}-pipeline-${this.account('transversal').id}-${this.org.homeRegion}`;
  }

  /** KMS alias of the key encrypting artifacts, build logs, the approval topic and the repository. */
  get pipelineKeyAlias(): string {
    return `alias/${this.prefix}-pipeline`;
  }

  /** Role CodePipeline runs as. */
  get pipelineRoleName(): string {
    return `${this.prefix}-pipeline`;
  }

  /** Role EventBridge uses to start the pipeline on a push (CodeCommit source). */
  get pipelineEventsRoleName(): string {
    return `${this.prefix}-pipeline-events`;
  }

  /**
   * Role of a CodeBuild step: `synth` (npm ci, tests, synth, summary: no AWS access),
   * `plan` (may assume the plan roles), `deploy` (may assume the deploy roles).
   */
  pipelineBuildRoleName(step: 'synth' | 'plan' | 'deploy'): string {
    return `${this.prefix}-pipeline-${step}`;
  }

  /** ARN of a CodeBuild step's role, in the transversal account (what the plan and deploy roles trust). */
  pipelineBuildRoleArn(step: 'synth' | 'plan' | 'deploy'): string {
    return this.roleArn(this.account('transversal').id, this.pipelineBuildRoleName(step));
  }

  /** CodeBuild project of a pipeline step. */
  pipelineProjectName(step: 'synth' | 'plan' | 'summary' | 'deploy'): string {
    return `${this.prefix}-${step}`;
  }

  /** CloudWatch log group of a CodeBuild project. */
  pipelineLogGroup(step: 'synth' | 'plan' | 'summary' | 'deploy'): string {
    return `/aws/codebuild/${this.pipelineProjectName(step)}`;
  }

  /** SNS topic notified when a plan waits for approval. */
  get approvalTopicName(): string {
    return `${this.prefix}-pipeline-approval`;
  }

  /** CodeCommit repository (source type "codecommit"). */
  get pipelineRepositoryName(): string {
    const source = this.org.pipeline.source;
    return source.type === 'codecommit' && source.repositoryName ? source.repositoryName : `${this.prefix}-landing-zone`;
  }

  /** Role an external CI assumes through OIDC to plan merge requests. */
  ciPlanRoleName(ci: 'github' | 'gitlab'): string {
    return `${this.prefix}-ci-plan-${ci}`;
  }

  /** Role an external CI assumes through OIDC to push the main branch to CodeCommit. */
  ciMirrorRoleName(ci: 'github' | 'gitlab'): string {
    return `${this.prefix}-ci-mirror-${ci}`;
  }

  // --- Threat detection and network (issue 9: modules/security-services, modules/network) ---

  /** Bucket receiving the GuardDuty findings exported from every region, in the delegated administrator (the logging account by default). */
  get securityFindingsBucket(): string {
    return `${this.prefix}-security-findings-${this.delegatedAdministrator.id}-${this.org.homeRegion}`;
  }

  /** KMS alias of the key encrypting the exported security findings (delegated administrator, home region). */
  get securityFindingsKeyAlias(): string {
    return `alias/${this.prefix}-security-findings`;
  }

  /** Bucket (log archive) receiving VPC flow logs and Network Firewall flow logs of every workload VPC. */
  get flowLogBucket(): string {
    return this.logBucket('flow-logs');
  }

  /** KMS alias of the key encrypting the flow log bucket (logging account, home region). */
  get flowLogKeyAlias(): string {
    return `alias/${this.prefix}-flow-logs`;
  }

  /** KMS alias of the customer managed key used for EBS encryption by default (every account and region). */
  get ebsKeyAlias(): string {
    return `alias/${this.prefix}-ebs`;
  }

  /** KMS alias of the key encrypting a workload account's network logs (firewall alert log group). */
  get networkKeyAlias(): string {
    return `alias/${this.prefix}-network`;
  }

  /** Name of the VPC, firewall and related network resources of a workload account. */
  vpcName(accountName: string): string {
    return `${this.prefix}-${accountName}`;
  }

  /** CloudWatch Logs group of a workload account's Network Firewall alerts. */
  firewallAlertLogGroup(accountName: string): string {
    return `/${this.prefix}/network-firewall/${accountName}/alert`;
  }

  /** Security Hub configuration policy applied to every member account. */
  get securityHubPolicyName(): string {
    return `${this.prefix}-security-hub`;
  }

  /** IAM Access Analyzer with the organization as zone of trust (one per region). */
  get accessAnalyzerName(): string {
    return `${this.prefix}-organization`;
  }
}
