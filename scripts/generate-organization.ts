/**
 * A large synthetic organization for benchmarks: the example plus `workloads`
 * extra workload accounts spread over the environments.
 */
import { exampleOrganization } from '../accounts/example';
import type { OrganizationInput } from '../accounts';

const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

export function generateOrganization(workloads: number): OrganizationInput {
  const org = structuredClone(exampleOrganization) as OrganizationInput;
  for (let i = 0; i < workloads; i++) {
    const environment = ENVIRONMENTS[i % ENVIRONMENTS.length];
    org.accounts.push({
      name: `team-${String(i).padStart(3, '0')}-${environment}`,
      id: String(900000000000 + i),
      email: `aws-team-${i}@example.com`,
      role: 'workload',
      environment,
      ou: environment === 'prod' ? 'Workloads/Prod' : 'Workloads/NonProd',
      pciScope: environment === 'prod' ? 'cde' : 'out-of-scope',
    });
  }
  return org;
}
