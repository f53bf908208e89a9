import { Construct } from 'constructs';
import { TerraformOutput } from 'cdktf';
import type { Naming } from '../accounts';
import { SecureKmsKey } from '../modules/security/kms-key';
import { LockTable } from '../modules/state/lock-table';
import { SecureBucket } from '../modules/storage/secure-bucket';
import { BOOTSTRAP_STACK } from '../accounts/naming';
import { LandingZoneStack } from './landing-zone-stack';

/**
 * Terraform state for every stack, in the transversal account: a KMS key, the
 * state bucket and the lock table. Applied once on local state, then migrated into
 * the bucket it created (scripts/bootstrap.sh).
 */
export class BootstrapStack extends LandingZoneStack {
  readonly key: SecureKmsKey;
  readonly bucket: SecureBucket;
  readonly lockTable: LockTable;

  constructor(scope: Construct, names: Naming) {
    super(scope, { names, account: names.account('transversal'), stackName: BOOTSTRAP_STACK });
    this.key = new SecureKmsKey(this, 'state-key', {
      alias: names.stateKeyAlias,
      description: 'Encrypts the landing zone Terraform state and locks',
      accountId: this.account.id,
      partition: names.partition,
    });
    this.bucket = new SecureBucket(this, 'state-bucket', {
      bucketName: names.stateBucket,
      kmsKeyArn: this.key.arn,
      partition: names.partition,
    });
    this.lockTable = new LockTable(this, 'lock-table', { tableName: names.lockTable, kmsKeyArn: this.key.arn });

    new TerraformOutput(this, 'state_bucket', { value: this.bucket.bucket.bucket });
    new TerraformOutput(this, 'lock_table', { value: this.lockTable.table.name });
    new TerraformOutput(this, 'state_key_arn', { value: this.key.arn });
  }
}
