import { validateOrganization } from '../../accounts';
import { DEV_EXCLUSION_EXCEPTION, exampleCopy } from '../helpers/synth';

const withCompliance = (compliance: unknown) => {
  const input = exampleCopy() as Record<string, unknown>;
  input.compliance = compliance;
  input.exceptions = [DEV_EXCLUSION_EXCEPTION];
  return input;
};

describe('compliance config', () => {
  test('defaults to no exclusions and 130 rules per pack', () => {
    expect(validateOrganization(exampleCopy()).compliance).toEqual({ excludedAccounts: [], maxRulesPerPack: 130 });
  });

  test('accepts an excluded account with a reason', () => {
    const org = validateOrganization(withCompliance({ excludedAccounts: [{ account: 'dev', reason: 'sandbox, no cardholder data' }] }));
    expect(org.compliance.excludedAccounts).toEqual([{ account: 'dev', reason: 'sandbox, no cardholder data' }]);
  });

  test('fails when an excluded account is unknown, listing the names', () => {
    expect(() => validateOrganization(withCompliance({ excludedAccounts: [{ account: 'sandbox', reason: 'a sandbox account' }] }))).toThrow(
      'compliance.excludedAccounts[0].account: names no account of the config; fix: use one of "management", "logging", "auth", "transversal", "dev", "staging", "prod" (received "sandbox")',
    );
  });

  test('fails when excluding a cardholder data environment account', () => {
    expect(() => validateOrganization(withCompliance({ excludedAccounts: [{ account: 'prod', reason: 'too many findings' }] }))).toThrow(
      'compliance.excludedAccounts[0].account: account "prod" is in the cardholder data environment (pciScope "cde"), which the PCI DSS checks cannot leave out; fix: remove the exclusion (received "prod")',
    );
  });

  test('fails when an account is excluded twice', () => {
    const exclusion = { account: 'dev', reason: 'sandbox, no cardholder data' };
    expect(() => validateOrganization(withCompliance({ excludedAccounts: [exclusion, exclusion] }))).toThrow(
      'compliance.excludedAccounts[1].account: is excluded twice; fix: remove the duplicate (received "dev")',
    );
  });

  test('fails when an exclusion has no real reason', () => {
    expect(() => validateOrganization(withCompliance({ excludedAccounts: [{ account: 'dev', reason: 'no' }] }))).toThrow(
      'compliance.excludedAccounts[0].reason: must explain the exclusion in at least 10 characters; fix: write why this account needs no PCI DSS checks (received "no")',
    );
  });

  const replication = { destinationBucketArn: 'arn:aws:s3:::acme-pci-replica-eu-central-1', replicaKmsKeyArn: 'arn:aws:kms:eu-central-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab' };

  test('accepts an S3 replication destination and leaves it unset by default', () => {
    expect(validateOrganization(withCompliance({ s3Replication: replication })).compliance.s3Replication).toEqual(replication);
    expect(validateOrganization(exampleCopy()).compliance.s3Replication).toBeUndefined();
  });

  test('fails when the replication destination is not a bucket ARN', () => {
    expect(() => validateOrganization(withCompliance({ s3Replication: { ...replication, destinationBucketArn: 'acme-pci-replica' } }))).toThrow(
      'compliance.s3Replication.destinationBucketArn: is not an S3 bucket ARN; fix: use e.g. "arn:aws:s3:::acme-pci-replica-eu-central-1" (received "acme-pci-replica")',
    );
  });

  test('fails when the replica key is an alias, not a key ARN', () => {
    expect(() => validateOrganization(withCompliance({ s3Replication: { ...replication, replicaKmsKeyArn: 'alias/replica' } }))).toThrow(
      /compliance\.s3Replication\.replicaKmsKeyArn: is not a KMS key ARN; fix: use the key ARN/,
    );
  });

  test('fails when the replica key is in a region the guardrails deny', () => {
    const key = 'arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(() => validateOrganization(withCompliance({ s3Replication: { ...replication, replicaKmsKeyArn: key } }))).toThrow(
      `compliance.s3Replication.replicaKmsKeyArn: is in us-east-1, outside allowedRegions, where the region guardrail denies the replication role; fix: use a key (and destination bucket) in one of eu-west-1, eu-central-1 (received "${key}")`,
    );
  });

  test('fails when asking for more rules per pack than AWS allows', () => {
    expect(() => validateOrganization(withCompliance({ maxRulesPerPack: 200 }))).toThrow(
      'compliance.maxRulesPerPack: is over the AWS Config quota of 130 rules per conformance pack; fix: use 130 or less (received 200)',
    );
  });

  test('fails when an account takes the name of the compliance stack', () => {
    const input = exampleCopy();
    input.accounts.find((a) => a.name === 'dev')!.name = 'compliance';
    expect(() => validateOrganization(input)).toThrow('accounts[4].name: "compliance" is the name of the conformance pack stack; fix: choose another account name (received "compliance")');
  });
});
