/**
 * The network evidence page (docs/network/network.md): every workload VPC, its
 * subnets, routes, network ACLs, allowed egress domains and open ports with their
 * reasons, generated from the config and the same subnet plan the stacks deploy
 * (PCI DSS 1.2.3 network diagram, 1.2.4 data flows, 1.2.5 approved ports).
 * Part of the evidence pack (evidence/index.ts).
 */
import type { Organization } from '../../accounts';
import { DEFAULT_ROUTES, TIER_PURPOSE, TIERS, portLabel, vpcPlans } from '../../modules/network/layout';
import { INTERFACE_ENDPOINT_SERVICES } from '../../modules/network/vpc-endpoints';
import { aclRules } from '../../modules/network/workload-network';
import { label, mermaid, table } from '../markdown';
import type { PageGenerator } from '../page';

/** The page body, as markdown. */
export function networkMarkdown(org: Organization): string {
  const plans = vpcPlans(org);
  const out: string[] = [
    'Every workload VPC reaches the internet only through AWS Network Firewall, in both directions: private subnets route to the NAT gateway of their zone, the NAT gateway\'s public subnet routes to the firewall endpoint, the firewall subnet to the internet gateway, and the internet gateway sends traffic for the public subnets back through the firewall. The firewall passes HTTP and TLS only to the allowed domains (Host header, TLS SNI) and the open ports listed below; every other established flow is dropped and alerted (strict order, `aws:drop_established` + `aws:alert_established`). Alerts go to CloudWatch Logs (KMS, 365 days), firewall flow logs and VPC flow logs (all traffic) to the log archive bucket with Object Lock.',
    '',
    'The default security group, default network ACL and default route table of each VPC are emptied. Instances are reached through SSM Session Manager over VPC endpoints, never SSH or RDP from the internet.',
    '',
    '## VPCs',
    '',
    plans.length === 0
      ? '_No workload VPC is configured._'
      : table(
          ['account', 'PCI scope', 'region', 'CIDR', 'zones', 'allowed egress domains', 'open ports'],
          plans.map((p) => [p.account, p.pciScope, p.region, p.cidr, p.zones.join(', '), p.egressDomains.join(', ') || '(none: all web egress dropped)', p.openPorts.map(portLabel).join(', ') || '(none)']),
        ),
    '',
    '## Tiers and default routes',
    '',
    mermaid([
      'flowchart LR',
      `  internet((${label('internet')}))`,
      `  igw[${label('internet gateway (ingress route table)')}]`,
      `  fw{{${label('Network Firewall: domain allow-list and open ports; everything else dropped and alerted')}}}`,
      `  public[${label('public subnets: load balancers, NAT gateways')}]`,
      `  nat[${label('NAT gateway')}]`,
      `  private[${label('private subnets: workloads (CDE in cde accounts)')}]`,
      `  endpoints[${label(`VPC endpoints: ${INTERFACE_ENDPOINT_SERVICES.join(', ')}, s3`)}]`,
      `  archive[(${label('log archive: VPC and firewall flow logs')})]`,
      '  internet <--> igw',
      '  igw <-- each public subnet via the firewall of its zone --> fw',
      '  fw <--> public',
      '  private -- 0.0.0.0/0 --> nat',
      '  nat --- public',
      '  private -- AWS APIs --> endpoints',
      '  private -. flow logs .-> archive',
      '  fw -. flow logs .-> archive',
    ]),
    '',
    table(
      ['tier', 'for', 'default route (0.0.0.0/0)'],
      [...TIERS.map((t) => [t, TIER_PURPOSE[t], DEFAULT_ROUTES[t]]), ['internet gateway (ingress route table)', 'traffic arriving from the internet', DEFAULT_ROUTES['internet gateway (ingress)']]],
    ),
    '',
    `VPC endpoints in the private subnets: interface endpoints for ${INTERFACE_ENDPOINT_SERVICES.join(', ')} (private DNS, HTTPS from the VPC only) and a gateway endpoint for S3 on the private route tables.`,
  ];
  for (const p of plans) {
    out.push('', `## ${p.account} (${p.pciScope}, ${p.cidr})`, '', '### Subnets', '');
    out.push(table(['tier', 'zone', 'CIDR', 'default route'], p.subnets.map((s) => [s.tier, s.zone, s.cidr, DEFAULT_ROUTES[s.tier]])));
    out.push('', '### Allowed egress domains', '');
    out.push(p.egressDomains.length ? p.egressDomains.map((d) => `- \`${d}\`${d.startsWith('.') ? ' (and its subdomains)' : ''}`).join('\n') : '_None: every outbound web request is dropped and alerted._');
    out.push('', '### Open ports (inbound from outside the VPC, to the public subnets only)', '');
    out.push(p.openPorts.length ? table(['port', 'source', 'reason'], p.openPorts.map((o) => [portLabel(o), o.source, o.reason])) : '_None._');
    out.push('', '### Network ACLs', '');
    out.push(
      table(
        ['tier', 'direction', 'protocol', 'ports', 'peer', 'why'],
        TIERS.flatMap((tier) =>
          aclRules(p, tier).map((r) => [tier, r.egress ? 'out' : 'in', r.protocol, r.protocol === 'all' ? 'all' : r.fromPort === r.toPort ? String(r.fromPort) : `${r.fromPort}-${r.toPort}`, r.cidr, r.why]),
        ),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

/** VPCs, subnets, routes, egress allow-list and open ports with their reasons. */
export const networkPage: PageGenerator = ({ org }) => ({
  path: 'network/network.md',
  title: 'Network: workload VPCs and egress filtering',
  answers: 'How does traffic flow in and out of the CDE, and which ports and destinations are allowed and why? (PCI DSS 1.2.3, 1.2.4, 1.2.5, 1.3, 1.4)',
  body: networkMarkdown(org),
});
