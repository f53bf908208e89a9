import { guardrailPolicies } from '../../modules/organization/guardrails';
import { coverageMarkdown } from '../../remediations/coverage';
import { COMPLIANCE_STACK, catalogFor } from '../../remediations/deployment';
import { PCI_SECTIONS, sectionOf } from '../../remediations/pci-requirements';
import { PREVENTIVE_CONTROLS } from '../../remediations/preventive-controls';
import type { CatalogRule } from '../../remediations/types';
import { table } from '../markdown';
import type { PageGenerator } from '../page';

/** Every Config rule with its requirements, remediation and pack (the detailed view). */
export const configRulesPage: PageGenerator = ({ org }) => ({
  path: 'compliance/coverage.md',
  title: 'PCI DSS v4.0.1 coverage by AWS Config rules',
  answers: 'Which configuration checks run where, against which requirement, and which of them heal themselves? (PCI DSS 10.7, 11.5, 12.4)',
  body: coverageMarkdown(org),
});

/** Requirement → preventive control → detective rule → remediation → where; and what the platform does not cover. */
export const requirementsPage: PageGenerator = ({ org, names }) => {
  const bySection = <T>(items: readonly T[], ids: (item: T) => readonly string[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) for (const section of new Set(ids(item).map(sectionOf))) map.set(section, [...(map.get(section) ?? []), item]);
    return map;
  };
  const scpStatements = guardrailPolicies(names).flatMap((p) => p.statements.map((s) => ({ label: `SCP ${s.Sid}`, pci: s.pci })));
  const preventive = bySection([...scpStatements, ...PREVENTIVE_CONTROLS.map((c) => ({ label: `${c.control} (${c.where})`, pci: c.pci }))], (c) => c.pci);
  const rules = bySection(catalogFor(org), (r: CatalogRule) => r.pci40);

  const heal = (list: readonly CatalogRule[]) => {
    const count = (d: string) => list.filter((r) => r.remediation?.decision === d).length;
    return `${count('automatic')} auto, ${count('manual')} manual, ${count('none')} none`;
  };
  const covered = PCI_SECTIONS.filter((s) => preventive.has(s.id) || rules.has(s.id));
  const outside = PCI_SECTIONS.filter((s) => !covered.includes(s));

  return {
    path: 'compliance/pci-requirements.md',
    title: 'PCI DSS v4.0.1 requirements: controls, checks and remediation',
    answers: 'For each requirement, what prevents a violation, what detects one, what fixes it, and where? Which requirements are left to people and process? (PCI DSS 12.4, 12.5)',
    body: [
      `Preventive controls are the service control policies and the defaults every stack deploys; detective rules are the AWS Config rules of the organization conformance packs (stack \`${COMPLIANCE_STACK}\`, every account and allowed region); remediation counts how those rules heal (details per rule in [coverage](coverage.md)).`,
      '',
      '## Requirements the platform addresses',
      '',
      table(
        ['requirement', 'preventive controls', 'detective rules', 'remediation'],
        covered.map((s) => {
          const list = rules.get(s.id) ?? [];
          return [
            `${s.id} ${s.title}${s.outsidePlatform ? ` (also: ${s.outsidePlatform})` : ''}`,
            (preventive.get(s.id) ?? []).map((c) => c.label).join('; '),
            list.length ? `${list.length}: ${list.map((r) => `\`${r.name}\``).join(', ')}` : '',
            list.length ? heal(list) : '',
          ];
        }),
      ),
      '',
      '## Requirements outside the platform',
      '',
      'These need evidence from people and process (policies, training, physical security, application design); the platform neither prevents nor detects their violation.',
      '',
      table(['requirement', 'why it is outside the platform'], outside.map((s) => [`${s.id} ${s.title}`, s.outsidePlatform ?? 'no control or rule maps to it yet'])),
    ].join('\n'),
  };
};
