import { validateOrganization, type OrganizationInput } from '../../accounts';
import { exampleCopy, problemsOf } from '../helpers/synth';

const account = (org: OrganizationInput, name: string): any => org.accounts.find((a) => a.name === name)!;

describe('validateOrganization', () => {
  test('accepts the example organization and applies defaults', () => {
    const org = validateOrganization(exampleCopy());
    expect(org.partition).toBe('aws');
    expect(org.stackRoleName).toBe('OrganizationAccountAccessRole');
    expect(org.accounts).toHaveLength(7);
  });

  test('fails when an account id is not 12 digits', () => {
    const error = problemsOf((org) => (account(org, 'dev').id = '12345'));
    expect(error.message).toContain('accounts[4].id: must be exactly 12 digits');
    expect(error.message).toContain('(received "12345")');
  });

  test('fails when an account id is a number, not a string', () => {
    const error = problemsOf((org) => (account(org, 'dev').id = 555555555555));
    expect(error.message).toContain('accounts[4].id: must be a string of 12 digits; fix: quote the id');
  });

  test('fails on duplicate account ids, names and emails, naming the first', () => {
    const error = problemsOf((org) => {
      account(org, 'staging').id = '555555555555';
      account(org, 'staging').email = 'AWS-DEV@example.com';
      account(org, 'prod').name = 'dev';
    });
    // The renamed account also leaves its VPC entry (network.vpcs.prod) without a workload account.
    expect(error.problems.map((p) => p.path)).toEqual(['accounts[5].id', 'accounts[6].name', 'accounts[5].email', 'network.vpcs.prod']);
    expect(error.message).toContain('accounts[5].id: duplicates accounts[4].id; fix: every account needs its own id (received "555555555555")');
    expect(error.message).toContain('accounts[6].name: duplicates accounts[4].name');
    expect(error.message).toContain('accounts[5].email: duplicates accounts[4].email');
  });

  test('fails when a required role is missing', () => {
    const error = problemsOf((org) => (org.accounts = org.accounts.filter((a: any) => a.role !== 'logging')));
    expect(error.message).toContain('accounts: no account has role "logging"; fix: add exactly one account with role: "logging"');
  });

  test('fails when a required role is held twice', () => {
    const error = problemsOf((org) => (account(org, 'staging').role = 'auth'));
    expect(error.message).toContain('accounts: 2 accounts have role "auth" (accounts[2], accounts[5]); fix: keep exactly one');
  });

  test('fails when an account is in an unknown OU', () => {
    const error = problemsOf((org) => (account(org, 'prod').ou = 'Workloads/Production'));
    expect(error.message).toMatch(/accounts\[6\]\.ou: account "prod" is in an unknown OU; fix: use one of "Root", "Security", .* \(received "Workloads\/Production"\)/);
  });

  test('fails when an OU parent is not declared', () => {
    const error = problemsOf((org) => org.organizationalUnits.push({ path: 'Sandbox/Teams' }));
    expect(error.message).toContain('organizationalUnits[6].path: its parent "Sandbox" is not declared before it; fix: add { path: "Sandbox" } above it');
  });

  test('fails when a region is outside the allowed list', () => {
    const error = problemsOf((org) => (account(org, 'prod').regions = ['eu-west-1', 'us-east-1']));
    expect(error.message).toContain(
      'accounts[6].regions[1]: region outside the allowed list; fix: use one of eu-west-1, eu-central-1 or add it to allowedRegions (received "us-east-1")',
    );
  });

  test('fails when the home region is not allowed', () => {
    const error = problemsOf((org) => (org.homeRegion = 'us-west-2'));
    expect(error.message).toContain('homeRegion: is not in allowedRegions');
  });

  test('fails on a malformed email', () => {
    const error = problemsOf((org) => (account(org, 'auth').email = 'aws-auth.example.com'));
    expect(error.message).toContain('accounts[2].email: is not a valid email address; fix: use e.g. "aws-prod@example.com" (received "aws-auth.example.com")');
  });

  test('fails when a workload has no environment', () => {
    const error = problemsOf((org) => delete account(org, 'staging').environment);
    expect(error.message).toContain('accounts[5].environment: workload account "staging" has no environment; fix: set environment to dev, staging or prod');
  });

  test('fails when a non-workload account is given no id', () => {
    const error = problemsOf((org) => delete account(org, 'logging').id);
    expect(error.message).toContain('accounts[1].id: the logging account needs its id');
  });

  test('fails on an unknown field, catching typos', () => {
    const error = problemsOf((org) => (account(org, 'dev').enviroment = 'dev'));
    expect(error.message).toContain('accounts[4]: Unrecognized key: "enviroment"');
  });

  test('reports every problem at once, numbered', () => {
    const error = problemsOf((org) => {
      account(org, 'dev').ou = 'Nowhere';
      account(org, 'prod').regions = ['ap-south-1'];
      delete account(org, 'staging').environment;
    });
    expect(error.problems).toHaveLength(3);
    expect(error.message).toMatch(/^The organization config has 3 problems:\n {2}1\. .*\n {2}2\. .*\n {2}3\. /);
  });
});
