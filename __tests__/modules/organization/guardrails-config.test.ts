import { Naming, validateOrganization } from '../../../accounts';
import { exampleCopy, problemsOf } from '../../helpers/synth';

const resolved = (mutate: (org: any) => void = () => {}) => {
  const org = exampleCopy();
  mutate(org);
  return validateOrganization(org);
};

describe('guardrails config', () => {
  test('defaults to no quarantined accounts and the logging account as delegated administrator', () => {
    const org = resolved((o) => delete o.guardrails);
    expect(org.guardrails).toEqual({ quarantinedAccounts: [] });
    expect(new Naming(org).delegatedAdministrator.id).toBe('222222222222');
  });

  test('the example quarantines the Suspended OU', () => {
    expect(resolved().guardrails.quarantineOu).toBe('Suspended');
  });

  test('delegatedAdministrator names another existing member account', () => {
    const org = resolved((o) => {
      o.guardrails.delegatedAdministrator = 'transversal';
      o.logging = { ...o.logging, trailOwner: 'management' }; // only the admin or management may create the trail
    });
    expect(new Naming(org).delegatedAdministrator).toMatchObject({ name: 'transversal', id: '444444444444' });
  });

  test('fails when delegatedAdministrator names no account', () => {
    const error = problemsOf((o) => (o.guardrails.delegatedAdministrator = 'security'));
    expect(error.message).toContain('guardrails.delegatedAdministrator: names no account of the config; fix: use one of "logging", "auth"');
    expect(error.message).toContain('(received "security")');
  });

  test('fails when delegatedAdministrator is the management account', () => {
    const error = problemsOf((o) => (o.guardrails.delegatedAdministrator = 'management'));
    expect(error.message).toContain('guardrails.delegatedAdministrator: the management account cannot be the delegated administrator');
    expect(error.message).toContain('fix: name a member account');
  });

  test('fails when delegatedAdministrator is an account that does not exist yet', () => {
    const error = problemsOf((o) => {
      o.accounts.push({ name: 'security', email: 'aws-security@example.com', role: 'workload', environment: 'prod', ou: 'Security', pciScope: 'connected' });
      o.guardrails.delegatedAdministrator = 'security';
    });
    expect(error.message).toContain('guardrails.delegatedAdministrator: account "security" does not exist yet (no id); fix: add its 12-digit id');
  });

  test('fails when the quarantine OU is not declared', () => {
    const error = problemsOf((o) => (o.guardrails.quarantineOu = 'Quarantine'));
    expect(error.message).toContain('guardrails.quarantineOu: is not a declared OU; fix: use one of "Security"');
    expect(error.message).toContain('(received "Quarantine")');
  });

  test('fails when the quarantine OU is the root', () => {
    const error = problemsOf((o) => (o.guardrails.quarantineOu = 'Root'));
    expect(error.message).toContain('guardrails.quarantineOu: the root cannot be the quarantine OU');
  });

  test('fails when the quarantine OU holds the delegated administrator', () => {
    const error = problemsOf((o) => (o.guardrails.quarantineOu = 'Security'));
    expect(error.message).toContain('guardrails.quarantineOu: holds the delegated administrator "logging", which must keep working');
  });

  test('fails when a quarantined account is unknown, listed twice, the management account or the delegated administrator', () => {
    const error = problemsOf((o) => (o.guardrails.quarantinedAccounts = ['nope', 'dev', 'dev', 'management', 'logging']));
    expect(error.problems.map((p) => p.path)).toEqual([
      'guardrails.quarantinedAccounts[0]',
      'guardrails.quarantinedAccounts[2]',
      'guardrails.quarantinedAccounts[3]',
      'guardrails.quarantinedAccounts[4]',
    ]);
    expect(error.message).toContain('guardrails.quarantinedAccounts[0]: names no account of the config; fix: use one of');
    expect(error.message).toContain('guardrails.quarantinedAccounts[2]: is listed twice; fix: remove the duplicate');
    expect(error.message).toContain('guardrails.quarantinedAccounts[3]: SCPs never apply to the management account');
    expect(error.message).toContain('guardrails.quarantinedAccounts[4]: is the delegated administrator of the security services');
  });

  test('fails on an unknown key in guardrails', () => {
    const error = problemsOf((o) => (o.guardrails.quarantineOus = ['Suspended']));
    expect(error.problems[0].path).toBe('guardrails');
    expect(error.message).toContain('quarantineOus');
  });
});
