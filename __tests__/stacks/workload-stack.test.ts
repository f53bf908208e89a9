import { exampleCopy, parsePolicy, resources, synthOrg } from '../helpers/synth';
import { actionsIn, simulate, unknownActions } from '../helpers/iam';

const { stacks } = synthOrg();
const ACCOUNT_STACKS = ['management', 'logging', 'auth', 'transversal', 'dev', 'staging', 'prod'];
/** Regions of an account in the example: prod also works in eu-central-1. */
const regionCount = (name: string) => (name === 'prod' ? 2 : 1);
const PROD = '777777777777';

describe('account defaults, every account stack', () => {
  test.each(ACCOUNT_STACKS)('%s: EBS encryption by default with a customer managed key in each of its regions', (name) => {
    const stack = stacks[name];
    const regions = regionCount(name);
    expect(Object.values(resources(stack, 'aws_ebs_encryption_by_default')).map((r: any) => r.enabled)).toEqual(Array(regions).fill(true));
    const defaults = Object.values(resources(stack, 'aws_ebs_default_kms_key')) as any[];
    expect(defaults).toHaveLength(regions);
    for (const d of defaults) expect(d.key_arn).toMatch(/^\$\{aws_kms_key\.baseline_defaults_ebs-key-[\w-]+\.arn\}$/);
    const keys = Object.entries(resources(stack, 'aws_kms_key')).filter(([n]) => n.includes('ebs-key'));
    for (const [, key] of keys) expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
  });

  test.each(ACCOUNT_STACKS)('%s: IMDSv2 required for new instances in each of its regions', (name) => {
    const stack = stacks[name];
    const imds = Object.values(resources(stack, 'aws_ec2_instance_metadata_defaults')) as any[];
    expect(imds).toHaveLength(regionCount(name));
    for (const d of imds) expect(d).toMatchObject({ http_tokens: 'required', http_endpoint: 'enabled' });
  });

  test('the EBS key serves the account through EC2 and the Auto Scaling role, and nobody else', async () => {
    const keys = resources(stacks.prod, 'aws_kms_key');
    const name = Object.keys(keys).find((n) => n.includes('ebs-key-eu-central-1'))!;
    const policy = parsePolicy(keys[name].policy);
    const key = `arn:aws:kms:eu-central-1:${PROD}:key/k`;
    const ask = (principal: string, action: string, context: Record<string, string>) =>
      simulate({ principal, action, resource: key, resourceAccount: PROD, resourcePolicy: policy, context });
    const viaEc2 = { 'kms:CallerAccount': PROD, 'kms:ViaService': 'ec2.eu-central-1.amazonaws.com' };
    expect(await ask(`arn:aws:iam::${PROD}:role/app`, 'kms:GenerateDataKeyWithoutPlaintext', viaEc2)).toBe('Allowed');
    expect(await ask(`arn:aws:iam::${PROD}:role/app`, 'kms:Decrypt', { 'kms:CallerAccount': PROD, 'kms:ViaService': 's3.eu-central-1.amazonaws.com' })).not.toBe('Allowed');
    expect(await ask('arn:aws:iam::999999999999:role/x', 'kms:Decrypt', { 'kms:CallerAccount': '999999999999', 'kms:ViaService': 'ec2.eu-central-1.amazonaws.com' })).not.toBe('Allowed');
    const asg = `arn:aws:iam::${PROD}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
    // The simulator does not derive aws:PrincipalArn for a service-linked role path; AWS does, so it is set here.
    const asAsg = { 'aws:PrincipalArn': asg };
    expect(await ask(asg, 'kms:Decrypt', asAsg)).toBe('Allowed');
    expect(await ask(asg, 'kms:CreateGrant', { ...asAsg, 'kms:GrantIsForAWSResource': 'true' })).toBe('Allowed');
    expect(await ask(asg, 'kms:CreateGrant', { ...asAsg, 'kms:GrantIsForAWSResource': 'false' })).not.toBe('Allowed');
    expect(await ask(asg, 'kms:ScheduleKeyDeletion', asAsg)).not.toBe('Allowed');
    const other = `arn:aws:iam::${PROD}:role/other`;
    expect(await ask(other, 'kms:Decrypt', { 'aws:PrincipalArn': other })).not.toBe('Allowed');
  });
});

describe('workload stack', () => {
  test('dev, staging and prod each get their VPC from the config', () => {
    const cidr = (name: string) => (Object.values(resources(stacks[name], 'aws_vpc')) as any[]).map((v) => v.cidr_block);
    expect(cidr('dev')).toEqual(['10.10.0.0/16']);
    expect(cidr('staging')).toEqual(['10.20.0.0/16']);
    expect(cidr('prod')).toEqual(['10.30.0.0/16']);
    for (const name of ['management', 'logging', 'auth', 'transversal']) expect(resources(stacks[name], 'aws_vpc')).toEqual({});
  });

  test('a workload account without a VPC entry gets none', () => {
    const org: any = exampleCopy();
    delete org.network.vpcs.dev;
    const grown = synthOrg(org);
    expect(resources(grown.stacks.dev, 'aws_vpc')).toEqual({});
    expect(resources(grown.stacks.dev, 'aws_networkfirewall_firewall')).toEqual({});
  });

  test('every VPC has flow logs of all traffic and an empty default security group', () => {
    for (const name of ['dev', 'staging', 'prod']) {
      expect((Object.values(resources(stacks[name], 'aws_flow_log')) as any[]).map((f) => f.traffic_type)).toEqual(['ALL']);
      const sg = Object.values(resources(stacks[name], 'aws_default_security_group')) as any[];
      expect(sg).toHaveLength(1);
      expect([sg[0].ingress, sg[0].egress]).toEqual([undefined, undefined]);
    }
  });
});

describe('policies of issue 9 resources', () => {
  test('name only actions that exist in the IAM catalogue, never a wildcard', async () => {
    const policies: string[] = [];
    const collect = (stack: string, type: string, prefix: RegExp) =>
      Object.entries(resources(stacks[stack], type)).filter(([n]) => prefix.test(n)).forEach(([, r]: any) => policies.push(r.policy));
    collect('prod', 'aws_kms_key', /ebs-key|network_key/);
    collect('logging', 'aws_kms_key', /flow-log-archive|security-services/);
    collect('logging', 'aws_s3_bucket_policy', /flow-log-archive|security-services/);
    expect(policies.length).toBeGreaterThanOrEqual(6);
    const actions = actionsIn(...policies).filter((a) => a !== 's3:*'); // s3:* only in SecureBucket's TLS-only deny
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    expect(await unknownActions(actions)).toEqual([]);
  });
});
