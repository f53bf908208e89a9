import type { AutomationDocument } from '../model';

/**
 * macie-status-check (account level: no resource parameter): enables Amazon Macie in the account and
 * region (PCI DSS 12.5.2 data discovery, A3.2.5.1). Detective only: Macie reads, never changes data.
 * In an organization the Macie administrator usually enables members; this covers a gap.
 */
export const enableMacie = (): AutomationDocument => ({
  id: 'EnableMacie',
  description: 'Enables Amazon Macie in the account and region (macie-status-check).',
  parameters: {},
  additionalPermissions: [
    {
      actions: ['iam:CreateServiceLinkedRole'],
      resources: ['arn:${Partition}:iam::${AccountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie'],
      condition: { StringLike: { 'iam:AWSServiceName': 'macie.amazonaws.com' } },
      reason: 'EnableMacie creates the Macie service-linked role on first use.',
    },
  ],
  steps: [
    { name: 'Enable', action: 'aws:executeAwsApi', inputs: { Service: 'macie2', Api: 'EnableMacie', status: 'ENABLED' } },
    {
      name: 'AssertEnabled',
      action: 'aws:assertAwsResourceProperty',
      inputs: { Service: 'macie2', Api: 'GetMacieSession', PropertySelector: '$.status', DesiredValues: ['ENABLED'] },
    },
  ],
});
