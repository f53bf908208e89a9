import { Construct } from 'constructs';
import type { Naming } from '../accounts';
import { OrganizationStructure } from '../modules/organization/organization';
import { AccountStack } from './account-stack';

/** The organization management account: AWS Organizations, OUs and member accounts. */
export class ManagementStack extends AccountStack {
  readonly organization: OrganizationStructure;

  constructor(scope: Construct, names: Naming) {
    super(scope, names, names.account('management'));
    this.organization = new OrganizationStructure(this, 'organization', { org: names.org });
  }
}
