/**
 * Config of the organization-wide security services, run from the delegated
 * administrator in every allowed region: GuardDuty and its protection plans, Security
 * Hub and its standards, Inspector, IAM Access Analyzer. Everything is on by default;
 * an organization with a cardholder data environment cannot switch off what PCI DSS
 * requires (validated below).
 */
import { z } from 'zod';
// Type-only imports: schema.ts imports this file, so a runtime import back would be circular.
import type { Organization } from './schema';
import type { Problem } from './validate';

/** Security Hub standards, by key; ARNs are built per partition and region in modules/security-services/security-hub.ts. */
export const SECURITY_HUB_STANDARDS = {
  'pci-dss-v4.0.1': 'standards/pci-dss/v/4.0.1',
  'aws-foundational-security-best-practices-v1.0.0': 'standards/aws-foundational-security-best-practices/v/1.0.0',
  'cis-aws-foundations-benchmark-v3.0.0': 'standards/cis-aws-foundations-benchmark/v/3.0.0',
  'nist-800-53-v5.0.0': 'standards/nist-800-53/v/5.0.0',
} as const;
export type SecurityHubStandard = keyof typeof SECURITY_HUB_STANDARDS;
const STANDARD_KEYS = Object.keys(SECURITY_HUB_STANDARDS) as [SecurityHubStandard, ...SecurityHubStandard[]];

const on = z.boolean().default(true);

const guardDutySchema = z.strictObject({
  /** GuardDuty in every allowed region, auto-enabled for every member (PCI DSS 10.7.2, 11.5.1). @default true */
  enabled: on,
  /** How often updated findings are exported. @default "FIFTEEN_MINUTES" */
  findingPublishingFrequency: z.enum(['FIFTEEN_MINUTES', 'ONE_HOUR', 'SIX_HOURS']).default('FIFTEEN_MINUTES'),
  /** Protection plans; switch one off only where the region lacks it. @default all true */
  protections: z
    .strictObject({
      s3DataEvents: on,
      eksAuditLogs: on,
      ebsMalwareProtection: on,
      rdsLoginEvents: on,
      lambdaNetworkLogs: on,
      /** Runtime Monitoring for EKS, ECS Fargate and EC2, with the agents managed by GuardDuty. */
      runtimeMonitoring: on,
    })
    .prefault({}),
});

const securityHubSchema = z.strictObject({
  /** Security Hub in every account and allowed region through central configuration (PCI DSS 10.4.1, 11.5). @default true */
  enabled: on,
  /** Standards enabled in every account. @default PCI DSS v4.0.1 and AWS FSBP */
  standards: z
    .array(z.enum(STANDARD_KEYS, { error: `must be one of ${STANDARD_KEYS.join(', ')}` }))
    .default(['pci-dss-v4.0.1', 'aws-foundational-security-best-practices-v1.0.0']),
  /** Control ids disabled in every account (e.g. "Macie.1"); record each as an exception. @default [] */
  disabledControls: z.array(z.string().regex(/^[A-Za-z0-9]+\.\d+$/, { error: 'is not a control id; fix: e.g. "EC2.8"' })).default([]),
});

const inspectorSchema = z.strictObject({
  /** Inspector vulnerability scanning, auto-enabled for every member (PCI DSS 6.3.1, 11.3.1). @default true */
  enabled: on,
  ec2: on,
  ecr: on,
  lambda: on,
  /** Lambda code scanning (not available in every region). @default true */
  lambdaCode: on,
});

export const securityServicesSchema = z.strictObject({
  guardDuty: guardDutySchema.prefault({}),
  securityHub: securityHubSchema.prefault({}),
  inspector: inspectorSchema.prefault({}),
  /** IAM Access Analyzer with the organization as zone of trust, in every allowed region (PCI DSS 7.2.1). */
  accessAnalyzer: z.strictObject({ enabled: on }).prefault({}),
});

export type SecurityServicesConfig = z.output<typeof securityServicesSchema>;

/** Semantic checks of the `securityServices` section (registered in validate.ts). */
export function securityServicesRules(org: Organization): Problem[] {
  const s = org.securityServices;
  const problems: Problem[] = [];
  const cde = org.accounts.filter((a) => a.pciScope === 'cde').map((a) => `"${a.name}"`);
  const inCde = cde.length > 0 ? `the organization has cardholder data environment accounts (${cde.join(', ')})` : '';
  const required: [boolean, string, string][] = [
    [s.guardDuty.enabled, 'securityServices.guardDuty.enabled', 'PCI DSS 11.5.1 requires intrusion detection on the CDE'],
    [s.securityHub.enabled, 'securityServices.securityHub.enabled', 'PCI DSS 10.4.1 requires the security events to be reviewed'],
    [s.inspector.enabled, 'securityServices.inspector.enabled', 'PCI DSS 11.3.1 requires internal vulnerability scans'],
  ];
  if (inCde)
    for (const [enabled, path, why] of required)
      if (!enabled) problems.push({ path, message: `is false, but ${inCde}: ${why}; fix: set it to true`, received: false });
  if (inCde && s.securityHub.enabled && !s.securityHub.standards.includes('pci-dss-v4.0.1'))
    problems.push({
      path: 'securityServices.securityHub.standards',
      message: `leaves out "pci-dss-v4.0.1", but ${inCde}; fix: add "pci-dss-v4.0.1"`,
      received: s.securityHub.standards,
    });
  const seen = new Set<string>();
  s.securityHub.standards.forEach((standard, i) => {
    if (seen.has(standard)) problems.push({ path: `securityServices.securityHub.standards[${i}]`, message: 'is listed twice; fix: remove the duplicate', received: standard });
    seen.add(standard);
  });
  return problems;
}
