/**
 * The exceptions register: every accepted deviation from the landing zone's PCI
 * defaults, with who accepted it, why, and until when (PCI DSS 12.3.x, targeted
 * risk analysis; 12.5.2 scope). The evidence pack lists them; an expired
 * exception fails validation, so it cannot outlive its approval silently.
 */
import { z } from 'zod';
import type { Problem } from './validate';
import type { Organization } from './schema';

export const EXCEPTION_KINDS = ['weakened-default', 'excluded-account', 'exempted-resource', 'disabled-rule'] as const;

export const exceptionSchema = z.strictObject({
  /** Stable id, e.g. "EXC-001". */
  id: z.string().regex(/^[A-Z][A-Z0-9]*-\d{3,}$/, { error: 'must look like "EXC-001"' }),
  /** What kind of deviation. */
  kind: z.enum(EXCEPTION_KINDS, { error: `must be one of ${EXCEPTION_KINDS.join(', ')}` }),
  /** What it applies to: an account name, a rule name, a resource ARN, a setting path. */
  subject: z.string().min(1),
  /** Why it is accepted, and the compensating control. */
  justification: z.string().min(20, { error: 'must explain the deviation and its compensating control (20 characters at least)' }),
  /** Who owns the risk (a person or team). */
  owner: z.string().min(1),
  /** Last day the exception is valid, YYYY-MM-DD. */
  expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' }),
  /** PCI DSS v4.0.1 requirements affected. @default [] */
  requirements: z.array(z.string().regex(/^\d+(\.\d+)*$/)).default([]),
});

export type ExceptionEntry = z.output<typeof exceptionSchema>;

/** Today as YYYY-MM-DD (UTC), the day exceptions are checked against. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function exceptionRules(org: Organization): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  org.exceptions.forEach((e, i) => {
    const at = `exceptions[${i}]`;
    if (seen.has(e.id)) problems.push({ path: `${at}.id`, message: 'is used twice; fix: give every exception its own id', received: e.id });
    seen.add(e.id);
    if (Number.isNaN(Date.parse(e.expires)))
      problems.push({ path: `${at}.expires`, message: 'is not a calendar date', received: e.expires });
    else if (e.expires < today())
      problems.push({
        path: `${at}.expires`,
        message: `exception ${e.id} (${e.kind} of "${e.subject}", owner ${e.owner}) expired; fix: remove the deviation, or renew the exception after a new risk review with a later date`,
        received: e.expires,
      });
  });
  // A deviation the config makes must be in the register: every excluded account needs its exception.
  org.compliance.excludedAccounts.forEach(({ account }, i) => {
    if (!org.exceptions.some((e) => e.kind === 'excluded-account' && e.subject === account))
      problems.push({
        path: `compliance.excludedAccounts[${i}]`,
        message: `excluding "${account}" from the conformance packs is a deviation with no exception; fix: add { kind: "excluded-account", subject: "${account}", justification, owner, expires } to exceptions`,
        received: account,
      });
  });
  return problems;
}
