/**
 * Offline Terraform checks: `terraform init -backend=false`, `validate` and
 * `plan -refresh=false` on a temporary copy of the synthesized stacks, with fake
 * credentials and the provider's skip_* flags. The real output keeps its
 * assume_role and backend; only the copy is changed.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The terraform binary on PATH, or undefined. */
export async function findTerraform(): Promise<string | undefined> {
  try {
    await run('terraform', ['version'], { env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
    return 'terraform';
  } catch {
    return undefined;
  }
}

/** Folders where a local filesystem mirror of the AWS provider may live. */
const MIRROR_CANDIDATES = [
  process.env.TF_PROVIDER_MIRROR,
  '/opt/tf-plugins',
  join(homedir(), '.terraform.d', 'plugins'),
  '/usr/local/share/terraform/plugins',
  '/usr/share/terraform/plugins',
];

/** A folder holding registry.terraform.io/hashicorp/aws, or undefined. */
export function findProviderMirror(): string | undefined {
  return MIRROR_CANDIDATES.find((dir): dir is string => !!dir && existsSync(join(dir, 'registry.terraform.io', 'hashicorp', 'aws')));
}

/**
 * A CLI config for the test's subprocesses: providers from the mirror when there
 * is one, and a plugin cache shared by every stack (and every run) so the
 * provider is linked, not copied.
 */
export function writeCliConfig(dir: string, mirror: string | undefined): string {
  const cache = join(tmpdir(), 'lz-terraform-plugin-cache');
  mkdirSync(cache, { recursive: true });
  const installation = mirror
    ? `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(mirror)}
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
`
    : '';
  const file = join(dir, 'terraformrc');
  writeFileSync(file, `${installation}plugin_cache_dir = ${JSON.stringify(cache)}\n`);
  return file;
}

/** Fake credentials and the skip_* flags: the provider never calls AWS. */
const OFFLINE_PROVIDER = {
  access_key: 'AKIAOFFLINETEST00000',
  secret_key: 'offline-test-secret',
  skip_credentials_validation: true,
  skip_metadata_api_check: 'true',
  skip_region_validation: true,
  skip_requesting_account_id: true,
};

/** A provider configuration of a stack: its region, and its alias when it is not the default one. */
export interface ProviderRegion {
  readonly alias?: string;
  readonly region: string;
}

/**
 * The offline copy of a stack, as a child module: no backend, and no provider
 * blocks of its own: the root passes it offline providers (fake credentials,
 * skip_* flags, no assume_role) for its default region and each aliased region.
 * Sharing them across the stacks of a group starts one provider process per
 * region instead of one per stack and region. What is left out, the provider
 * blocks' assume_role, allowed_account_ids and default tags, cannot be checked
 * offline anyway; the stack tests assert them on the synthesized JSON.
 */
export function offlineModule(stack: any): { module: any; providers: ProviderRegion[] } {
  const module = structuredClone(stack);
  delete module.terraform.backend;
  const providers: ProviderRegion[] = (module.provider?.aws ?? []).map((p: any) => ({ alias: p.alias, region: p.region }));
  delete module.provider;
  const aliases = providers.flatMap((p) => (p.alias ? [`aws.${p.alias}`] : []));
  if (aliases.length) module.terraform.required_providers.aws.configuration_aliases = aliases;
  return { module, providers };
}

/** The root module of a group: one offline provider per (alias, region), each stack a child module using them. */
export function offlineRoot(stacks: Record<string, ProviderRegion[]>): any {
  const regions = new Map<string, string>();
  const providers: Record<string, string> = {};
  const modules: Record<string, { source: string; providers: Record<string, string> }> = {};
  for (const [stack, configs] of Object.entries(stacks)) {
    const passed: Record<string, string> = {};
    for (const { alias, region } of configs) {
      const key = alias ?? '(default)';
      const known = regions.get(key);
      if (known && known !== region) throw new Error(`stacks disagree on the region of provider ${key}: ${known} and ${region} (${stack})`);
      regions.set(key, region);
      passed[alias ? `aws.${alias}` : 'aws'] = alias ? `aws.${alias}` : 'aws';
      providers[key] = region;
    }
    modules[stack] = { source: `./${stack}`, providers: passed };
  }
  return {
    terraform: { required_providers: { aws: { source: 'aws', version: PROVIDER_VERSION } } },
    provider: { aws: Object.entries(providers).map(([key, region]) => ({ ...OFFLINE_PROVIDER, region, ...(key === '(default)' ? {} : { alias: key }) })) },
    module: modules,
  };
}

/** The AWS provider version every stack pins (from @cdktf/provider-aws). */
const PROVIDER_VERSION = '5.100.0';

export interface StackCheck {
  readonly stack: string;
  readonly ok: boolean;
  /** The step that failed, or "plan" when all passed. */
  readonly step: 'init' | 'validate' | 'plan';
  /** Terraform's output for the failed step (the whole group's). */
  readonly output: string;
  /** Planned changes of the stack, as "N to add, N to change, N to destroy". */
  readonly summary?: string;
}

/** Per-stack change counts from `terraform plan -json` output (one JSON message per line). */
export function planSummaries(planJsonLines: string, stacks: readonly string[]): Map<string, string> {
  const counts = new Map(stacks.map((s) => [s, { add: 0, change: 0, destroy: 0 }]));
  for (const line of planJsonLines.split('\n')) {
    if (!line.includes('"planned_change"')) continue;
    const { change } = JSON.parse(line);
    const c = counts.get(String(change.resource.module ?? '').replace(/^module\./, ''));
    if (!c) continue;
    if (change.action === 'create' || change.action === 'replace') c.add += 1;
    if (change.action === 'update') c.change += 1;
    if (change.action === 'delete' || change.action === 'replace') c.destroy += 1;
  }
  return new Map([...counts].map(([s, c]) => [s, `${c.add} to add, ${c.change} to change, ${c.destroy} to destroy`]));
}

/**
 * Checks a group of stacks in one Terraform run: a root module that calls each
 * stack's offline copy as a child module, so the provider schema is loaded once
 * per step instead of once per stack. The group is initialized, validated and
 * planned; each stack gets its own result.
 */
async function checkGroup(stackFiles: [string, string][], cliConfig: string): Promise<StackCheck[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lz-tf-'));
  const providers: Record<string, ProviderRegion[]> = {};
  for (const [stack, file] of stackFiles) {
    const { module, providers: regions } = offlineModule(JSON.parse(readFileSync(file, 'utf8')));
    mkdirSync(join(dir, stack));
    writeFileSync(join(dir, stack, 'main.tf.json'), JSON.stringify(module));
    providers[stack] = regions;
  }
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(offlineRoot(providers)));
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    AWS_ACCESS_KEY_ID: 'AKIAOFFLINETEST00000',
    AWS_SECRET_ACCESS_KEY: 'offline-test-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const steps: [StackCheck['step'], string[]][] = [
    ['init', ['init', '-backend=false', '-input=false', '-no-color']],
    ['validate', ['validate', '-no-color']],
    // -json: the same plan, without rendering megabytes of human-readable diff.
    ['plan', ['plan', '-refresh=false', '-input=false', '-lock=false', '-no-color', '-json', '-out=offline.tfplan']],
  ];
  const stacks = stackFiles.map(([stack]) => stack);
  let output = '';
  for (const [step, args] of steps) {
    try {
      const result = await run('terraform', args, { cwd: dir, env, maxBuffer: 256 * 1024 * 1024 });
      output = result.stdout + result.stderr;
    } catch (error: any) {
      const failure = `${error.stdout ?? ''}${error.stderr ?? ''}`;
      // Errors name the module they come from; the other stacks of the group could not be checked past this step.
      const named = stacks.filter((s) => failure.includes(`module.${s}`) || failure.includes(`${s}/main.tf.json`));
      return stacks.map((stack) => ({
        stack,
        ok: false,
        step,
        output: named.length === 0 || named.includes(stack) ? failure : `not checked past ${step}: ${named.join(', ')} failed in the same group`,
      }));
    }
  }
  const summaries = planSummaries(output, stacks);
  return stacks.map((stack) => ({ stack, ok: true, step: 'plan', output: '', summary: summaries.get(stack) }));
}

/** Checks every stack, in groups of `groupSize` stacks (bounded memory: one provider process per provider block). */
export async function checkStacks(stackFiles: Record<string, string>, cliConfig: string, groupSize = 12): Promise<StackCheck[]> {
  const entries = Object.entries(stackFiles);
  const results: StackCheck[] = [];
  for (let i = 0; i < entries.length; i += groupSize) results.push(...(await checkGroup(entries.slice(i, i + groupSize), cliConfig)));
  return results;
}
