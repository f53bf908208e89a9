/**
 * Config of the workload VPCs: one entry per workload account that gets a VPC, keyed
 * by account name. The subnet plan is derived from `cidr` (modules/network/layout.ts),
 * so the config holds only what a network reviewer approves: the range, the zones, the
 * domains workloads may reach on the internet and the ports open to the outside, each
 * with its business reason (PCI DSS 1.2.5, 1.3.1, 1.3.2).
 */
import { z } from 'zod';
// Type-only imports: schema.ts imports this file, so a runtime import back would be circular.
import type { Organization } from './schema';
import type { Problem } from './validate';
import { PRIVATE_RANGES, contains, formatCidr, isNetworkAddress, overlaps, parseCidr } from '../modules/network/cidr';

/** Smallest and largest VPC the subnet plan supports (/22 still leaves /27 public subnets for load balancers). */
export const VPC_PREFIX = { largest: 16, smallest: 22 } as const;
/** At most four zones: the plan has room for four subnets per tier. */
export const MAX_ZONES = 4;

const CIDR_TEXT = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;
// Network Firewall domain list syntax: a name, or a leading dot for the name and all its subdomains.
const DOMAIN = /^\.?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const openPortSchema = z.strictObject({
  /** Transport protocol. @default "tcp" */
  protocol: z.enum(['tcp', 'udp'], { error: 'must be "tcp" or "udp"' }).default('tcp'),
  /** Port (or first port of a range) open on the public subnets. */
  port: z.number({ error: 'must be a port number' }).int().min(1).max(65535, { error: 'must be 1-65535' }),
  /** Last port of the range. @default port */
  toPort: z.number().int().min(1).max(65535, { error: 'must be 1-65535' }).optional(),
  /** Who may connect, as a CIDR. @default "0.0.0.0/0" (the internet) */
  source: z.string().regex(CIDR_TEXT, { error: 'is not an IPv4 CIDR; fix: e.g. "0.0.0.0/0" or "203.0.113.0/24"' }).default('0.0.0.0/0'),
  /** Business reason, as the firewall rule review needs it (PCI DSS 1.2.5). */
  reason: z.string().min(10, { error: 'must say why the port is open (at least 10 characters); fix: e.g. "HTTPS to the public load balancer"' }),
});

const vpcSchema = z.strictObject({
  /** IPv4 range of the VPC, /16 to /22, inside RFC 1918, not overlapping any other VPC. */
  cidr: z.string().regex(CIDR_TEXT, { error: 'is not an IPv4 CIDR; fix: e.g. "10.20.0.0/16"' }),
  /** Availability zones (the region name plus a, b, c, d), each with its own subnets, NAT gateway and firewall endpoint. @default 2 */
  availabilityZones: z.number().int().min(1, { error: 'must be at least 1' }).max(MAX_ZONES, { error: `must be at most ${MAX_ZONES}` }).default(2),
  /** Region of the VPC; one of the account's regions. @default the home region */
  region: z.string().optional(),
  /**
   * Domains workloads may reach on the internet (HTTP Host and TLS SNI), through Network
   * Firewall; everything else is dropped and logged. ".example.com" also matches subdomains.
   * Required for a CDE account. @default []
   */
  egressDomains: z.array(z.string().regex(DOMAIN, { error: 'is not a domain name; fix: lowercase, e.g. "api.stripe.com" or ".amazonaws.com" for the domain and its subdomains' })).default([]),
  /** Ports open from outside the VPC to the public subnets (load balancers), with their reason. @default [] */
  openPorts: z.array(openPortSchema).default([]),
});

export const networkSchema = z.strictObject({
  /** Workload VPCs by workload account name. An account without an entry gets no VPC. @default {} */
  vpcs: z.record(z.string(), vpcSchema).default({}),
});

export type NetworkConfig = z.output<typeof networkSchema>;
export type VpcConfig = z.output<typeof vpcSchema>;
export type OpenPort = z.output<typeof openPortSchema>;

/** Ports never open to the internet (PCI DSS 1.3.1; Config rules restricted-ssh, restricted-common-ports). */
const ADMIN_PORTS: Record<number, string> = { 22: 'SSH', 3389: 'RDP' };

/** Semantic checks of the `network` section (registered in validate.ts). */
export function networkRules(org: Organization): Problem[] {
  const problems: Problem[] = [];
  const workloads = org.accounts.filter((a) => a.role === 'workload');
  const names = workloads.map((a) => `"${a.name}"`).join(', ') || '(none)';
  const parsed: { name: string; cidr: ReturnType<typeof parseCidr> & object }[] = [];

  for (const [name, vpc] of Object.entries(org.network.vpcs)) {
    const at = `network.vpcs.${name}`;
    const account = org.accounts.find((a) => a.name === name);
    if (!account || account.role !== 'workload')
      problems.push({ path: at, message: `names no workload account; fix: key each VPC by a workload account name: ${names}`, received: name });

    const cidr = parseCidr(vpc.cidr);
    if (!cidr) problems.push({ path: `${at}.cidr`, message: 'is not an IPv4 CIDR; fix: e.g. "10.20.0.0/16"', received: vpc.cidr });
    else if (!isNetworkAddress(cidr))
      problems.push({ path: `${at}.cidr`, message: `has host bits set; fix: use the network address "${formatCidr({ base: cidr.base - (cidr.base % 2 ** (32 - cidr.prefix)), prefix: cidr.prefix })}"`, received: vpc.cidr });
    else if (cidr.prefix < VPC_PREFIX.largest || cidr.prefix > VPC_PREFIX.smallest)
      problems.push({ path: `${at}.cidr`, message: `must be a /${VPC_PREFIX.largest} to /${VPC_PREFIX.smallest} (the subnet plan needs the room; AWS allows no larger VPC); fix: e.g. "10.20.0.0/16"`, received: vpc.cidr });
    else if (!PRIVATE_RANGES.some((r) => contains(parseCidr(r)!, cidr)))
      problems.push({ path: `${at}.cidr`, message: `is not a private range; fix: use a range inside ${PRIVATE_RANGES.join(', ')} (RFC 1918)`, received: vpc.cidr });
    else parsed.push({ name, cidr });

    const regions = new Set([org.homeRegion, ...(account?.regions ?? [])]);
    if (vpc.region !== undefined && !regions.has(vpc.region))
      problems.push({ path: `${at}.region`, message: `is not one of the account's regions; fix: use one of ${[...regions].join(', ')}, or add it to the account's regions`, received: vpc.region });

    if (account?.pciScope === 'cde' && vpc.egressDomains.length === 0)
      problems.push({
        path: `${at}.egressDomains`,
        message: `is empty for "${name}", a cardholder data environment account: its outbound traffic must be limited to a reviewed allow-list (PCI DSS 1.3.2); fix: list the domains the workloads need, e.g. [".amazonaws.com", "api.payment-provider.example"]`,
      });
    const seen = new Set<string>();
    vpc.egressDomains.forEach((domain, i) => {
      if (seen.has(domain)) problems.push({ path: `${at}.egressDomains[${i}]`, message: 'is listed twice; fix: remove the duplicate', received: domain });
      seen.add(domain);
    });

    vpc.openPorts.forEach((p, i) => {
      const pat = `${at}.openPorts[${i}]`;
      const source = parseCidr(p.source);
      if (!source || !isNetworkAddress(source)) problems.push({ path: `${pat}.source`, message: 'is not a network address in CIDR form; fix: e.g. "0.0.0.0/0" or "203.0.113.0/24"', received: p.source });
      if (p.toPort !== undefined && p.toPort < p.port) problems.push({ path: `${pat}.toPort`, message: `is below port (${p.port}); fix: give the last port of the range, or remove toPort`, received: p.toPort });
      const last = p.toPort ?? p.port;
      for (const [port, service] of Object.entries(ADMIN_PORTS))
        if (p.protocol === 'tcp' && p.port <= Number(port) && Number(port) <= last && p.source === '0.0.0.0/0')
          problems.push({ path: pat, message: `opens ${service} (tcp/${port}) to the internet (PCI DSS 1.3.1); fix: reach instances through SSM Session Manager (the VPC has its endpoints), or restrict source to an admin range`, received: p });
    });
  }

  for (let i = 0; i < parsed.length; i++)
    for (let j = 0; j < i; j++)
      if (overlaps(parsed[i].cidr, parsed[j].cidr))
        problems.push({
          path: `network.vpcs.${parsed[i].name}.cidr`,
          message: `overlaps network.vpcs.${parsed[j].name}.cidr (${formatCidr(parsed[j].cidr)}): overlapping VPCs cannot be connected or told apart in flow logs; fix: give each VPC its own range`,
          received: formatCidr(parsed[i].cidr),
        });
  return problems;
}
