/**
 * Evidence for assessors (PCI DSS 7.2.1, 7.2.4, 8.2.1, 8.3, 8.4): the access levels,
 * where each reaches and with which permissions, the sign-in controls and who holds
 * each level, generated from the same config the stacks are built from.
 */
import { Naming, type Organization } from '../../accounts';
import { SESSION_DURATION_SECONDS, accessMode, type AccessLevel, type AccessMode } from '../../accounts/identity';
import { permissionSetName } from '../../modules/identity/identity-center-access';
import { WITHOUT_MFA_ACTIONS } from '../../modules/identity/policies';
import type { PageGenerator } from '../page';

const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
const code = (s: string) => `\`${s}\``;

function permissions(level: AccessLevel, mode: Exclude<AccessMode, 'none'>): string {
  const managed = mode === 'full' ? level.awsManagedPolicies : level.readOnlyPolicies;
  const own = mode === 'full' && level.statements.length > 0 ? [`own statements (${level.statements.flatMap((s) => s.Action).length} actions)`] : [];
  return [...managed, ...own].join(', ');
}

/** The access-level evidence page body (deterministic: no dates, config order). */
export function accessLevelsMarkdown(org: Organization): string {
  const names = new Naming(org);
  const { identity } = org;
  const p = identity.passwordPolicy;
  const auth = names.account('auth');
  const classes = [p.requireLowercase && 'lowercase', p.requireUppercase && 'uppercase', p.requireNumbers && 'digits', p.requireSymbols && 'symbols'].filter(Boolean);
  const accountLabel = (a: Organization['accounts'][number]) => `${a.name} (${a.id ?? 'pending'})`;
  const usersOf = (level: string) => identity.users.filter((u) => u.levels.includes(level)).map((u) => u.name);
  const lines: string[] = [
    '## Sign-in and session controls',
    '',
    row(['control', 'value', 'PCI DSS v4.0.1']),
    row(['---', '---', '---']),
    row(['Password minimum length', `${p.minimumLength} characters`, '8.3.6 (at least 12)']),
    row(['Character classes required', classes.join(', '), '8.3.6 (letters and digits)']),
    row(['Previous passwords refused', p.reusePrevention, '8.3.7 (at least 4)']),
    row(['Password maximum age', `${p.maxAgeDays} days`, '8.3.9 (at most 90)']),
    row(['Users change their own password', p.allowUsersToChange ? 'yes' : 'no', '']),
    row(['Expired password needs an administrator', p.hardExpiry ? 'yes' : 'no', '']),
    row(['Password policy applies to', 'every account of the organization (IAM account password policy)', '8.3']),
    row(['MFA before anything else (auth account)', `every group denies all but ${WITHOUT_MFA_ACTIONS.length} self-service actions without MFA`, '8.4.2']),
    row(['MFA to assume any role', `required, authenticated at most ${identity.mfaMaxAgeSeconds} s earlier`, '8.4.2, 8.5.1']),
    row(['Maximum role session', `${SESSION_DURATION_SECONDS / 3600} hour`, '']),
    row([
      'Who may assume the roles',
      `IAM users of the auth account ${auth.id}, ${org.organizationId ? `in organization ${org.organizationId}` : `from account ${auth.id} (aws:PrincipalAccount)`}, session name = user name`,
      '8.2.1, 10.2.1',
    ]),
    row(['Account lockout', 'not available for IAM users: people sign in through IAM Identity Center and an IdP that locks out (see README)', '8.3.4']),
    '',
    '## Matrix: level × account',
    '',
    `Each cell: the mode and the policies of role ${code(names.accessRoleName('<Level>'))} in that account; "—" means no role, so no access.`,
    '',
    row(['level', ...org.accounts.map(accountLabel)]),
    row(['---', ...org.accounts.map(() => '---')]),
    ...identity.accessLevels.map((level) =>
      row([
        `**${level.name}**`,
        ...org.accounts.map((account) => {
          const mode = accessMode(level, account);
          return mode === 'none' ? '—' : `${mode}: ${permissions(level, mode)}`;
        }),
      ]),
    ),
    '',
    '## Levels',
    '',
  ];
  for (const level of identity.accessLevels) {
    const reached = org.accounts.filter((a) => accessMode(level, a) !== 'none');
    const users = usersOf(level.name);
    lines.push(
      `### ${level.name}`,
      '',
      level.description,
      '',
      `- Group (auth account): ${code(names.accessGroupName(level.name))}`,
      `- Role: ${code(names.accessRoleName(level.name))} in ${reached.length > 0 ? reached.map((a) => `${a.name} (${accessMode(level, a)})`).join(', ') : 'no account'}`,
      `- Full mode: AWS managed ${level.awsManagedPolicies.length > 0 ? level.awsManagedPolicies.map(code).join(', ') : 'none'}`,
      ...level.statements.map((s, i) => `  - own statement ${s.Sid ?? i + 1}: ${s.Effect} ${s.Action.map(code).join(', ')} on ${s.Resource.map(code).join(', ')}`),
      `- Read-only mode: AWS managed ${level.readOnlyPolicies.map(code).join(', ')}`,
      `- MFA: required; session: ${SESSION_DURATION_SECONDS / 3600} hour`,
      `- Users: ${users.length > 0 ? users.join(', ') : 'none'}`,
      '',
    );
  }
  lines.push('## Users and their levels', '', row(['user', 'levels', 'contact']), row(['---', '---', '---']));
  if (identity.users.length === 0) lines.push(row(['(none: people sign in through IAM Identity Center)', '', '']));
  for (const user of identity.users) lines.push(row([user.name, user.levels.join(', '), user.email ?? '']));
  const bg = identity.breakGlass;
  lines.push(
    '',
    '## Break-glass',
    '',
    `- Role ${code(names.breakGlassRoleName)} in every account, with ${bg.awsManagedPolicies.map(code).join(', ')}; outside the levels.`,
    `- Assumable only by IAM users under ${code(names.breakGlassUserPath)} in the auth account (group ${code(names.breakGlassGroupName)}), with MFA (hardware key expected).`,
    `- Users: ${bg.users.length > 0 ? bg.users.join(', ') : 'none (the root user of each account is the last resort)'}`,
    `- Every assumption or use raises an EventBridge rule ${code(names.breakGlassRuleName)} in each region of the account, notifying the KMS-encrypted SNS topic ${code(names.breakGlassTopicName)}` +
      ` (${bg.notificationEmails.length} email subscription${bg.notificationEmails.length === 1 ? '' : 's'}).`,
    '',
    '## Root credentials',
    '',
    `- Custodians: ${identity.rootCredentials.custodians.length > 0 ? identity.rootCredentials.custodians.join(', ') : '**not recorded in the config** (identity.rootCredentials.custodians)'}.`,
    `- Storage: ${identity.rootCredentials.storage}.`,
    '- The root user of every member account is denied every action by the service control policy `DenyRootUser`; it serves only the tasks that need it, after a reviewed change that detaches that policy.',
    '',
    '## Procedures',
    '',
    '- **Add a user, or change their levels**: a merge request adding the user to `identity.users` with their levels; it is reviewed, planned and approved like any change (see the change management page). After the apply, an administrator creates the console password with `--password-reset-required` and hands it over out of band; the user must enrol MFA before anything else is allowed.',
    '- **Remove a user**: a merge request deleting the entry; the apply removes the user, their group memberships and therefore every role they could assume. Running sessions end within the one-hour session limit.',
    '- **Use break-glass**: only when the normal levels cannot work (identity provider down, locked-out administrators). A break-glass user signs in with their hardware MFA key and assumes the break-glass role; the use alerts the break-glass topic immediately. Afterwards: record the incident, review the CloudTrail activity of the session, rotate the break-glass password and re-seal it.',
    '- **Periodic review** (PCI DSS 7.2.4): at least every six months, compare this page with the people who need access, and open a merge request for every change.',
    '',
    '## IAM Identity Center',
    '',
  );
  const ic = identity.identityCenter;
  if (!ic.enabled) lines.push('Not managed by this configuration (identity.identityCenter.enabled is false).');
  else {
    lines.push(`Instance ${code(ic.instanceArn ?? '')}, identity store ${code(ic.identityStoreId ?? '')}. Permission sets (session ${SESSION_DURATION_SECONDS / 3600} hour) and assignments:`, '');
    lines.push(row(['permission set', 'group', 'accounts']), row(['---', '---', '---']));
    for (const level of identity.accessLevels)
      for (const mode of ['full', 'read-only'] as const) {
        const accounts = names.existingAccounts.filter((a) => accessMode(level, a) === mode);
        if (accounts.length > 0) lines.push(row([permissionSetName(level.name, mode), code(ic.groups[level.name] ?? ''), accounts.map((a) => a.name).join(', ')]));
      }
  }
  return `${lines.join('\n')}\n`;
}

/** Who can access what, with which controls (PCI DSS 7.2.1, 7.2.4, 8.2.1, 8.3, 8.4). */
export const accessLevelsPage: PageGenerator = ({ org }) => ({
  path: 'access/access-levels.md',
  title: 'Access levels',
  answers: 'Who can access what, with which authentication, and who holds each level? (PCI DSS 7.2.1, 7.2.4, 8.2.1, 8.3, 8.4)',
  body: accessLevelsMarkdown(org),
});
