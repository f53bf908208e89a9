import type { AutomationDocument } from '../model';

/**
 * rds-instance-iam-authentication-enabled / rds-cluster-iam-authentication-enabled: turns on IAM
 * database authentication (PCI DSS 8.2.1, 8.3.1). Additive: password logins keep working; IAM
 * tokens become possible. The Config resource id is the DbiResourceId / DbClusterResourceId,
 * resolved to the identifier with a filtered Describe call.
 */
export const enableRdsInstanceIamAuthentication = (): AutomationDocument => ({
  id: 'EnableRdsInstanceIamAuthentication',
  description: 'Enables IAM database authentication on an RDS DB instance (rds-instance-iam-authentication-enabled).',
  parameters: { DbiResourceId: { type: 'String', description: 'DB instance resource id, db-... (the Config resource id).' } },
  lookup: [
    {
      name: 'FindInstance',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'rds', Api: 'DescribeDBInstances', Filters: [{ Name: 'dbi-resource-id', Values: ['{{ DbiResourceId }}'] }] },
      outputs: [
        { Name: 'Identifier', Selector: '$.DBInstances[0].DBInstanceIdentifier', Type: 'String' },
        { Name: 'Arn', Selector: '$.DBInstances[0].DBInstanceArn', Type: 'String' },
      ],
    },
  ],
  resourceArn: '{{ FindInstance.Arn }}',
  steps: [
    {
      name: 'EnableIamAuthentication',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'rds', Api: 'ModifyDBInstance', DBInstanceIdentifier: '{{ FindInstance.Identifier }}', EnableIAMDatabaseAuthentication: true, ApplyImmediately: true },
    },
    {
      name: 'WaitIamAuthentication',
      action: 'aws:waitForAwsResourceProperty',
      timeoutSeconds: 3600,
      inputs: {
        Service: 'rds',
        Api: 'DescribeDBInstances',
        DBInstanceIdentifier: '{{ FindInstance.Identifier }}',
        PropertySelector: '$.DBInstances[0].IAMDatabaseAuthenticationEnabled',
        DesiredValues: ['True'],
      },
    },
  ],
});

export const enableRdsClusterIamAuthentication = (): AutomationDocument => ({
  id: 'EnableRdsClusterIamAuthentication',
  description: 'Enables IAM database authentication on an Aurora/RDS DB cluster (rds-cluster-iam-authentication-enabled).',
  parameters: { DbClusterResourceId: { type: 'String', description: 'DB cluster resource id, cluster-... (the Config resource id).' } },
  lookup: [
    {
      name: 'FindCluster',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'rds', Api: 'DescribeDBClusters', Filters: [{ Name: 'db-cluster-resource-id', Values: ['{{ DbClusterResourceId }}'] }] },
      outputs: [
        { Name: 'Identifier', Selector: '$.DBClusters[0].DBClusterIdentifier', Type: 'String' },
        { Name: 'Arn', Selector: '$.DBClusters[0].DBClusterArn', Type: 'String' },
      ],
    },
  ],
  resourceArn: '{{ FindCluster.Arn }}',
  steps: [
    {
      name: 'EnableIamAuthentication',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'rds', Api: 'ModifyDBCluster', DBClusterIdentifier: '{{ FindCluster.Identifier }}', EnableIAMDatabaseAuthentication: true, ApplyImmediately: true },
    },
    {
      name: 'WaitIamAuthentication',
      action: 'aws:waitForAwsResourceProperty',
      timeoutSeconds: 3600,
      inputs: {
        Service: 'rds',
        Api: 'DescribeDBClusters',
        DBClusterIdentifier: '{{ FindCluster.Identifier }}',
        PropertySelector: '$.DBClusters[0].IAMDatabaseAuthenticationEnabled',
        DesiredValues: ['True'],
      },
    },
  ],
});
