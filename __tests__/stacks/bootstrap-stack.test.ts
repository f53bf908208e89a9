import { onlyResource, parsePolicy, resources, synthOrg } from '../helpers/synth';
import { actionsIn, simulate, unknownActions } from '../helpers/iam';

const { stacks } = synthOrg();
const bootstrap = stacks.bootstrap;
const bucketName = 'acme-pci-tfstate-444444444444-eu-west-1';
const bucketArn = `arn:aws:s3:::${bucketName}`;
const keyArnRef = `\${aws_kms_key.${Object.keys(resources(bootstrap, 'aws_kms_key'))[0]}.arn}`;

describe('bootstrap stack', () => {
  test('deploys into the transversal account', () => {
    expect(bootstrap.provider.aws[0].allowed_account_ids).toEqual(['444444444444']);
    expect(bootstrap.provider.aws[0].assume_role[0].role_arn).toBe('arn:aws:iam::444444444444:role/OrganizationAccountAccessRole');
  });

  test('state bucket is versioned, KMS-encrypted with the state key, private and never destroyed', () => {
    const bucket = onlyResource(bootstrap, 'aws_s3_bucket');
    expect(bucket.bucket).toBe(bucketName);
    expect(bucket.lifecycle.prevent_destroy).toBe(true);
    expect(bucket.force_destroy).toBe(false);
    expect(onlyResource(bootstrap, 'aws_s3_bucket_versioning').versioning_configuration.status).toBe('Enabled');
    const sse = onlyResource(bootstrap, 'aws_s3_bucket_server_side_encryption_configuration').rule[0];
    expect(sse.apply_server_side_encryption_by_default).toEqual({
      sse_algorithm: 'aws:kms',
      kms_master_key_id: keyArnRef,
    });
    const pab = onlyResource(bootstrap, 'aws_s3_bucket_public_access_block');
    expect([pab.block_public_acls, pab.block_public_policy, pab.ignore_public_acls, pab.restrict_public_buckets]).toEqual([true, true, true, true]);
    expect(onlyResource(bootstrap, 'aws_s3_bucket_ownership_controls').rule.object_ownership).toBe('BucketOwnerEnforced');
  });

  test('state key rotates, waits 30 days before deletion and is never destroyed', () => {
    const key = onlyResource(bootstrap, 'aws_kms_key');
    expect(key.enable_key_rotation).toBe(true);
    expect(key.deletion_window_in_days).toBe(30);
    expect(key.lifecycle.prevent_destroy).toBe(true);
    expect(onlyResource(bootstrap, 'aws_kms_alias').name).toBe('alias/acme-pci-tfstate');
  });

  test('key policy names only catalogued actions, and no kms:*', async () => {
    const policy = onlyResource(bootstrap, 'aws_kms_key').policy;
    const actions = actionsIn(policy);
    expect(actions).not.toContain('kms:*');
    expect(actions).not.toContain('kms:ScheduleKeyDeletion');
    expect(await unknownActions(actions)).toEqual([]);
  });

  test('lock table: LockID hash key, PITR, KMS encryption, deletion protection', () => {
    const table = onlyResource(bootstrap, 'aws_dynamodb_table');
    expect(table.name).toBe('acme-pci-tflock');
    expect(table.hash_key).toBe('LockID');
    expect(table.attribute).toEqual([{ name: 'LockID', type: 'S' }]);
    expect(table.point_in_time_recovery.enabled).toBe(true);
    expect(table.server_side_encryption).toEqual({ enabled: true, kms_key_arn: keyArnRef });
    expect(table.deletion_protection_enabled).toBe(true);
    expect(table.lifecycle.prevent_destroy).toBe(true);
  });

  describe('state bucket policy, evaluated', () => {
    const policy = parsePolicy(onlyResource(bootstrap, 'aws_s3_bucket_policy').policy);
    const admin = {
      principal: 'arn:aws:iam::444444444444:role/OrganizationAccountAccessRole',
      identityPolicies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }],
      resourceAccount: '444444444444',
      resourcePolicy: policy,
    };

    test('denies requests without TLS, even to an administrator', async () => {
      expect(
        await simulate({ ...admin, action: 's3:GetObject', resource: `${bucketArn}/stacks/prod/terraform.tfstate`, context: { 'aws:SecureTransport': 'false' } }),
      ).toBe('ExplicitlyDenied');
    });

    test('allows the account administrator over TLS', async () => {
      expect(await simulate({ ...admin, action: 's3:GetObject', resource: `${bucketArn}/stacks/prod/terraform.tfstate` })).toBe('Allowed');
    });

    test('denies anonymous reads', async () => {
      expect(
        await simulate({ principal: 'anonymous', action: 's3:GetObject', resource: `${bucketArn}/stacks/prod/terraform.tfstate`, resourceAccount: '444444444444', resourcePolicy: policy }),
      ).not.toBe('Allowed');
    });
  });

  test('outputs what the other stacks need to reach the state', () => {
    expect(Object.keys(bootstrap.output ?? {}).sort()).toEqual(['lock_table', 'state_bucket', 'state_key_arn']);
    expect(Object.keys(resources(bootstrap, 'aws_s3_bucket_policy'))).toHaveLength(1);
  });
});
