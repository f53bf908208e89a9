/**
 * The AWS services given trusted access to the organization
 * (aws_organizations_organization.aws_service_access_principals), each with the
 * reason the landing zone needs it. Only what the stacks use: a principal here lets
 * that service create roles and resources in every member account.
 *
 * Deliberately absent: ram.amazonaws.com (nothing is shared across accounts with
 * RAM), member.org.stacksets.cloudformation.amazonaws.com (we deploy with
 * Terraform, not StackSets), fms.amazonaws.com, macie.amazonaws.com.
 */

/** One trusted service. */
export interface TrustedService {
  /** Service principal, as AWS Organizations expects it. */
  readonly principal: string;
  /** Why the landing zone needs it (README, evidence). */
  readonly why: string;
}

export const TRUSTED_SERVICES: readonly TrustedService[] = [
  { principal: 'cloudtrail.amazonaws.com', why: 'organization trail created by the delegated administrator (PCI DSS 10.2.1)' },
  { principal: 'config.amazonaws.com', why: 'Config delegated administrator and organization aggregator (PCI DSS 11.5.2)' },
  {
    principal: 'config-multiaccountsetup.amazonaws.com',
    why: 'organization Config rules and conformance packs deployed by the delegated administrator',
  },
  { principal: 'guardduty.amazonaws.com', why: 'GuardDuty auto-enabled in every member account (PCI DSS 11.5.1)' },
  {
    principal: 'malware-protection.guardduty.amazonaws.com',
    why: 'GuardDuty Malware Protection scans in member accounts (its own service-linked role; PCI DSS 5.2.1)',
  },
  { principal: 'securityhub.amazonaws.com', why: 'Security Hub with the PCI DSS standard in every member account (PCI DSS 10.4.1)' },
  { principal: 'access-analyzer.amazonaws.com', why: 'organization-wide IAM Access Analyzer (zone of trust = the organization; PCI DSS 7.2.1)' },
  { principal: 'inspector2.amazonaws.com', why: 'Inspector vulnerability scanning auto-enabled in member accounts (PCI DSS 6.3.1, 11.3.1)' },
  {
    principal: 'sso.amazonaws.com',
    why: 'IAM Identity Center, the documented path for human sign-in with lockout (PCI DSS 8.3.4)',
  },
];

/** The principals, sorted (the order AWS returns them, so plans stay quiet). */
export function trustedServicePrincipals(): string[] {
  return TRUSTED_SERVICES.map((s) => s.principal).sort();
}
