import type { AutomationDocument } from '../model';
import { arnHere } from './context';

/*
 * Documents bound as manual remediations: each changes who can reach a resource or how clients
 * connect, so a person runs it after checking the consumers (remediation configured, run from
 * the Config console or CLI).
 */

/** s3-bucket-acl-prohibited: disables ACLs (bucket owner enforced); writers that rely on ACL grants stop working. */
export const disableS3BucketAcls = (): AutomationDocument => ({
  id: 'DisableS3BucketAcls',
  description: 'Sets object ownership to bucket owner enforced, which disables ACLs (s3-bucket-acl-prohibited).',
  parameters: { BucketName: { type: 'String', description: 'Bucket name (the Config resource id).' } },
  resourceArn: 'arn:{{ global:AWS_PARTITION }}:s3:::{{ BucketName }}',
  steps: [
    {
      name: 'EnforceBucketOwner',
      action: 'aws:executeAwsApi',
      inputs: { Service: 's3', Api: 'PutBucketOwnershipControls', Bucket: '{{ BucketName }}', OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } },
    },
    {
      name: 'AssertAclsDisabled',
      action: 'aws:assertAwsResourceProperty',
      inputs: {
        Service: 's3',
        Api: 'GetBucketOwnershipControls',
        Bucket: '{{ BucketName }}',
        PropertySelector: '$.OwnershipControls.Rules[0].ObjectOwnership',
        DesiredValues: ['BucketOwnerEnforced'],
      },
    },
  ],
});

/** eks-endpoint-no-public-access: makes the API endpoint private; kubectl from outside the VPC stops working. */
export const disableEksPublicEndpoint = (): AutomationDocument => ({
  id: 'DisableEksPublicEndpoint',
  description: 'Turns the EKS API endpoint private-only (eks-endpoint-no-public-access).',
  parameters: { ClusterName: { type: 'String', description: 'Cluster name (the Config resource id).' } },
  resourceArn: arnHere('eks', 'cluster/{{ ClusterName }}'),
  steps: [
    {
      name: 'MakeEndpointPrivate',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'eks', Api: 'UpdateClusterConfig', name: '{{ ClusterName }}', resourcesVpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true } },
    },
    {
      name: 'WaitPrivate',
      action: 'aws:waitForAwsResourceProperty',
      timeoutSeconds: 3600,
      inputs: { Service: 'eks', Api: 'DescribeCluster', name: '{{ ClusterName }}', PropertySelector: '$.cluster.resourcesVpcConfig.endpointPublicAccess', DesiredValues: ['False'] },
    },
  ],
});

/** transfer-family-server-no-ftp: restricts a Transfer Family server to SFTP; FTP (and FTPS) clients are cut. */
export const restrictTransferServerToSftp = (): AutomationDocument => ({
  id: 'RestrictTransferServerToSftp',
  description: 'Restricts an AWS Transfer Family server to SFTP (transfer-family-server-no-ftp).',
  parameters: { ServerId: { type: 'String', description: 'Server id (the Config resource id).' } },
  resourceArn: arnHere('transfer', 'server/{{ ServerId }}'),
  steps: [
    { name: 'SftpOnly', action: 'aws:executeAwsApi', inputs: { Service: 'transfer', Api: 'UpdateServer', ServerId: '{{ ServerId }}', Protocols: ['SFTP'] } },
    {
      name: 'AssertSftpOnly',
      action: 'aws:assertAwsResourceProperty',
      inputs: { Service: 'transfer', Api: 'DescribeServer', ServerId: '{{ ServerId }}', PropertySelector: '$.Server.Protocols[0]', DesiredValues: ['SFTP'] },
    },
  ],
});

/**
 * opensearch-node-to-node-encryption-check / elasticsearch-node-to-node-encryption-check: turns on
 * node-to-node encryption, which runs a blue/green deployment of the domain.
 */
export const enableOpenSearchNodeToNodeEncryption = (): AutomationDocument => ({
  id: 'EnableOpenSearchNodeToNodeEncryption',
  description: 'Enables node-to-node encryption on an OpenSearch or Elasticsearch domain (blue/green deployment) (opensearch-node-to-node-encryption-check).',
  parameters: { DomainName: { type: 'String', description: 'Domain name (the Config resource id).' } },
  resourceArn: arnHere('es', 'domain/{{ DomainName }}'),
  steps: [
    {
      name: 'EnableNodeToNode',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'opensearch', Api: 'UpdateDomainConfig', DomainName: '{{ DomainName }}', NodeToNodeEncryptionOptions: { Enabled: true } },
    },
    {
      name: 'WaitEncrypted',
      action: 'aws:waitForAwsResourceProperty',
      timeoutSeconds: 7200,
      inputs: {
        Service: 'opensearch',
        Api: 'DescribeDomain',
        DomainName: '{{ DomainName }}',
        PropertySelector: '$.DomainStatus.NodeToNodeEncryptionOptions.Enabled',
        DesiredValues: ['True'],
      },
    },
  ],
});

/** macie-auto-sensitive-data-discovery-check: starts automated sensitive data discovery (Macie administrator account; cost). */
export const enableMacieAutomatedDiscovery = (): AutomationDocument => ({
  id: 'EnableMacieAutomatedDiscovery',
  description: 'Enables Macie automated sensitive data discovery (macie-auto-sensitive-data-discovery-check).',
  parameters: {},
  steps: [
    { name: 'EnableDiscovery', action: 'aws:executeAwsApi', inputs: { Service: 'macie2', Api: 'UpdateAutomatedDiscoveryConfiguration', status: 'ENABLED' } },
    {
      name: 'AssertEnabled',
      action: 'aws:assertAwsResourceProperty',
      inputs: { Service: 'macie2', Api: 'GetAutomatedDiscoveryConfiguration', PropertySelector: '$.status', DesiredValues: ['ENABLED'] },
    },
  ],
});

/**
 * elastic-beanstalk-managed-updates-enabled: turns on managed platform updates (minor and patch) in a
 * weekly window. Updates replace instances (immutable deployment), so a person confirms the
 * environment holds no state on its instances.
 */
export const enableBeanstalkManagedUpdates = (): AutomationDocument => ({
  id: 'EnableBeanstalkManagedUpdates',
  description: 'Enables managed platform updates (minor level, Sunday 03:00 UTC window) on an Elastic Beanstalk environment (elastic-beanstalk-managed-updates-enabled).',
  parameters: { EnvironmentId: { type: 'String', description: 'Environment id (the Config resource id).' } },
  steps: [
    {
      name: 'EnableManagedUpdates',
      action: 'aws:executeAwsApi',
      inputs: {
        Service: 'elasticbeanstalk',
        Api: 'UpdateEnvironment',
        EnvironmentId: '{{ EnvironmentId }}',
        OptionSettings: [
          { Namespace: 'aws:elasticbeanstalk:managedactions', OptionName: 'ManagedActionsEnabled', Value: 'true' },
          { Namespace: 'aws:elasticbeanstalk:managedactions', OptionName: 'PreferredStartTime', Value: 'Sun:03:00' },
          { Namespace: 'aws:elasticbeanstalk:managedactions:platformupdate', OptionName: 'UpdateLevel', Value: 'minor' },
        ],
      },
    },
    {
      name: 'WaitReady',
      action: 'aws:waitForAwsResourceProperty',
      timeoutSeconds: 3600,
      inputs: {
        Service: 'elasticbeanstalk',
        Api: 'DescribeEnvironments',
        EnvironmentIds: ['{{ EnvironmentId }}'],
        PropertySelector: '$.Environments[0].Status',
        DesiredValues: ['Ready'],
      },
    },
  ],
});
