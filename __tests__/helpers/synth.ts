/**
 * Test glue around cdktf: synthesize an organization into a temporary folder and
 * read the Terraform JSON back. Results are cached per config object within a
 * test file, so a file that asserts many things synthesizes once; the example
 * organization is synthesized once per test run (global-setup.ts) and read back.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack, Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { exampleOrganization } from '../../accounts/example';
import { ConfigError, validateOrganization, type OrganizationInput } from '../../accounts';
import { buildLandingZone, synthesize, type LandingZone } from '../../stacks/app';

/** Set by global-setup.ts: where the example organization was synthesized for this run. */
export const EXAMPLE_OUTDIR_ENV = 'LZ_TEST_EXAMPLE_OUTDIR';

/** A synthesized stack: the Terraform JSON as cdktf wrote it. */
export type StackJson = {
  terraform: { backend?: Record<string, Record<string, unknown>>; required_providers: Record<string, unknown> };
  provider: { aws: Record<string, any>[] };
  resource?: Record<string, Record<string, Record<string, any>>>;
  data?: Record<string, Record<string, Record<string, any>>>;
  output?: Record<string, unknown>;
};

export interface Synthesized {
  readonly outdir: string;
  readonly zone: LandingZone;
  readonly stacks: Record<string, StackJson>;
  readonly manifest: { stacks: Record<string, { dependencies: string[]; synthesizedStackPath: string }> };
}

const cache = new Map<unknown, Synthesized>();

/** A deep copy of the example organization, to change in a test. */
export function exampleCopy(): OrganizationInput {
  return structuredClone(exampleOrganization) as OrganizationInput;
}

/** Reads what a synth wrote to `outdir`. */
function readOutput(outdir: string): Pick<Synthesized, 'stacks' | 'manifest'> {
  const stacks: Record<string, StackJson> = {};
  for (const name of readdirSync(join(outdir, 'stacks'))) {
    stacks[name] = JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
  }
  return { stacks, manifest: JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) };
}

export function synthOrg(input: OrganizationInput = exampleOrganization): Synthesized {
  const cached = cache.get(input);
  if (cached) return cached;
  const shared = input === exampleOrganization ? process.env[EXAMPLE_OUTDIR_ENV] : undefined;
  let result: Synthesized;
  if (shared) {
    // Synthesized once for the whole run; the constructs are rebuilt (in memory, no synth) only if a test reads them.
    let zone: LandingZone | undefined;
    result = {
      outdir: shared,
      ...readOutput(shared),
      get zone() {
        return (zone ??= buildLandingZone(new App({ outdir: mkdtempSync(join(tmpdir(), 'lz-zone-')) }), validateOrganization(input)));
      },
    };
  } else {
    const outdir = mkdtempSync(join(tmpdir(), 'lz-synth-'));
    const zone = synthesize(input, { outdir });
    result = { outdir, zone, ...readOutput(outdir) };
  }
  cache.set(input, result);
  return result;
}

/** Every resource of `type` in a stack, by Terraform name. */
export function resources(stack: StackJson, type: string): Record<string, any> {
  return stack.resource?.[type] ?? {};
}

/** The single resource of `type` in a stack (fails if there is not exactly one). */
export function onlyResource(stack: StackJson, type: string): any {
  const all = Object.values(resources(stack, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** Parses a policy JSON string as synthesized. */
export function parsePolicy(json: string): { Version: string; Statement: any[] } {
  return JSON.parse(json);
}

/** Synthesizes constructs built in a bare test stack (for module tests); returns the stack JSON. */
export function synthConstructs(build: (scope: Construct) => void): StackJson {
  const stack = new TerraformStack(Testing.app(), 'test');
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

/** The exception that excluding the dev account from the conformance packs needs. */
export const DEV_EXCLUSION_EXCEPTION = {
  id: 'EXC-100',
  kind: 'excluded-account',
  subject: 'dev',
  justification: 'Sandbox without cardholder data, out of PCI scope',
  owner: 'platform-team',
  expires: '2999-12-31',
} as const;

/** The ConfigError a changed copy of the example raises (fails the test if it raises none). */
export function problemsOf(mutate: (org: any) => void): ConfigError {
  const org = exampleCopy();
  mutate(org);
  try {
    validateOrganization(org);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}
