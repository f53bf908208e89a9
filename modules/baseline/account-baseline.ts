import { Construct } from 'constructs';
import { S3AccountPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-account-public-access-block';
import type { LandingZoneStack } from '../../stacks/landing-zone-stack';
import { AccountAccess } from '../identity/account-access';
import { AccountPasswordPolicy } from '../identity/password-policy';
import { AccountConfig } from '../config/account-config';
import { AccountDefaults } from './account-defaults';
import { PipelineAccessRoles } from '../pipeline/pipeline-access-roles';
import { RemediationAutomation } from '../remediation/remediation-automation';

/**
 * What every account gets, whatever its role: the IAM password policy, the access
 * and break-glass roles trusted by auth, AWS Config, the pipeline's deploy and plan
 * roles, the remediation documents and their role, S3 public access blocked for the
 * whole account (PCI DSS 1.4.4), and EBS encryption with a customer managed key and
 * IMDSv2 by default in each of its regions (PCI DSS 3.5.1, 2.2).
 */
export class AccountBaseline extends Construct {
  /** AWS Config recorder, delivery channel and recorder status in every region of the account (PCI DSS 10.2.1, 11.5.2). */
  readonly config: AccountConfig;

  constructor(scope: LandingZoneStack, id: string) {
    super(scope, id);
    // PCI DSS 8.3.6-8.3.9 password rules, and the access-level and break-glass roles trusted by auth (modules/identity).
    new AccountPasswordPolicy(this, 'password-policy', scope.org.identity.passwordPolicy);
    new AccountAccess(this, 'access', { names: scope.names, account: scope.account, regions: scope.regions.map((region) => ({ region, provider: scope.providerFor(region) })) });
    this.config = new AccountConfig(this, 'config', { stack: scope });
    // The deploy role (trusted by the pipeline's deploy build only) and the read-only plan role (modules/pipeline).
    new PipelineAccessRoles(this, 'pipeline-access', { names: scope.names, accountId: scope.account.id });
    new RemediationAutomation(this, 'remediation', { stack: scope }); // SSM remediation documents + automation role (modules/remediation)
    new S3AccountPublicAccessBlock(this, 's3-public-access', {
      accountId: scope.account.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    // EBS encryption by default with a customer managed key, and IMDSv2 for new instances (modules/baseline/account-defaults.ts).
    new AccountDefaults(this, 'defaults', {
      accountId: scope.account.id,
      regions: scope.regions.map((region) => ({ region, provider: scope.providerFor(region) })),
      ebsKeyAlias: scope.names.ebsKeyAlias,
      partition: scope.names.partition,
    });
  }
}
