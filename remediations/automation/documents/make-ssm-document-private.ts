import type { AutomationDocument } from '../model';
import { arnHere } from './context';
import { verifyNotPublic } from './remove-public-cluster-snapshot-access';

/** ssm-document-not-public: stops sharing an SSM document publicly (PCI DSS 1.3.1, 7.2.1); account shares stay. */
export const makeSsmDocumentPrivate = (): AutomationDocument => ({
  id: 'MakeSsmDocumentPrivate',
  description: 'Removes public sharing from an SSM document (ssm-document-not-public).',
  parameters: { DocumentName: { type: 'String', description: 'Document name (the Config resource id).' } },
  resourceArn: arnHere('ssm', 'document/{{ DocumentName }}'),
  steps: [
    {
      name: 'RemovePublicSharing',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'ssm', Api: 'ModifyDocumentPermission', Name: '{{ DocumentName }}', PermissionType: 'Share', AccountIdsToRemove: ['All'] },
    },
    {
      name: 'ReadSharing',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'ssm', Api: 'DescribeDocumentPermission', Name: '{{ DocumentName }}', PermissionType: 'Share' },
      outputs: [{ Name: 'AccountIds', Selector: '$.AccountIds', Type: 'StringList' }],
    },
    ...verifyNotPublic('ReadSharing', 'AccountIds', {
      name: 'FailStillPublic',
      action: 'aws:assertAwsResourceProperty',
      description: 'Reached only when "all" is still listed: fails the execution.',
      inputs: { Service: 'ssm', Api: 'DescribeDocument', Name: '{{ DocumentName }}', PropertySelector: '$.Document.Name', DesiredValues: ['document-is-still-public'] },
    }),
  ],
});
