import { Construct } from 'constructs';
import { DefaultNetworkAcl } from '@cdktf/provider-aws/lib/default-network-acl';
import { DefaultRouteTable } from '@cdktf/provider-aws/lib/default-route-table';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { NetworkAcl } from '@cdktf/provider-aws/lib/network-acl';
import { NetworkAclRule } from '@cdktf/provider-aws/lib/network-acl-rule';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import type { Naming } from '../../accounts';
import { KEY_DATA_ACTIONS, SecureKmsKey } from '../security/kms-key';
import { EgressFirewall } from './egress-firewall';
import type { Tier, VpcPlan } from './layout';
import { VpcEndpoints } from './vpc-endpoints';

export interface WorkloadNetworkProps {
  readonly names: Naming;
  /** The VPC plan (modules/network/layout.ts), from the account's `network.vpcs` entry. */
  readonly plan: VpcPlan & { readonly accountId: string };
  /** Days the firewall alert log group keeps events. @default 365 (PCI DSS 10.5.1) */
  readonly alertRetentionDays?: number;
  /** Provider of the VPC's region. @default the stack's default provider */
  readonly provider?: Vpc['provider'];
}

const ANYWHERE = '0.0.0.0/0';
const EPHEMERAL = { fromPort: 1024, toPort: 65535 };
const PROTOCOL = { tcp: '6', udp: '17', all: '-1' } as const;

/** A network ACL rule, as the evidence page and the construct read it. */
export interface AclRule {
  readonly egress: boolean;
  readonly protocol: keyof typeof PROTOCOL;
  readonly cidr: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly why: string;
}

/**
 * The network ACLs of each tier: a coarse second layer under the security groups
 * and the firewall (PCI DSS 1.2.1, 1.3.1, 1.3.2). Inside the VPC everything passes
 * (security groups decide); from outside only return traffic and the open ports; to
 * outside only HTTPS and HTTP, which the firewall then filters by domain.
 */
export function aclRules(plan: VpcPlan, tier: Tier): AclRule[] {
  if (tier === 'firewall')
    return [
      { egress: false, protocol: 'all', cidr: ANYWHERE, why: 'the firewall inspects this traffic; AWS advises against filtering its subnets' },
      { egress: true, protocol: 'all', cidr: ANYWHERE, why: 'the firewall inspects this traffic; AWS advises against filtering its subnets' },
    ];
  const rules: AclRule[] = [
    { egress: false, protocol: 'all', cidr: plan.cidr, why: 'inside the VPC; security groups decide' },
    { egress: true, protocol: 'all', cidr: plan.cidr, why: 'inside the VPC; security groups decide' },
    { egress: true, protocol: 'tcp', cidr: ANYWHERE, fromPort: 443, toPort: 443, why: 'HTTPS out, filtered by domain at the firewall' },
    { egress: true, protocol: 'tcp', cidr: ANYWHERE, fromPort: 80, toPort: 80, why: 'HTTP out, filtered by domain at the firewall' },
    { egress: false, protocol: 'tcp', cidr: ANYWHERE, ...EPHEMERAL, why: 'return traffic of outbound connections' },
  ];
  if (tier === 'public') {
    for (const p of plan.openPorts)
      rules.push({ egress: false, protocol: p.protocol, cidr: p.source, fromPort: p.port, toPort: p.toPort ?? p.port, why: p.reason });
    if (plan.openPorts.length > 0) rules.push({ egress: true, protocol: 'tcp', cidr: ANYWHERE, ...EPHEMERAL, why: 'responses to clients of the open ports' });
  }
  return rules;
}

/**
 * A workload VPC whose only way to and from the internet is AWS Network Firewall
 * (PCI DSS 1.2, 1.3, 1.4): private subnets for workloads (default route to the NAT
 * gateway of their zone), public subnets for load balancers and NAT gateways (default
 * route to the firewall endpoint), firewall subnets (default route to the internet
 * gateway), and an internet gateway route table that sends inbound traffic for the
 * public subnets back through the firewall, so both directions cross it.
 *
 * Also: the VPC's default security group, network ACL and route table emptied (nothing
 * lands on them by accident; PCI DSS 1.2.1, 2.2), network ACLs per tier, VPC endpoints,
 * and flow logs of all traffic to the log archive (PCI DSS 10.2.1).
 */
export class WorkloadNetwork extends Construct {
  readonly vpc: Vpc;
  readonly subnets: Record<string, Subnet> = {};
  readonly firewall: EgressFirewall;
  readonly routeTables: Record<string, RouteTable> = {};
  readonly flowLog: FlowLog;
  readonly endpoints: VpcEndpoints;

  constructor(scope: Construct, id: string, props: WorkloadNetworkProps) {
    super(scope, id);
    const { names, plan } = props;
    const provider = props.provider;
    const name = names.vpcName(plan.account);
    const tag = (suffix: string) => ({ Name: `${name}-${suffix}` });

    this.vpc = new Vpc(this, 'vpc', { cidrBlock: plan.cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: name }, provider });
    const vpcId = this.vpc.id;

    // Rules left out: Terraform removes every rule of the default security group.
    new DefaultSecurityGroup(this, 'default-security-group', { vpcId, tags: tag('default-deny'), provider });
    new DefaultNetworkAcl(this, 'default-network-acl', { defaultNetworkAclId: this.vpc.defaultNetworkAclId, tags: tag('default-deny'), provider });
    new DefaultRouteTable(this, 'default-route-table', { defaultRouteTableId: this.vpc.defaultRouteTableId, route: [], tags: tag('default-unused'), provider });

    for (const s of plan.subnets) {
      this.subnets[`${s.tier}-${s.zone}`] = new Subnet(this, `subnet-${s.tier}-${s.zone}`, {
        vpcId,
        cidrBlock: s.cidr,
        availabilityZone: s.zone,
        mapPublicIpOnLaunch: false,
        tags: { ...tag(`${s.tier}-${s.zone}`), Tier: s.tier },
        provider,
      });
    }
    const subnet = (tier: Tier, zone: string) => this.subnets[`${tier}-${zone}`];
    const cidrOf = (tier: Tier, zone: string) => plan.subnets.find((s) => s.tier === tier && s.zone === zone)!.cidr;

    const igw = new InternetGateway(this, 'internet-gateway', { vpcId, tags: tag('igw'), provider });

    const key = new SecureKmsKey(this, 'key', {
      alias: names.networkKeyAlias,
      description: `Network logs of ${name} (firewall alerts)`,
      accountId: plan.accountId,
      partition: names.partition,
      provider,
      statements: [
        {
          Sid: 'CloudWatchLogsEncryptsNetworkLogGroups',
          Effect: 'Allow',
          Principal: { Service: `logs.${plan.region}.amazonaws.com` },
          Action: [...KEY_DATA_ACTIONS],
          Resource: '*',
          Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${names.partition}:logs:${plan.region}:${plan.accountId}:log-group:*` } },
        },
      ],
    });

    const flowLogBucket = names.flowLogBucket;
    this.firewall = new EgressFirewall(this, 'firewall', {
      name,
      vpcId,
      vpcCidr: plan.cidr,
      subnets: plan.zones.map((zone) => ({ zone, subnetId: subnet('firewall', zone).id })),
      egressDomains: plan.egressDomains,
      openPorts: plan.openPorts,
      publicCidrs: plan.zones.map((zone) => cidrOf('public', zone)),
      alertLogGroupName: names.firewallAlertLogGroup(plan.account),
      alertLogKeyArn: key.arn,
      alertRetentionDays: props.alertRetentionDays,
      flowLogBucket,
      provider,
    });

    const table = (tableId: string, subnets: Subnet[]) => {
      const rt = new RouteTable(this, `route-table-${tableId}`, { vpcId, tags: tag(tableId), provider });
      subnets.forEach((s, i) => new RouteTableAssociation(this, `route-table-${tableId}-association-${i}`, { routeTableId: rt.id, subnetId: s.id, provider }));
      this.routeTables[tableId] = rt;
      return rt;
    };

    // Firewall subnets: out to the internet gateway.
    const firewallTable = table('firewall', plan.zones.map((zone) => subnet('firewall', zone)));
    new Route(this, 'route-firewall-default', { routeTableId: firewallTable.id, destinationCidrBlock: ANYWHERE, gatewayId: igw.id, provider });

    // Inbound: the internet gateway hands traffic for each public subnet to the firewall of its zone.
    const edge = new RouteTable(this, 'route-table-internet-gateway', { vpcId, tags: tag('igw-ingress'), provider });
    this.routeTables['internet-gateway'] = edge;
    new RouteTableAssociation(this, 'route-table-internet-gateway-association', { routeTableId: edge.id, gatewayId: igw.id, provider });

    const privateTables: RouteTable[] = [];
    for (const zone of plan.zones) {
      const endpoint = this.firewall.endpointId(zone);
      new Route(this, `route-internet-gateway-${zone}`, { routeTableId: edge.id, destinationCidrBlock: cidrOf('public', zone), vpcEndpointId: endpoint, provider });

      const eip = new Eip(this, `nat-eip-${zone}`, { domain: 'vpc', tags: tag(`nat-${zone}`), provider });
      const nat = new NatGateway(this, `nat-${zone}`, { allocationId: eip.id, subnetId: subnet('public', zone).id, tags: tag(`nat-${zone}`), provider, dependsOn: [igw] });

      const publicTable = table(`public-${zone}`, [subnet('public', zone)]);
      new Route(this, `route-public-${zone}-default`, { routeTableId: publicTable.id, destinationCidrBlock: ANYWHERE, vpcEndpointId: endpoint, provider });

      const privateTable = table(`private-${zone}`, [subnet('private', zone)]);
      new Route(this, `route-private-${zone}-default`, { routeTableId: privateTable.id, destinationCidrBlock: ANYWHERE, natGatewayId: nat.id, provider });
      privateTables.push(privateTable);
    }

    for (const tier of ['private', 'public', 'firewall'] as const) {
      const acl = new NetworkAcl(this, `network-acl-${tier}`, {
        vpcId,
        subnetIds: plan.zones.map((zone) => subnet(tier, zone).id),
        tags: tag(tier),
        provider,
      });
      const numbers = { ingress: 100, egress: 100 };
      for (const rule of aclRules(plan, tier)) {
        const direction = rule.egress ? 'egress' : 'ingress';
        const ruleNumber = numbers[direction];
        numbers[direction] += 10;
        new NetworkAclRule(this, `network-acl-${tier}-${direction}-${ruleNumber}`, {
          networkAclId: acl.id,
          ruleNumber,
          egress: rule.egress,
          protocol: PROTOCOL[rule.protocol],
          ruleAction: 'allow',
          cidrBlock: rule.cidr,
          fromPort: rule.protocol === 'all' ? undefined : rule.fromPort,
          toPort: rule.protocol === 'all' ? undefined : rule.toPort,
          provider,
        });
      }
    }

    this.endpoints = new VpcEndpoints(this, 'endpoints', {
      name,
      region: plan.region,
      vpcId,
      vpcCidr: plan.cidr,
      subnetIds: plan.zones.map((zone) => subnet('private', zone).id),
      routeTableIds: privateTables.map((t) => t.id),
      provider,
    });

    // Every flow, accepted or rejected, to the log archive (PCI DSS 10.2.1, 10.3.3).
    this.flowLog = new FlowLog(this, 'flow-log', {
      vpcId,
      trafficType: 'ALL',
      logDestinationType: 's3',
      logDestination: `arn:${names.partition}:s3:::${flowLogBucket}`,
      maxAggregationInterval: 60,
      destinationOptions: { fileFormat: 'parquet', perHourPartition: true, hiveCompatiblePartitions: false },
      tags: tag('flow-log'),
      provider,
    });
  }
}
