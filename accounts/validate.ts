/**
 * The one validation entry point for an organization description.
 *
 * Two layers, as in the Landing Zone Accelerator: the zod schema checks shape and
 * formats, then the rules below check meaning. Every problem is collected and
 * reported at once, each with where it is, what is wrong, the value received and
 * how to fix it. Nothing is synthesized from an invalid config.
 */
import { ROOT_OU, REQUIRED_ROLES, organizationSchema, type Organization } from './schema';
import { guardrailsRules } from './organization-policies';
import { identityRules } from './identity';
import { pipelineRules } from './pipeline';
import { loggingRules } from './logging';
import { complianceRules } from './compliance';
import { exceptionRules } from './exceptions';
import { networkRules } from './network';
import { securityServicesRules } from './security-services';

/** One thing wrong with the config. */
export interface Problem {
  /** Where, as a path into the config, e.g. `accounts[2].id`. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** The value received, when there is one. */
  readonly received?: unknown;
}

/** Thrown when a config has problems; its message lists every one, numbered. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
  }
}

export function formatProblems(problems: readonly Problem[]): string {
  const lines = problems.map((p, i) => {
    const received = p.received === undefined ? '' : ` (received ${JSON.stringify(p.received)})`;
    return `  ${i + 1}. ${p.path}: ${p.message}${received}`;
  });
  return `The organization config has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

/** A semantic rule: reads a shape-valid config, reports problems. */
export type Rule = (org: Organization) => Problem[];

/**
 * Validates `input` and returns the resolved organization, or throws a
 * {@link ConfigError} listing every problem.
 */
export function validateOrganization(input: unknown): Organization {
  const parsed = organizationSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
        received: 'input' in issue ? issue.input : undefined,
      })),
    );
  }
  const org = parsed.data;
  const problems = rules.flatMap((rule) => rule(org));
  if (problems.length > 0) throw new ConfigError(problems);
  return org;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') || '(root)';
}

function duplicates(org: Organization, field: 'id' | 'name' | 'email', normalize = (v: string) => v): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  org.accounts.forEach((account, i) => {
    const value = account[field];
    if (value === undefined) return;
    const key = normalize(value);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      problems.push({
        path: `accounts[${i}].${field}`,
        message: `duplicates accounts[${first}].${field}; fix: every account needs its own ${field}`,
        received: value,
      });
  });
  return problems;
}

const uniqueAccounts: Rule = (org) => [
  ...duplicates(org, 'id'),
  ...duplicates(org, 'name'),
  ...duplicates(org, 'email', (e) => e.toLowerCase()),
];

const requiredRoles: Rule = (org) =>
  REQUIRED_ROLES.flatMap((role) => {
    const holders = org.accounts.flatMap((a, i) => (a.role === role ? [i] : []));
    if (holders.length === 1) return [];
    if (holders.length === 0)
      return [{ path: 'accounts', message: `no account has role "${role}"; fix: add exactly one account with role: "${role}"` }];
    return [
      {
        path: 'accounts',
        message: `${holders.length} accounts have role "${role}" (accounts[${holders.join('], accounts[')}]); fix: keep exactly one`,
      },
    ];
  });

const accountShape: Rule = (org) =>
  org.accounts.flatMap((a, i): Problem[] => {
    const at = `accounts[${i}]`;
    const problems: Problem[] = [];
    if (a.role === 'workload' && a.environment === undefined)
      problems.push({ path: `${at}.environment`, message: `workload account "${a.name}" has no environment; fix: set environment to dev, staging or prod` });
    if (a.role !== 'workload' && a.environment !== undefined)
      problems.push({ path: `${at}.environment`, message: `only workload accounts have an environment; fix: remove it from the ${a.role} account`, received: a.environment });
    if (a.role !== 'workload' && a.id === undefined)
      problems.push({ path: `${at}.id`, message: `the ${a.role} account needs its id; fix: add the 12-digit account id (only workload accounts may be created by the landing zone)` });
    if (a.name === 'bootstrap')
      problems.push({ path: `${at}.name`, message: '"bootstrap" is the name of the state stack; fix: choose another account name', received: a.name });
    if (a.role === 'management' && a.ou !== ROOT_OU)
      problems.push({ path: `${at}.ou`, message: `the management account sits at the organization root; fix: set ou to "${ROOT_OU}"`, received: a.ou });
    return problems;
  });

const organizationalUnits: Rule = (org) => {
  const declared = new Set<string>([ROOT_OU]);
  const problems: Problem[] = [];
  org.organizationalUnits.forEach((ou, i) => {
    if (declared.has(ou.path)) problems.push({ path: `organizationalUnits[${i}].path`, message: 'is declared twice; fix: remove the duplicate', received: ou.path });
    const parent = ou.path.includes('/') ? ou.path.slice(0, ou.path.lastIndexOf('/')) : ROOT_OU;
    if (!declared.has(parent))
      problems.push({
        path: `organizationalUnits[${i}].path`,
        message: `its parent "${parent}" is not declared before it; fix: add { path: "${parent}" } above it`,
        received: ou.path,
      });
    declared.add(ou.path);
  });
  org.accounts.forEach((a, i) => {
    if (!declared.has(a.ou))
      problems.push({
        path: `accounts[${i}].ou`,
        message: `account "${a.name}" is in an unknown OU; fix: use one of ${[...declared].map((d) => `"${d}"`).join(', ')} or declare it in organizationalUnits`,
        received: a.ou,
      });
  });
  return problems;
};

const regions: Rule = (org) => {
  const allowed = new Set(org.allowedRegions);
  const fix = `fix: use one of ${org.allowedRegions.join(', ')} or add it to allowedRegions`;
  const problems: Problem[] = [];
  if (!allowed.has(org.homeRegion)) problems.push({ path: 'homeRegion', message: `is not in allowedRegions; ${fix}`, received: org.homeRegion });
  org.accounts.forEach((a, i) =>
    (a.regions ?? []).forEach((r, j) => {
      if (!allowed.has(r)) problems.push({ path: `accounts[${i}].regions[${j}]`, message: `region outside the allowed list; ${fix}`, received: r });
    }),
  );
  return problems;
};

/** Every semantic rule; a new config area adds its rules here. */
const rules: readonly Rule[] = [uniqueAccounts, requiredRoles, accountShape, organizationalUnits, regions, guardrailsRules, identityRules, loggingRules, complianceRules, exceptionRules, pipelineRules, networkRules, securityServicesRules];
