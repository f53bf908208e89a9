import { TerraformResource } from 'cdktf';
import { label, mermaid, nodeId, table } from '../markdown';
import type { PageGenerator } from '../page';

/** Which stack deploys what into which account, and in which order. */
export const infrastructurePage: PageGenerator = ({ zone }) => {
  const order = zone.all.map((stack) => [
    stack.node.id,
    `${stack.account.name} (${stack.account.id})`,
    stack.regions.join(', '),
    stack.dependencies.map((d) => d.node.id).join(', ') || 'none (first)',
  ]);

  // Top-level constructs of each stack (the modules it composes) and the resource types inside them.
  const contents = zone.all.flatMap((stack) =>
    stack.node.children
      .filter((child) => child.node.findAll().some((c) => c instanceof TerraformResource))
      .map((module) => {
        const counts = new Map<string, number>();
        for (const c of module.node.findAll()) {
          if (c instanceof TerraformResource) counts.set(c.terraformResourceType, (counts.get(c.terraformResourceType) ?? 0) + 1);
        }
        const types = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([t, n]) => (n > 1 ? `${t} ×${n}` : t));
        return [stack.node.id, module.node.id, types.join(', ')];
      }),
  );

  const graph = [
    'flowchart LR',
    ...zone.all.map((s) => `  ${nodeId('stack', s.node.id)}[${label(`${s.node.id} → ${s.account.name}`)}]`),
    ...zone.all.flatMap((s) => s.dependencies.map((d) => `  ${nodeId('stack', d.node.id)} --> ${nodeId('stack', s.node.id)}`)),
  ];

  return {
    path: 'infrastructure.md',
    title: 'System infrastructure',
    answers: 'What is deployed where, by what, and in which order? (PCI DSS 1.2.4, 2.2, 12.5.1)',
    body: [
      '## Deploy order',
      '',
      'Each stack is one Terraform state, applied into one account by assuming a role there; an arrow means "deployed before".',
      '',
      mermaid(graph),
      '',
      table(['stack', 'account', 'regions', 'deployed after'], order),
      '',
      '## What each stack deploys',
      '',
      table(['stack', 'module', 'resource types'], contents),
    ].join('\n'),
  };
};
