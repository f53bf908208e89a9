import { Construct } from 'constructs';
import type { Naming } from '../accounts';
import { vpcPlan } from '../modules/network/layout';
import { WorkloadNetwork } from '../modules/network/workload-network';
import { AccountStack } from './account-stack';
import type { ExistingAccount } from './landing-zone-stack';

/** A workload account (dev, staging, prod): one class, configured by its account entry. */
export class WorkloadStack extends AccountStack {
  /** The workload VPC, when `network.vpcs` has an entry for the account. */
  readonly network?: WorkloadNetwork;

  constructor(scope: Construct, names: Naming, account: ExistingAccount) {
    super(scope, names, account);
    const vpc = this.org.network.vpcs[account.name];
    if (vpc) {
      const plan = { ...vpcPlan(this.org, account.name, vpc), accountId: account.id };
      this.network = new WorkloadNetwork(this, 'network', {
        names,
        plan,
        alertRetentionDays: this.org.logging.logGroupRetentionDays,
        provider: this.providerFor(plan.region),
      });
    }
  }
}
