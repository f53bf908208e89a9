import { Naming, validateOrganization } from '../../../accounts';
import { exampleOrganization } from '../../../accounts/example';
import { OWN_DOCUMENT_IDS } from '../../../remediations/automation/documents';
import { wrapperDocuments } from '../../../remediations/automation/wrapper-documents';
import { planDeployment } from '../../../remediations/deployment';
import { actionsIn, simulate, unknownActions } from '../../helpers/iam';
import { exampleCopy, parsePolicy, resources, synthOrg } from '../../helpers/synth';

const { stacks, zone } = synthOrg();
const names = new Naming(validateOrganization(exampleOrganization));
const accountStacks = zone.all.filter((s) => s.node.id !== 'bootstrap' && s.node.id !== 'compliance');
const roleNamed = (stack: (typeof stacks)[string], name: string) => Object.values(resources(stack, 'aws_iam_role')).find((r: any) => r.name === name) as any;

describe('remediation automation in every account stack', () => {
  test.each(accountStacks.map((s) => [s.node.id, s] as const))('%s: the automation role has the one fixed name and trusts SSM for this account only', (name, stack) => {
    const role = roleNamed(stacks[name], names.remediationRoleName);
    expect(role).toBeDefined();
    expect(JSON.parse(role.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': stack.account.id } } }],
    });
  });

  test.each(accountStacks.map((s) => [s.node.id, s] as const))('%s: every document and exemption wrapper in every region, as Automation JSON with the prefixed name', (name, stack) => {
    const docs = Object.values(resources(stacks[name], 'aws_ssm_document')) as any[];
    expect(docs).toHaveLength((OWN_DOCUMENT_IDS.length + wrapperDocuments().length) * stack.regions.length);
    expect(docs.map((d) => d.name)).toContain('acme-pci-RunAWSConfigureS3BucketVersioning');
    for (const doc of docs) {
      expect([doc.document_type, doc.document_format]).toEqual(['Automation', 'JSON']);
      expect(doc.name).toMatch(/^acme-pci-[A-Za-z0-9]+$/);
      expect(JSON.parse(doc.content).schemaVersion).toBe('0.3');
    }
    expect(new Set(docs.map((d) => `${d.name}@${d.provider ?? 'aws'}`)).size).toBe(docs.length);
  });

  test('the role holds only its derived inline policy: no managed policy, no other inline policy', () => {
    const ofRemediationRole = (type: string) =>
      Object.values(resources(stacks.prod, type)).filter((r: any) => /^\$\{aws_iam_role\.baseline_remediation_role_[A-Z0-9]+\.name\}$/.test(r.role_name)) as any[];
    expect(ofRemediationRole('aws_iam_role_policies_exclusive').map((r) => r.policy_names)).toEqual([[expect.stringMatching(/derived-remediation-actions|aws_iam_role_policy/)]]);
    expect(ofRemediationRole('aws_iam_role_policy_attachments_exclusive').map((r) => r.policy_arns)).toEqual([[]]);
  });

  test('the derived policy allows the exemption lookup and a document call, and nothing outside the derived set', async () => {
    const inline = Object.values(resources(stacks.prod, 'aws_iam_role_policy')).find((r: any) => r.name === 'derived-remediation-actions') as any;
    const policy = parsePolicy(inline.policy);
    const principal = `arn:aws:iam::777777777777:role/${names.remediationRoleName}`;
    const run = (action: string) => simulate({ principal, action, resource: '*', resourceAccount: '777777777777', identityPolicies: [policy] });
    expect(await run('tag:GetResources')).toBe('Allowed');
    expect(await run('ecr:PutImageScanningConfiguration')).toBe('Allowed');
    expect(await run('s3:DeleteBucket')).toBe('ImplicitlyDenied');
    expect(await run('iam:CreateUser')).toBe('ImplicitlyDenied');
    expect(actionsIn(policy).filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
  });

  test('the flow logs delivery role trusts VPC Flow Logs for this account and writes only to the landing zone flow log groups', () => {
    const role = roleNamed(stacks.dev, names.flowLogsDeliveryRoleName);
    expect(JSON.parse(role.assume_role_policy).Statement[0]).toMatchObject({ Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': '555555555555' } } });
    const inline = Object.values(resources(stacks.dev, 'aws_iam_role_policy')).find((r: any) => r.name === 'flow-logs-delivery') as any;
    expect(JSON.parse(inline.policy).Statement[0].Resource).toEqual(['arn:aws:logs:*:555555555555:log-group:/acme-pci/vpc-flow-logs/*']);
  });

  test('every document a pack remediation names exists in every account and region that pack covers, with the role it assumes', () => {
    const byId = new Map(names.existingAccounts.map((a) => [a.id, a.name]));
    const missing: string[] = [];
    let checked = 0;
    for (const { region, home, packs, excludedAccountIds } of planDeployment(names)) {
      const provider = home ? 'aws' : `aws.${region}`;
      const targets = new Set(
        packs.flatMap((p) => Object.values(p.template.Resources)).flatMap((r) => (r.Type === 'AWS::Config::RemediationConfiguration' ? [r.Properties.TargetId as string] : [])),
      );
      const ours = [...targets].filter((t) => t.startsWith(`${names.prefix}-`));
      expect(ours.length).toBeGreaterThan(20);
      for (const [id, account] of byId) {
        if (excludedAccountIds.includes(id)) continue;
        const deployed = new Set((Object.values(resources(stacks[account], 'aws_ssm_document')) as any[]).map((d) => `${d.name}@${d.provider ?? 'aws'}`));
        for (const t of ours) {
          checked += 1;
          if (!deployed.has(`${t}@${provider}`)) missing.push(`${t} in ${account} ${region}`);
        }
        expect(roleNamed(stacks[account], names.remediationRoleName)).toBeDefined();
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  test('a pack covers an account in a region exactly when the account stack deploys there (one definition: accounts/regions.ts)', () => {
    for (const { region, excludedAccountIds } of planDeployment(names))
      for (const stack of accountStacks) expect([stack.node.id, region, !excludedAccountIds.includes(stack.account.id)]).toEqual([stack.node.id, region, stack.regions.includes(region)]);
  });

  test('creates no S3 replication role until the organization names a replication destination', () => {
    expect(roleNamed(stacks.prod, names.s3ReplicationRoleName)).toBeUndefined();
  });
});

describe('S3 replication role, when compliance.s3Replication is set', () => {
  const input = exampleCopy();
  const replication = { destinationBucketArn: 'arn:aws:s3:::acme-pci-replica', replicaKmsKeyArn: 'arn:aws:kms:eu-central-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab' };
  input.compliance = { s3Replication: replication };
  const { stacks: changed } = synthOrg(input);
  const role = roleNamed(changed.dev, names.s3ReplicationRoleName);
  const policy = parsePolicy((Object.values(resources(changed.dev, 'aws_iam_role_policy')) as any[]).find((r) => r.name === 's3-replication').policy);
  const principal = `arn:aws:iam::555555555555:role/${names.s3ReplicationRoleName}`;
  const run = (action: string, resource: string, resourceAccount: string, context: Record<string, string> = {}) =>
    simulate({ principal, action, resource, resourceAccount, identityPolicies: [policy], context });

  test('trusts S3 for this account only', () => {
    expect(JSON.parse(role.assume_role_policy).Statement[0]).toMatchObject({ Principal: { Service: 's3.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': '555555555555' } } });
  });

  test('reads versions of its own account\'s buckets and writes replicas only to the destination', async () => {
    expect(await run('s3:GetObjectVersionForReplication', 'arn:aws:s3:::dev-data/key', '555555555555', { 'aws:ResourceAccount': '555555555555' })).toBe('Allowed');
    expect(await run('s3:GetObjectVersionForReplication', 'arn:aws:s3:::other-data/key', '999999999999', { 'aws:ResourceAccount': '999999999999' })).toBe('ImplicitlyDenied');
    // Identity side only (simulated as same-account): the destination's bucket and key policies must also allow the role.
    expect(await run('s3:ReplicateObject', 'arn:aws:s3:::acme-pci-replica/key', '555555555555')).toBe('Allowed');
    expect(await run('s3:ReplicateObject', 'arn:aws:s3:::elsewhere/key', '555555555555')).toBe('ImplicitlyDenied');
    // KMS needs the key policy too (the simulator denies without one): check the identity statements as written.
    expect(policy.Statement.find((st: any) => st.Sid === 'EncryptReplicas')).toMatchObject({ Action: ['kms:Encrypt', 'kms:GenerateDataKey'], Resource: [replication.replicaKmsKeyArn] });
    expect(policy.Statement.find((st: any) => st.Sid === 'DecryptSourceThroughS3')).toMatchObject({
      Resource: ['arn:aws:kms:*:555555555555:key/*'],
      Condition: { StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' } },
    });
  });

  test('names only catalogued actions', async () => {
    expect(await unknownActions(actionsIn(policy))).toEqual([]);
  });
});
