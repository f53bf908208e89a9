/**
 * Regenerates remediations/catalog/managed-rules.generated.ts from the reference data:
 * the three AWS sample PCI DSS conformance packs (rule names, identifiers, scope,
 * parameter defaults) and the remediation research JSON (resource types, triggers,
 * PCI DSS requirement ids, and the rules only the public remediation sample deploys).
 *
 *   npx tsx scripts/generate-catalog.ts [referenceDir]
 *
 * referenceDir defaults to reference/ (kept in the repository). Facts only:
 * our own parameter choices live in remediations/catalog/parameters.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { AwsPack, ManagedRuleFacts, RuleTrigger } from '../remediations/types';

const PACKS: Record<Exclude<AwsPack, 'sample'> | 'pci-dss-v4.0-excluding-global', string> = {
  'pci-dss-v4.0': 'Operational-Best-Practices-for-PCI-DSS-v4.0-including-global-resourcetypes.yaml',
  'pci-dss-v4.0-excluding-global': 'Operational-Best-Practices-for-PCI-DSS-v4.0-excluding-global-resourcetypes.yaml',
  'pci-dss-3.2.1': 'Operational-Best-Practices-for-PCI-DSS.yaml',
};

interface PackRule {
  readonly name: string;
  readonly sourceIdentifier: string;
  readonly inputParameters: Record<string, string>;
  readonly scope?: string[];
}

interface ResearchEntry {
  ruleName: string;
  sourceIdentifier: string;
  resourceTypes: string[];
  resourceTypesSource: string;
  trigger: 'change' | 'periodic' | 'both';
  pci40Requirements: string[];
  pci321Requirements: string[];
  inPci40: boolean;
  inPci321: boolean;
  inSample: boolean;
}

/** Reads a pack: CloudFormation short-form tags (!Ref, !If) are not used by these packs, long forms are resolved. */
export function readPack(file: string): PackRule[] {
  const doc = parse(readFileSync(file, 'utf8')) as {
    Parameters?: Record<string, { Default?: string }>;
    Resources: Record<string, { Type: string; Properties: Record<string, any> }>;
  };
  const param = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const v = value as Record<string, any>;
    // { Fn::If: [cond, { Ref: P }, { Ref: AWS::NoValue }] } or { Ref: P }: the parameter's default.
    const ref: string | undefined = v['Fn::If']?.[1]?.Ref ?? v.Ref;
    const resolved = ref === undefined ? undefined : doc.Parameters?.[ref]?.Default;
    if (resolved === undefined) throw new Error(`cannot resolve parameter ${JSON.stringify(value)} in ${file}`);
    return String(resolved);
  };
  return Object.values(doc.Resources).map((resource) => {
    if (resource.Type !== 'AWS::Config::ConfigRule') throw new Error(`unexpected ${resource.Type} in ${file}`);
    const p = resource.Properties;
    if (p.Source.Owner !== 'AWS') throw new Error(`${p.ConfigRuleName} is not an AWS managed rule`);
    const inputParameters: Record<string, string> = {};
    for (const [key, value] of Object.entries<unknown>(p.InputParameters ?? {})) inputParameters[key] = param(value);
    return { name: p.ConfigRuleName, sourceIdentifier: p.Source.SourceIdentifier, inputParameters, scope: p.Scope?.ComplianceResourceTypes };
  });
}

const TRIGGERS: Record<ResearchEntry['trigger'], RuleTrigger> = { change: 'configuration-change', periodic: 'periodic', both: 'both' };

/** The research notes "(the type named in rule parameter X)" where a rule's type is a parameter: resolve it. */
function resourceTypeOf(type: string, parameters: Record<string, string>): string {
  const named = /^\(the type named in rule parameter (\w+)\)$/.exec(type);
  if (!named) return type;
  const value = parameters[named[1]];
  if (!value) throw new Error(`resource type "${type}" names a parameter the packs do not set`);
  return value;
}

function sortIds(ids: readonly string[]): string[] {
  const key = (id: string) => id.split('.').map((part) => part.padStart(4, '0')).join('.');
  return [...new Set(ids)].sort((a, b) => key(a).localeCompare(key(b)));
}

export function buildFacts(referenceDir: string): ManagedRuleFacts[] {
  const packDir = join(referenceDir, 'aws-config-conformance-packs');
  const v40 = readPack(join(packDir, PACKS['pci-dss-v4.0']));
  const v40NoGlobal = new Set(readPack(join(packDir, PACKS['pci-dss-v4.0-excluding-global'])).map((r) => r.sourceIdentifier));
  const v321 = readPack(join(packDir, PACKS['pci-dss-3.2.1']));
  const research = JSON.parse(readFileSync(join(referenceDir, 'research', 'remediation-catalog.json'), 'utf8')) as ResearchEntry[];
  const bySource = new Map(research.map((r) => [r.sourceIdentifier, r]));

  // Keyed by identifier: AWS renamed one rule in the v4.0 pack, the identifier is what AWS evaluates.
  const rules = new Map<string, { v40?: PackRule; v321?: PackRule }>();
  for (const r of v40) rules.set(r.sourceIdentifier, { ...rules.get(r.sourceIdentifier), v40: r });
  for (const r of v321) rules.set(r.sourceIdentifier, { ...rules.get(r.sourceIdentifier), v321: r });

  const facts = [...rules.entries()].map(([sourceIdentifier, { v40: a, v321: b }]): ManagedRuleFacts => {
    const info = bySource.get(sourceIdentifier);
    if (!info) throw new Error(`${sourceIdentifier} is missing from the research catalog`);
    // The research name follows AWS's managed-rule page; the v4.0 pack has one alias.
    const name = info.ruleName;
    // The v4.0 pack wins where both packs set a rule (one scope differs: v4.0 adds a resource type).
    const scope = a ? a.scope : b?.scope;
    return {
      name,
      sourceIdentifier,
      awsInputParameters: { ...b?.inputParameters, ...a?.inputParameters },
      ...(scope ? { scopeResourceTypes: scope } : {}),
      resourceTypes: info.resourceTypes.map((t) => resourceTypeOf(t, { ...b?.inputParameters, ...a?.inputParameters })),
      trigger: TRIGGERS[info.trigger],
      pci40: sortIds(a ? info.pci40Requirements : []),
      pci321: sortIds(b ? info.pci321Requirements : []),
      awsPacks: [...(a ? (['pci-dss-v4.0'] as const) : []), ...(b ? (['pci-dss-3.2.1'] as const) : [])],
      ...(a && a.name !== name ? { awsPci40Name: a.name } : {}),
      awsGlobalPackOnly: a !== undefined && !v40NoGlobal.has(sourceIdentifier),
    };
  });
  // Rules only the public remediation sample deploys (and remediates): ours too, so every rule it heals
  // is deployed and bound here. Its packs scope them to the resource types the research took from them.
  for (const info of research.filter((r) => r.inSample && !r.inPci40 && !r.inPci321)) {
    if (rules.has(info.sourceIdentifier)) continue;
    const scoped = info.resourceTypesSource.startsWith('sample pack Scope');
    facts.push({
      name: info.ruleName,
      sourceIdentifier: info.sourceIdentifier,
      awsInputParameters: {},
      ...(scoped ? { scopeResourceTypes: info.resourceTypes } : {}),
      resourceTypes: info.resourceTypes,
      trigger: TRIGGERS[info.trigger],
      pci40: sortIds(info.pci40Requirements),
      pci321: sortIds(info.pci321Requirements),
      awsPacks: ['sample'],
      awsGlobalPackOnly: false,
    });
  }
  return facts.sort((x, y) => x.name.localeCompare(y.name));
}

export function renderFacts(facts: readonly ManagedRuleFacts[]): string {
  const lines = facts.map((f) => `  ${JSON.stringify(f)},`);
  return [
    '// Generated by scripts/generate-catalog.ts from the AWS sample PCI DSS conformance packs',
    '// and the remediation research JSON. Do not edit: change the reference or the generator.',
    "import type { ManagedRuleFacts } from '../types';",
    '',
    '/** Facts about every AWS Config managed rule of the AWS PCI DSS v4.0 (with global resource types) and 3.2.1 packs, and the public sample\'s extra rules. */',
    'export const MANAGED_RULE_FACTS: readonly ManagedRuleFacts[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}

if (require.main === module) {
  const referenceDir = resolve(process.argv[2] ?? join(__dirname, '..', 'reference'));
  const out = join(__dirname, '..', 'remediations', 'catalog', 'managed-rules.generated.ts');
  const facts = buildFacts(referenceDir);
  writeFileSync(out, renderFacts(facts));
  console.log(`Wrote ${facts.length} rules to ${out}`);
}
