import { exampleCopy, onlyResource, resources, synthOrg } from '../../helpers/synth';

const { stacks, zone } = synthOrg();
const accountStacks = zone.all.filter((s) => s.node.id !== 'bootstrap' && s.node.id !== 'compliance').map((s) => s.node.id);

const byProvider = (stack: (typeof stacks)[string], type: string) =>
  Object.fromEntries(Object.values(resources(stack, type)).map((r: any) => [r.provider ?? 'aws', r])) as Record<string, any>;

describe('AWS Config in every account stack', () => {
  test('covers the account stacks of the example organization', () => {
    expect(accountStacks.sort()).toEqual(['auth', 'dev', 'logging', 'management', 'prod', 'staging', 'transversal']);
  });

  test.each(accountStacks)('%s: recorder, delivery channel and recorder status in each of its regions', (name) => {
    const stack = stacks[name];
    const regions = zone.all.find((s) => s.node.id === name)!.regions;
    for (const type of ['aws_config_configuration_recorder', 'aws_config_delivery_channel', 'aws_config_configuration_recorder_status'])
      expect([type, Object.keys(resources(stack, type)).length]).toEqual([type, regions.length]);
  });

  test.each(accountStacks)('%s: records every supported type, global types in the home region only', (name) => {
    const recorders = byProvider(stacks[name], 'aws_config_configuration_recorder');
    expect(recorders.aws.recording_group).toEqual({ all_supported: true, include_global_resource_types: true });
    for (const [provider, recorder] of Object.entries(recorders))
      if (provider !== 'aws') expect(recorder.recording_group).toEqual({ all_supported: true, include_global_resource_types: false });
  });

  test('prod records in both its regions; an account in one region records once', () => {
    expect(Object.keys(byProvider(stacks.prod, 'aws_config_configuration_recorder')).sort()).toEqual(['aws', 'aws.eu-central-1']);
    expect(Object.keys(byProvider(stacks.dev, 'aws_config_configuration_recorder'))).toEqual(['aws']);
  });

  test('the recorder uses the Config service-linked role, created once per account before it', () => {
    const roles = Object.entries(resources(stacks.prod, 'aws_iam_service_linked_role')).filter(([, r]) => r.aws_service_name === 'config.amazonaws.com');
    expect(roles).toHaveLength(1);
    for (const recorder of Object.values(resources(stacks.prod, 'aws_config_configuration_recorder'))) {
      expect(recorder.role_arn).toBe('arn:aws:iam::777777777777:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig');
      expect(recorder.depends_on).toEqual([`aws_iam_service_linked_role.${roles[0][0]}`]);
      expect(recorder.recording_mode).toEqual({ recording_frequency: 'CONTINUOUS' });
    }
  });

  test('delivers every region to the log archive Config bucket in the home region, after the recorder', () => {
    for (const [provider, channel] of Object.entries(byProvider(stacks.prod, 'aws_config_delivery_channel'))) {
      expect([provider, channel.s3_bucket_name]).toEqual([provider, 'acme-pci-config-222222222222-eu-west-1']);
      expect(channel.depends_on[0]).toMatch(/^aws_config_configuration_recorder\./);
      expect(channel.snapshot_delivery_properties).toEqual({ delivery_frequency: 'TwentyFour_Hours' });
      // No alias ARN: the API takes a key ARN; the bucket's default SSE-KMS encryption applies.
      expect(channel.s3_kms_key_arn).toBeUndefined();
    }
  });

  test('in the log archive account, delivers only once the Config bucket policy exists', () => {
    const channel = onlyResource(stacks.logging, 'aws_config_delivery_channel');
    const policy = Object.entries(resources(stacks.logging, 'aws_s3_bucket_policy')).find(([name]) => name.includes('config'))!;
    expect(channel.depends_on).toContain(`aws_s3_bucket_policy.${policy[0]}`);
  });

  test('starts the recorder once the delivery channel exists', () => {
    for (const status of Object.values(resources(stacks.prod, 'aws_config_configuration_recorder_status'))) {
      expect(status.is_enabled).toBe(true);
      expect(status.depends_on[0]).toMatch(/^aws_config_delivery_channel\./);
      expect(status.name).toMatch(/^\$\{aws_config_configuration_recorder\..*\.name\}$/);
    }
  });

  test('an account that adds a region gets a recorder there', () => {
    const input = exampleCopy();
    input.accounts.find((a) => a.name === 'dev')!.regions = ['eu-central-1'];
    const { stacks: changed } = synthOrg(input);
    expect(Object.keys(byProvider(changed.dev, 'aws_config_configuration_recorder')).sort()).toEqual(['aws', 'aws.eu-central-1']);
  });
});
