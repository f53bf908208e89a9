import { Testing } from 'cdktf';
import { OrganizationConformancePacks, terraformLiteral } from '../../../modules/config/organization-conformance-packs';
import { planConformancePacks } from '../../../remediations/conformance-packs';
import { planDeployment } from '../../../remediations/deployment';
import type { CatalogRule } from '../../../remediations/types';
import { Naming, validateOrganization } from '../../../accounts';
import { DEV_EXCLUSION_EXCEPTION, exampleCopy, onlyResource, parsePolicy, resources, synthOrg } from '../../helpers/synth';
import { actionsIn, simulate, unknownActions } from '../../helpers/iam';

const { stacks, manifest } = synthOrg();
const compliance = stacks.compliance;

function bigRules(count: number, parameterBytes: number): CatalogRule[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `big-rule-${i}`,
    sourceIdentifier: `BIG_RULE_${i}`,
    awsInputParameters: {},
    inputParameters: { pattern: 'x'.repeat(parameterBytes) },
    resourceTypes: ['AWS::S3::Bucket'],
    trigger: 'configuration-change' as const,
    pci40: ['1.2.1'],
    pci321: [],
    awsPacks: [],
    awsGlobalPackOnly: false,
    global: false,
  }));
}

const bucketProps = {
  bucketName: 'awsconfigconforms-acme-pci-222222222222-eu-west-1',
  accountId: '222222222222',
  region: 'eu-west-1',
  readerAccountIds: ['222222222222', '777777777777'],
};

describe('compliance stack', () => {
  test('deploys into the Config delegated administrator (the logging account)', () => {
    expect(compliance.provider.aws.map((p: any) => p.allowed_account_ids)).toEqual([['222222222222'], ['222222222222']]);
  });

  test('deploys after every account stack: packs need a recorder in every member account', () => {
    expect(manifest.stacks.compliance.dependencies.sort()).toEqual(['auth', 'dev', 'logging', 'prod', 'staging', 'transversal']);
  });

  test('holds one organization conformance pack per planned pack: inline up to 51,200 bytes, through S3 above', () => {
    const packs = Object.values(resources(compliance, 'aws_config_organization_conformance_pack'));
    const objects = Object.values(resources(compliance, 'aws_s3_object'));
    const names = new Naming(validateOrganization(exampleCopy()));
    const planned = planDeployment(names).flatMap((d) => d.packs.map((p) => ({ ...p, provider: d.home ? 'aws' : `aws.${d.region}` })));
    expect(packs.map((p) => [p.name, p.provider]).sort()).toEqual(planned.map((p) => [p.name, p.provider]).sort());
    expect(planned.filter((p) => p.viaS3).map((p) => p.name)).toEqual(['acme-pci-conformance-regional-1', 'acme-pci-conformance-regional-2']);
    for (const plan of planned) {
      const pack = packs.find((p) => p.name === plan.name && p.provider === plan.provider)!;
      if (!plan.viaS3) {
        expect(pack.template_body).toBe(terraformLiteral(plan.body));
        expect(pack.template_s3_uri).toBeUndefined();
        continue;
      }
      const object = objects.find((o) => o.content === terraformLiteral(plan.body))!;
      expect(pack.template_body).toBeUndefined();
      expect(pack.template_s3_uri).toBe(`s3://awsconfigconforms-acme-pci-222222222222-${plan.region}/${object.key}`);
      expect(object.provider).toBe(plan.provider);
    }
  });

  test('keeps the CloudFormation ${...} of the templates literal for Terraform ($${...})', () => {
    const bodies = [
      ...Object.values(resources(compliance, 'aws_config_organization_conformance_pack')).flatMap((p) => (p.template_body ? [p.template_body] : [])),
      ...Object.values(resources(compliance, 'aws_s3_object')).map((o) => o.content),
    ];
    expect(bodies).toHaveLength(5);
    for (const body of bodies) {
      expect(body).toContain('$${AWS::AccountId}');
      expect(body.replace(/\$\$\{/g, '')).not.toMatch(/\$\{|%\{/);
    }
    expect(terraformLiteral('a ${AWS::Region} %{ if } $${x}')).toBe('a $${AWS::Region} %%{ if } $$${x}');
  });

  test('the template packs carry remediation configurations that name the fixed role and our documents', () => {
    const names = new Naming(validateOrganization(exampleCopy()));
    const templates = planDeployment(names).flatMap((d) => d.packs.map((p) => p.template));
    const remediations = templates.flatMap((t) => Object.values(t.Resources)).filter((r) => r.Type === 'AWS::Config::RemediationConfiguration');
    expect(remediations.length).toBeGreaterThan(150);
    const role = { StaticValue: { Values: [{ 'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${names.remediationRoleName}` }] } };
    for (const r of remediations) expect((r.Properties.Parameters as any).AutomationAssumeRole).toEqual(role);
  });

  test('skips in eu-central-1 the accounts with no recorder there, and nobody in the home region', () => {
    for (const pack of Object.values(resources(compliance, 'aws_config_organization_conformance_pack'))) {
      if (pack.provider === 'aws') expect(pack.excluded_accounts).toBeUndefined();
      else expect(pack.excluded_accounts).toEqual(['111111111111', '222222222222', '333333333333', '444444444444', '555555555555', '666666666666']);
    }
  });

  test('skips the accounts excluded in the config, in every region', () => {
    const input = exampleCopy();
    input.compliance = { excludedAccounts: [{ account: 'dev', reason: 'sandbox without cardholder data, out of PCI scope' }] };
    input.exceptions = [DEV_EXCLUSION_EXCEPTION];
    const { stacks: changed } = synthOrg(input);
    for (const pack of Object.values(resources(changed.compliance, 'aws_config_organization_conformance_pack')))
      expect(pack.excluded_accounts).toContain('555555555555');
  });

  test('creates the awsconfigconforms bucket only in the region whose templates need it, SSE-S3 (readable by the Config service-linked roles)', () => {
    const buckets = Object.values(resources(compliance, 'aws_s3_bucket'));
    expect(buckets.map((b) => [b.bucket, b.provider])).toEqual([['awsconfigconforms-acme-pci-222222222222-eu-central-1', 'aws.eu-central-1']]);
    const objects = Object.values(resources(compliance, 'aws_s3_object'));
    expect(objects).toHaveLength(2);
    for (const o of objects) {
      expect([o.server_side_encryption, o.kms_key_id]).toEqual(['AES256', undefined]);
      expect(o.key).toMatch(/^templates\/acme-pci-conformance-regional-\d-[0-9a-f]{16}\.json$/);
    }
    const sse = Object.values(resources(compliance, 'aws_s3_bucket_server_side_encryption_configuration'));
    expect(sse.map((c) => c.rule[0].apply_server_side_encryption_by_default.sse_algorithm)).toEqual(['AES256']);
  });

  test('the bucket policy lets the Config service-linked roles of every account read the templates, after which the packs are created', () => {
    const policy = parsePolicy(Object.values(resources(compliance, 'aws_s3_bucket_policy'))[0].policy);
    const read = policy.Statement.find((s: any) => s.Sid === 'ConfigReadsTemplates');
    expect(read.Condition.ArnEquals['aws:PrincipalArn']).toEqual(
      expect.arrayContaining([
        'arn:aws:iam::555555555555:role/aws-service-role/config-conforms.amazonaws.com/AWSServiceRoleForConfigConforms',
        'arn:aws:iam::222222222222:role/aws-service-role/config-multiaccountsetup.amazonaws.com/AWSServiceRoleForConfigMultiAccountSetup',
      ]),
    );
    for (const pack of Object.values(resources(compliance, 'aws_config_organization_conformance_pack')).filter((p) => p.template_s3_uri))
      expect(pack.depends_on).toEqual([expect.stringMatching(/^aws_s3_object\./), expect.stringMatching(/^aws_s3_bucket_policy\./)]);
  });
});

describe('OrganizationConformancePacks with a template over 51,200 bytes', () => {
  const packs = planConformancePacks(bigRules(60, 1000), { prefix: 'acme-pci-conformance', region: 'eu-west-1', home: true });
  const synthesized = JSON.parse(
    Testing.synthScope((scope) => {
      new OrganizationConformancePacks(scope, 'packs', { packs, excludedAccounts: ['555555555555'], templateBucket: bucketProps });
    }),
  );
  const pack = Object.values<any>(synthesized.resource.aws_config_organization_conformance_pack)[0];
  const object = Object.values<any>(synthesized.resource.aws_s3_object)[0];
  const bucketPolicy = parsePolicy(Object.values<any>(synthesized.resource.aws_s3_bucket_policy)[0].policy);

  test('uploads it to an awsconfigconforms bucket and passes TemplateS3Uri', () => {
    expect(packs[0].viaS3).toBe(true);
    expect(Object.values<any>(synthesized.resource.aws_s3_bucket)[0].bucket).toBe(bucketProps.bucketName);
    expect(object.content).toBe(terraformLiteral(packs[0].body));
    expect(object.key).toMatch(/^templates\/acme-pci-conformance-home-1-[0-9a-f]{16}\.json$/);
    expect(pack.template_s3_uri).toBe(`s3://${bucketProps.bucketName}/${object.key}`);
    expect(pack.template_body).toBeUndefined();
    expect(pack.depends_on).toEqual([expect.stringMatching(/^aws_s3_object\./), expect.stringMatching(/^aws_s3_bucket_policy\./)]);
    expect([object.server_side_encryption, object.kms_key_id]).toEqual(['AES256', undefined]);
    expect(pack.excluded_accounts).toEqual(['555555555555']);
  });

  test('encrypts the templates with SSE-S3: Config service-linked roles have no kms:Decrypt to read a KMS-encrypted template', () => {
    const sse = Object.values<any>(synthesized.resource.aws_s3_bucket_server_side_encryption_configuration)[0];
    expect(sse.rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe('AES256');
    expect(synthesized.resource.aws_kms_key).toBeUndefined();
  });

  test('bucket policy names only catalogued actions', async () => {
    expect(await unknownActions(actionsIn(bucketPolicy))).toEqual([]);
  });

  const conforms = (account: string) => `arn:aws:iam::${account}:role/aws-service-role/config-conforms.amazonaws.com/AWSServiceRoleForConfigConforms`;
  const readAll = [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }];
  const read = (principal: string, context?: Record<string, string>) =>
    simulate({
      principal,
      action: 's3:GetObject',
      resource: `arn:aws:s3:::${bucketProps.bucketName}/${object.key}`,
      resourceAccount: '222222222222',
      identityPolicies: readAll,
      resourcePolicy: bucketPolicy,
      // The simulator does not derive aws:PrincipalArn from the principal; AWS always sets it.
      context: { 'aws:PrincipalArn': principal, ...context },
    });

  test("allows AWS Config's conformance pack role of a member account to read templates", async () => {
    expect(await read(conforms('777777777777'))).toBe('Allowed');
  });

  test('denies any other role of a member account', async () => {
    expect(await read('arn:aws:iam::777777777777:role/Developer')).toBe('ImplicitlyDenied');
  });

  test('denies the Config role of an account outside the organization', async () => {
    expect(await read(conforms('999999999999'))).toBe('ImplicitlyDenied');
  });

  test('denies reads without TLS', async () => {
    expect(await read(conforms('777777777777'), { 'aws:SecureTransport': 'false' })).toBe('ExplicitlyDenied');
  });

  test('fails without a template bucket, naming the packs and the fix', () => {
    expect(() => Testing.synthScope((scope) => new OrganizationConformancePacks(scope, 'packs', { packs }))).toThrow(
      'conformance packs acme-pci-conformance-home-1 are over the 51200-byte TemplateBody limit; fix: pass templateBucket',
    );
  });

  test('fails when the bucket name does not start with awsconfigconforms', () => {
    expect(() =>
      Testing.synthScope((scope) => new OrganizationConformancePacks(scope, 'packs', { packs, templateBucket: { ...bucketProps, bucketName: 'acme-templates' } })),
    ).toThrow('template bucket "acme-templates" must start with "awsconfigconforms"');
  });

  test('fails when the bucket is in another region than the packs', () => {
    expect(() =>
      Testing.synthScope((scope) => new OrganizationConformancePacks(scope, 'packs', { packs, templateBucket: { ...bucketProps, region: 'eu-central-1' } })),
    ).toThrow(/AWS Config reads TemplateS3Uri only from the pack's region/);
  });
});

describe('OrganizationConformancePacks limits', () => {
  test('rejects a pack over 130 rules', () => {
    const [pack] = planConformancePacks(bigRules(10, 1), { prefix: 'x', region: 'eu-west-1', home: true });
    const oversized = { ...pack, rules: bigRules(131, 1) };
    expect(() => Testing.synthScope((scope) => new OrganizationConformancePacks(scope, 'packs', { packs: [oversized] }))).toThrow(
      'conformance pack x-home-1 holds 131 rules, over the AWS Config quota of 130',
    );
  });

  test('rejects more than 1,000 excluded accounts', () => {
    const excludedAccounts = Array.from({ length: 1001 }, (_, i) => String(100000000000 + i));
    expect(() => Testing.synthScope((scope) => new OrganizationConformancePacks(scope, 'packs', { packs: [], excludedAccounts }))).toThrow(
      '1001 excluded accounts, over the AWS limit of 1000',
    );
  });
});

describe('organization aggregator', () => {
  const aggregator = onlyResource(compliance, 'aws_config_configuration_aggregator');
  const role = onlyResource(compliance, 'aws_iam_role');

  test('aggregates the allowed regions of the whole organization', () => {
    expect(aggregator.name).toBe('acme-pci-organization');
    expect(aggregator.organization_aggregation_source.all_regions).toBe(false);
    expect(aggregator.organization_aggregation_source.regions).toEqual(['eu-west-1', 'eu-central-1']);
    expect(aggregator.organization_aggregation_source.role_arn).toMatch(/^\$\{aws_iam_role\..*\.arn\}$/);
  });

  test('its role has AWSConfigRoleForOrganizations, attached before the aggregator', () => {
    const attachment = onlyResource(compliance, 'aws_iam_role_policy_attachment');
    expect(attachment.policy_arn).toBe('arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations');
    expect(aggregator.depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy_attachment\./)]);
    expect(role.name).toBe('acme-pci-config-aggregator');
  });

  test('its role trusts only AWS Config acting for the delegated administrator', () => {
    expect(parsePolicy(role.assume_role_policy).Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': '222222222222' } },
      },
    ]);
  });
});
