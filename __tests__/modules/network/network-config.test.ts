import { validateOrganization } from '../../../accounts';
import { cidrSubnet, formatCidr, overlaps, parseCidr } from '../../../modules/network/cidr';
import { vpcPlan } from '../../../modules/network/layout';
import { exampleCopy, problemsOf } from '../../helpers/synth';

describe('network config', () => {
  test('defaults to no VPC, two zones, no domains and no open ports', () => {
    const org: any = exampleCopy();
    delete org.network;
    expect(validateOrganization(org).network).toEqual({ vpcs: {} });
    const withVpc: any = exampleCopy();
    withVpc.network = { vpcs: { dev: { cidr: '10.10.0.0/16' } } };
    expect(validateOrganization(withVpc).network.vpcs.dev).toEqual({ cidr: '10.10.0.0/16', availabilityZones: 2, egressDomains: [], openPorts: [] });
  });

  test('fails when two VPC ranges overlap, naming both and the fix', () => {
    const error = problemsOf((org) => (org.network.vpcs.prod.cidr = '10.20.128.0/17'));
    expect(error.message).toContain(
      'network.vpcs.prod.cidr: overlaps network.vpcs.staging.cidr (10.20.0.0/16): overlapping VPCs cannot be connected or told apart in flow logs; fix: give each VPC its own range (received "10.20.128.0/17")',
    );
    expect(error.problems).toHaveLength(1);
  });

  test('fails when a CDE VPC has an empty egress allow-list', () => {
    const error = problemsOf((org) => (org.network.vpcs.prod.egressDomains = []));
    expect(error.message).toContain('network.vpcs.prod.egressDomains: is empty for "prod", a cardholder data environment account: its outbound traffic must be limited to a reviewed allow-list (PCI DSS 1.3.2); fix: list the domains');
  });

  test('accepts an empty egress allow-list outside the CDE (all web egress dropped)', () => {
    const org: any = exampleCopy();
    org.network.vpcs.dev.egressDomains = [];
    expect(validateOrganization(org).network.vpcs.dev.egressDomains).toEqual([]);
  });

  test('fails when a range has host bits set, suggesting the network address', () => {
    const error = problemsOf((org) => (org.network.vpcs.dev.cidr = '10.10.5.0/16'));
    expect(error.message).toContain('network.vpcs.dev.cidr: has host bits set; fix: use the network address "10.10.0.0/16" (received "10.10.5.0/16")');
  });

  test('fails when a range is too large, too small or public', () => {
    expect(problemsOf((org) => (org.network.vpcs.dev.cidr = '10.0.0.0/8')).message).toContain('network.vpcs.dev.cidr: must be a /16 to /22');
    expect(problemsOf((org) => (org.network.vpcs.dev.cidr = '10.10.0.0/24')).message).toContain('network.vpcs.dev.cidr: must be a /16 to /22');
    expect(problemsOf((org) => (org.network.vpcs.dev.cidr = '8.8.0.0/16')).message).toContain('network.vpcs.dev.cidr: is not a private range; fix: use a range inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16');
  });

  test('fails when a VPC is keyed by an account that is not a workload', () => {
    const error = problemsOf((org) => (org.network.vpcs.logging = { cidr: '10.40.0.0/16' }));
    expect(error.message).toContain('network.vpcs.logging: names no workload account; fix: key each VPC by a workload account name: "dev", "staging", "prod" (received "logging")');
  });

  test('fails when SSH is opened to the internet, or a port has no reason', () => {
    expect(problemsOf((org) => (org.network.vpcs.dev.openPorts = [{ port: 20, toPort: 25, reason: 'legacy admin access for the vendor' }])).message).toContain(
      'network.vpcs.dev.openPorts[0]: opens SSH (tcp/22) to the internet (PCI DSS 1.3.1); fix: reach instances through SSM Session Manager',
    );
    expect(problemsOf((org) => (org.network.vpcs.dev.openPorts = [{ port: 443, reason: 'web' }])).message).toContain('network.vpcs.dev.openPorts[0].reason: must say why the port is open');
  });

  test('fails on a malformed or duplicate domain', () => {
    const error = problemsOf((org) => org.network.vpcs.dev.egressDomains.push('GitHub.com', 'github.com'));
    expect(error.message).toContain('network.vpcs.dev.egressDomains[3]: is not a domain name; fix: lowercase');
  });

  test('fails when the VPC region is not one of the account\'s regions', () => {
    expect(problemsOf((org) => (org.network.vpcs.dev.region = 'eu-central-1')).message).toContain('network.vpcs.dev.region: is not one of the account\'s regions; fix: use one of eu-west-1');
  });
});

describe('CIDR arithmetic and the subnet plan', () => {
  test('cidrSubnet matches Terraform cidrsubnet()', () => {
    expect(cidrSubnet('10.30.0.0/16', 3, 2)).toBe('10.30.64.0/19');
    expect(cidrSubnet('10.30.0.0/16', 12, 2561)).toBe('10.30.160.16/28');
    expect(() => cidrSubnet('10.30.0.0/16', 3, 8)).toThrow('cannot take subnet 8');
    expect(formatCidr(parseCidr('192.168.4.0/22')!)).toBe('192.168.4.0/22');
    expect(overlaps(parseCidr('10.0.0.0/16')!, parseCidr('10.0.255.0/24')!)).toBe(true);
    expect(overlaps(parseCidr('10.0.0.0/16')!, parseCidr('10.1.0.0/16')!)).toBe(false);
  });

  test.each(['10.30.0.0/16', '172.16.8.0/22'])('subnets of a %s VPC lie inside it and never overlap, firewall subnets are /28', (cidr) => {
    const org = validateOrganization(exampleCopy());
    const plan = vpcPlan(org, 'prod', { cidr, availabilityZones: 4, egressDomains: ['.amazonaws.com'], openPorts: [] });
    const vpc = parseCidr(cidr)!;
    expect(plan.subnets).toHaveLength(12);
    plan.subnets.forEach((a, i) => {
      const c = parseCidr(a.cidr)!;
      expect(c.base >= vpc.base && c.base < vpc.base + 2 ** (32 - vpc.prefix)).toBe(true);
      plan.subnets.slice(0, i).forEach((b) => expect(overlaps(c, parseCidr(b.cidr)!)).toBe(false));
    });
    expect(plan.subnets.filter((s) => s.tier === 'firewall').every((s) => s.cidr.endsWith('/28'))).toBe(true);
  });
});
