import { exampleCopy, resources, synthOrg } from '../helpers/synth';

const example = synthOrg();
const ACCOUNT_STACKS = ['management', 'logging', 'auth', 'transversal', 'dev', 'staging', 'prod'];

describe('landing zone app', () => {
  test('synthesizes bootstrap plus one stack per account, named after the accounts', () => {
    for (const name of ['bootstrap', ...ACCOUNT_STACKS]) expect(Object.keys(example.stacks)).toContain(name);
  });

  test('deploy order: bootstrap -> management -> logging -> every other account', () => {
    const deps = (name: string) => example.manifest.stacks[name].dependencies;
    expect(deps('bootstrap')).toEqual([]);
    expect(deps('management')).toEqual(['bootstrap']);
    expect(deps('logging')).toEqual(['management']);
    for (const name of ['auth', 'transversal', 'dev', 'staging', 'prod']) expect(deps(name)).toContain('logging');
  });

  test.each(ACCOUNT_STACKS)('%s: provider assumes the stack role in its own account and refuses any other', (name) => {
    const account = exampleCopy().accounts.find((a) => a.name === name)!;
    const provider = example.stacks[name].provider.aws[0];
    const role = account.stackRoleName ?? 'OrganizationAccountAccessRole';
    expect(provider.assume_role[0].role_arn).toBe(`arn:aws:iam::${account.id}:role/${role}`);
    expect(provider.allowed_account_ids).toEqual([account.id]);
    expect(provider.region).toBe('eu-west-1');
  });

  test.each(ACCOUNT_STACKS)('%s: default tags carry ManagedBy, Environment and PciScope', (name) => {
    const account = exampleCopy().accounts.find((a) => a.name === name)!;
    const tags = example.stacks[name].provider.aws[0].default_tags[0].tags;
    expect(tags).toMatchObject({
      ManagedBy: 'pci-landing-zone',
      Environment: account.environment ?? account.role,
      PciScope: account.pciScope,
      CostCenter: 'platform',
    });
  });

  test('every stack keeps its state in its own key of the state bucket, encrypted and locked', () => {
    const keys = Object.entries(example.stacks).map(([name, stack]) => {
      const s3 = stack.terraform.backend!.s3 as Record<string, any>;
      expect(s3).toMatchObject({
        bucket: 'acme-pci-tfstate-444444444444-eu-west-1',
        dynamodb_table: 'acme-pci-tflock',
        encrypt: true,
        kms_key_id: 'arn:aws:kms:eu-west-1:444444444444:alias/acme-pci-tfstate',
        region: 'eu-west-1',
      });
      expect(s3.assume_role.role_arn).toBe('arn:aws:iam::444444444444:role/OrganizationAccountAccessRole');
      expect(s3.key).toBe(`stacks/${name}/terraform.tfstate`);
      return s3.key;
    });
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('no stack reads a data source: ids and names come from the config, so the offline plan needs no AWS', () => {
    for (const [name, stack] of Object.entries(example.stacks)) expect(`${name}: ${Object.keys(stack.data ?? {}).join(', ')}`).toBe(`${name}: `);
  });

  test('an account working in a second region gets an aliased provider for it', () => {
    const aliases = example.stacks.prod.provider.aws.map((p) => p.alias ?? '(default)');
    expect(aliases).toEqual(['(default)', 'eu-central-1']);
    expect(example.stacks.dev.provider.aws).toHaveLength(1);
  });

  describe('adding an account is one entry in accounts/', () => {
    const org = exampleCopy();
    org.accounts.push({ name: 'payments-prod', id: '888888888888', email: 'aws-payments@example.com', role: 'workload', environment: 'prod', ou: 'Workloads/Prod', pciScope: 'cde' });
    const grown = synthOrg(org);

    test('the management stack creates it in its OU, and is never told to replace or destroy it', () => {
      const accounts = resources(grown.stacks.management, 'aws_organizations_account');
      const created = Object.values(accounts).find((a: any) => a.name === 'payments-prod');
      expect(created).toMatchObject({ email: 'aws-payments@example.com', close_on_deletion: false });
      expect(created.lifecycle).toEqual({ ignore_changes: ['role_name', 'iam_user_access_to_billing'], prevent_destroy: true });
      expect(created.parent_id).toMatch(/aws_organizations_organizational_unit\.organization_ou-workloads-prod_\w+\.id/);
      expect(Object.keys(accounts)).toHaveLength(Object.keys(resources(example.stacks.management, 'aws_organizations_account')).length + 1);
    });

    test('its own stack appears, after logging, with the baseline', () => {
      expect(grown.stacks['payments-prod']).toBeDefined();
      expect(grown.manifest.stacks['payments-prod'].dependencies).toContain('logging');
      expect(Object.keys(resources(grown.stacks['payments-prod'], 'aws_s3_account_public_access_block'))).toHaveLength(1);
    });
  });

  test('a workload account without an id yet is created by management; its stack waits for the id', () => {
    const org = exampleCopy();
    org.accounts.push({ name: 'new-team', email: 'aws-new-team@example.com', role: 'workload', environment: 'dev', ou: 'Workloads/NonProd', pciScope: 'out-of-scope' });
    const result = synthOrg(org);
    expect(result.zone.pendingAccounts).toEqual(['new-team']);
    expect(result.stacks['new-team']).toBeUndefined();
    expect(Object.values(resources(result.stacks.management, 'aws_organizations_account')).map((a: any) => a.name)).toContain('new-team');
  });
});
