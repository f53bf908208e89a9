import { organization, validateOrganization } from '../../accounts';
import { accessLevelsMarkdown } from '../../evidence/pages/access-levels';
import { exampleCopy } from '../helpers/synth';

const markdown = accessLevelsMarkdown(validateOrganization(organization));

describe('access-level evidence', () => {
  test('is deterministic', () => {
    expect(accessLevelsMarkdown(validateOrganization(organization))).toBe(markdown);
  });

  test('shows each level × account cell: Developer full in dev, read-only in staging, nothing in prod', () => {
    const row = markdown.split('\n').find((l) => l.startsWith('| **Developer** |'))!;
    expect(row.split(' | ').slice(1)).toEqual(['—', '—', '—', '—', 'full: PowerUserAccess', 'read-only: ReadOnlyAccess', '— |']);
  });

  test('states the password, MFA and session controls with their PCI requirements', () => {
    expect(markdown).toContain('| Password minimum length | 14 characters | 8.3.6 (at least 12) |');
    expect(markdown).toContain('| Previous passwords refused | 24 | 8.3.7 (at least 4) |');
    expect(markdown).toContain('| Password maximum age | 90 days | 8.3.9 (at most 90) |');
    expect(markdown).toContain('| MFA to assume any role | required, authenticated at most 3600 s earlier | 8.4.2, 8.5.1 |');
    expect(markdown).toContain('| Maximum role session | 1 hour |');
  });

  test('lists the users of each level and the break-glass users', () => {
    expect(markdown).toContain('| chloe.durand | Developer | chloe.durand@example.com |');
    expect(markdown).toMatch(/### Developer\n[\s\S]*?- Users: chloe\.durand\n/);
    expect(markdown).toContain('- Users: breakglass-1, breakglass-2');
  });

  test('changes when the config changes (a new user appears)', () => {
    const input: any = exampleCopy();
    input.identity.users.push({ name: 'zoe.new', levels: ['Developer', 'SecurityAuditor'] });
    const other = accessLevelsMarkdown(validateOrganization(input));
    expect(other).not.toBe(markdown);
    expect(other).toContain('| zoe.new | Developer, SecurityAuditor |  |');
  });
});
