import type { AutomationDocument } from '../model';
import { arnHere } from './context';

/** ecr-private-image-scanning-enabled: turns on scan-on-push (PCI DSS 6.3.3, 11.3.1). Additive: pushes keep working. */
export const enableEcrImageScanOnPush = (): AutomationDocument => ({
  id: 'EnableEcrImageScanOnPush',
  description: 'Turns on scan on push for a private ECR repository (ecr-private-image-scanning-enabled).',
  parameters: { RepositoryName: { type: 'String', description: 'Repository name (the Config resource id).' } },
  resourceArn: arnHere('ecr', 'repository/{{ RepositoryName }}'),
  steps: [
    {
      name: 'EnableScanOnPush',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'ecr', Api: 'PutImageScanningConfiguration', repositoryName: '{{ RepositoryName }}', imageScanningConfiguration: { scanOnPush: true } },
    },
    {
      name: 'AssertScanOnPush',
      action: 'aws:assertAwsResourceProperty',
      inputs: {
        Service: 'ecr',
        Api: 'DescribeRepositories',
        repositoryNames: ['{{ RepositoryName }}'],
        PropertySelector: '$.repositories[0].imageScanningConfiguration.scanOnPush',
        DesiredValues: ['True'],
      },
    },
  ],
});
