/**
 * Config of continuous compliance: which accounts the organization conformance
 * packs leave out (each with a written reason, for the auditor) and how the
 * catalog is split into packs. The rules themselves are the catalog in remediations/.
 */
import { z } from 'zod';
// Type-only imports: schema.ts imports this file, so a runtime import back would be circular.
import type { Organization } from './schema';
import type { Problem } from './validate';

/** AWS Config quota: rules per conformance pack (AWS General Reference, "AWS Config endpoints and quotas"). */
const MAX_RULES_PER_PACK = 130;

const exclusionSchema = z.strictObject({
  /** Name of the account the conformance packs skip. */
  account: z.string().min(1),
  /** Why, in words an auditor accepts (e.g. "sandbox, out of PCI scope, no cardholder data"). */
  reason: z.string().min(10, { error: 'must explain the exclusion in at least 10 characters; fix: write why this account needs no PCI DSS checks' }),
});

const S3_BUCKET_ARN = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:key\/[0-9a-f-]{36}$/;

/**
 * Where the s3-bucket-replication-enabled remediation replicates buckets (PCI DSS 3.2.1 10.5.3: a copy
 * out of reach of the source account). One destination for the organization: a RemediationConfiguration
 * of an organization conformance pack passes the same static values in every account.
 */
const s3ReplicationSchema = z.strictObject({
  /** ARN of the destination bucket (versioned, Object Ownership "bucket owner enforced", its policy lets every account's replication role replicate). */
  destinationBucketArn: z.string().regex(S3_BUCKET_ARN, { error: 'is not an S3 bucket ARN; fix: use e.g. "arn:aws:s3:::acme-pci-replica-eu-central-1"' }),
  /** ARN of the KMS key (key id, not alias) encrypting the replicas, in the destination bucket's region; its policy lets the replication roles encrypt. */
  replicaKmsKeyArn: z.string().regex(KMS_KEY_ARN, {
    error: 'is not a KMS key ARN; fix: use the key ARN, e.g. "arn:aws:kms:eu-central-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab"',
  }),
});

export const complianceSchema = z.strictObject({
  /** Accounts left out of the organization conformance packs. They keep their Config recorder. @default [] */
  excludedAccounts: z.array(exclusionSchema).default([]),
  /**
   * Rules per conformance pack. AWS allows at most 130; fewer means more, smaller packs.
   * @default 130
   */
  maxRulesPerPack: z
    .number()
    .int()
    .min(1)
    .max(MAX_RULES_PER_PACK, { error: `is over the AWS Config quota of ${MAX_RULES_PER_PACK} rules per conformance pack; fix: use ${MAX_RULES_PER_PACK} or less` })
    .default(MAX_RULES_PER_PACK),
  /**
   * Destination of the manual S3 replication remediation. Unset: the remediation document is still
   * deployed and run from Systems Manager with the destination given at run time, and the packs hold
   * no RemediationConfiguration for the rule (its parameters would be fixed without a destination).
   * @default not configured
   */
  s3Replication: s3ReplicationSchema.optional(),
});

export type Compliance = z.output<typeof complianceSchema>;

/** Semantic checks of the `compliance` section (registered in validate.ts). */
export function complianceRules(org: Organization): Problem[] {
  const problems: Problem[] = [];
  const names = new Map(org.accounts.map((a) => [a.name, a]));
  const seen = new Set<string>();
  org.compliance.excludedAccounts.forEach(({ account }, i) => {
    const at = `compliance.excludedAccounts[${i}].account`;
    const target = names.get(account);
    if (!target) {
      problems.push({ path: at, message: `names no account of the config; fix: use one of ${[...names.keys()].map((n) => `"${n}"`).join(', ')}`, received: account });
    } else if (target.pciScope === 'cde') {
      problems.push({
        path: at,
        message: `account "${account}" is in the cardholder data environment (pciScope "cde"), which the PCI DSS checks cannot leave out; fix: remove the exclusion`,
        received: account,
      });
    }
    if (seen.has(account)) problems.push({ path: at, message: 'is excluded twice; fix: remove the duplicate', received: account });
    seen.add(account);
  });
  const replicaKey = org.compliance.s3Replication?.replicaKmsKeyArn;
  const replicaRegion = replicaKey?.split(':')[3];
  if (replicaKey && replicaRegion && !org.allowedRegions.includes(replicaRegion))
    problems.push({
      path: 'compliance.s3Replication.replicaKmsKeyArn',
      message: `is in ${replicaRegion}, outside allowedRegions, where the region guardrail denies the replication role; fix: use a key (and destination bucket) in one of ${org.allowedRegions.join(', ')}`,
      received: replicaKey,
    });
  org.accounts.forEach((a, i) => {
    if (a.name === 'compliance')
      problems.push({ path: `accounts[${i}].name`, message: '"compliance" is the name of the conformance pack stack; fix: choose another account name', received: a.name });
  });
  return problems;
}
