import { Construct } from 'constructs';
import type { Naming } from '../accounts';
import { AccountBaseline } from '../modules/baseline/account-baseline';
import { LandingZoneStack, type ExistingAccount } from './landing-zone-stack';

/** A stack deployed into one account of the organization: the account baseline, plus what its role adds. */
export class AccountStack extends LandingZoneStack {
  readonly baseline: AccountBaseline;

  constructor(scope: Construct, names: Naming, account: ExistingAccount) {
    super(scope, { names, account });
    this.baseline = new AccountBaseline(this, 'baseline');
  }
}
