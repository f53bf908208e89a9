import type { AutomationDocument, Step } from '../model';
import { arnHere } from './context';

/**
 * Verifies that a list read by `readStep` no longer holds "all" (public): an aws:branch with Not/Contains
 * ends at `Private`; otherwise `FailStillPublic` asserts the impossible and fails the execution, so a
 * snapshot or document that stays public is reported as a failed remediation, never as a success.
 */
export function verifyNotPublic(readStep: string, output: string, fail: Step): Step[] {
  return [
    {
      name: 'ConfirmPrivate',
      action: 'aws:branch',
      inputs: { Choices: [{ NextStep: 'Private', Not: { Variable: `{{ ${readStep}.${output} }}`, Contains: 'all' } }], Default: fail.name },
    },
    { ...fail, isEnd: true },
    { name: 'Private', action: 'aws:sleep', description: 'Public access is gone.', inputs: { Duration: 'PT1S' } },
  ];
}

/**
 * docdb-cluster-snapshot-public-prohibited / neptune-cluster-snapshot-public-prohibited: removes the
 * public restore permission ("all") from a cluster snapshot (PCI DSS 1.3.1, 7.2.1). Accounts the
 * snapshot is shared with by id keep their access; nothing is deleted.
 */
function removePublicClusterSnapshotAccess(service: 'docdb' | 'neptune', id: string, rule: string): AutomationDocument {
  const snapshot = '{{ SnapshotIdentifier }}';
  const describe = { Service: service, Api: 'DescribeDBClusterSnapshotAttributes', DBClusterSnapshotIdentifier: snapshot };
  return {
    id,
    description: `Removes public restore access from a ${service === 'docdb' ? 'DocumentDB' : 'Neptune'} cluster snapshot (${rule}).`,
    parameters: { SnapshotIdentifier: { type: 'String', description: 'Cluster snapshot identifier (the Config resource id).' } },
    resourceArn: arnHere('rds', `cluster-snapshot:${snapshot}`),
    steps: [
      {
        name: 'RemovePublicRestore',
        action: 'aws:executeAwsApi',
        inputs: { Service: service, Api: 'ModifyDBClusterSnapshotAttribute', DBClusterSnapshotIdentifier: snapshot, AttributeName: 'restore', ValuesToRemove: ['all'] },
      },
      {
        name: 'ReadRestoreAttribute',
        action: 'aws:executeAwsApi',
        inputs: describe,
        outputs: [{ Name: 'RestoreValues', Selector: '$.DBClusterSnapshotAttributesResult.DBClusterSnapshotAttributes[0].AttributeValues', Type: 'StringList' }],
      },
      ...verifyNotPublic('ReadRestoreAttribute', 'RestoreValues', {
        name: 'FailStillPublic',
        action: 'aws:assertAwsResourceProperty',
        description: 'Reached only when "all" is still there: fails the execution.',
        inputs: { ...describe, PropertySelector: '$.DBClusterSnapshotAttributesResult.DBClusterSnapshotAttributes[0].AttributeName', DesiredValues: ['restore-is-still-public'] },
      }),
    ],
  };
}

export const removePublicDocDbSnapshotAccess = () =>
  removePublicClusterSnapshotAccess('docdb', 'RemovePublicDocDbSnapshotAccess', 'docdb-cluster-snapshot-public-prohibited');

export const removePublicNeptuneSnapshotAccess = () =>
  removePublicClusterSnapshotAccess('neptune', 'RemovePublicNeptuneSnapshotAccess', 'neptune-cluster-snapshot-public-prohibited');
