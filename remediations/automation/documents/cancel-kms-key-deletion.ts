import type { AutomationDocument } from '../model';
import { arnHere } from './context';

/**
 * kms-cmk-not-scheduled-for-deletion: cancels a scheduled key deletion (PCI DSS 3.6.1, 3.7.x). Deletion
 * is irreversible and crypto-shreds every cardholder-data copy the key protects; cancelling is
 * reversible (the key stays Disabled until a person re-enables or re-schedules it with an exemption tag).
 */
export const cancelKmsKeyDeletion = (): AutomationDocument => ({
  id: 'CancelKmsKeyDeletion',
  description: 'Cancels the scheduled deletion of a KMS key, leaving it disabled (kms-cmk-not-scheduled-for-deletion).',
  parameters: { KeyId: { type: 'String', description: 'Key id (the Config resource id).' } },
  resourceArn: arnHere('kms', 'key/{{ KeyId }}'),
  steps: [
    { name: 'CancelDeletion', action: 'aws:executeAwsApi', inputs: { Service: 'kms', Api: 'CancelKeyDeletion', KeyId: '{{ KeyId }}' } },
    {
      name: 'AssertNotPendingDeletion',
      action: 'aws:assertAwsResourceProperty',
      inputs: { Service: 'kms', Api: 'DescribeKey', KeyId: '{{ KeyId }}', PropertySelector: '$.KeyMetadata.KeyState', DesiredValues: ['Disabled', 'Enabled'] },
    },
  ],
});
