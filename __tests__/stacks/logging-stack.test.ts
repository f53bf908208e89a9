import { resources, synthOrg } from '../helpers/synth';

const { stacks, manifest, zone } = synthOrg();
const logging = stacks.logging;
/** Terraform names of `type` created by the logging modules (log archive and organization trail). */
const ours = (type: string) => Object.keys(resources(logging, type)).filter((n) => n.startsWith('log-archive_') || n.startsWith('organization-trail_'));

describe('logging stack', () => {
  test('deploys into the logging account, after the management stack', () => {
    expect(logging.provider.aws[0].allowed_account_ids).toEqual(['222222222222']);
    expect(manifest.stacks.logging.dependencies).toContain('management');
    expect(zone.logging.node.id).toBe('logging');
  });

  test('holds the log archive: three buckets with their policies, Object Lock on the CloudTrail bucket, the log key', () => {
    expect(ours('aws_s3_bucket')).toHaveLength(3);
    expect(ours('aws_s3_bucket_policy')).toHaveLength(3);
    expect(ours('aws_s3_bucket_object_lock_configuration')).toHaveLength(1);
    expect(ours('aws_s3_bucket_lifecycle_configuration')).toHaveLength(3);
    expect(ours('aws_s3_bucket_logging')).toHaveLength(2);
  });

  test('holds the organization trail with its log group, role, keys, filters, alarms and topic (default trail owner)', () => {
    expect(ours('aws_cloudtrail')).toHaveLength(1);
    expect(ours('aws_cloudwatch_log_group')).toHaveLength(1);
    expect(ours('aws_iam_role')).toHaveLength(1);
    expect(ours('aws_iam_role_policy')).toHaveLength(1);
    expect(ours('aws_kms_key')).toHaveLength(2);
    // The 15 CIS AWS Foundations events and the use of the break-glass role.
    expect(ours('aws_cloudwatch_log_metric_filter')).toHaveLength(16);
    expect(ours('aws_cloudwatch_metric_alarm')).toHaveLength(16);
    expect(ours('aws_sns_topic')).toHaveLength(1);
  });

  test('the management stack holds no trail when the logging account owns it', () => {
    expect(resources(stacks.management, 'aws_cloudtrail')).toEqual({});
  });

  test('uses no data source that calls AWS', () => {
    expect(Object.keys(logging.data ?? {}).filter((t) => ['aws_caller_identity', 'aws_organizations_organization', 'aws_iam_policy_document'].includes(t))).toEqual([]);
  });
});

describe('logging stack: access logs of the archive', () => {
  const logging = synthOrg().stacks.logging;
  test('every log bucket but the access log bucket sends its server access logs to the access log bucket', () => {
    const buckets = Object.entries(resources(logging, 'aws_s3_bucket')).map(([key, b]: [string, any]) => ({ key, name: b.bucket as string }));
    const logged = new Set(Object.values(resources(logging, 'aws_s3_bucket_logging')).map((l: any) => l.bucket));
    const missing = buckets.filter((b) => !b.name.includes('-access-logs-') && !logged.has(`\${aws_s3_bucket.${b.key}.id}`)).map((b) => b.name);
    expect(buckets.length).toBeGreaterThanOrEqual(5);
    expect(missing).toEqual([]);
    for (const l of Object.values(resources(logging, 'aws_s3_bucket_logging')) as any[]) expect(l.target_bucket).toMatch(/aws_s3_bucket_policy\..*access-logs.*\.bucket/);
  });
});

describe('logging stack: creation order', () => {
  test('the organization trail waits for the CloudTrail bucket policy (CloudTrail checks it at creation)', () => {
    const logging = synthOrg().stacks.logging;
    const trail = Object.values(resources(logging, 'aws_cloudtrail'))[0] as any;
    const policyName = Object.keys(resources(logging, 'aws_s3_bucket_policy')).find((n) => n.startsWith('log-archive_cloudtrail_'))!;
    expect(trail.depends_on).toContain(`aws_s3_bucket_policy.${policyName}`);
  });
});
