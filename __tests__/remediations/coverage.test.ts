import { validateOrganization } from '../../accounts';
import { exampleOrganization } from '../../accounts/example';
import { coverageMarkdown } from '../../remediations/coverage';
import { CATALOG } from '../../remediations/catalog';
import { DEV_EXCLUSION_EXCEPTION, exampleCopy } from '../helpers/synth';

const report = coverageMarkdown(validateOrganization(exampleOrganization));

describe('coverage report', () => {
  test('lists every catalog rule with its remediation and the pack that deploys it', () => {
    for (const rule of CATALOG) {
      const label = { automatic: 'auto', manual: 'manual', none: 'none' }[rule.remediation!.decision];
      expect(report).toMatch(new RegExp(`^\\| \`${rule.name}\`( \\(public sample only\\))? \\| ${rule.sourceIdentifier} \\| .* \\| ${label}(: .*)? \\| acme-pci-conformance-home-\\d \\(eu-west-1\\)`, 'm'));
    }
    expect(report).not.toContain('not yet bound |');
  });

  test('shows per requirement which rules heal themselves: auto, manual or none', () => {
    expect(report).toMatch(/^\| 8\.3\.6 \| 1 auto, 0 manual, 0 none \| `iam-password-policy` \(auto: AWSConfigRemediation-SetIAMPasswordPolicy\) \|$/m);
    expect(report).toMatch(/^\| 10\.2\.1 \| \d+ auto, \d+ manual, \d+ none \| .*`ecs-task-definition-log-configuration` \(none\).*`eks-cluster-logging-enabled` \(auto: acme-pci-EnableEksControlPlaneLogging\)/m);
    expect(report).toMatch(/- Remediation: \d+ auto .*, \d+ manual .*, \d+ none .*, 0 not yet bound\./);
  });

  test('says when a manual remediation runs from Systems Manager because its destination is not configured', () => {
    expect(report).toMatch(
      /^\| `s3-bucket-replication-enabled` \| .* \| manual: acme-pci-EnableS3BucketReplication \(run from Systems Manager until replicationDestinationBucketArn, replicationReplicaKmsKeyArn are configured\) \|/m,
    );
    expect(report).toMatch(/^\| `ec2-security-group-attached-to-eni` \(public sample only\) \| EC2_SECURITY_GROUP_ATTACHED_TO_ENI \| .* \| manual: AWSConfigRemediation-DeleteUnusedSecurityGroup \|/m);
  });

  test('says where global rules run and what the other regions skip', () => {
    expect(report).toMatch(/^\| `iam-password-policy` \| IAM_PASSWORD_POLICY \| periodic, home region only \|/m);
    expect(report).toMatch(/^\| `s3-bucket-ssl-requests-only` \| .* acme-pci-conformance-home-\d \(eu-west-1\); acme-pci-conformance-regional-\d \(eu-central-1\) \|$/m);
  });

  test('shows the excluded accounts and their reasons', () => {
    const input = exampleCopy() as Record<string, unknown>;
    input.compliance = { excludedAccounts: [{ account: 'dev', reason: 'sandbox, no cardholder data' }] };
    input.exceptions = [DEV_EXCLUSION_EXCEPTION];
    const changed = coverageMarkdown(validateOrganization(input));
    expect(changed).toContain('| dev | sandbox, no cardholder data |');
    expect(changed).not.toBe(report);
  });
});
