import type { AutomationDocument } from '../model';
import { arnHere } from './context';

const cluster = '{{ ClusterIdentifier }}';
const clusterParameter = { ClusterIdentifier: { type: 'String' as const, description: 'Cluster identifier (the Config resource id).' } };

/**
 * redshift-cluster-configuration-check (logging part): turns on audit logging to CloudWatch Logs
 * (PCI DSS 10.2.1), which needs no bucket. Additive. The rule also checks encryption, which a
 * document cannot fix without a migration: a cluster that is unencrypted stays non-compliant.
 */
export const enableRedshiftAuditLogging = (): AutomationDocument => ({
  id: 'EnableRedshiftAuditLogging',
  description: 'Enables Redshift audit logging to CloudWatch Logs (redshift-cluster-configuration-check).',
  parameters: clusterParameter,
  resourceArn: arnHere('redshift', `cluster:${cluster}`),
  steps: [
    {
      name: 'EnableLogging',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'redshift', Api: 'EnableLogging', ClusterIdentifier: cluster, LogDestinationType: 'cloudwatch', LogExports: ['connectionlog', 'userlog', 'useractivitylog'] },
    },
    {
      name: 'AssertLogging',
      action: 'aws:assertAwsResourceProperty',
      inputs: { Service: 'redshift', Api: 'DescribeLoggingStatus', ClusterIdentifier: cluster, PropertySelector: '$.LoggingEnabled', DesiredValues: ['True'] },
    },
  ],
});

/**
 * redshift-cluster-maintenancesettings-check (allowVersionUpgrade): lets Redshift apply engine
 * upgrades in the cluster's maintenance window (PCI DSS 6.3.3). The window itself is left alone.
 */
export const allowRedshiftVersionUpgrade = (): AutomationDocument => ({
  id: 'AllowRedshiftVersionUpgrade',
  description: 'Allows engine version upgrades in the maintenance window of a Redshift cluster (redshift-cluster-maintenancesettings-check).',
  parameters: clusterParameter,
  resourceArn: arnHere('redshift', `cluster:${cluster}`),
  steps: [
    { name: 'AllowUpgrade', action: 'aws:executeAwsApi', inputs: { Service: 'redshift', Api: 'ModifyCluster', ClusterIdentifier: cluster, AllowVersionUpgrade: true } },
    {
      name: 'WaitAvailable',
      action: 'aws:waitForAwsResourceProperty',
      timeoutSeconds: 1800,
      inputs: { Service: 'redshift', Api: 'DescribeClusters', ClusterIdentifier: cluster, PropertySelector: '$.Clusters[0].ClusterStatus', DesiredValues: ['available'] },
    },
    {
      name: 'AssertUpgradeAllowed',
      action: 'aws:assertAwsResourceProperty',
      inputs: { Service: 'redshift', Api: 'DescribeClusters', ClusterIdentifier: cluster, PropertySelector: '$.Clusters[0].AllowVersionUpgrade', DesiredValues: ['True'] },
    },
  ],
});
