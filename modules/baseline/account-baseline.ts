import { Construct } from 'constructs';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { S3AccountPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-account-public-access-block';
import type { LandingZoneStack } from '../../stacks/landing-zone-stack';

/**
 * What every account gets, whatever its role: S3 public access blocked for the
 * whole account (PCI DSS 1.4.4) and EBS encryption by default in each of its
 * regions (PCI DSS 3.5.1).
 */
export class AccountBaseline extends Construct {
  constructor(scope: LandingZoneStack, id: string) {
    super(scope, id);
    new S3AccountPublicAccessBlock(this, 's3-public-access', {
      accountId: scope.account.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    for (const region of scope.regions) {
      new EbsEncryptionByDefault(this, `ebs-encryption-${region}`, { enabled: true, provider: scope.providerFor(region) });
    }
  }
}
