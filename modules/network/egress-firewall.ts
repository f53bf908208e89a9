import { Construct } from 'constructs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { NetworkfirewallFirewall } from '@cdktf/provider-aws/lib/networkfirewall-firewall';
import { NetworkfirewallFirewallPolicy } from '@cdktf/provider-aws/lib/networkfirewall-firewall-policy';
import { NetworkfirewallLoggingConfiguration } from '@cdktf/provider-aws/lib/networkfirewall-logging-configuration';
import { NetworkfirewallRuleGroup } from '@cdktf/provider-aws/lib/networkfirewall-rule-group';
import type { OpenPort } from '../../accounts/network';

/** Capacity of the domain allow-list group; fixed because changing it replaces the group. */
export const DOMAIN_GROUP_CAPACITY = 1000;
/** Capacity of the inbound port group. */
export const INBOUND_GROUP_CAPACITY = 200;

export interface EgressFirewallProps {
  /** Name of the firewall, its policy and rule groups. */
  readonly name: string;
  readonly vpcId: string;
  /** The VPC range: HOME_NET of the rule groups. */
  readonly vpcCidr: string;
  /** One firewall subnet per zone. */
  readonly subnets: readonly { readonly zone: string; readonly subnetId: string }[];
  /** Domains (HTTP Host, TLS SNI) the VPC may reach; empty means no web egress at all. */
  readonly egressDomains: readonly string[];
  /** Ports open from outside to the public subnets, passed to `publicCidrs`. @default none */
  readonly openPorts?: readonly OpenPort[];
  /** CIDRs of the public subnets (destinations of `openPorts`). */
  readonly publicCidrs: readonly string[];
  /** Log group of the ALERT logs (created here). */
  readonly alertLogGroupName: string;
  /** KMS key of the alert log group; its policy must allow logs.<region>.amazonaws.com. */
  readonly alertLogKeyArn: string;
  /** Retention of the alert log group, in days. @default 365 (PCI DSS 10.5.1) */
  readonly alertRetentionDays?: number;
  /** Bucket (log archive, SSE-KMS) receiving the FLOW logs. */
  readonly flowLogBucket: string;
  readonly provider?: NetworkfirewallFirewall['provider'];
}

/**
 * AWS Network Firewall as the only way out of the VPC (PCI DSS 1.3.2, 1.4.2): a
 * strict-order policy whose default actions drop and alert on every established flow
 * no rule passes, a domain allow-list (TLS SNI and HTTP Host, the managed replacement
 * for a Squid proxy), and 5-tuple pass rules for the ports open to the public subnets.
 * ALERT logs go to CloudWatch Logs (KMS), FLOW logs to the log archive.
 *
 * Drop-established rather than drop-strict: the TCP handshake must pass for the engine
 * to read the SNI or Host header it filters on.
 */
export class EgressFirewall extends Construct {
  readonly firewall: NetworkfirewallFirewall;
  readonly policy: NetworkfirewallFirewallPolicy;
  readonly domainGroup?: NetworkfirewallRuleGroup;
  readonly inboundGroup?: NetworkfirewallRuleGroup;

  constructor(scope: Construct, id: string, props: EgressFirewallProps) {
    super(scope, id);
    const provider = props.provider;
    const homeNet = { ipSets: [{ key: 'HOME_NET', ipSet: { definition: [props.vpcCidr] } }] };
    const strict = { ruleOrder: 'STRICT_ORDER' };
    const references: { resourceArn: string; priority: number }[] = [];

    const openPorts = props.openPorts ?? [];
    if (openPorts.length > 0) {
      let sid = 1000;
      this.inboundGroup = new NetworkfirewallRuleGroup(this, 'inbound', {
        name: `${props.name}-inbound`,
        description: 'Ports open from outside to the public subnets, each with its reason (accounts/network.ts)',
        type: 'STATEFUL',
        capacity: INBOUND_GROUP_CAPACITY,
        ruleGroup: {
          rulesSource: {
            statefulRule: openPorts.flatMap((p) =>
              props.publicCidrs.map((destination) => ({
                action: 'PASS',
                header: {
                  protocol: p.protocol.toUpperCase(),
                  source: p.source === '0.0.0.0/0' ? 'ANY' : p.source,
                  sourcePort: 'ANY',
                  direction: 'FORWARD',
                  destination,
                  destinationPort: p.toPort !== undefined && p.toPort !== p.port ? `${p.port}:${p.toPort}` : String(p.port),
                },
                ruleOption: [{ keyword: 'sid', settings: [String(++sid)] }],
              })),
            ),
          },
          statefulRuleOptions: strict,
        },
        provider,
      });
      references.push({ resourceArn: this.inboundGroup.arn, priority: 100 });
    }

    if (props.egressDomains.length > 0) {
      this.domainGroup = new NetworkfirewallRuleGroup(this, 'egress-domains', {
        name: `${props.name}-egress-domains`,
        description: 'Domains the workloads may reach on the internet (accounts/network.ts)',
        type: 'STATEFUL',
        capacity: DOMAIN_GROUP_CAPACITY,
        ruleGroup: {
          ruleVariables: homeNet,
          rulesSource: {
            rulesSourceList: { generatedRulesType: 'ALLOWLIST', targetTypes: ['TLS_SNI', 'HTTP_HOST'], targets: [...props.egressDomains] },
          },
          statefulRuleOptions: strict,
        },
        provider,
      });
      references.push({ resourceArn: this.domainGroup.arn, priority: 200 });
    }

    this.policy = new NetworkfirewallFirewallPolicy(this, 'policy', {
      name: props.name,
      description: 'Egress allow-list; everything else dropped and alerted',
      firewallPolicy: {
        // Every packet goes to the stateful engine, which decides.
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        statefulDefaultActions: ['aws:drop_established', 'aws:alert_established'],
        statefulEngineOptions: { ruleOrder: 'STRICT_ORDER', streamExceptionPolicy: 'DROP' },
        statefulRuleGroupReference: references,
      },
      provider,
    });

    this.firewall = new NetworkfirewallFirewall(this, 'firewall', {
      name: props.name,
      description: 'The only path between the VPC and the internet',
      vpcId: props.vpcId,
      firewallPolicyArn: this.policy.arn,
      subnetMapping: props.subnets.map((s) => ({ subnetId: s.subnetId })),
      // Nobody removes the firewall or its subnets by accident; a policy update stays possible.
      deleteProtection: true,
      subnetChangeProtection: true,
      firewallPolicyChangeProtection: false,
      provider,
    });

    const alerts = new CloudwatchLogGroup(this, 'alert-logs', {
      name: props.alertLogGroupName,
      retentionInDays: props.alertRetentionDays ?? 365,
      kmsKeyId: props.alertLogKeyArn,
      provider,
    });
    new NetworkfirewallLoggingConfiguration(this, 'logging', {
      firewallArn: this.firewall.arn,
      loggingConfiguration: {
        logDestinationConfig: [
          { logType: 'ALERT', logDestinationType: 'CloudWatchLogs', logDestination: { logGroup: alerts.name } },
          { logType: 'FLOW', logDestinationType: 'S3', logDestination: { bucketName: props.flowLogBucket } },
        ],
      },
      provider,
    });
  }

  /**
   * The firewall endpoint of `zone`, as a Terraform expression: the endpoint ids are
   * only known once the firewall exists, in its unordered sync_states set.
   */
  endpointId(zone: string): string {
    const byZone = `{ for state in ${this.firewall.fqn}.firewall_status[0].sync_states : state.availability_zone => state.attachment[0].endpoint_id }`;
    return `\${${byZone}[${JSON.stringify(zone)}]}`;
  }
}
