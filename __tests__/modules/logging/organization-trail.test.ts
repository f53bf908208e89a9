import { SECURITY_EVENTS, breakGlassEvent } from '../../../modules/logging/security-events';

/** The CIS events plus the use of the break-glass role. */
const WATCHED = [...SECURITY_EVENTS, breakGlassEvent('acme-pci-break-glass')];
import { exampleCopy, parsePolicy, resources, synthOrg, type StackJson } from '../../helpers/synth';
import { actionsIn, simulate, unknownActions } from '../../helpers/iam';

const LOGGING = '222222222222';
const MANAGEMENT = '111111111111';
const LOG_GROUP_ARN = `arn:aws:logs:eu-west-1:${LOGGING}:log-group:/acme-pci/cloudtrail/organization-trail`;

function named(stack: StackJson, type: string, prefix: string): any {
  const found = Object.entries(resources(stack, type)).filter(([name]) => name.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one ${type} named ${prefix}*, found ${found.length}`);
  return found[0][1];
}
function ref(stack: StackJson, type: string, prefix: string, attribute: string): string {
  const name = Object.keys(resources(stack, type)).find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no ${type} named ${prefix}*`);
  return `\${${type}.${name}.${attribute}}`;
}
const inTrail = (stack: StackJson, type: string) => Object.entries(resources(stack, type)).filter(([name]) => name.startsWith('organization-trail_'));

const logging = synthOrg().stacks.logging;
const trail = named(logging, 'aws_cloudtrail', 'organization-trail_');

describe('organization trail defaults (created by the logging account)', () => {
  test('is an organization trail, multi-region, with global service events and log file validation', () => {
    expect(trail).toMatchObject({
      name: 'acme-pci-organization-trail',
      is_organization_trail: true,
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
    });
  });

  test('delivers to the CloudTrail bucket, encrypted with the log archive key', () => {
    expect(trail.s3_bucket_name).toBe(`acme-pci-cloudtrail-${LOGGING}-eu-west-1`);
    expect(trail.kms_key_id).toBe(ref(logging, 'aws_kms_key', 'log-archive_key_', 'arn'));
  });

  test('records all management events, and no data events unless CDE buckets are configured', () => {
    expect(trail.advanced_event_selector).toEqual([{ name: 'All management events', field_selector: [{ field: 'eventCategory', equals: ['Management'] }] }]);
  });

  test('sends a copy to its KMS-encrypted log group through its role, created first', () => {
    expect(trail.cloud_watch_logs_group_arn).toBe(`${ref(logging, 'aws_cloudwatch_log_group', 'organization-trail_', 'arn')}:*`);
    expect(trail.cloud_watch_logs_role_arn).toBe(ref(logging, 'aws_iam_role', 'organization-trail_', 'arn'));
    // The role's policy first (CloudTrail checks it can write the log group), and the bucket policy (checked at creation too).
    expect(trail.depends_on).toEqual([
      ref(logging, 'aws_iam_role_policy', 'organization-trail_', 'id').replace(/^\$\{|\.id\}$/g, ''),
      ref(logging, 'aws_s3_bucket_policy', 'log-archive_cloudtrail_', 'id').replace(/^\$\{|\.id\}$/g, ''),
    ]);
  });

  test('log group keeps events 365 days, encrypted with the monitoring key, and survives destroy', () => {
    expect(named(logging, 'aws_cloudwatch_log_group', 'organization-trail_')).toMatchObject({
      name: '/acme-pci/cloudtrail/organization-trail',
      retention_in_days: 365,
      kms_key_id: ref(logging, 'aws_kms_key', 'organization-trail_', 'arn'),
      skip_destroy: true,
      lifecycle: { prevent_destroy: true },
    });
  });

  test('the monitoring key rotates and has its own alias', () => {
    expect(named(logging, 'aws_kms_key', 'organization-trail_')).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(named(logging, 'aws_kms_alias', 'organization-trail_').name).toBe('alias/acme-pci-trail-monitoring');
  });
});

describe('trail log role, evaluated', () => {
  const role = named(logging, 'aws_iam_role', 'organization-trail_');
  const policy = parsePolicy(named(logging, 'aws_iam_role_policy', 'organization-trail_').policy);
  const roleArn = `arn:aws:iam::${LOGGING}:role/acme-pci-cloudtrail-logs`;
  const request = (action: string, resource: string) => simulate({ principal: roleArn, identityPolicies: [policy], action, resource, resourceAccount: LOGGING });

  test('is assumable by CloudTrail only', () => {
    expect(role.name).toBe('acme-pci-cloudtrail-logs');
    expect(parsePolicy(role.assume_role_policy).Statement).toEqual([{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
  });

  test('writes log streams of the trail log group only', async () => {
    const stream = `${LOG_GROUP_ARN}:log-stream:o-a1b2c3d4e5_777777777777_CloudTrail_eu-west-1`;
    expect(await request('logs:CreateLogStream', stream)).toBe('Allowed');
    expect(await request('logs:PutLogEvents', stream)).toBe('Allowed');
    expect(await request('logs:PutLogEvents', `arn:aws:logs:eu-west-1:${LOGGING}:log-group:other:log-stream:x`)).not.toBe('Allowed');
    expect(await request('logs:DeleteLogGroup', LOG_GROUP_ARN)).not.toBe('Allowed');
    expect(actionsIn(policy)).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(await unknownActions(actionsIn(policy, role.assume_role_policy))).toEqual([]);
  });
});

describe('monitoring key policy', () => {
  const policy = parsePolicy(named(logging, 'aws_kms_key', 'organization-trail_').policy);
  const keyArn = `arn:aws:kms:eu-west-1:${LOGGING}:key/k`;

  test('lets CloudWatch Logs use it for the trail log group only (encryption context, asserted as written)', () => {
    const logs = policy.Statement.find((s) => s.Sid === 'CloudWatchLogsEncryptsTrailLogGroup');
    expect(logs.Principal).toEqual({ Service: 'logs.eu-west-1.amazonaws.com' });
    expect(logs.Condition).toEqual({ ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': LOG_GROUP_ARN } });
  });

  test('lets CloudWatch alarms publish to the encrypted topic, and no member account decrypt', async () => {
    const kms = (principal: string, action: string) => simulate({ principal, action, resource: keyArn, resourceAccount: LOGGING, resourcePolicy: policy });
    expect(await kms('cloudwatch.amazonaws.com', 'kms:GenerateDataKey')).toBe('Allowed');
    expect(await kms('cloudwatch.amazonaws.com', 'kms:ScheduleKeyDeletion')).not.toBe('Allowed');
    expect(
      await simulate({ principal: 'arn:aws:iam::777777777777:role/Admin', identityPolicies: [{ Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }], action: 'kms:Decrypt', resource: keyArn, resourceAccount: LOGGING, resourcePolicy: policy }),
    ).not.toBe('Allowed');
    expect(await unknownActions(actionsIn(policy))).toEqual([]);
  });
});

describe('security alarms', () => {
  const filters = inTrail(logging, 'aws_cloudwatch_log_metric_filter').map(([, f]) => f);
  const alarms = inTrail(logging, 'aws_cloudwatch_metric_alarm').map(([, a]) => a);
  const topicArn = ref(logging, 'aws_sns_topic', 'organization-trail_', 'arn');

  test('one metric filter on the trail log group per security event, with the catalogued pattern', () => {
    expect(filters.map((f) => f.name).sort()).toEqual(WATCHED.map((e) => `acme-pci-${e.id}`).sort());
    for (const event of WATCHED) {
      const filter = filters.find((f) => f.name === `acme-pci-${event.id}`);
      expect(filter.pattern).toBe(event.pattern);
      expect(filter.log_group_name).toBe(ref(logging, 'aws_cloudwatch_log_group', 'organization-trail_', 'name'));
      expect(filter.metric_transformation).toMatchObject({ namespace: 'acme-pci/SecurityEvents', value: '1' });
    }
  });

  test('any call by a break-glass session, global services included, raises an alarm', () => {
    const filter = filters.find((f) => f.name === 'acme-pci-break-glass-role-used');
    expect(filter.pattern).toBe('{ $.userIdentity.sessionContext.sessionIssuer.userName = "acme-pci-break-glass" }');
  });

  test('one alarm per filter: any matching event in 5 minutes notifies the topic', () => {
    expect(alarms).toHaveLength(WATCHED.length);
    for (const alarm of alarms) {
      const filter = filters.find((f) => f.name === alarm.alarm_name);
      expect(alarm).toMatchObject({
        namespace: 'acme-pci/SecurityEvents',
        metric_name: filter.metric_transformation.name,
        statistic: 'Sum',
        period: 300,
        evaluation_periods: 1,
        threshold: 1,
        comparison_operator: 'GreaterThanOrEqualToThreshold',
        treat_missing_data: 'notBreaching',
        alarm_actions: [topicArn],
      });
      expect(alarm.alarm_description).toMatch(/\((CIS AWS Foundations 4\.\d+; )?PCI DSS 10\.2\.1\.\d.*10\.4\.1\.1\)$/);
    }
  });

  test('the topic is KMS-encrypted and the configured emails subscribe', () => {
    expect(named(logging, 'aws_sns_topic', 'organization-trail_')).toMatchObject({
      name: 'acme-pci-security-alarms',
      kms_master_key_id: ref(logging, 'aws_kms_key', 'organization-trail_', 'arn'),
    });
    expect(inTrail(logging, 'aws_sns_topic_subscription').map(([, s]) => [s.protocol, s.endpoint, s.topic_arn])).toEqual([['email', 'security-alerts@example.com', topicArn]]);
  });

  test('topic policy: only this account\'s alarms publish, over TLS', async () => {
    const policy = parsePolicy(named(logging, 'aws_sns_topic_policy', 'organization-trail_').policy);
    const topic = `arn:aws:sns:eu-west-1:${LOGGING}:acme-pci-security-alarms`;
    const publish = (principal: string, context: Record<string, string>) =>
      simulate({ principal, action: 'sns:Publish', resource: topic, resourceAccount: LOGGING, resourcePolicy: policy, context });
    const alarm = `arn:aws:cloudwatch:eu-west-1:${LOGGING}:alarm:acme-pci-root-account-usage`;
    expect(await publish('cloudwatch.amazonaws.com', { 'aws:SourceArn': alarm, 'aws:SourceAccount': LOGGING })).toBe('Allowed');
    expect(await publish('cloudwatch.amazonaws.com', { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-1:999999999999:alarm:x', 'aws:SourceAccount': '999999999999' })).not.toBe('Allowed');
    expect(await publish('anonymous', {})).not.toBe('Allowed');
    expect(await publish('cloudwatch.amazonaws.com', { 'aws:SourceArn': alarm, 'aws:SourceAccount': LOGGING, 'aws:SecureTransport': 'false' })).toBe('ExplicitlyDenied');
    expect(actionsIn(policy)).not.toContain('sns:*');
    expect(await unknownActions(actionsIn(policy))).toEqual([]);
  });
});

describe('organization trail overrides', () => {
  const input: any = exampleCopy();
  input.logging = { logGroupRetentionDays: 731, alarmEmails: ['soc@example.com', 'ciso@example.com'], cdeDataEventBuckets: ['acme-cardholder-data'] };
  const stack = synthOrg(input).stacks.logging;

  test('records S3 object events of the configured CDE buckets', () => {
    expect(named(stack, 'aws_cloudtrail', 'organization-trail_').advanced_event_selector[1]).toEqual({
      name: 'S3 object events in CDE buckets',
      field_selector: [
        { field: 'eventCategory', equals: ['Data'] },
        { field: 'resources.type', equals: ['AWS::S3::Object'] },
        { field: 'resources.ARN', starts_with: ['arn:aws:s3:::acme-cardholder-data/'] },
      ],
    });
  });

  test('log group retention and alarm subscribers come from the config', () => {
    expect(named(stack, 'aws_cloudwatch_log_group', 'organization-trail_').retention_in_days).toBe(731);
    expect(inTrail(stack, 'aws_sns_topic_subscription').map(([, s]) => s.endpoint).sort()).toEqual(['ciso@example.com', 'soc@example.com']);
  });
});

describe('trail owned by the management account (logging.trailOwner: "management")', () => {
  const input: any = exampleCopy();
  input.logging = { trailOwner: 'management' };
  const { stacks } = synthOrg(input);

  test('the management stack creates the trail, its log group, role and alarms; the logging stack keeps the archive only', () => {
    const management = stacks.management;
    const trail = named(management, 'aws_cloudtrail', 'organization-trail_');
    expect(trail).toMatchObject({ name: 'acme-pci-organization-trail', is_organization_trail: true, enable_log_file_validation: true });
    // The key lives in another stack: its alias ARN, from the naming module.
    expect(trail.kms_key_id).toBe(`arn:aws:kms:eu-west-1:${LOGGING}:alias/acme-pci-logs`);
    expect(inTrail(management, 'aws_cloudwatch_metric_alarm')).toHaveLength(WATCHED.length);
    expect(parsePolicy(named(management, 'aws_iam_role_policy', 'organization-trail_').policy).Statement[0].Resource).toBe(
      `arn:aws:logs:eu-west-1:${MANAGEMENT}:log-group:/acme-pci/cloudtrail/organization-trail:log-stream:*`,
    );
    expect(resources(stacks.logging, 'aws_cloudtrail')).toEqual({});
    expect(inTrail(stacks.logging, 'aws_cloudwatch_log_group')).toEqual([]);
    expect(named(stacks.logging, 'aws_s3_bucket_policy', 'log-archive_cloudtrail_')).toBeDefined();
  });

  test('the trail ARN in the archive policies is the same: the management account owns the trail either way', () => {
    const policy = parsePolicy(named(stacks.logging, 'aws_s3_bucket_policy', 'log-archive_cloudtrail_').policy);
    expect(policy.Statement.find((s) => s.Sid === 'CloudTrailWrite').Condition.StringEquals['aws:SourceArn']).toBe(
      `arn:aws:cloudtrail:eu-west-1:${MANAGEMENT}:trail/acme-pci-organization-trail`,
    );
  });
});
