import type { AutomationDocument, Step } from '../model';
import { arnHere, logGroupSteps, type DocumentContext } from './context';

/**
 * opensearch-logs-to-cloudwatch / elasticsearch-logs-to-cloudwatch: publishes the error, search
 * and index slow logs of a domain to CloudWatch Logs (PCI DSS 10.2.1). Additive: log publishing
 * is applied without a blue/green deployment.
 *
 * Declaratively: create the domain's log group (an existing one is fine: onFailure Continue),
 * keep it 12 months, and put the account's resource policy that lets the service write into
 * the landing zone's log groups (same name every time, so it is idempotent and uses one of the
 * 10 resource policies a region allows).
 */
/** The two APIs of the same service: OpenSearch domains and legacy Elasticsearch domains. */
const ENGINES = {
  opensearch: { id: 'EnableOpenSearchDomainLogs', name: 'OpenSearch', rule: 'opensearch-logs-to-cloudwatch', service: 'opensearch', update: 'UpdateDomainConfig', describe: 'DescribeDomainConfig' },
  es: {
    id: 'EnableElasticsearchDomainLogs',
    name: 'Elasticsearch',
    rule: 'elasticsearch-logs-to-cloudwatch',
    service: 'es',
    update: 'UpdateElasticsearchDomainConfig',
    describe: 'DescribeElasticsearchDomainConfig',
  },
} as const;

function enableDomainLogs(ctx: DocumentContext, flavour: keyof typeof ENGINES): AutomationDocument {
  const logGroupPrefix = `/aws/${flavour === 'es' ? 'elasticsearch' : 'opensearch'}/${ctx.prefix}`;
  const logGroup = `${logGroupPrefix}/{{ DomainName }}`;
  const logGroupArn = arnHere('logs', `log-group:${logGroup}`);
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'es.amazonaws.com' },
        Action: ['logs:PutLogEvents', 'logs:CreateLogStream'],
        Resource: arnHere('logs', `log-group:${logGroupPrefix}/*`),
        Condition: { StringEquals: { 'aws:SourceAccount': '{{ global:ACCOUNT_ID }}' } },
      },
    ],
  });
  const publishing = { CloudWatchLogsLogGroupArn: logGroupArn, Enabled: true };
  const options = { ES_APPLICATION_LOGS: publishing, SEARCH_SLOW_LOGS: publishing, INDEX_SLOW_LOGS: publishing };
  const prepare: Step[] = [
    ...logGroupSteps(logGroup),
    {
      name: 'AllowLogDelivery',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'logs', Api: 'PutResourcePolicy', policyName: `${ctx.prefix}-${flavour}-logs`, policyDocument: policy },
    },
  ];
  const engine = ENGINES[flavour];
  return {
    id: engine.id,
    description: `Publishes the error, search and index slow logs of an ${engine.name} domain to CloudWatch Logs (${engine.rule}).`,
    parameters: { DomainName: { type: 'String', description: 'Domain name (the Config resource id).' } },
    resourceArn: arnHere('es', 'domain/{{ DomainName }}'),
    steps: [
      ...prepare,
      { name: 'PublishLogs', action: 'aws:executeAwsApi', inputs: { Service: engine.service, Api: engine.update, DomainName: '{{ DomainName }}', LogPublishingOptions: options } },
      {
        name: 'AssertPublishing',
        action: 'aws:assertAwsResourceProperty',
        inputs: {
          Service: engine.service,
          Api: engine.describe,
          DomainName: '{{ DomainName }}',
          PropertySelector: '$.DomainConfig.LogPublishingOptions.Options.ES_APPLICATION_LOGS.Enabled',
          DesiredValues: ['True'],
        },
      },
    ],
  };
}

export const enableOpenSearchDomainLogs = (ctx: DocumentContext) => enableDomainLogs(ctx, 'opensearch');
export const enableElasticsearchDomainLogs = (ctx: DocumentContext) => enableDomainLogs(ctx, 'es');
