/**
 * Builds the stacks of an organization and synthesizes them. With the base stack,
 * the only place that knows about cdktf's App.
 */
import { App } from 'cdktf';
import { Naming, validateOrganization, type Organization } from '../accounts';
import { AccountStack } from './account-stack';
import { AuthStack } from './auth-stack';
import { BootstrapStack } from './bootstrap-stack';
import { ComplianceStack } from './compliance-stack';
import type { LandingZoneStack } from './landing-zone-stack';
import { LoggingStack } from './logging-stack';
import { ManagementStack } from './management-stack';
import { TransversalStack } from './transversal-stack';
import { WorkloadStack } from './workload-stack';

export interface LandingZone {
  /** The validated organization the stacks are built from. */
  readonly org: Organization;
  /** Its physical names. */
  readonly names: Naming;
  readonly bootstrap: BootstrapStack;
  readonly management: ManagementStack;
  readonly logging: LoggingStack;
  readonly auth: AuthStack;
  readonly transversal: TransversalStack;
  readonly workloads: WorkloadStack[];
  /** Organization conformance packs and aggregator (Config delegated administrator), after every account stack. */
  readonly compliance: ComplianceStack;
  /** Every stack, in deploy order. */
  readonly all: LandingZoneStack[];
  /** Workload accounts without an id yet: the management stack creates them, their stacks come on the next run. */
  readonly pendingAccounts: string[];
}

/**
 * One stack per account plus `bootstrap`, with the deploy order as stack
 * dependencies: bootstrap -> management -> logging -> every other account.
 */
export function buildLandingZone(app: App, org: Organization): LandingZone {
  const names = new Naming(org);
  const bootstrap = new BootstrapStack(app, names);
  const management = new ManagementStack(app, names);
  management.addDependency(bootstrap);
  const logging = new LoggingStack(app, names);
  logging.addDependency(management);
  const afterLogging = <T extends AccountStack>(stack: T): T => {
    stack.addDependency(logging);
    return stack;
  };
  const auth = afterLogging(new AuthStack(app, names));
  const transversal = afterLogging(new TransversalStack(app, names));
  const workloads = names.existingAccounts
    .filter((a) => a.role === 'workload')
    .map((account) => afterLogging(new WorkloadStack(app, names, account)));
  // Conformance packs need a Config recorder in every member account: after every account stack.
  const compliance = new ComplianceStack(app, names);
  for (const stack of [logging, auth, transversal, ...workloads]) compliance.addDependency(stack);
  const pendingAccounts = org.accounts.filter((a) => a.id === undefined).map((a) => a.name);
  return {
    org,
    names,
    bootstrap,
    management,
    logging,
    auth,
    transversal,
    workloads,
    compliance,
    all: [bootstrap, management, logging, auth, transversal, ...workloads, compliance],
    pendingAccounts,
  };
}

export interface SynthOptions {
  /** Output folder. @default "cdktf.out" */
  readonly outdir?: string;
}

/**
 * Validates `input` (throwing a ConfigError that lists every problem, before
 * anything is written), builds the stacks and writes them to `outdir`.
 */
export function synthesize(input: unknown, options: SynthOptions = {}): LandingZone {
  const org = validateOrganization(input);
  const app = new App({ outdir: options.outdir ?? 'cdktf.out' });
  const zone = buildLandingZone(app, org);
  app.synth();
  return zone;
}
