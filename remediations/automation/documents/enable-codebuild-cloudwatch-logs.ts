import type { AutomationDocument } from '../model';
import { codeBuildProjectLookup } from './codebuild-project-lookup';

/** codebuild-project-logging-enabled: sends build logs to CloudWatch Logs (PCI DSS 10.2.1). Additive. */
export const enableCodeBuildCloudWatchLogs = (): AutomationDocument => ({
  id: 'EnableCodeBuildCloudWatchLogs',
  description: 'Enables CloudWatch Logs for a CodeBuild project that logs nowhere (codebuild-project-logging-enabled).',
  parameters: { ProjectId: { type: 'String', description: 'Project id (the Config resource id).' } },
  lookup: codeBuildProjectLookup(),
  resourceArn: '{{ FindProject.ProjectArn }}',
  steps: [
    {
      name: 'EnableCloudWatchLogs',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'codebuild', Api: 'UpdateProject', name: '{{ FindProject.ProjectName }}', logsConfig: { cloudWatchLogs: { status: 'ENABLED' } } },
    },
    {
      name: 'AssertLogging',
      action: 'aws:assertAwsResourceProperty',
      inputs: {
        Service: 'codebuild',
        Api: 'BatchGetProjects',
        names: ['{{ FindProject.ProjectName }}'],
        PropertySelector: '$.projects[0].logsConfig.cloudWatchLogs.status',
        DesiredValues: ['ENABLED'],
      },
    },
  ],
});
