/**
 * The subnet and routing plan of a workload VPC, computed from the config alone.
 * The VPC construct, its tests and the network evidence page all read this plan, so
 * what the auditor reads is what is deployed.
 *
 * The VPC range is cut in eighths: eighths 0-3 hold one private subnet per zone
 * (workloads), eighth 4 the public subnets (load balancers and NAT gateways only),
 * eighth 5 the /28 firewall subnets; eighths 6-7 stay free for later tiers.
 */
import type { Organization, PciScope } from '../../accounts';
import type { OpenPort, VpcConfig } from '../../accounts/network';
import { cidrSubnet, parseCidr } from './cidr';

export const TIERS = ['private', 'public', 'firewall'] as const;
export type Tier = (typeof TIERS)[number];

export interface SubnetPlan {
  readonly tier: Tier;
  readonly zone: string;
  readonly cidr: string;
}

export interface VpcPlan {
  readonly account: string;
  readonly accountId?: string;
  readonly pciScope: PciScope;
  readonly region: string;
  readonly cidr: string;
  readonly zones: readonly string[];
  readonly subnets: readonly SubnetPlan[];
  readonly egressDomains: readonly string[];
  readonly openPorts: readonly OpenPort[];
}

/** Where each tier's default route (0.0.0.0/0) goes: the egress path is private -> NAT -> firewall -> internet. */
export const DEFAULT_ROUTES: Record<Tier | 'internet gateway (ingress)', string> = {
  private: 'NAT gateway of the same zone (S3 through the gateway endpoint)',
  public: 'Network Firewall endpoint of the same zone',
  firewall: 'internet gateway',
  'internet gateway (ingress)': 'each public subnet through the firewall endpoint of its zone',
};

/** What each tier is for, as the evidence states it. */
export const TIER_PURPOSE: Record<Tier, string> = {
  private: 'workloads and interface endpoints; no route to the internet gateway',
  public: 'internet-facing load balancers and NAT gateways only',
  firewall: 'Network Firewall endpoints',
};

/** The plan of one VPC. */
export function vpcPlan(org: Organization, accountName: string, vpc: VpcConfig): VpcPlan {
  const account = org.accounts.find((a) => a.name === accountName);
  const region = vpc.region ?? org.homeRegion;
  const prefix = parseCidr(vpc.cidr)!.prefix;
  const zones = 'abcd'.slice(0, vpc.availabilityZones).split('').map((letter) => `${region}${letter}`);
  const subnets: SubnetPlan[] = [];
  zones.forEach((zone, i) => {
    subnets.push({ tier: 'private', zone, cidr: cidrSubnet(vpc.cidr, 3, i) });
    subnets.push({ tier: 'public', zone, cidr: cidrSubnet(vpc.cidr, 5, 16 + i) });
    // A /28 (the smallest Network Firewall accepts) at the start of eighth 5.
    subnets.push({ tier: 'firewall', zone, cidr: cidrSubnet(vpc.cidr, 28 - prefix, 5 * 2 ** (25 - prefix) + i) });
  });
  return {
    account: accountName,
    accountId: account?.id,
    pciScope: account?.pciScope ?? 'out-of-scope',
    region,
    cidr: vpc.cidr,
    zones,
    subnets: TIERS.flatMap((tier) => subnets.filter((s) => s.tier === tier)),
    egressDomains: vpc.egressDomains,
    openPorts: vpc.openPorts,
  };
}

/** Plans of every VPC of the config, in config order. */
export function vpcPlans(org: Organization): VpcPlan[] {
  return Object.entries(org.network.vpcs).map(([name, vpc]) => vpcPlan(org, name, vpc));
}

/** "tcp/443" or "tcp/8000-8010". */
export function portLabel(p: OpenPort): string {
  return `${p.protocol}/${p.toPort !== undefined && p.toPort !== p.port ? `${p.port}-${p.toPort}` : p.port}`;
}
