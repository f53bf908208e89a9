import type { AutomationDocument } from '../model';

/**
 * mq-cloudwatch-audit-log-enabled / mq-cloudwatch-audit-logging-enabled: turns on general and audit
 * logs of an ActiveMQ broker (PCI DSS 10.2.1). Additive; Amazon MQ applies log settings at the next
 * reboot or maintenance window, so the proof is the pending setting.
 */
export const enableMqAuditLogs = (): AutomationDocument => ({
  id: 'EnableMqAuditLogs',
  description: 'Enables general and audit logs to CloudWatch Logs on an Amazon MQ (ActiveMQ) broker (mq-cloudwatch-audit-logging-enabled).',
  parameters: { BrokerId: { type: 'String', description: 'Broker id (the Config resource id).' } },
  resourceArn: '{{ FindBroker.BrokerArn }}',
  lookup: [
    {
      name: 'FindBroker',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'mq', Api: 'DescribeBroker', BrokerId: '{{ BrokerId }}' },
      outputs: [{ Name: 'BrokerArn', Selector: '$.BrokerArn', Type: 'String' }],
    },
  ],
  steps: [
    { name: 'EnableLogs', action: 'aws:executeAwsApi', inputs: { Service: 'mq', Api: 'UpdateBroker', BrokerId: '{{ BrokerId }}', Logs: { Audit: true, General: true } } },
    {
      name: 'AssertAuditPending',
      action: 'aws:assertAwsResourceProperty',
      inputs: { Service: 'mq', Api: 'DescribeBroker', BrokerId: '{{ BrokerId }}', PropertySelector: '$.Logs.Pending.Audit', DesiredValues: ['True'] },
    },
  ],
});
