import { parseCidr, overlaps } from '../../../modules/network/cidr';
import { INTERFACE_ENDPOINT_SERVICES } from '../../../modules/network/vpc-endpoints';
import { exampleCopy, onlyResource, parsePolicy, resources, synthOrg, type StackJson } from '../../helpers/synth';
import { simulate } from '../../helpers/iam';

const { stacks } = synthOrg();
const prod = stacks.prod;
const LOGGING = '222222222222';
const FLOW_BUCKET = 'acme-pci-flow-logs-222222222222-eu-west-1';

/** Resource address ("type.name") of a "${type.name.attr}" reference. */
const target = (ref: string) => /^\$\{([\w-]+\.[\w-]+)\./.exec(ref)?.[1];

/**
 * Follows the default route (0.0.0.0/0) from a subnet, hop by hop, as AWS would:
 * NAT gateway -> its subnet's table, firewall endpoint -> the firewall subnets' table,
 * until the internet gateway. Returns the hops.
 */
function egressPath(stack: StackJson, subnetAddress: string): string[] {
  const assoc = Object.values(resources(stack, 'aws_route_table_association'));
  const routes = Object.values(resources(stack, 'aws_route'));
  const tableOf = (subnet: string) => target(assoc.find((a: any) => a.subnet_id && target(a.subnet_id) === subnet)!.route_table_id);
  const firewallSubnets = Object.entries(resources(stack, 'aws_subnet')).filter(([, s]: any) => s.tags.Tier === 'firewall').map(([n]) => `aws_subnet.${n}`);
  const hops: string[] = [];
  let subnet = subnetAddress;
  for (let i = 0; i < 5; i++) {
    const table = tableOf(subnet);
    const route: any = routes.find((r: any) => target(r.route_table_id) === table && r.destination_cidr_block === '0.0.0.0/0');
    if (!route) return [...hops, 'no default route'];
    if (route.gateway_id) return [...hops, 'internet gateway'];
    if (route.nat_gateway_id) {
      hops.push('nat');
      subnet = target(resources(stack, 'aws_nat_gateway')[route.nat_gateway_id.split('.')[1]].subnet_id)!;
    } else if (String(route.vpc_endpoint_id).includes('aws_networkfirewall_firewall')) {
      hops.push('firewall');
      subnet = firewallSubnets[0];
    } else return [...hops, `unknown target ${JSON.stringify(route)}`];
  }
  return hops;
}

const subnetsOfTier = (stack: StackJson, tier: string) =>
  Object.entries(resources(stack, 'aws_subnet')).filter(([, s]: any) => s.tags.Tier === tier).map(([n, s]) => ({ address: `aws_subnet.${n}`, ...(s as any) }));

describe('workload VPC (prod, CDE)', () => {
  test('has private, public and firewall subnets in three zones, inside the VPC range, none public on launch', () => {
    const vpc = onlyResource(prod, 'aws_vpc');
    expect(vpc.cidr_block).toBe('10.30.0.0/16');
    for (const tier of ['private', 'public', 'firewall']) {
      const subnets = subnetsOfTier(prod, tier);
      expect(subnets.map((s) => s.availability_zone).sort()).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
      for (const s of subnets) {
        expect(s.map_public_ip_on_launch).toBe(false);
        expect(overlaps(parseCidr(s.cidr_block)!, parseCidr('10.30.0.0/16')!)).toBe(true);
      }
    }
  });

  test('no private (CDE) subnet reaches the internet without crossing the firewall', () => {
    const privates = subnetsOfTier(prod, 'private');
    expect(privates).toHaveLength(3);
    for (const s of privates) expect(egressPath(prod, s.address)).toEqual(['nat', 'firewall', 'internet gateway']);
  });

  test('no route table but the firewall subnets\' sends 0.0.0.0/0 to the internet gateway', () => {
    const routes = Object.values(resources(prod, 'aws_route')).filter((r: any) => r.gateway_id);
    expect(routes).toHaveLength(1);
    expect(target((routes[0] as any).route_table_id)).toMatch(/route-table-firewall/);
  });

  test('the internet gateway sends traffic for each public subnet back through the firewall endpoint of its zone', () => {
    const edge = Object.values(resources(prod, 'aws_route_table_association')).filter((a: any) => a.gateway_id);
    expect(edge).toHaveLength(1);
    const edgeTable = target((edge[0] as any).route_table_id);
    const edgeRoutes: any[] = Object.values(resources(prod, 'aws_route')).filter((r: any) => target(r.route_table_id) === edgeTable);
    expect(edgeRoutes.map((r) => r.destination_cidr_block).sort()).toEqual(subnetsOfTier(prod, 'public').map((s) => s.cidr_block).sort());
    for (const r of edgeRoutes) {
      const zone = subnetsOfTier(prod, 'public').find((s) => s.cidr_block === r.destination_cidr_block)!.availability_zone;
      expect(r.vpc_endpoint_id).toMatch(/aws_networkfirewall_firewall\.network_firewall_\w+\.firewall_status\[0\]\.sync_states/);
      expect(r.vpc_endpoint_id).toContain(`["${zone}"]`);
    }
  });

  test('the default security group keeps no rule, the default network ACL and route table none either', () => {
    const sg = onlyResource(prod, 'aws_default_security_group');
    expect(sg.ingress).toBeUndefined();
    expect(sg.egress).toBeUndefined();
    expect(onlyResource(prod, 'aws_default_network_acl').ingress).toBeUndefined();
    expect(onlyResource(prod, 'aws_default_route_table').route).toEqual([]);
  });

  test('flow logs record all traffic to the log archive bucket', () => {
    const flow = onlyResource(prod, 'aws_flow_log');
    expect(flow).toMatchObject({ traffic_type: 'ALL', log_destination_type: 's3', log_destination: `arn:aws:s3:::${FLOW_BUCKET}`, max_aggregation_interval: 60 });
    expect(flow.vpc_id).toMatch(/aws_vpc\./);
  });

  test('the firewall drops and alerts on everything not allowed, in strict order, and is protected from deletion', () => {
    const policy = onlyResource(prod, 'aws_networkfirewall_firewall_policy').firewall_policy;
    expect(policy.stateful_default_actions).toEqual(['aws:drop_established', 'aws:alert_established']);
    expect(policy.stateful_engine_options.rule_order).toBe('STRICT_ORDER');
    expect(policy.stateless_default_actions).toEqual(['aws:forward_to_sfe']);
    const firewall = onlyResource(prod, 'aws_networkfirewall_firewall');
    expect(firewall).toMatchObject({ delete_protection: true, subnet_change_protection: true });
    expect(firewall.subnet_mapping).toHaveLength(3);
  });

  test('the domain allow-list comes from the config and filters on TLS SNI and HTTP Host', () => {
    const groups = Object.values(resources(prod, 'aws_networkfirewall_rule_group')) as any[];
    const domains = groups.find((g) => g.name === 'acme-pci-prod-egress-domains');
    expect(domains.rule_group.rules_source.rules_source_list).toEqual({ generated_rules_type: 'ALLOWLIST', target_types: ['TLS_SNI', 'HTTP_HOST'], targets: ['.amazonaws.com', 'api.payments.example.com'] });
    expect(domains.rule_group.rule_variables.ip_sets[0]).toEqual({ key: 'HOME_NET', ip_set: { definition: ['10.30.0.0/16'] } });
  });

  test('inbound pass rules cover only the open ports, to the public subnets', () => {
    const inbound = (Object.values(resources(prod, 'aws_networkfirewall_rule_group')) as any[]).find((g) => g.name === 'acme-pci-prod-inbound');
    const rules = inbound.rule_group.rules_source.stateful_rule;
    expect(rules).toHaveLength(3);
    const publics = subnetsOfTier(prod, 'public').map((s) => s.cidr_block).sort();
    expect(rules.map((r: any) => r.header.destination).sort()).toEqual(publics);
    for (const r of rules) expect(r).toMatchObject({ action: 'PASS', header: { protocol: 'TCP', destination_port: '443', source: 'ANY' } });
  });

  test('firewall alerts go to a KMS-encrypted log group kept a year, flows to the log archive', () => {
    const group = onlyResource(prod, 'aws_cloudwatch_log_group');
    expect(group.retention_in_days).toBeGreaterThanOrEqual(365);
    expect(group.kms_key_id).toMatch(/aws_kms_key\./);
    const logging = onlyResource(prod, 'aws_networkfirewall_logging_configuration').logging_configuration.log_destination_config;
    expect(logging).toEqual([
      expect.objectContaining({ log_type: 'ALERT', log_destination_type: 'CloudWatchLogs' }),
      { log_type: 'FLOW', log_destination_type: 'S3', log_destination: { bucketName: FLOW_BUCKET } },
    ]);
  });

  test('interface endpoints for SSM, logs, KMS and STS in the private subnets, and an S3 gateway endpoint', () => {
    const endpoints = Object.values(resources(prod, 'aws_vpc_endpoint')) as any[];
    const interfaces = endpoints.filter((e) => e.vpc_endpoint_type === 'Interface');
    expect(interfaces.map((e) => e.service_name).sort()).toEqual(INTERFACE_ENDPOINT_SERVICES.map((s) => `com.amazonaws.eu-west-1.${s}`).sort());
    for (const e of interfaces) expect(e).toMatchObject({ private_dns_enabled: true, subnet_ids: expect.arrayContaining([expect.stringMatching(/subnet-private/)]) });
    expect(endpoints.find((e) => e.vpc_endpoint_type === 'Gateway').service_name).toBe('com.amazonaws.eu-west-1.s3');
    const ingress = Object.values(resources(prod, 'aws_vpc_security_group_ingress_rule')) as any[];
    expect(ingress).toEqual([expect.objectContaining({ from_port: 443, to_port: 443, cidr_ipv4: '10.30.0.0/16' })]);
  });

  test('network ACLs: private subnets accept nothing from outside but return traffic, public subnets only the open ports', () => {
    const acls = resources(prod, 'aws_network_acl');
    const rules = Object.values(resources(prod, 'aws_network_acl_rule')) as any[];
    const inbound = (tier: string) => {
      const acl = Object.keys(acls).find((n) => n.includes(`network-acl-${tier}`))!;
      return rules.filter((r) => !r.egress && target(r.network_acl_id) === `aws_network_acl.${acl}` && r.cidr_block === '0.0.0.0/0').map((r) => `${r.protocol}:${r.from_port}-${r.to_port}`);
    };
    expect(inbound('private')).toEqual(['6:1024-65535']);
    expect(inbound('public').sort()).toEqual(['6:1024-65535', '6:443-443']);
  });
});

describe('flow log archive (logging stack)', () => {
  const logging = stacks.logging;
  const bucketPolicy = () => {
    const policies = resources(logging, 'aws_s3_bucket_policy');
    const name = Object.keys(policies).find((n) => n.startsWith('flow-log-archive'))!;
    return parsePolicy(policies[name].policy);
  };

  test('the bucket has Object Lock and SSE-KMS with its own key', () => {
    const bucket = (Object.values(resources(logging, 'aws_s3_bucket')) as any[]).find((b) => b.bucket === FLOW_BUCKET);
    expect(bucket.object_lock_enabled).toBe(true);
    const aliases = (Object.values(resources(logging, 'aws_kms_alias')) as any[]).map((a) => a.name);
    expect(aliases).toContain('alias/acme-pci-flow-logs');
  });

  test('log delivery may write flow logs of the VPC accounts only, under their own prefix', async () => {
    const policy = bucketPolicy();
    const put = (account: string, sourceAccount: string) =>
      simulate({
        principal: 'delivery.logs.amazonaws.com',
        action: 's3:PutObject',
        resource: `arn:aws:s3:::${FLOW_BUCKET}/AWSLogs/${account}/vpcflowlogs/eu-west-1/x.parquet`,
        resourceAccount: LOGGING,
        resourcePolicy: policy,
        context: { 'aws:SourceAccount': sourceAccount, 'aws:SourceArn': `arn:aws:logs:eu-west-1:${sourceAccount}:*`, 's3:x-amz-acl': 'bucket-owner-full-control' },
      });
    expect(await put('777777777777', '777777777777')).toBe('Allowed');
    expect(await put('555555555555', '555555555555')).toBe('Allowed');
    expect(await put('999999999999', '999999999999')).not.toBe('Allowed');
    expect(await put('777777777777', '999999999999')).not.toBe('Allowed');
  });

  test('a VPC added to the config makes its account a writer', () => {
    const org = exampleCopy();
    org.accounts.push({ name: 'payments', id: '888888888888', email: 'aws-payments@example.com', role: 'workload', environment: 'prod', ou: 'Workloads/Prod', pciScope: 'cde' });
    (org as any).network.vpcs.payments = { cidr: '10.40.0.0/20', egressDomains: ['.amazonaws.com'] };
    const grown = synthOrg(org);
    const policies = resources(grown.stacks.logging, 'aws_s3_bucket_policy');
    const policy = parsePolicy(policies[Object.keys(policies).find((n) => n.startsWith('flow-log-archive'))!].policy);
    expect(policy.Statement.find((s: any) => s.Sid === 'LogDeliveryWrite').Condition.StringEquals['aws:SourceAccount']).toContain('888888888888');
    expect(onlyResource(grown.stacks.payments, 'aws_vpc').cidr_block).toBe('10.40.0.0/20');
  });
});
