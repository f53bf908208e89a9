/**
 * The coverage report: PCI DSS v4.0.1 requirement → Config rules → remediation →
 * where it is deployed, generated from the catalog and the organization's
 * deployment plan. A page of the evidence pack (evidence/pages/compliance.ts).
 */
import { Naming, type Organization } from '../accounts';
import { targetId, unsetNames, type RemediationContext } from './automation/remediation-configuration';
import { wrappedRunbook } from './automation/runbook-wrappers';
import { COMPLIANCE_STACK, catalogFor, planDeployment, remediationContext } from './deployment';
import type { CatalogRule } from './types';

const NOT_BOUND = 'not yet bound';

/** How a rule heals, as the report shows it: auto, manual or none. */
const LABEL = { automatic: 'auto', manual: 'manual', none: 'none' } as const;

/** A rule's remediation: how it heals and the SSM document it runs (our documents by their SSM name). */
function remediationOf(rule: CatalogRule, ctx: RemediationContext): string {
  const r = rule.remediation;
  if (!r) return NOT_BOUND;
  if (r.decision === 'none') return 'none';
  const unset = unsetNames(r, ctx.names);
  // A manual binding whose fixed parameters are not configured: the document runs from Systems Manager only.
  const where = unset.length > 0 ? ` (run from Systems Manager until ${unset.join(', ')} are configured)` : '';
  const runbook = r.document ? wrappedRunbook(r.document) : undefined;
  const wraps = runbook ? ` (wraps ${runbook})` : '';
  return `${LABEL[r.decision]}: ${targetId(r, ctx)}${wraps}${where}`;
}

function requirementKey(id: string): string {
  return id
    .split('.')
    .map((part) => part.padStart(4, '0'))
    .join('.');
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The report body for `org`, as markdown. Deterministic: no dates, sorted everywhere. */
export function coverageMarkdown(org: Organization): string {
  const names = new Naming(org);
  const catalog = catalogFor(org);
  const deployment = planDeployment(names, catalog);
  const admin = names.delegatedAdministrator;
  const ctx = remediationContext(names);
  const remediation = (rule: CatalogRule) => remediationOf(rule, ctx);

  const deployedBy = new Map<string, string[]>();
  for (const { region, packs } of deployment)
    for (const pack of packs) for (const rule of pack.rules) deployedBy.set(rule.name, [...(deployedBy.get(rule.name) ?? []), `${pack.name} (${region})`]);

  const byRequirement = new Map<string, CatalogRule[]>();
  for (const rule of catalog) for (const id of rule.pci40) byRequirement.set(id, [...(byRequirement.get(id) ?? []), rule]);
  const requirements = [...byRequirement.keys()].sort((a, b) => requirementKey(a).localeCompare(requirementKey(b)));

  const decisions = { automatic: 0, manual: 0, none: 0, [NOT_BOUND]: 0 } as Record<string, number>;
  for (const rule of catalog) decisions[rule.remediation?.decision ?? NOT_BOUND] += 1;
  const packCount = deployment.reduce((n, d) => n + d.packs.length, 0);
  const fromV40 = catalog.filter((r) => r.awsPacks.includes('pci-dss-v4.0')).length;
  const fromV321 = catalog.filter((r) => r.awsPacks.includes('pci-dss-3.2.1')).length;
  const fromSample = catalog.filter((r) => r.awsPacks.includes('sample')).length;
  const unmapped = catalog.filter((r) => r.pci40.length === 0).length;
  const runOutsideConfig = catalog.filter((r) => r.remediation && r.remediation.decision !== 'none' && unsetNames(r.remediation, ctx.names).length > 0).length;

  const lines: string[] = [
    `- Rules: ${catalog.length} AWS Config managed rules (${fromV40} from the AWS PCI DSS v4.0 pack with global resource types, ${fromV321} from the AWS PCI DSS 3.2.1 pack, ${fromSample} only in the public remediation sample).`,
    `- Requirements: ${requirements.length} PCI DSS v4.0.1 requirements have at least one rule. Requirements without one need process or document evidence; Config checks configuration only. ${unmapped} rules map to no v4.0.1 requirement (3.2.1 or sample rules); they are listed under Rules.`,
    `- Deployed by: the \`${COMPLIANCE_STACK}\` stack in account ${admin.name} (${admin.id}), the Config delegated administrator, as ${packCount} organization conformance packs.`,
    `- Remediation: ${decisions.automatic} auto (Config runs the SSM document on non-compliance), ${decisions.manual} manual (configured in the pack, started by a person from the Config console or CLI), ${decisions.none} none (the finding goes to the owner), ${decisions[NOT_BOUND]} not yet bound. Manual remediations waiting for organization config before a pack can hold them (their document runs from Systems Manager until then): ${runOutsideConfig}.`,
    '- Every remediation runs as the automation role, with documents deployed in every account and region a pack covers; a resource tagged with the exemption tag is left untouched (audited exceptions), also under automatic AWS-owned runbooks, which run through an exemption wrapper (`wraps`); account-level rules have no resource to tag, and CloudFront distributions are not wrapped (the Tagging API answers for them in us-east-1 only).',
    '',
    '## Conformance packs',
    '',
    '| Region | Pack | Rules | Remediations (auto + manual) | Template bytes | Template via | Accounts skipped |',
    '|---|---|---|---|---|---|---|',
  ];
  const accountName = new Map(names.existingAccounts.map((a) => [a.id, a.name]));
  for (const { region, home, packs, excludedAccountIds } of deployment) {
    const skipped = excludedAccountIds.map((id) => `${accountName.get(id)} (${id})`).join(', ') || 'none';
    for (const pack of packs)
      lines.push(`| ${region}${home ? ' (home)' : ''} | ${pack.name} | ${pack.rules.length} | ${Object.values(pack.template.Resources).filter((r) => r.Type === 'AWS::Config::RemediationConfiguration').length} | ${pack.bytes} | ${pack.viaS3 ? 'S3' : 'TemplateBody'} | ${skipped} |`);
  }
  lines.push('', 'Accounts are skipped in a region where they record nothing (the account does not work there), or when excluded below.', '');

  lines.push('## Excluded accounts', '');
  if (org.compliance.excludedAccounts.length === 0) lines.push('None.');
  else {
    lines.push('| Account | Reason |', '|---|---|');
    for (const e of [...org.compliance.excludedAccounts].sort((a, b) => a.account.localeCompare(b.account)))
      lines.push(`| ${e.account} | ${cell(e.reason)} |`);
  }

  lines.push('', '## By requirement', '', 'Heals itself: how many of the requirement\'s rules fix a violation automatically (auto), after a person starts the fix (manual), or not at all (none).', '');
  lines.push('| PCI DSS v4.0.1 | Heals itself | Rules (remediation) |', '|---|---|---|');
  for (const id of requirements) {
    const ruleList = byRequirement.get(id)!;
    const count = (d: 'automatic' | 'manual' | 'none') => ruleList.filter((r) => r.remediation?.decision === d).length;
    const heals = `${count('automatic')} auto, ${count('manual')} manual, ${count('none')} none`;
    const rules = ruleList.map((r) => `\`${r.name}\` (${remediation(r)})`);
    lines.push(`| ${id} | ${heals} | ${rules.join(', ')} |`);
  }

  lines.push(
    '',
    '## Rules',
    '',
    '| Rule | Identifier | Trigger | PCI DSS v4.0.1 | PCI DSS 3.2.1 | Remediation | Deployed by |',
    '|---|---|---|---|---|---|---|',
  );
  for (const rule of catalog) {
    lines.push(
      `| \`${rule.name}\`${rule.awsPacks.includes('sample') ? ' (public sample only)' : ''} | ${rule.sourceIdentifier} | ${rule.trigger}${rule.global ? ', home region only' : ''} | ${rule.pci40.join(', ') || '-'} | ${rule.pci321.join(', ') || '-'} | ${remediation(rule)} | ${(deployedBy.get(rule.name) ?? ['not deployed']).join('; ')} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
