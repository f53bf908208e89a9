import { exampleCopy, parsePolicy, resources, synthOrg, type StackJson } from '../../helpers/synth';
type Policy = { Version?: string; Statement: any[] };
import { actionsIn, simulate, unknownActions } from '../../helpers/iam';

const LOGGING = '222222222222';
const MANAGEMENT = '111111111111';
const TRAIL_ARN = `arn:aws:cloudtrail:eu-west-1:${MANAGEMENT}:trail/acme-pci-organization-trail`;
const BUCKETS = {
  cloudtrail: 'acme-pci-cloudtrail-222222222222-eu-west-1',
  config: 'acme-pci-config-222222222222-eu-west-1',
  accessLogs: 'acme-pci-access-logs-222222222222-eu-west-1',
};
const arn = (bucket: string) => `arn:aws:s3:::${bucket}`;
const STACK_ROLE = `arn:aws:iam::${LOGGING}:role/OrganizationAccountAccessRole`;
const S3_ADMIN = [{ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }];
const KMS_ADMIN = [{ Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }];

/** The resource of `type` whose Terraform name starts with `prefix` (construct path). */
function named(stack: StackJson, type: string, prefix: string): any {
  const found = Object.entries(resources(stack, type)).filter(([name]) => name.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one ${type} named ${prefix}*, found ${found.length}`);
  return found[0][1];
}
const ref = (stack: StackJson, type: string, prefix: string, attribute: string) => {
  const name = Object.keys(resources(stack, type)).find((n) => n.startsWith(prefix));
  return `\${${type}.${name}.${attribute}}`;
};

function archive(stack: StackJson) {
  const bucketPolicy = (id: string) => parsePolicy(named(stack, 'aws_s3_bucket_policy', `log-archive_${id}_`).policy);
  return {
    key: named(stack, 'aws_kms_key', 'log-archive_key_'),
    keyPolicy: parsePolicy(named(stack, 'aws_kms_key', 'log-archive_key_').policy),
    cloudtrail: bucketPolicy('cloudtrail'),
    config: bucketPolicy('config'),
    accessLogs: bucketPolicy('access-logs'),
  };
}

const example = synthOrg().stacks.logging;
const { key, keyPolicy, cloudtrail, config, accessLogs } = archive(example);

describe('log archive defaults', () => {
  test('three buckets, named from the naming module, never destroyed', () => {
    const buckets = Object.entries(resources(example, 'aws_s3_bucket')).filter(([name]) => name.startsWith('log-archive_')).map(([, b]) => b);
    expect(buckets.map((b) => b.bucket).sort()).toEqual([BUCKETS.accessLogs, BUCKETS.cloudtrail, BUCKETS.config]);
    for (const bucket of buckets) expect(bucket).toMatchObject({ force_destroy: false, lifecycle: { prevent_destroy: true } });
  });

  test('every bucket is versioned, private and owner-enforced', () => {
    for (const id of ['cloudtrail', 'config', 'access-logs']) {
      expect(named(example, 'aws_s3_bucket_versioning', `log-archive_${id}_`).versioning_configuration.status).toBe('Enabled');
      expect(named(example, 'aws_s3_bucket_public_access_block', `log-archive_${id}_`)).toMatchObject({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
      expect(named(example, 'aws_s3_bucket_ownership_controls', `log-archive_${id}_`).rule.object_ownership).toBe('BucketOwnerEnforced');
    }
  });

  test('CloudTrail and Config buckets use SSE-KMS with the rotating log key', () => {
    const keyArn = ref(example, 'aws_kms_key', 'log-archive_key_', 'arn');
    for (const id of ['cloudtrail', 'config'])
      expect(named(example, 'aws_s3_bucket_server_side_encryption_configuration', `log-archive_${id}_`).rule).toEqual([
        { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: keyArn }, bucket_key_enabled: true },
      ]);
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
    expect(named(example, 'aws_kms_alias', 'log-archive_key_').name).toBe('alias/acme-pci-logs');
  });

  test('the access log bucket uses SSE-S3, the only default encryption S3 server access logging supports', () => {
    expect(named(example, 'aws_s3_bucket_server_side_encryption_configuration', 'log-archive_access-logs_').rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
    ]);
  });

  test('Object Lock in COMPLIANCE mode for 365 days on the CloudTrail bucket; none where AWS refuses it (Config delivery, access log target)', () => {
    expect(named(example, 'aws_s3_bucket', 'log-archive_cloudtrail_').object_lock_enabled).toBe(true);
    expect(named(example, 'aws_s3_bucket_object_lock_configuration', 'log-archive_cloudtrail_').rule.default_retention).toEqual({ mode: 'COMPLIANCE', days: 365 });
    // AWS Config does not deliver to a bucket with Object Lock; S3 refuses an access log target with a default retention.
    expect(named(example, 'aws_s3_bucket', 'log-archive_config_').object_lock_enabled).toBeUndefined();
    expect(named(example, 'aws_s3_bucket', 'log-archive_access-logs_').object_lock_enabled).toBeUndefined();
    expect(Object.keys(resources(example, 'aws_s3_bucket_object_lock_configuration')).filter((n) => n.startsWith('log-archive_'))).toHaveLength(1);
  });

  test('lifecycle keeps every log 365 days, the first 90 in S3 Standard (PCI DSS 10.5.1)', () => {
    for (const id of ['cloudtrail', 'config', 'access-logs']) {
      const rule = named(example, 'aws_s3_bucket_lifecycle_configuration', `log-archive_${id}_`).rule[0];
      expect(rule.transition).toEqual([{ days: 90, storage_class: 'GLACIER_IR' }]);
      expect(rule.expiration).toEqual([{ days: 365 }]);
      expect(rule.noncurrent_version_expiration).toEqual([{ noncurrent_days: 365 }]);
    }
  });

  test('the CloudTrail and Config buckets log access to the access log bucket, once its policy exists', () => {
    const target = ref(example, 'aws_s3_bucket_policy', 'log-archive_access-logs_', 'bucket');
    expect(named(example, 'aws_s3_bucket_logging', 'log-archive_cloudtrail_')).toMatchObject({ target_bucket: target, target_prefix: `${BUCKETS.cloudtrail}/` });
    expect(named(example, 'aws_s3_bucket_logging', 'log-archive_config_')).toMatchObject({ target_bucket: target, target_prefix: `${BUCKETS.config}/` });
    expect(Object.keys(resources(example, 'aws_s3_bucket_logging')).filter((n) => n.startsWith('log-archive_'))).toHaveLength(2);
  });

  test('every policy names only catalogued actions', async () => {
    for (const policy of [keyPolicy, cloudtrail, config, accessLogs]) expect(await unknownActions(actionsIn(policy))).toEqual([]);
    expect(actionsIn(keyPolicy)).not.toContain('kms:*');
  });
});

describe('bucket policies, evaluated', () => {
  const object = `${arn(BUCKETS.cloudtrail)}/AWSLogs/o-a1b2c3d4e5/777777777777/CloudTrail/eu-west-1/2026/12/01/log.json.gz`;
  const asAdmin = (account: string, policy: Policy) => ({
    principal: `arn:aws:iam::${account}:role/Admin`,
    identityPolicies: S3_ADMIN,
    resourceAccount: LOGGING,
    resourcePolicy: policy,
    context: { 'aws:PrincipalArn': `arn:aws:iam::${account}:role/Admin`, 'aws:PrincipalAccount': account },
  });
  const stackRole = (policy: Policy) => ({
    principal: STACK_ROLE,
    identityPolicies: S3_ADMIN,
    resourceAccount: LOGGING,
    resourcePolicy: policy,
    context: { 'aws:PrincipalArn': STACK_ROLE, 'aws:PrincipalAccount': LOGGING },
  });
  const cloudTrailWrites = (resource: string, sourceArn: string, policy: Policy = cloudtrail) =>
    simulate({
      principal: 'cloudtrail.amazonaws.com',
      action: 's3:PutObject',
      resource,
      resourceAccount: LOGGING,
      resourcePolicy: policy,
      context: { 'aws:SourceArn': sourceArn, 's3:x-amz-acl': 'bucket-owner-full-control' },
    });

  test('denies anonymous reads of every bucket', async () => {
    for (const [bucket, policy] of [
      [BUCKETS.cloudtrail, cloudtrail],
      [BUCKETS.config, config],
      [BUCKETS.accessLogs, accessLogs],
    ] as const) {
      for (const action of ['s3:GetObject', 's3:ListBucket']) {
        const resource = action === 's3:ListBucket' ? arn(bucket) : `${arn(bucket)}/AWSLogs/x`;
        expect(await simulate({ principal: 'anonymous', action, resource, resourceAccount: LOGGING, resourcePolicy: policy })).not.toBe('Allowed');
      }
    }
  });

  test('denies deletes by a member-account administrator and by the logging account administrator', async () => {
    for (const [bucket, policy] of [
      [BUCKETS.cloudtrail, cloudtrail],
      [BUCKETS.config, config],
      [BUCKETS.accessLogs, accessLogs],
    ] as const)
      for (const account of ['777777777777', LOGGING])
        for (const action of ['s3:DeleteObject', 's3:DeleteObjectVersion'])
          expect(await simulate({ ...asAdmin(account, policy), action, resource: `${arn(bucket)}/AWSLogs/x.json.gz` })).toBe('ExplicitlyDenied');
  });

  test('denies deletes even to the stack role that manages the buckets', async () => {
    expect(await simulate({ ...stackRole(cloudtrail), action: 's3:DeleteObjectVersion', resource: object })).toBe('ExplicitlyDenied');
    expect(await simulate({ ...stackRole(cloudtrail), action: 's3:DeleteBucket', resource: arn(BUCKETS.cloudtrail) })).toBe('ExplicitlyDenied');
  });

  test('lets only the landing zone roles change the bucket policy, lifecycle and Object Lock settings', async () => {
    for (const action of ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy', 's3:PutLifecycleConfiguration', 's3:PutBucketObjectLockConfiguration']) {
      expect(await simulate({ ...stackRole(cloudtrail), action, resource: arn(BUCKETS.cloudtrail) })).toBe('Allowed');
      const deploy = `arn:aws:iam::${LOGGING}:role/acme-pci-deploy`;
      expect(
        await simulate({ ...stackRole(config), principal: deploy, context: { 'aws:PrincipalArn': deploy }, action, resource: arn(BUCKETS.config) }),
      ).toBe('Allowed');
      expect(await simulate({ ...asAdmin(LOGGING, cloudtrail), action, resource: arn(BUCKETS.cloudtrail) })).toBe('ExplicitlyDenied');
    }
  });

  test('denies requests without TLS, even to the stack role', async () => {
    expect(
      await simulate({ ...stackRole(cloudtrail), action: 's3:GetObject', resource: object, context: { 'aws:PrincipalArn': STACK_ROLE, 'aws:SecureTransport': 'false' } }),
    ).toBe('ExplicitlyDenied');
  });

  test('CloudTrail writes for our organization trail, under the organization and management prefixes', async () => {
    expect(await cloudTrailWrites(object, TRAIL_ARN)).toBe('Allowed');
    expect(await cloudTrailWrites(`${arn(BUCKETS.cloudtrail)}/AWSLogs/${MANAGEMENT}/CloudTrail-Digest/eu-west-1/d.json.gz`, TRAIL_ARN)).toBe('Allowed');
    expect(
      await simulate({ principal: 'cloudtrail.amazonaws.com', action: 's3:GetBucketAcl', resource: arn(BUCKETS.cloudtrail), resourceAccount: LOGGING, resourcePolicy: cloudtrail, context: { 'aws:SourceArn': TRAIL_ARN } }),
    ).toBe('Allowed');
  });

  test('CloudTrail cannot write for any other trail, another organization or without the owner ACL', async () => {
    expect(await cloudTrailWrites(object, `arn:aws:cloudtrail:eu-west-1:${MANAGEMENT}:trail/other-trail`)).not.toBe('Allowed');
    expect(await cloudTrailWrites(object, 'arn:aws:cloudtrail:eu-west-1:999999999999:trail/acme-pci-organization-trail')).not.toBe('Allowed');
    expect(await cloudTrailWrites(`${arn(BUCKETS.cloudtrail)}/AWSLogs/o-zzzzzzzzzz/777777777777/x.json.gz`, TRAIL_ARN)).not.toBe('Allowed');
    expect(
      await simulate({ principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject', resource: object, resourceAccount: LOGGING, resourcePolicy: cloudtrail, context: { 'aws:SourceArn': TRAIL_ARN } }),
    ).not.toBe('Allowed');
    expect(
      await simulate({ principal: 'cloudtrail.amazonaws.com', action: 's3:GetBucketAcl', resource: arn(BUCKETS.cloudtrail), resourceAccount: LOGGING, resourcePolicy: cloudtrail, context: { 'aws:SourceArn': `arn:aws:cloudtrail:eu-west-1:999999999999:trail/x` } }),
    ).not.toBe('Allowed');
  });

  test('AWS Config writes only for the organization (aws:SourceOrgID), under AWSLogs/<account>/Config', async () => {
    const configRequest = (action: string, resource: string, sourceAccount: string) =>
      simulate({
        principal: 'config.amazonaws.com',
        action,
        resource,
        resourceAccount: LOGGING,
        resourcePolicy: config,
        context: {
          'aws:SourceAccount': sourceAccount,
          'aws:SourceOrgID': sourceAccount === '999999999999' ? 'o-zzzzzzzzzz' : 'o-a1b2c3d4e5',
          's3:x-amz-acl': 'bucket-owner-full-control',
        },
      });
    const delivery = `${arn(BUCKETS.config)}/AWSLogs/555555555555/Config/eu-west-1/2026/12/1/ConfigHistory/x.json.gz`;
    expect(await configRequest('s3:PutObject', delivery, '555555555555')).toBe('Allowed');
    expect(await configRequest('s3:PutObject', `${arn(BUCKETS.config)}/some-prefix/AWSLogs/555555555555/Config/x`, '555555555555')).toBe('Allowed');
    expect(await configRequest('s3:GetBucketAcl', arn(BUCKETS.config), MANAGEMENT)).toBe('Allowed');
    expect(await configRequest('s3:ListBucket', arn(BUCKETS.config), LOGGING)).toBe('Allowed');
    expect(await configRequest('s3:PutObject', delivery, '999999999999')).not.toBe('Allowed');
    expect(await configRequest('s3:GetBucketAcl', arn(BUCKETS.config), '999999999999')).not.toBe('Allowed');
    expect(await configRequest('s3:PutObject', `${arn(BUCKETS.config)}/elsewhere/x`, '555555555555')).not.toBe('Allowed');
  });

  test('S3 log delivery writes only the access logs of the two log buckets', async () => {
    const delivery = (source: string, sourceAccount = LOGGING) =>
      simulate({
        principal: 'logging.s3.amazonaws.com',
        action: 's3:PutObject',
        resource: `${arn(BUCKETS.accessLogs)}/${source}/2026-12-01-10-00-00-ABCDEF`,
        resourceAccount: LOGGING,
        resourcePolicy: accessLogs,
        context: { 'aws:SourceArn': arn(source), 'aws:SourceAccount': sourceAccount },
      });
    expect(await delivery(BUCKETS.cloudtrail)).toBe('Allowed');
    expect(await delivery(BUCKETS.config)).toBe('Allowed');
    expect(await delivery('someone-elses-bucket')).not.toBe('Allowed');
    expect(await delivery(BUCKETS.cloudtrail, '999999999999')).not.toBe('Allowed');
  });
});

describe('log key policy, evaluated', () => {
  const keyArn = `arn:aws:kms:eu-west-1:${LOGGING}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const kms = (principal: string, action: string, context: Record<string, string> = {}, policy: Policy = keyPolicy) =>
    simulate({ principal, action, resource: keyArn, resourceAccount: LOGGING, resourcePolicy: policy, context });
  const cloudTrailContext = { 'aws:SourceArn': TRAIL_ARN, 'kms:EncryptionContext:aws:cloudtrail:arn': TRAIL_ARN };

  test('CloudTrail encrypts only with the encryption context of the management account trails', () => {
    // The simulator drops kms:EncryptionContext:<key> (a colon-templated key), so this condition is asserted as written.
    const statement = keyPolicy.Statement.find((s: any) => s.Sid === 'CloudTrailEncryptsForOrganizationTrail');
    expect(statement.Condition.StringLike).toEqual({ 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${MANAGEMENT}:trail/*` });
    expect(statement.Action).toBe('kms:GenerateDataKey*');
  });

  test('CloudTrail encrypts for our organization trail only', async () => {
    const withoutContext = {
      ...keyPolicy,
      Statement: keyPolicy.Statement.map((s: any) => (s.Sid === 'CloudTrailEncryptsForOrganizationTrail' ? { ...s, Condition: { StringEquals: s.Condition.StringEquals } } : s)),
    };
    expect(await kms('cloudtrail.amazonaws.com', 'kms:GenerateDataKey', cloudTrailContext, withoutContext)).toBe('Allowed');
    expect(await kms('cloudtrail.amazonaws.com', 'kms:GenerateDataKey', { 'aws:SourceArn': 'arn:aws:cloudtrail:eu-west-1:111111111111:trail/other' }, withoutContext)).not.toBe('Allowed');
    expect(await kms('cloudtrail.amazonaws.com', 'kms:DescribeKey', { 'aws:SourceArn': TRAIL_ARN })).toBe('Allowed');
    const other = 'arn:aws:cloudtrail:eu-west-1:999999999999:trail/other';
    expect(await kms('cloudtrail.amazonaws.com', 'kms:GenerateDataKey', { 'aws:SourceArn': other, 'kms:EncryptionContext:aws:cloudtrail:arn': other })).not.toBe('Allowed');
    expect(await kms('cloudtrail.amazonaws.com', 'kms:Decrypt', cloudTrailContext)).not.toBe('Allowed');
  });

  test('AWS Config encrypts for the organization only', async () => {
    expect(await kms('config.amazonaws.com', 'kms:GenerateDataKey', { 'aws:SourceAccount': '777777777777', 'aws:SourceOrgID': 'o-a1b2c3d4e5' })).toBe('Allowed');
    expect(await kms('config.amazonaws.com', 'kms:GenerateDataKey', { 'aws:SourceAccount': '999999999999', 'aws:SourceOrgID': 'o-zzzzzzzzzz' })).not.toBe('Allowed');
    expect(await kms('config.amazonaws.com', 'kms:GenerateDataKey', { 'aws:SourceAccount': '999999999999' })).not.toBe('Allowed');
  });

  test('member accounts and anonymous callers cannot decrypt the logs', async () => {
    expect(await simulate({ principal: 'arn:aws:iam::777777777777:role/Admin', identityPolicies: KMS_ADMIN, action: 'kms:Decrypt', resource: keyArn, resourceAccount: LOGGING, resourcePolicy: keyPolicy })).not.toBe('Allowed');
    expect(await kms('anonymous', 'kms:Decrypt')).not.toBe('Allowed');
  });

  test('grants no key deletion to anyone', () => {
    expect(actionsIn(keyPolicy)).not.toContain('kms:ScheduleKeyDeletion');
  });
});

describe('log archive overrides', () => {
  const input: any = exampleCopy();
  input.logging = {
    retentionDays: 730,
    standardDays: 120,
    objectLockDays: 400,
    securityReaderArns: ['arn:aws:iam::333333333333:role/security-auditor'],
  };
  delete input.organizationId;
  const stack = synthOrg(input).stacks.logging;
  const policies = archive(stack);
  const reader = 'arn:aws:iam::333333333333:role/security-auditor';

  test('retention, Standard days and Object Lock come from the config', () => {
    for (const id of ['cloudtrail', 'config', 'access-logs']) {
      const rule = named(stack, 'aws_s3_bucket_lifecycle_configuration', `log-archive_${id}_`).rule[0];
      expect(rule.transition).toEqual([{ days: 120, storage_class: 'GLACIER_IR' }]);
      expect(rule.expiration).toEqual([{ days: 730 }]);
    }
    expect(named(stack, 'aws_s3_bucket_object_lock_configuration', 'log-archive_cloudtrail_').rule.default_retention).toEqual({ mode: 'COMPLIANCE', days: 400 });
  });

  test('without organizationId, CloudTrail still writes only for our trail, under any o-* prefix', async () => {
    const object = `${arn(BUCKETS.cloudtrail)}/AWSLogs/o-zzzzzzzzzz/777777777777/CloudTrail/x.json.gz`;
    const write = (sourceArn: string) =>
      simulate({
        principal: 'cloudtrail.amazonaws.com',
        action: 's3:PutObject',
        resource: object,
        resourceAccount: LOGGING,
        resourcePolicy: policies.cloudtrail,
        context: { 'aws:SourceArn': sourceArn, 's3:x-amz-acl': 'bucket-owner-full-control' },
      });
    expect(await write(TRAIL_ARN)).toBe('Allowed');
    expect(await write(`arn:aws:cloudtrail:eu-west-1:${MANAGEMENT}:trail/other`)).not.toBe('Allowed');
  });

  test('without organizationId, AWS Config delivers for the listed account ids only', async () => {
    const deliver = (sourceAccount: string) =>
      simulate({
        principal: 'config.amazonaws.com',
        action: 's3:PutObject',
        resource: `${arn(BUCKETS.config)}/AWSLogs/${sourceAccount}/Config/x.json.gz`,
        resourceAccount: LOGGING,
        resourcePolicy: policies.config,
        context: { 'aws:SourceAccount': sourceAccount, 's3:x-amz-acl': 'bucket-owner-full-control' },
      });
    expect(await deliver('666666666666')).toBe('Allowed');
    expect(await deliver('999999999999')).not.toBe('Allowed');
    const key = (sourceAccount: string) =>
      simulate({ principal: 'config.amazonaws.com', action: 'kms:GenerateDataKey', resource: `arn:aws:kms:eu-west-1:${LOGGING}:key/k`, resourceAccount: LOGGING, resourcePolicy: policies.keyPolicy, context: { 'aws:SourceAccount': sourceAccount } });
    expect(await key('666666666666')).toBe('Allowed');
    expect(await key('999999999999')).not.toBe('Allowed');
  });

  test('the security team reads the archive and decrypts through S3 only', async () => {
    const read = { principal: reader, identityPolicies: [{ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: '*' }] }] };
    expect(
      await simulate({ ...read, action: 's3:GetObject', resource: `${arn(BUCKETS.cloudtrail)}/AWSLogs/x`, resourceAccount: LOGGING, resourcePolicy: policies.cloudtrail }),
    ).toBe('Allowed');
    const keyArn = `arn:aws:kms:eu-west-1:${LOGGING}:key/k`;
    const decrypt = (context: Record<string, string>) => simulate({ ...read, action: 'kms:Decrypt', resource: keyArn, resourceAccount: LOGGING, resourcePolicy: policies.keyPolicy, context });
    expect(await decrypt({ 'kms:ViaService': 's3.eu-west-1.amazonaws.com' })).toBe('Allowed');
    expect(await decrypt({})).not.toBe('Allowed');
  });

  test('the security team cannot delete what it reads', async () => {
    expect(
      await simulate({ principal: reader, identityPolicies: S3_ADMIN, action: 's3:DeleteObject', resource: `${arn(BUCKETS.config)}/AWSLogs/x`, resourceAccount: LOGGING, resourcePolicy: policies.config }),
    ).toBe('ExplicitlyDenied');
    expect(await unknownActions(actionsIn(policies.cloudtrail, policies.keyPolicy))).toEqual([]);
  });
});

describe('log archive at scale', () => {
  test('bucket policies stay under 20 KB and the key policy under 32 KB with 1,000 accounts (organizationId set)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Naming, validateOrganization } = require('../../../accounts') as typeof import('../../../accounts');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const policies = require('../../../modules/logging/log-archive-policies') as typeof import('../../../modules/logging/log-archive-policies');
    const input: any = exampleCopy();
    for (let i = 0; i < 1000; i++) {
      const id = String(100000000000 + i);
      input.accounts.push({ name: `app-${i}`, id, email: `aws-app-${i}@example.com`, role: 'workload', environment: 'prod', ou: 'Workloads/Prod', pciScope: 'cde' });
    }
    const names = new Naming(validateOrganization(input));
    const tls = { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['x', 'x/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    const size = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }).length;
    expect(size([tls, ...policies.configBucketStatements(names, arn(BUCKETS.config))])).toBeLessThan(20 * 1024);
    expect(size([tls, ...policies.cloudTrailBucketStatements(names, arn(BUCKETS.cloudtrail))])).toBeLessThan(20 * 1024);
    expect(size(policies.logKeyStatements(names))).toBeLessThan(32 * 1024 - 2000);
  });
});

describe('SecureBucket encryption option the access log bucket relies on', () => {
  test('fails when SSE-KMS is left as default without a key, naming the fix', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SecureBucket } = require('../../../modules/storage/secure-bucket') as typeof import('../../../modules/storage/secure-bucket');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { synthConstructs } = require('../../helpers/synth') as typeof import('../../helpers/synth');
    expect(() => synthConstructs((scope) => new SecureBucket(scope, 'b', { bucketName: 'acme-x' }))).toThrow(
      'SecureBucket acme-x: SSE-KMS needs kmsKeyArn; fix: pass the key ARN, or encryption: "SSE-S3" for an access log target bucket',
    );
  });
});
