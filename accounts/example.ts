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
  // New or compromised accounts go to Suspended: the quarantine SCP denies all but the landing zone's deploy path.
  guardrails: { quarantineOu: 'Suspended' },
  accounts: [
    { name: 'management', id: '111111111111', email: 'aws-management@example.com', role: 'management', ou: 'Root', pciScope: 'connected', stackRoleName: 'LandingZoneAdmin' },
    { name: 'logging', id: '222222222222', email: 'aws-logging@example.com', role: 'logging', ou: 'Security', pciScope: 'connected' },
    { name: 'auth', id: '333333333333', email: 'aws-auth@example.com', role: 'auth', ou: 'Security', pciScope: 'connected' },
    { name: 'transversal', id: '444444444444', email: 'aws-transversal@example.com', role: 'transversal', ou: 'Infrastructure', pciScope: 'connected' },
    { name: 'dev', id: '555555555555', email: 'aws-dev@example.com', role: 'workload', environment: 'dev', ou: 'Workloads/NonProd', pciScope: 'out-of-scope' },
    { name: 'staging', id: '666666666666', email: 'aws-staging@example.com', role: 'workload', environment: 'staging', ou: 'Workloads/NonProd', pciScope: 'connected' },
    { name: 'prod', id: '777777777777', email: 'aws-prod@example.com', role: 'workload', environment: 'prod', ou: 'Workloads/Prod', pciScope: 'cde', regions: ['eu-west-1', 'eu-central-1'] },
  ],
  organizationId: 'o-a1b2c3d4e5',
  // Access levels: the defaults (Master, Admin, Developer, SecurityAuditor, CostManager; accounts/identity.ts).
  identity: {
    users: [
      { name: 'alice.martin', levels: ['Master'], email: 'alice.martin@example.com' },
      { name: 'bruno.keller', levels: ['Admin'], email: 'bruno.keller@example.com' },
      { name: 'chloe.durand', levels: ['Developer'], email: 'chloe.durand@example.com' },
      { name: 'david.smith', levels: ['SecurityAuditor'], email: 'david.smith@example.com' },
      { name: 'emma.rossi', levels: ['CostManager'], email: 'emma.rossi@example.com' },
    ],
    rootCredentials: { custodians: ['CISO', 'Head of Platform'], storage: 'root passwords in the corporate vault (split knowledge), hardware MFA keys in the office safe' },
    breakGlass: { users: ['breakglass-1', 'breakglass-2'], notificationEmails: ['security-alerts@example.com'] },
  },
  // Log archive: the PCI defaults (365 days kept, 90 in S3 Standard, Object Lock 365 days; accounts/logging.ts).
  logging: { alarmEmails: ['security-alerts@example.com'] },
  // Workload VPCs (accounts/network.ts): egress only through Network Firewall to the listed domains.
  network: {
    vpcs: {
      dev: { cidr: '10.10.0.0/16', egressDomains: ['.amazonaws.com', 'registry.npmjs.org', 'github.com'] },
      staging: {
        cidr: '10.20.0.0/16',
        egressDomains: ['.amazonaws.com', 'api.payments.example.com'],
        openPorts: [{ port: 443, reason: 'HTTPS to the internet-facing application load balancer' }],
      },
      prod: {
        cidr: '10.30.0.0/16',
        availabilityZones: 3,
        egressDomains: ['.amazonaws.com', 'api.payments.example.com'],
        openPorts: [{ port: 443, reason: 'HTTPS to the internet-facing application load balancer' }],
      },
    },
  },
  // Deploy pipeline (accounts/pipeline.ts): CodeCommit source, approvers, merge-request plans from GitHub and GitLab through OIDC.
  pipeline: {
    approvalEmails: ['platform-team@example.com'],
    ci: { github: { repository: 'acme/pci-landing-zone' }, gitlab: { project: 'acme/pci-landing-zone' } },
  },
};
