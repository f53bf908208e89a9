/**
 * The CodeBuild build specs of the pipeline, as typed objects rendered to YAML.
 * They only call npm scripts of package.json (a test checks it) and the terraform
 * installer: the build logic lives in scripts/, the same scripts CI and people run.
 */
import { stringify } from 'yaml';
import { buildIdentifier, deployWaves, type StackNode } from './stack-graph';

export interface BuildspecPhase {
  readonly 'runtime-versions'?: Readonly<Record<string, string | number>>;
  readonly commands: readonly string[];
}

export interface BatchBuild {
  readonly identifier: string;
  readonly env?: { readonly variables: Readonly<Record<string, string>> };
  readonly 'depend-on'?: readonly string[];
}

/** The subset of the buildspec 0.2 syntax the pipeline uses. */
export interface Buildspec {
  readonly version: 0.2;
  readonly env?: {
    readonly shell?: 'bash';
    readonly variables?: Readonly<Record<string, string>>;
    readonly 'exported-variables'?: readonly string[];
  };
  readonly batch?: { readonly 'build-list'?: readonly BatchBuild[]; readonly 'build-graph'?: readonly BatchBuild[] };
  readonly phases: {
    readonly install?: BuildspecPhase;
    readonly pre_build?: BuildspecPhase;
    readonly build: BuildspecPhase;
    readonly post_build?: BuildspecPhase;
  };
  readonly artifacts?: { readonly files: readonly string[]; readonly 'exclude-paths'?: readonly string[] };
}

/** CodeBuild allows at most 100 builds in a batch; beyond that, builds plan several stacks each. */
export const MAX_BATCH_BUILDS = 100;

export interface BuildspecOptions {
  /** Terraform version to install. */
  readonly terraformVersion: string;
  /** Role assumed in every account: the plan role (plan) or the deploy role (deploy). */
  readonly roleName: string;
}

const NODE = { nodejs: 20 } as const;
/** The synthesized stacks of the Synth build, copied next to the reviewed scripts of the source. */
const TAKE_SYNTH_OUTPUT = 'cp -R "$CODEBUILD_SRC_DIR_synth/cdktf.out" cdktf.out';
const installTerraform = (version: string): BuildspecPhase => ({
  'runtime-versions': NODE,
  commands: [`bash scripts/install-terraform.sh ${version}`, TAKE_SYNTH_OUTPUT],
});
const TERRAFORM_ENV = { TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' } as const;

/** Step 1: install from the lockfile, run the tests, synthesize. No AWS access needed. */
export function synthBuildspec(terraformVersion: string): Buildspec {
  return {
    version: 0.2,
    env: { shell: 'bash', variables: { ...TERRAFORM_ENV } },
    phases: {
      install: { 'runtime-versions': NODE, commands: ['npm ci --no-audit --no-fund', `bash scripts/install-terraform.sh ${terraformVersion}`] },
      build: { commands: ['npm test', 'npm run synth'] },
    },
    // Only the synthesized stacks: later builds run the scripts of the reviewed source, not of this build.
    artifacts: { files: ['cdktf.out/manifest.json', 'cdktf.out/stacks/**/*'] },
  };
}

/** Splits stacks into at most `max` groups of consecutive stacks. */
export function shards(stacks: readonly string[], max = MAX_BATCH_BUILDS): string[][] {
  const size = Math.ceil(stacks.length / max) || 1;
  const groups: string[][] = [];
  for (let i = 0; i < stacks.length; i += size) groups.push(stacks.slice(i, i + size));
  return groups;
}

/**
 * Step 2: one build per stack (a batch build-list), all in parallel, each saving its
 * plan under the read-only plan role.
 */
export function planBuildspec(graph: readonly StackNode[], options: BuildspecOptions): Buildspec {
  return {
    version: 0.2,
    env: { shell: 'bash', variables: { ...TERRAFORM_ENV, LZ_ROLE_NAME: options.roleName, LZ_CREDENTIAL_SOURCE: 'EcsContainer' } },
    batch: {
      'build-list': shards(deployWaves(graph).flat()).map((group, i) => ({
        identifier: group.length === 1 ? buildIdentifier('plan', group[0]!) : `plan_shard_${i + 1}`,
        env: { variables: { STACKS: group.join(' ') } },
      })),
    },
    phases: {
      install: installTerraform(options.terraformVersion),
      build: { commands: ['npm run plan -- $STACKS'] },
    },
    artifacts: {
      files: ['cdktf.out/stacks/*/plan.tfplan', 'cdktf.out/stacks/*/plan.txt', 'cdktf.out/stacks/*/plan.status', 'cdktf.out/stacks/*/plan.log', 'cdktf.out/stacks/*/lz_override.tf.json', 'cdktf.out/stacks/*/.terraform.lock.hcl'],
    },
  };
}

/**
 * Step 3: the readable summary of every plan, copied to the artifact bucket; its
 * console link and a one-line total are exported for the approval action.
 */
export function summaryBuildspec(options: { readonly bucket: string; readonly region: string }): Buildspec {
  // $VAR, never ${VAR}: Terraform would read ${...} in the synthesized JSON as an interpolation.
  const key = 'plan-summaries/$PIPELINE_EXECUTION_ID.md';
  return {
    version: 0.2,
    env: { shell: 'bash', 'exported-variables': ['SUMMARY_URL', 'TOTALS'] },
    phases: {
      build: {
        commands: [
          TAKE_SYNTH_OUTPUT,
          'LZ_PLANS_DIR="$CODEBUILD_SRC_DIR_plans" npm run plan:summary',
          `aws s3 cp cdktf.out/plan-summary.md "s3://${options.bucket}/${key}" --content-type text/markdown`,
          `export SUMMARY_URL="https://${options.region}.console.aws.amazon.com/s3/object/${options.bucket}?region=${options.region}&prefix=${key}"`,
          'export TOTALS="$(head -c 400 cdktf.out/plan-totals.txt)"',
        ],
      },
    },
  };
}

/**
 * Step 5, after approval: applies the approved plans, one build per stack in a batch
 * build-graph that follows the stack dependencies (bootstrap, management, logging,
 * then the other accounts in parallel), under the deploy role.
 */
export function deployBuildspec(graph: readonly StackNode[], options: BuildspecOptions): Buildspec {
  const grouped = graph.length > MAX_BATCH_BUILDS;
  return {
    version: 0.2,
    env: { shell: 'bash', variables: { ...TERRAFORM_ENV, LZ_ROLE_NAME: options.roleName, LZ_CREDENTIAL_SOURCE: 'EcsContainer' } },
    batch: grouped
      ? // Over the batch limit: one build applies every stack, wave by wave (apply-plans.sh orders them).
        { 'build-list': [{ identifier: 'apply_all', env: { variables: { STACKS: '' } } }] }
      : {
          // Listed in deploy order, for the reader; CodeBuild follows depend-on.
          'build-graph': deployWaves(graph).flat().map((name) => graph.find((s) => s.name === name)!).map((s) => ({
            identifier: buildIdentifier('apply', s.name),
            env: { variables: { STACKS: s.name } },
            ...(s.dependsOn.length > 0 ? { 'depend-on': s.dependsOn.map((d) => buildIdentifier('apply', d)) } : {}),
          })),
        },
    phases: {
      install: installTerraform(options.terraformVersion),
      build: { commands: ['LZ_PLANS_DIR="$CODEBUILD_SRC_DIR_plans" npm run apply -- $STACKS'] },
    },
  };
}

/** YAML of a build spec, as CodeBuild reads it. */
export function renderBuildspec(spec: Buildspec): string {
  return stringify(spec, { lineWidth: 0, aliasDuplicateObjects: false });
}
