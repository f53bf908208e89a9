/**
 * The AWS::Config::RemediationConfiguration resources the pack generator embeds, validated against
 * the CloudFormation resource specification (@aws-cdk/aws-service-spec).
 */
import { exampleOrganization } from '../../../accounts/example';
import { Naming, validateOrganization } from '../../../accounts';
import { bindingNames } from '../../../remediations/deployment';
import { REMEDIATION_DEFAULTS, remediationConfiguration, resolvePlaceholders, unsetNames, type RemediationContext } from '../../../remediations/automation/remediation-configuration';
import { BOUND, REMEDIATION_BINDINGS } from '../../../remediations/bindings';
import { catalogRule } from '../../../remediations/catalog';
import { configRuleResource, logicalId } from '../../../remediations/conformance-packs';
import { validateTemplate } from '../cfn-spec';

const names = new Naming(validateOrganization(exampleOrganization));
const ctx: RemediationContext = {
  remediationRoleName: names.remediationRoleName,
  documentName: (id) => names.remediationDocumentName(id),
  names: bindingNames(names),
};
/** The same organization with the optional S3 replication destination configured. */
const configured: RemediationContext = {
  ...ctx,
  names: { ...ctx.names, replicationDestinationBucketArn: 'arn:aws:s3:::acme-pci-replica', replicationReplicaKmsKeyArn: 'arn:aws:kms:eu-central-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
};
const resourceOf = (rule: string) => remediationConfiguration(rule, REMEDIATION_BINDINGS[rule], ctx)!;

describe('remediation configurations', () => {
  test('every bound rule yields a resource valid against the CloudFormation specification, next to its rule', () => {
    const resources: Record<string, unknown> = {};
    for (const rule of Object.keys(BOUND)) {
      const { logicalId: id, resource } = remediationConfiguration(rule, BOUND[rule], configured)!;
      resources[logicalId(rule)] = configRuleResource(catalogRule(rule));
      resources[id] = resource;
    }
    expect(Object.keys(resources)).toHaveLength(2 * Object.keys(BOUND).length);
    expect(validateTemplate({ Resources: resources as never })).toEqual([]);
  });

  const withRule = (rule: string, resource: unknown) => ({ [logicalId(rule)]: configRuleResource(catalogRule(rule)), X: resource }) as never;

  test('the specification check catches a misspelt property and a DependsOn naming no resource', () => {
    const { resource } = resourceOf('s3-bucket-versioning-enabled');
    const broken = { ...resource, Properties: { ...resource.Properties, MaximumAutomaticAttempt: 5 } };
    expect(validateTemplate({ Resources: withRule('s3-bucket-versioning-enabled', broken) })).toEqual([expect.stringMatching(/MaximumAutomaticAttempt: no such property/)]);
    expect(validateTemplate({ Resources: { X: resource } })).toEqual(['Resources.X.DependsOn: S3BucketVersioningEnabled is no other resource of the template']);
  });

  test('the specification check accepts Fn::Sub of pseudo parameters in strings, and rejects other variables or intrinsics', () => {
    const rule = 'cloud-trail-cloud-watch-logs-enabled';
    const { resource } = resourceOf(rule);
    const withValue = (value: unknown) => ({ ...resource, Properties: { ...resource.Properties, Parameters: { ...(resource.Properties.Parameters as object), X: { StaticValue: { Values: [value] } } } } });
    expect(validateTemplate({ Resources: withRule(rule, withValue({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${!Literal}' })) })).toEqual([]);
    expect(validateTemplate({ Resources: withRule(rule, withValue({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${Account}:role/x' })) })).toEqual([
      expect.stringMatching(/StaticValue\.Values\[0\]: Fn::Sub variable \$\{Account\} is no pseudo parameter/),
    ]);
    expect(validateTemplate({ Resources: withRule(rule, withValue({ 'Fn::ImportValue': 'RoleArn' })) })).toEqual([expect.stringMatching(/StaticValue\.Values: .* is not a array/)]);
  });

  test('a rule whose decision is none yields no resource', () => {
    expect(remediationConfiguration('iam-group-has-users-check', REMEDIATION_BINDINGS['iam-group-has-users-check'], ctx)).toBeUndefined();
  });

  test('automatic: retry limits and concurrency bound, depends on its rule', () => {
    const { logicalId, resource } = resourceOf('s3-bucket-versioning-enabled');
    expect(logicalId).toBe('S3BucketVersioningEnabledRemediation');
    expect(resource.DependsOn).toBe('S3BucketVersioningEnabled');
    expect(resource.Properties).toEqual({
      ConfigRuleName: 's3-bucket-versioning-enabled',
      TargetType: 'SSM_DOCUMENT',
      // Our exemption wrapper of AWS-ConfigureS3BucketVersioning, with the parameters the runbook takes.
      TargetId: 'acme-pci-RunAWSConfigureS3BucketVersioning',
      Parameters: {
        AutomationAssumeRole: { StaticValue: { Values: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/acme-pci-remediation' }] } },
        BucketName: { ResourceValue: { Value: 'RESOURCE_ID' } },
        VersioningState: { StaticValue: { Values: ['Enabled'] } },
      },
      Automatic: true,
      MaximumAutomaticAttempts: REMEDIATION_DEFAULTS.maximumAutomaticAttempts,
      RetryAttemptSeconds: REMEDIATION_DEFAULTS.retryAttemptSeconds,
      ExecutionControls: { SsmControls: { ConcurrentExecutionRatePercentage: 10, ErrorPercentage: 10 } },
    });
  });

  test('manual: not automatic, no retry limits', () => {
    const { Properties } = resourceOf('restricted-ssh').resource;
    expect(Properties.Automatic).toBe(false);
    expect(Properties.MaximumAutomaticAttempts).toBeUndefined();
    expect(Properties.RetryAttemptSeconds).toBeUndefined();
  });

  test('our documents are targeted by their prefixed SSM name', () => {
    expect(resourceOf('ecr-private-image-scanning-enabled').resource.Properties.TargetId).toBe('acme-pci-EnableEcrImageScanOnPush');
  });

  test('account-level rules pass no resource id', () => {
    expect(resourceOf('ec2-ebs-encryption-by-default').resource.Properties.Parameters).toEqual({
      AutomationAssumeRole: { StaticValue: { Values: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/acme-pci-remediation' }] } },
    });
  });

  test('landing zone names are filled in, per-account values become Fn::Sub', () => {
    const params = resourceOf('cloud-trail-cloud-watch-logs-enabled').resource.Properties.Parameters as Record<string, any>;
    expect(params.CloudWatchLogsRoleArn).toEqual({ StaticValue: { Values: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/acme-pci-cloudtrail-logs' }] } });
    expect(params.CloudWatchLogsLogGroupArn.StaticValue.Values[0]['Fn::Sub']).toBe(
      'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/acme-pci/cloudtrail/organization-trail:*',
    );
    expect((resourceOf('cloudtrail-enabled').resource.Properties.Parameters as any).BucketName).toEqual({ StaticValue: { Values: [names.cloudTrailBucket] } });
  });

  test('S3 replication: configured, the destination, replica key and per-account replication role are static values', () => {
    const { resource } = remediationConfiguration('s3-bucket-replication-enabled', REMEDIATION_BINDINGS['s3-bucket-replication-enabled'], configured)!;
    expect(resource.Properties).toMatchObject({
      TargetId: 'acme-pci-EnableS3BucketReplication',
      Automatic: false,
      Parameters: {
        BucketName: { ResourceValue: { Value: 'RESOURCE_ID' } },
        DestinationBucketArn: { StaticValue: { Values: ['arn:aws:s3:::acme-pci-replica'] } },
        ReplicaKmsKeyArn: { StaticValue: { Values: ['arn:aws:kms:eu-central-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab'] } },
        ReplicationRoleArn: { StaticValue: { Values: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/acme-pci-s3-replication' }] } },
      },
    });
  });

  test('S3 replication: without a configured destination, no remediation configuration (its parameters would be fixed without one)', () => {
    const binding = REMEDIATION_BINDINGS['s3-bucket-replication-enabled'];
    expect(binding.decision).toBe('manual');
    expect(unsetNames(binding, ctx.names)).toEqual(['replicationDestinationBucketArn', 'replicationReplicaKmsKeyArn']);
    expect(remediationConfiguration('s3-bucket-replication-enabled', binding, ctx)).toBeUndefined();
    expect(() => resolvePlaceholders('<replicationDestinationBucketArn>', ctx.names)).toThrow('placeholder <replicationDestinationBucketArn> in remediation parameter "<replicationDestinationBucketArn>" is not configured');
  });

  test('fails on an unknown placeholder, naming it and the fix', () => {
    expect(() => resolvePlaceholders('<nope>', ctx.names)).toThrow('unknown placeholder <nope> in remediation parameter "<nope>"; fix: add it to BindingNames');
  });
});
