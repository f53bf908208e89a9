import { organization, validateOrganization } from '../../accounts';
import { networkMarkdown } from '../../evidence/pages/network';
import { exampleCopy } from '../helpers/synth';

const example = validateOrganization(organization);

describe('network evidence page', () => {
  test('lists every VPC with its subnets, egress domains and open ports with their reasons', () => {
    const page = networkMarkdown(example);
    expect(page).toContain('| prod | cde | eu-west-1 | 10.30.0.0/16 | eu-west-1a, eu-west-1b, eu-west-1c | .amazonaws.com, api.payments.example.com | tcp/443 |');
    expect(page).toContain('| firewall | eu-west-1c | 10.30.160.32/28 | internet gateway |');
    expect(page).toContain('| tcp/443 | 0.0.0.0/0 | HTTPS to the internet-facing application load balancer |');
    expect(page).toContain('- `registry.npmjs.org`');
  });

  test('changes when the config changes, so a stale page is caught', () => {
    const org = exampleCopy();
    (org as any).network.vpcs.prod.egressDomains.push('api.new-partner.example.com');
    expect(networkMarkdown(validateOrganization(org))).not.toBe(networkMarkdown(example));
    expect(networkMarkdown(validateOrganization(org))).toContain('api.new-partner.example.com');
  });
});
