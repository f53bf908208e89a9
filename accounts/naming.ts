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
}
