import type { AutomationDocument } from '../model';
import { codeBuildProjectLookup } from './codebuild-project-lookup';

/**
 * codebuild-project-s3-logs-encrypted: turns encryption of the S3 build logs back on (PCI DSS 3.5.1).
 * Keeps the project's S3 location and CloudWatch Logs status as they are.
 */
export const encryptCodeBuildS3Logs = (): AutomationDocument => ({
  id: 'EncryptCodeBuildS3Logs',
  description: 'Re-enables encryption of a CodeBuild project S3 logs, keeping their location (codebuild-project-s3-logs-encrypted).',
  parameters: { ProjectId: { type: 'String', description: 'Project id (the Config resource id).' } },
  lookup: [
    ...codeBuildProjectLookup(),
    {
      name: 'ReadLogsConfig',
      action: 'aws:executeAwsApi',
      description: 'Reads the current S3 log location and CloudWatch Logs status, which UpdateProject would otherwise reset.',
      inputs: { Service: 'codebuild', Api: 'BatchGetProjects', names: ['{{ FindProject.ProjectName }}'] },
      outputs: [
        { Name: 'S3Location', Selector: '$.projects[0].logsConfig.s3Logs.location', Type: 'String' },
        { Name: 'CloudWatchStatus', Selector: '$.projects[0].logsConfig.cloudWatchLogs.status', Type: 'String' },
      ],
    },
  ],
  resourceArn: '{{ FindProject.ProjectArn }}',
  steps: [
    {
      name: 'EncryptS3Logs',
      action: 'aws:executeAwsApi',
      inputs: {
        Service: 'codebuild',
        Api: 'UpdateProject',
        name: '{{ FindProject.ProjectName }}',
        logsConfig: {
          cloudWatchLogs: { status: '{{ ReadLogsConfig.CloudWatchStatus }}' },
          s3Logs: { status: 'ENABLED', location: '{{ ReadLogsConfig.S3Location }}', encryptionDisabled: false },
        },
      },
    },
    {
      name: 'AssertEncrypted',
      action: 'aws:assertAwsResourceProperty',
      inputs: {
        Service: 'codebuild',
        Api: 'BatchGetProjects',
        names: ['{{ FindProject.ProjectName }}'],
        PropertySelector: '$.projects[0].logsConfig.s3Logs.encryptionDisabled',
        DesiredValues: ['False'],
      },
    },
  ],
});
