import type { AutomationDocument } from '../model';

/**
 * ebs-snapshot-public-restorable-check (account level: the Config resource id is the account id,
 * not a snapshot id, which is why the public sample's document always failed): turns on EBS
 * snapshot block public access in block-all-sharing mode, which makes every publicly shared
 * snapshot of the region private and prevents new public sharing (PCI DSS 1.3.1, 3.5.1).
 * Nothing is deleted; sharing with named accounts is unaffected.
 */
export const blockPublicEbsSnapshots = (): AutomationDocument => ({
  id: 'BlockPublicEbsSnapshots',
  description: 'Enables EBS snapshot block public access (block-all-sharing) in the account and region (ebs-snapshot-public-restorable-check).',
  parameters: {},
  steps: [
    {
      name: 'BlockAllSharing',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'ec2', Api: 'EnableSnapshotBlockPublicAccess', State: 'block-all-sharing' },
    },
    {
      name: 'AssertBlocked',
      action: 'aws:assertAwsResourceProperty',
      inputs: { Service: 'ec2', Api: 'GetSnapshotBlockPublicAccessState', PropertySelector: '$.State', DesiredValues: ['block-all-sharing'] },
    },
  ],
});
