import { Construct } from 'constructs';
import type { Naming } from '../accounts';
import { AccountBaseline } from '../modules/baseline/account-baseline';
import { SecurityServices } from '../modules/security-services/security-services';
import { LandingZoneStack, type ExistingAccount } from './landing-zone-stack';

/** A stack deployed into one account of the organization: the account baseline, plus what its role adds. */
export class AccountStack extends LandingZoneStack {
  readonly baseline: AccountBaseline;
  /** GuardDuty, Security Hub, Inspector and Access Analyzer for the organization, in the delegated administrator only. */
  securityServices?: SecurityServices;

  constructor(scope: Construct, names: Naming, account: ExistingAccount) {
    super(scope, { names, account });
    this.baseline = new AccountBaseline(this, 'baseline');
    // The logging stack adds them itself, after its log archive (their findings bucket logs its access there).
    if (account.role !== 'logging') this.addSecurityServices();
  }

  /** Configures the security services organization-wide when this account is their delegated administrator. */
  protected addSecurityServices(accessLogBucket?: string): void {
    if (this.account.id !== this.names.delegatedAdministrator.id) return;
    this.securityServices = new SecurityServices(this, 'security-services', {
      names: this.names,
      regions: this.org.allowedRegions.map((region) => ({ region, provider: this.providerFor(region) })),
      accessLogBucket,
    });
  }
}
