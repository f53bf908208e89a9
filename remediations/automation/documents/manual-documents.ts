import type { AutomationDocument } from '../model';

/**
 * s3-bucket-logging-enabled (manual): server access logging to a target bucket in the same account
 * and region, granted by the target's bucket policy (no ACL grants, unlike AWS-ConfigureS3BucketLogging,
 * which needs an ACL-enabled target). Manual: the target must exist in that account and region.
 */
export const enableS3BucketLogging = (): AutomationDocument => ({
  id: 'EnableS3BucketLogging',
  description: 'Enables S3 server access logging to a target bucket, prefixed by the source bucket name (s3-bucket-logging-enabled).',
  parameters: {
    BucketName: { type: 'String', description: 'Bucket to log (the Config resource id).' },
    TargetBucket: { type: 'String', description: 'Bucket receiving the logs (same account and region; bucket policy allows logging.s3.amazonaws.com).' },
  },
  resourceArn: 'arn:{{ global:AWS_PARTITION }}:s3:::{{ BucketName }}',
  steps: [
    {
      name: 'EnableLogging',
      action: 'aws:executeAwsApi',
      inputs: {
        Service: 's3',
        Api: 'PutBucketLogging',
        Bucket: '{{ BucketName }}',
        BucketLoggingStatus: { LoggingEnabled: { TargetBucket: '{{ TargetBucket }}', TargetPrefix: '{{ BucketName }}/' } },
      },
    },
    {
      name: 'AssertLogging',
      action: 'aws:assertAwsResourceProperty',
      inputs: { Service: 's3', Api: 'GetBucketLogging', Bucket: '{{ BucketName }}', PropertySelector: '$.LoggingEnabled.TargetBucket', DesiredValues: ['{{ TargetBucket }}'] },
    },
  ],
});

/**
 * api-gw-endpoint-type-check (manual): the public sample's document could not run (no boto3 import,
 * wrong event variable, no resource id passed). Changing the endpoint type changes who can reach
 * the API, so a person runs it with the type the rule expects.
 */
export const setApiGatewayEndpointType = (): AutomationDocument => ({
  id: 'SetApiGatewayEndpointType',
  description: 'Changes the endpoint type of a REST API (api-gw-endpoint-type-check).',
  parameters: {
    RestApiId: { type: 'String', description: 'REST API id (the Config resource id).' },
    EndpointType: { type: 'String', description: 'Endpoint type to set.', allowedValues: ['REGIONAL', 'PRIVATE', 'EDGE'] },
  },
  lookup: [
    {
      name: 'ReadEndpointType',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'apigateway', Api: 'GetRestApi', restApiId: '{{ RestApiId }}' },
      outputs: [{ Name: 'CurrentType', Selector: '$.endpointConfiguration.types[0]', Type: 'String' }],
    },
  ],
  resourceArn: 'arn:{{ global:AWS_PARTITION }}:apigateway:{{ global:REGION }}::/restapis/{{ RestApiId }}',
  steps: [
    {
      name: 'SetEndpointType',
      action: 'aws:executeAwsApi',
      inputs: {
        Service: 'apigateway',
        Api: 'UpdateRestApi',
        restApiId: '{{ RestApiId }}',
        patchOperations: [{ op: 'replace', path: '/endpointConfiguration/types/{{ ReadEndpointType.CurrentType }}', value: '{{ EndpointType }}' }],
      },
    },
    {
      name: 'AssertEndpointType',
      action: 'aws:assertAwsResourceProperty',
      inputs: { Service: 'apigateway', Api: 'GetRestApi', restApiId: '{{ RestApiId }}', PropertySelector: '$.endpointConfiguration.types[0]', DesiredValues: ['{{ EndpointType }}'] },
    },
  ],
});
