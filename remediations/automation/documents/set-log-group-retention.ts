import type { AutomationDocument } from '../model';
import { arnHere, LOG_RETENTION_DAYS } from './context';

/**
 * cw-loggroup-retention-period-check: raises retention to 12 months (PCI DSS 10.5.1). Config flags only
 * groups kept for less than the rule's minimum, so the call only ever raises retention, never lowers it.
 */
export const setLogGroupRetention = (): AutomationDocument => ({
  id: 'SetLogGroupRetention',
  description: 'Sets the retention of a CloudWatch Logs group to at least 12 months (cw-loggroup-retention-period-check).',
  parameters: {
    LogGroupName: { type: 'String', description: 'Log group name (the Config resource id).' },
    RetentionInDays: { type: 'Integer', description: 'Retention to set, in days.', default: LOG_RETENTION_DAYS },
  },
  resourceArn: arnHere('logs', 'log-group:{{ LogGroupName }}'),
  steps: [
    {
      name: 'PutRetention',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'logs', Api: 'PutRetentionPolicy', logGroupName: '{{ LogGroupName }}', retentionInDays: '{{ RetentionInDays }}' },
    },
    {
      name: 'AssertRetention',
      action: 'aws:assertAwsResourceProperty',
      inputs: {
        Service: 'logs',
        Api: 'DescribeLogGroups',
        logGroupNamePrefix: '{{ LogGroupName }}',
        PropertySelector: '$.logGroups[0].retentionInDays',
        DesiredValues: ['{{ RetentionInDays }}'],
      },
    },
  ],
});
