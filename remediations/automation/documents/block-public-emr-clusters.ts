import type { AutomationDocument } from '../model';

/**
 * emr-block-public-access (account level: the Config resource id is the account id, so the
 * document takes no resource parameter): turns on EMR block public access with no permitted
 * public ports (PCI DSS 1.3.1). Applies to clusters created afterwards; running clusters keep their rules.
 */
export const blockPublicEmrClusters = (): AutomationDocument => ({
  id: 'BlockPublicEmrClusters',
  description: 'Enables EMR block public access in the account and region, with no permitted public port (emr-block-public-access).',
  parameters: {},
  steps: [
    {
      name: 'BlockPublicAccess',
      action: 'aws:executeAwsApi',
      inputs: {
        Service: 'emr',
        Api: 'PutBlockPublicAccessConfiguration',
        BlockPublicAccessConfiguration: { BlockPublicSecurityGroupRules: true, PermittedPublicSecurityGroupRuleRanges: [] },
      },
    },
    {
      name: 'AssertBlocked',
      action: 'aws:assertAwsResourceProperty',
      inputs: {
        Service: 'emr',
        Api: 'GetBlockPublicAccessConfiguration',
        PropertySelector: '$.BlockPublicAccessConfiguration.BlockPublicSecurityGroupRules',
        DesiredValues: ['True'],
      },
    },
  ],
});
