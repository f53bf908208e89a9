/**
 * The example organization: what `npm run synth` and the tests build.
 * Placeholder account ids and example.com emails; copy it to describe your own.
 */
import type { OrganizationInput } from './schema';

export const exampleOrganization: OrganizationInput = {
  name: 'Acme Payments',
  prefix: 'acme-pci',
  homeRegion: 'eu-west-1',
  allowedRegions: ['eu-west-1', 'eu-central-1'],
  tags: { CostCenter: 'platform' },
  organizationalUnits: [
    { path: 'Security' },
    { path: 'Infrastructure' },
    { path: 'Workloads' },
    { path: 'Workloads/Prod' },
    { path: 'Workloads/NonProd' },
    { path: 'Suspended' },
  ],
  accounts: [
    { name: 'management', id: '111111111111', email: 'aws-management@example.com', role: 'management', ou: 'Root', pciScope: 'connected', stackRoleName: 'LandingZoneAdmin' },
    { name: 'logging', id: '222222222222', email: 'aws-logging@example.com', role: 'logging', ou: 'Security', pciScope: 'connected' },
    { name: 'auth', id: '333333333333', email: 'aws-auth@example.com', role: 'auth', ou: 'Security', pciScope: 'connected' },
    { name: 'transversal', id: '444444444444', email: 'aws-transversal@example.com', role: 'transversal', ou: 'Infrastructure', pciScope: 'connected' },
    { name: 'dev', id: '555555555555', email: 'aws-dev@example.com', role: 'workload', environment: 'dev', ou: 'Workloads/NonProd', pciScope: 'out-of-scope' },
    { name: 'staging', id: '666666666666', email: 'aws-staging@example.com', role: 'workload', environment: 'staging', ou: 'Workloads/NonProd', pciScope: 'connected' },
    { name: 'prod', id: '777777777777', email: 'aws-prod@example.com', role: 'workload', environment: 'prod', ou: 'Workloads/Prod', pciScope: 'cde', regions: ['eu-west-1', 'eu-central-1'] },
  ],
};
