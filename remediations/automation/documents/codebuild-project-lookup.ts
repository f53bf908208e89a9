import type { Step } from '../model';

/**
 * The Config resource id of a CodeBuild project is its id, not its name (the AWS-owned
 * AWSConfigRemediation-ConfigureCodeBuildProjectWithKMSCMK resolves it the same way):
 * Config's own history gives the name and the ARN, declaratively.
 */
export const codeBuildProjectLookup = (): Step[] => [
  {
    name: 'FindProject',
    action: 'aws:executeAwsApi',
    description: 'Resolves the project name and ARN from the Config resource id.',
    inputs: { Service: 'config', Api: 'GetResourceConfigHistory', resourceType: 'AWS::CodeBuild::Project', resourceId: '{{ ProjectId }}', limit: 1 },
    outputs: [
      { Name: 'ProjectName', Selector: '$.configurationItems[0].resourceName', Type: 'String' },
      { Name: 'ProjectArn', Selector: '$.configurationItems[0].arn', Type: 'String' },
    ],
  },
];
