import { ROOT_OU } from '../../accounts';
import { guardrailPolicies, targetLabel } from '../../modules/organization/guardrails';
import { label, mermaid, nodeId, table } from '../markdown';
import type { PageGenerator } from '../page';

/** OUs, accounts, environments, PCI scope of each account, and the SCPs attached where. */
export const organizationPage: PageGenerator = ({ org, names }) => {
  const ouNode = (path: string) => nodeId('ou', path);
  const diagram = [
    'flowchart TD',
    `  ${ouNode(ROOT_OU)}[${label(`Root — ${org.name}`)}]`,
    ...org.organizationalUnits.map((ou) => `  ${ouNode(ou.path)}[${label(`OU ${ou.path}`)}]`),
    ...org.organizationalUnits.map((ou) => {
      const slash = ou.path.lastIndexOf('/');
      return `  ${ouNode(slash < 0 ? ROOT_OU : ou.path.slice(0, slash))} --> ${ouNode(ou.path)}`;
    }),
    ...org.accounts.map((a) => `  ${ouNode(a.ou)} --> ${nodeId('acct', a.name)}(${label(`${a.name} (${a.environment ?? a.role}, ${a.pciScope})`)})`),
    '  classDef cde fill:#fdd,stroke:#c00',
    '  classDef connected fill:#ffe9c7,stroke:#c80',
    '  classDef outofscope fill:#e8f4e8,stroke:#393',
    ...(['cde', 'connected', 'out-of-scope'] as const).flatMap((scope) => {
      const ids = org.accounts.filter((a) => a.pciScope === scope).map((a) => nodeId('acct', a.name));
      return ids.length ? [`  class ${ids.join(',')} ${scope.replace(/-/g, '')}`] : [];
    }),
  ];

  const accounts = table(
    ['account', 'id', 'role', 'environment', 'OU', 'PCI scope', 'regions', 'stack'],
    org.accounts.map((a) => [
      a.name,
      a.id ?? 'to be created',
      a.role,
      a.environment,
      a.ou,
      a.pciScope,
      [...new Set([org.homeRegion, ...(a.regions ?? [])])].join(', '),
      a.id ? a.name : 'after creation',
    ]),
  );

  const policies = guardrailPolicies(names);
  const scps = table(
    ['policy', 'attached to', 'statement', 'prevents', 'PCI DSS v4.0.1'],
    policies.flatMap((p) => p.statements.map((s) => [p.name, p.targets.map(targetLabel).join(', '), s.Sid, s.prevents, s.pci.join(', ')])),
  );

  return {
    path: 'organization.md',
    title: 'Organization scheme',
    answers: 'How are the environments separated, and which guardrails apply where? (PCI DSS 1.2.3, 12.5.2)',
    body: [
      '## OUs and accounts',
      '',
      'Accounts are coloured by PCI scope: red = cardholder data environment, amber = connected to it, green = out of scope.',
      '',
      mermaid(diagram),
      '',
      accounts,
      '',
      '## Service control policies',
      '',
      'SCPs cannot be switched off from inside a member account; they bind every principal there, administrators included (the management account is never subject to SCPs).',
      '',
      scps,
    ].join('\n'),
  };
};
