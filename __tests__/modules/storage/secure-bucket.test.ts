import { SecureBucket } from '../../../modules/storage/secure-bucket';
import { onlyResource, parsePolicy, resources, synthConstructs } from '../../helpers/synth';
import { simulate } from '../../helpers/iam';

const base = { bucketName: 'acme-test-bucket', kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/abcd' };

describe('SecureBucket', () => {
  const defaults = synthConstructs((scope) => new SecureBucket(scope, 'b', base));

  test('defaults to versioning, SSE-KMS with bucket keys, public access blocked, ACLs disabled', () => {
    expect(onlyResource(defaults, 'aws_s3_bucket_versioning').versioning_configuration.status).toBe('Enabled');
    expect(onlyResource(defaults, 'aws_s3_bucket_server_side_encryption_configuration').rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: base.kmsKeyArn }, bucket_key_enabled: true },
    ]);
    expect(onlyResource(defaults, 'aws_s3_bucket_public_access_block')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(onlyResource(defaults, 'aws_s3_bucket_ownership_controls').rule.object_ownership).toBe('BucketOwnerEnforced');
  });

  test('defaults to protection from terraform destroy and no force-destroy', () => {
    expect(onlyResource(defaults, 'aws_s3_bucket')).toMatchObject({ force_destroy: false, lifecycle: { prevent_destroy: true } });
  });

  test('defaults to no object lock, no lifecycle and no access logging', () => {
    expect(onlyResource(defaults, 'aws_s3_bucket').object_lock_enabled).toBeUndefined();
    for (const type of ['aws_s3_bucket_object_lock_configuration', 'aws_s3_bucket_lifecycle_configuration', 'aws_s3_bucket_logging'])
      expect(resources(defaults, type)).toEqual({});
  });

  test('denies every request not sent over TLS', async () => {
    const policy = parsePolicy(onlyResource(defaults, 'aws_s3_bucket_policy').policy);
    const request = {
      principal: 'arn:aws:iam::111111111111:role/admin',
      identityPolicies: [{ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }],
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::acme-test-bucket/x',
      resourceAccount: '111111111111',
      resourcePolicy: policy,
    };
    expect(await simulate({ ...request, context: { 'aws:SecureTransport': 'false' } })).toBe('ExplicitlyDenied');
    expect(await simulate(request)).toBe('Allowed');
  });

  test('adds caller statements after the TLS statement', () => {
    const stack = synthConstructs(
      (scope) => new SecureBucket(scope, 'b', { ...base, statements: [{ Sid: 'Extra', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: '*' }] }),
    );
    expect(parsePolicy(onlyResource(stack, 'aws_s3_bucket_policy').policy).Statement.map((s) => s.Sid)).toEqual(['DenyInsecureTransport', 'Extra']);
  });

  test('object lock defaults to COMPLIANCE mode with the given retention', () => {
    const stack = synthConstructs((scope) => new SecureBucket(scope, 'b', { ...base, objectLock: { retentionDays: 400 } }));
    expect(onlyResource(stack, 'aws_s3_bucket').object_lock_enabled).toBe(true);
    expect(onlyResource(stack, 'aws_s3_bucket_object_lock_configuration').rule.default_retention).toEqual({ mode: 'COMPLIANCE', days: 400 });
  });

  test('log lifecycle keeps 90 days in Standard by default, then Glacier Instant Retrieval until expiry', () => {
    const stack = synthConstructs((scope) => new SecureBucket(scope, 'b', { ...base, lifecycle: { retentionDays: 365 } }));
    const rule = onlyResource(stack, 'aws_s3_bucket_lifecycle_configuration').rule[0];
    expect(rule.transition).toEqual([{ days: 90, storage_class: 'GLACIER_IR' }]);
    expect(rule.expiration).toEqual([{ days: 365 }]);
  });

  test('access logs go to the given bucket, under the bucket name by default', () => {
    const stack = synthConstructs((scope) => new SecureBucket(scope, 'b', { ...base, accessLogs: { bucket: 'acme-access-logs' } }));
    expect(onlyResource(stack, 'aws_s3_bucket_logging')).toMatchObject({ target_bucket: 'acme-access-logs', target_prefix: 'acme-test-bucket/' });
  });
});
