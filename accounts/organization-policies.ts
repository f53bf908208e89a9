/**
 * Config of the organization's guardrails: who administers the security services
 * for the organization (the delegated administrator) and which accounts are
 * quarantined. The service control policies themselves are code
 * (modules/organization/guardrails.ts); only these choices are data.
 */
import { z } from 'zod';
// Type-only imports: schema.ts imports this file, so a runtime import back would be circular.
import type { Organization } from './schema';
import type { Problem } from './validate';

/** Same value as ROOT_OU in schema.ts. */
const ROOT_OU = 'Root';

export const guardrailsSchema = z.strictObject({
  /**
   * Name of the account that administers CloudTrail, Config, GuardDuty, Security Hub,
   * IAM Access Analyzer and Inspector for the whole organization.
   * @default the logging account
   */
  delegatedAdministrator: z.string().min(1).optional(),
  /**
   * OU whose accounts get the quarantine SCP (everything denied except the landing
   * zone's deploy path), e.g. "Suspended". New accounts can start there until their
   * baseline is deployed (PCI DSS 2.2.1). @default none
   */
  quarantineOu: z.string().min(1).optional(),
  /** Accounts (by name) that get the quarantine SCP wherever their OU is. @default [] */
  quarantinedAccounts: z.array(z.string().min(1)).default([]),
});

export type Guardrails = z.output<typeof guardrailsSchema>;

/** Semantic checks of the `guardrails` section (registered in validate.ts). */
export function guardrailsRules(org: Organization): Problem[] {
  const problems: Problem[] = [];
  const { delegatedAdministrator, quarantineOu, quarantinedAccounts } = org.guardrails;
  const byName = new Map(org.accounts.map((a) => [a.name, a]));
  const memberNames = org.accounts.filter((a) => a.role !== 'management').map((a) => `"${a.name}"`).join(', ');

  if (delegatedAdministrator !== undefined) {
    const at = 'guardrails.delegatedAdministrator';
    const account = byName.get(delegatedAdministrator);
    if (!account)
      problems.push({ path: at, message: `names no account of the config; fix: use one of ${memberNames}, or leave it out for the logging account`, received: delegatedAdministrator });
    else if (account.role === 'management')
      problems.push({
        path: at,
        message: 'the management account cannot be the delegated administrator (AWS refuses it for CloudTrail and Config, and it must not run day-to-day tooling); fix: name a member account, e.g. the logging account',
        received: delegatedAdministrator,
      });
    else if (account.id === undefined)
      problems.push({ path: at, message: `account "${delegatedAdministrator}" does not exist yet (no id); fix: add its 12-digit id, or name an existing account`, received: delegatedAdministrator });
  }

  if (quarantineOu !== undefined) {
    const declared = new Set(org.organizationalUnits.map((ou) => ou.path));
    if (quarantineOu === ROOT_OU)
      problems.push({ path: 'guardrails.quarantineOu', message: 'the root cannot be the quarantine OU (it would deny every account); fix: use a dedicated OU, e.g. "Suspended"', received: quarantineOu });
    else if (!declared.has(quarantineOu))
      problems.push({
        path: 'guardrails.quarantineOu',
        message: `is not a declared OU; fix: use one of ${[...declared].map((d) => `"${d}"`).join(', ')} or declare it in organizationalUnits`,
        received: quarantineOu,
      });
  }

  const admin = delegatedAdministrator ?? org.accounts.find((a) => a.role === 'logging')?.name;
  const seen = new Set<string>();
  quarantinedAccounts.forEach((name, i) => {
    const at = `guardrails.quarantinedAccounts[${i}]`;
    const account = byName.get(name);
    if (seen.has(name)) problems.push({ path: at, message: 'is listed twice; fix: remove the duplicate', received: name });
    seen.add(name);
    if (!account) problems.push({ path: at, message: `names no account of the config; fix: use one of ${memberNames}`, received: name });
    else if (account.role === 'management')
      problems.push({ path: at, message: 'SCPs never apply to the management account, so it cannot be quarantined; fix: remove it', received: name });
    else if (name === admin)
      problems.push({ path: at, message: 'is the delegated administrator of the security services, which must keep working; fix: remove it, or name another delegatedAdministrator', received: name });
  });
  if (quarantineOu !== undefined && admin !== undefined && byName.get(admin)?.ou === quarantineOu)
    problems.push({
      path: 'guardrails.quarantineOu',
      message: `holds the delegated administrator "${admin}", which must keep working; fix: move that account to another OU or choose another quarantine OU`,
      received: quarantineOu,
    });
  return problems;
}
