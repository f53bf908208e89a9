import type { AutomationDocument } from '../model';
import { arnHere } from './context';

/** eks-cluster-logging-enabled: exports every control plane log type to CloudWatch Logs (PCI DSS 10.2.1). Additive. */
export const enableEksControlPlaneLogging = (): AutomationDocument => ({
  id: 'EnableEksControlPlaneLogging',
  description: 'Enables all EKS control plane log types (eks-cluster-logging-enabled).',
  parameters: { ClusterName: { type: 'String', description: 'Cluster name (the Config resource id).' } },
  resourceArn: arnHere('eks', 'cluster/{{ ClusterName }}'),
  steps: [
    {
      name: 'EnableLogging',
      action: 'aws:executeAwsApi',
      inputs: {
        Service: 'eks',
        Api: 'UpdateClusterConfig',
        name: '{{ ClusterName }}',
        logging: { clusterLogging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: true }] },
      },
    },
    {
      name: 'WaitActive',
      action: 'aws:waitForAwsResourceProperty',
      timeoutSeconds: 1800,
      inputs: { Service: 'eks', Api: 'DescribeCluster', name: '{{ ClusterName }}', PropertySelector: '$.cluster.status', DesiredValues: ['ACTIVE'] },
    },
    {
      name: 'AssertLogging',
      action: 'aws:assertAwsResourceProperty',
      inputs: { Service: 'eks', Api: 'DescribeCluster', name: '{{ ClusterName }}', PropertySelector: '$.cluster.logging.clusterLogging[0].enabled', DesiredValues: ['True'] },
    },
  ],
});
