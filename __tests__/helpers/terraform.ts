/**
 * Offline Terraform checks: `terraform init -backend=false`, `validate` and
 * `plan -refresh=false` on a temporary copy of each synthesized stack, with fake
 * credentials and the provider's skip_* flags. The real output keeps its
 * assume_role and backend; only the copy is changed.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, homedir, tmpdir } from 'node:os';
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

/** The offline copy of a stack: no backend, no assume_role, fake credentials, skip_* flags. */
export function offlineCopy(stack: any): any {
  const copy = structuredClone(stack);
  delete copy.terraform.backend;
  for (const provider of copy.provider?.aws ?? []) {
    delete provider.assume_role;
    delete provider.allowed_account_ids; // needs the account id, which an offline run cannot ask STS for
    Object.assign(provider, {
      access_key: 'AKIAOFFLINETEST00000',
      secret_key: 'offline-test-secret',
      skip_credentials_validation: true,
      skip_metadata_api_check: 'true',
      skip_region_validation: true,
      skip_requesting_account_id: true,
    });
  }
  return copy;
}

export interface StackCheck {
  readonly stack: string;
  readonly ok: boolean;
  /** The step that failed, or "plan" when all passed. */
  readonly step: 'init' | 'validate' | 'plan';
  readonly output: string;
  /** "Plan: N to add, ..." line of a successful plan. */
  readonly summary?: string;
  readonly seconds: number;
}

/** Runs init, validate and plan for one synthesized stack file in its own temporary folder. */
export async function checkStack(stack: string, stackFile: string, cliConfig: string): Promise<StackCheck> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), `lz-tf-${stack}-`));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(offlineCopy(JSON.parse(readFileSync(stackFile, 'utf8')))));
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
    ['plan', ['plan', '-refresh=false', '-input=false', '-lock=false', '-no-color', '-out=offline.tfplan']],
  ];
  let output = '';
  for (const [step, args] of steps) {
    try {
      const result = await run('terraform', args, { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
      output = result.stdout + result.stderr;
    } catch (error: any) {
      return { stack, ok: false, step, output: `${error.stdout ?? ''}${error.stderr ?? ''}`, seconds: (Date.now() - started) / 1000 };
    }
  }
  const summary = output.match(/^Plan: .*$/m)?.[0];
  return { stack, ok: true, step: 'plan', output, summary, seconds: (Date.now() - started) / 1000 };
}

/** Checks every stack, as many at a time as there are cores. */
export async function checkStacks(stackFiles: Record<string, string>, cliConfig: string): Promise<StackCheck[]> {
  const queue = Object.entries(stackFiles);
  const results: StackCheck[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) results.push(await checkStack(next[0], next[1], cliConfig));
  };
  await Promise.all(Array.from({ length: Math.max(1, cpus().length) }, worker));
  return results;
}
