/**
 * Test glue around cdktf: synthesize an organization into a temporary folder and
 * read the Terraform JSON back. Results are cached per config object within a
 * test file, so a file that asserts many things synthesizes once.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleOrganization } from '../../accounts/example';
import type { OrganizationInput } from '../../accounts';
import { synthesize, type LandingZone } from '../../stacks/app';

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

export function synthOrg(input: OrganizationInput = exampleOrganization): Synthesized {
  const cached = cache.get(input);
  if (cached) return cached;
  const outdir = mkdtempSync(join(tmpdir(), 'lz-synth-'));
  const zone = synthesize(input, { outdir });
  const stacks: Record<string, StackJson> = {};
  for (const name of readdirSync(join(outdir, 'stacks'))) {
    stacks[name] = JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
  }
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  const result = { outdir, zone, stacks, manifest };
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
export function synthConstructs(build: (scope: import('constructs').Construct) => void): StackJson {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Testing, TerraformStack } = require('cdktf') as typeof import('cdktf');
  const stack = new TerraformStack(Testing.app(), 'test');
  build(stack);
  return JSON.parse(Testing.synth(stack));
}
