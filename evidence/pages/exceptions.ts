import { table } from '../markdown';
import type { PageGenerator } from '../page';

/** The exceptions register: every accepted deviation, from config. */
export const exceptionsPage: PageGenerator = ({ org }) => ({
  path: 'exceptions.md',
  title: 'Exceptions register',
  answers: 'What is not compliant, why is it accepted, who owns it and until when? (PCI DSS 12.3.1, 12.3.4)',
  body: [
    'Every deviation from the landing zone defaults is declared in `exceptions` of the organization config, with a justification, an owner and an expiry date. Validation fails on an expired exception, so none outlives its approval.',
    '',
    table(
      ['id', 'kind', 'subject', 'justification', 'owner', 'expires', 'PCI DSS v4.0.1'],
      [...org.exceptions]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((e) => [e.id, e.kind, e.subject, e.justification, e.owner, e.expires, e.requirements.join(', ')]),
    ),
  ].join('\n'),
});
