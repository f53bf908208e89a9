/**
 * The base of every stack, and the one place (with stacks/app.ts and the test
 * helpers) that holds cdktf-specific glue: provider, backend, default tags.
 * Moving to CDK Terrain (cdktn) is a rename of the imports in these files.
 */
import { Construct } from 'constructs';
import { S3Backend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { type Account, type Naming, type Organization } from '../accounts';
import { accountRegions } from '../accounts/regions';

/** An account that exists (has an id), the only kind a stack deploys into. */
export type ExistingAccount = Account & { readonly id: string };

export interface LandingZoneStackProps {
  readonly names: Naming;
  /** The account the stack deploys into. */
  readonly account: ExistingAccount;
  /** Stack name. @default the account name */
  readonly stackName?: string;
}

/** Tag keys every resource carries (through the provider's default_tags). */
export const MANAGED_BY = 'pci-landing-zone';

export class LandingZoneStack extends TerraformStack {
  readonly names: Naming;
  readonly org: Organization;
  readonly account: ExistingAccount;
  /** Provider of the home region. */
  readonly provider: AwsProvider;
  private readonly regionalProviders = new Map<string, AwsProvider>();

  constructor(scope: Construct, props: LandingZoneStackProps) {
    const stackName = props.stackName ?? props.account.name;
    super(scope, stackName);
    this.names = props.names;
    this.org = props.names.org;
    this.account = props.account;
    this.provider = this.createProvider(this.org.homeRegion);

    const transversal = this.names.account('transversal');
    new S3Backend(this, {
      bucket: this.names.stateBucket,
      key: this.names.stateKey(stackName),
      region: this.org.homeRegion,
      encrypt: true,
      kmsKeyId: this.names.stateKeyAliasArn,
      dynamodbTable: this.names.lockTable,
      // State lives in the transversal account; every stack reaches it through that account's role.
      assumeRole: { roleArn: this.names.stackRoleArn(transversal), sessionName: `${this.org.prefix}-state-${stackName}` },
    });
  }

  /** Regions this account works in, home region first (accounts/regions.ts: the packs cover it there). */
  get regions(): string[] {
    return accountRegions(this.org, this.account);
  }

  /** The provider for `region`: the default one for the home region, an alias otherwise. */
  providerFor(region: string): AwsProvider {
    if (region === this.org.homeRegion) return this.provider;
    let provider = this.regionalProviders.get(region);
    if (!provider) {
      provider = this.createProvider(region);
      this.regionalProviders.set(region, provider);
    }
    return provider;
  }

  private createProvider(region: string): AwsProvider {
    const home = region === this.org.homeRegion;
    return new AwsProvider(this, home ? 'aws' : `aws-${region}`, {
      region,
      alias: home ? undefined : region,
      // Refuses to run against any other account, whatever the credentials.
      allowedAccountIds: [this.account.id],
      assumeRole: [{ roleArn: this.names.stackRoleArn(this.account), sessionName: `${this.org.prefix}-${this.node.id}` }],
      defaultTags: [
        {
          tags: {
            ...this.org.tags,
            ManagedBy: MANAGED_BY,
            Environment: this.account.environment ?? this.account.role,
            PciScope: this.account.pciScope,
            Stack: this.node.id,
          },
        },
      ],
    });
  }
}
