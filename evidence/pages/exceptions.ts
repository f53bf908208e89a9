import { table } from '../markdown';
import type { PageGenerator } from '../page';

/** The exceptions register: every accepted deviation, from config. */
export const exceptionsPage: PageGenerator = ({ org, names }) => ({
  path: 'exceptions.md',
  title: 'Exceptions register',
  answers: 'What is not compliant, why is it accepted, who owns it and until when? (PCI DSS 12.3.1, 12.3.4)',
  body: [
    'Every deviation from the landing zone defaults is declared in `exceptions` of the organization config, with a justification, an owner and an expiry date. Validation fails on an expired exception, so none outlives its approval, and on an account excluded from the conformance packs without one.',
    '',
    `A resource exempted from automatic remediation (kind \`exempted-resource\`) also carries the tag \`${names.remediationExemptTagKey}\` with the exception id as its value: the remediation documents check the tag before changing anything and end as "Exempted", while AWS Config keeps reporting the resource as non-compliant, so the deviation stays visible.`,
    '',
    table(
      ['id', 'kind', 'subject', 'justification', 'owner', 'expires', 'PCI DSS v4.0.1'],
      [...org.exceptions]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((e) => [e.id, e.kind, e.subject, e.justification, e.owner, e.expires, e.requirements.join(', ')]),
    ),
  ].join('\n'),
});
