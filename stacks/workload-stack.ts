import { Construct } from 'constructs';
import type { Naming } from '../accounts';
import { AccountStack } from './account-stack';
import type { ExistingAccount } from './landing-zone-stack';

/** A workload account (dev, staging, prod): one class, configured by its account entry. */
export class WorkloadStack extends AccountStack {
  constructor(scope: Construct, names: Naming, account: ExistingAccount) {
    super(scope, names, account);
  }
}
