import type { AutomationDocument } from '../model';

/** The instance and cluster variants: the same steps on the DBInstance or DBCluster APIs. */
const TARGETS = {
  instance: {
    id: 'EnableRdsInstanceIamAuthentication',
    description: 'Enables IAM database authentication on an RDS DB instance (rds-instance-iam-authentication-enabled).',
    parameter: 'DbiResourceId',
    parameterDescription: 'DB instance resource id, db-... (the Config resource id).',
    lookupStep: 'FindInstance',
    filter: 'dbi-resource-id',
    kind: 'Instance',
  },
  cluster: {
    id: 'EnableRdsClusterIamAuthentication',
    description: 'Enables IAM database authentication on an Aurora/RDS DB cluster (rds-cluster-iam-authentication-enabled).',
    parameter: 'DbClusterResourceId',
    parameterDescription: 'DB cluster resource id, cluster-... (the Config resource id).',
    lookupStep: 'FindCluster',
    filter: 'db-cluster-resource-id',
    kind: 'Cluster',
  },
} as const;

/**
 * rds-instance-iam-authentication-enabled / rds-cluster-iam-authentication-enabled: turns on IAM
 * database authentication (PCI DSS 8.2.1, 8.3.1). Additive: password logins keep working; IAM
 * tokens become possible. The Config resource id is the DbiResourceId / DbClusterResourceId,
 * resolved to the identifier with a filtered Describe call.
 */
function enableRdsIamAuthentication(target: keyof typeof TARGETS): AutomationDocument {
  const t = TARGETS[target];
  const list = `DB${t.kind}s`; // DBInstances / DBClusters
  const identifier = `DB${t.kind}Identifier`;
  const describe = `DescribeDB${t.kind}s`;
  return {
    id: t.id,
    description: t.description,
    parameters: { [t.parameter]: { type: 'String', description: t.parameterDescription } },
    lookup: [
      {
        name: t.lookupStep,
        action: 'aws:executeAwsApi',
        inputs: { Service: 'rds', Api: describe, Filters: [{ Name: t.filter, Values: [`{{ ${t.parameter} }}`] }] },
        outputs: [
          { Name: 'Identifier', Selector: `$.${list}[0].${identifier}`, Type: 'String' },
          { Name: 'Arn', Selector: `$.${list}[0].DB${t.kind}Arn`, Type: 'String' },
        ],
      },
    ],
    resourceArn: `{{ ${t.lookupStep}.Arn }}`,
    steps: [
      {
        name: 'EnableIamAuthentication',
        action: 'aws:executeAwsApi',
        inputs: { Service: 'rds', Api: `ModifyDB${t.kind}`, [identifier]: `{{ ${t.lookupStep}.Identifier }}`, EnableIAMDatabaseAuthentication: true, ApplyImmediately: true },
      },
      {
        name: 'WaitIamAuthentication',
        action: 'aws:waitForAwsResourceProperty',
        timeoutSeconds: 3600,
        inputs: {
          Service: 'rds',
          Api: describe,
          [identifier]: `{{ ${t.lookupStep}.Identifier }}`,
          PropertySelector: `$.${list}[0].IAMDatabaseAuthenticationEnabled`,
          DesiredValues: ['True'],
        },
      },
    ],
  };
}

export const enableRdsInstanceIamAuthentication = (): AutomationDocument => enableRdsIamAuthentication('instance');
export const enableRdsClusterIamAuthentication = (): AutomationDocument => enableRdsIamAuthentication('cluster');
