import type { AutomationDocument } from '../model';
import { arnHere } from './context';

/**
 * elasticache-redis-cluster-automatic-backup-check: sets the automatic snapshot retention of a Redis
 * replication group (PCI DSS 12.10.1 recovery). Additive: snapshots run in the snapshot window.
 */
export const enableElastiCacheBackups = (): AutomationDocument => ({
  id: 'EnableElastiCacheBackups',
  description: 'Sets automatic snapshot retention on an ElastiCache (Redis) replication group (elasticache-redis-cluster-automatic-backup-check).',
  parameters: {
    ReplicationGroupId: { type: 'String', description: 'Replication group id (the Config resource id).' },
    SnapshotRetentionLimit: { type: 'Integer', description: 'Days of automatic snapshots (the rule expects at least 15).', default: 15 },
  },
  resourceArn: arnHere('elasticache', 'replicationgroup:{{ ReplicationGroupId }}'),
  steps: [
    {
      name: 'SetRetention',
      action: 'aws:executeAwsApi',
      inputs: {
        Service: 'elasticache',
        Api: 'ModifyReplicationGroup',
        ReplicationGroupId: '{{ ReplicationGroupId }}',
        SnapshotRetentionLimit: '{{ SnapshotRetentionLimit }}',
        ApplyImmediately: true,
      },
    },
    {
      name: 'WaitAvailable',
      action: 'aws:waitForAwsResourceProperty',
      timeoutSeconds: 1800,
      inputs: {
        Service: 'elasticache',
        Api: 'DescribeReplicationGroups',
        ReplicationGroupId: '{{ ReplicationGroupId }}',
        PropertySelector: '$.ReplicationGroups[0].Status',
        DesiredValues: ['available'],
      },
    },
    {
      name: 'AssertRetention',
      action: 'aws:assertAwsResourceProperty',
      inputs: {
        Service: 'elasticache',
        Api: 'DescribeReplicationGroups',
        ReplicationGroupId: '{{ ReplicationGroupId }}',
        PropertySelector: '$.ReplicationGroups[0].SnapshotRetentionLimit',
        DesiredValues: ['{{ SnapshotRetentionLimit }}'],
      },
    },
  ],
});
