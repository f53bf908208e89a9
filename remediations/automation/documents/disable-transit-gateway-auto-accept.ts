import type { AutomationDocument } from '../model';
import { arnHere } from './context';

/**
 * ec2-transit-gateway-auto-vpc-attach-disabled: stops a transit gateway from accepting shared
 * attachments without review (PCI DSS 1.2.1). Existing attachments and routes are untouched;
 * only future attachment requests need acceptance.
 */
export const disableTransitGatewayAutoAccept = (): AutomationDocument => ({
  id: 'DisableTransitGatewayAutoAccept',
  description: 'Turns off automatic acceptance of shared attachments on a transit gateway (ec2-transit-gateway-auto-vpc-attach-disabled).',
  parameters: { TransitGatewayId: { type: 'String', description: 'Transit gateway id (the Config resource id).' } },
  resourceArn: arnHere('ec2', 'transit-gateway/{{ TransitGatewayId }}'),
  steps: [
    {
      name: 'DisableAutoAccept',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'ec2', Api: 'ModifyTransitGateway', TransitGatewayId: '{{ TransitGatewayId }}', Options: { AutoAcceptSharedAttachments: 'disable' } },
    },
    {
      name: 'WaitAvailable',
      action: 'aws:waitForAwsResourceProperty',
      timeoutSeconds: 900,
      inputs: {
        Service: 'ec2',
        Api: 'DescribeTransitGateways',
        TransitGatewayIds: ['{{ TransitGatewayId }}'],
        PropertySelector: '$.TransitGateways[0].State',
        DesiredValues: ['available'],
      },
    },
    {
      name: 'AssertDisabled',
      action: 'aws:assertAwsResourceProperty',
      inputs: {
        Service: 'ec2',
        Api: 'DescribeTransitGateways',
        TransitGatewayIds: ['{{ TransitGatewayId }}'],
        PropertySelector: '$.TransitGateways[0].Options.AutoAcceptSharedAttachments',
        DesiredValues: ['disable'],
      },
    },
  ],
});
