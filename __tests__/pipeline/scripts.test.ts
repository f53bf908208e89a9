/**
 * plan-all.sh, plan-summary.sh and apply-plans.sh, run for real against the
 * synthesized example with a stub `terraform` that records every call.
 */
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { synthOrg } from '../helpers/synth';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const { outdir, manifest } = synthOrg();
const stacks = Object.keys(manifest.stacks);

const STUB = `#!/usr/bin/env bash
dir=.; args=()
for a in "$@"; do case $a in -chdir=*) dir=\${a#-chdir=};; *) args+=("$a");; esac; done
stack=$(basename "$(cd "$dir" && pwd)")
echo "$stack \${args[*]}" >> "$STUB_LOG"
case \${args[0]} in
  plan)
    for a in "\${args[@]}"; do [[ $a == -out=* ]] && echo saved > "$dir/\${a#-out=}"; done
    [[ " $STUB_NO_CHANGES " == *" $stack "* ]] && exit 0
    exit 2;;
  show) echo "  # aws_iam_role.example will be created"; echo "Plan: 3 to add, 1 to change, 0 to destroy.";;
  apply) sleep 0.2; [[ " $STUB_FAIL " == *" $stack "* ]] && { echo boom >&2; exit 1; };;
esac
exit 0
`;

interface Run { code: number; stdout: string; stderr: string; calls: string[] }

function workspace(): { out: string; bin: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lz-scripts-'));
  const out = join(dir, 'cdktf.out');
  cpSync(outdir, out, { recursive: true });
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'terraform'), STUB);
  chmodSync(join(bin, 'terraform'), 0o755);
  return { out, bin, log: join(dir, 'calls.log') };
}

async function script(name: string, args: string[], ws: ReturnType<typeof workspace>, env: Record<string, string> = {}): Promise<Run> {
  const options = { env: { ...process.env, PATH: `${ws.bin}:${process.env.PATH}`, LZ_OUT: ws.out, STUB_LOG: ws.log, LZ_PARALLELISM: '4', ...env } };
  let result: Run;
  try {
    const { stdout, stderr } = await run('bash', [join(root, 'scripts', name), ...args], options);
    result = { code: 0, stdout, stderr, calls: [] };
  } catch (error: any) {
    result = { code: error.code, stdout: error.stdout, stderr: error.stderr, calls: [] };
  }
  result.calls = existsSync(ws.log) ? readFileSync(ws.log, 'utf8').trim().split('\n') : [];
  return result;
}

const roleMode = { LZ_ROLE_NAME: 'acme-pci-plan', LZ_CREDENTIAL_SOURCE: 'EcsContainer' };

describe('plan-all.sh', () => {
  const ws = workspace();
  let result: Run;
  beforeAll(async () => {
    result = await script('plan-all.sh', [], ws, { ...roleMode, STUB_NO_CHANGES: 'dev' });
  }, 60_000);

  test('plans every stack with a saved plan file, never taking the state lock', () => {
    expect(result.code).toBe(0);
    const plans = result.calls.filter((c) => c.split(' ')[1] === 'plan');
    expect(plans.map((c) => c.split(' ')[0]).sort()).toEqual([...stacks].sort());
    for (const call of plans) expect(call).toContain('-lock=false -no-color -detailed-exitcode -out=plan.tfplan');
    for (const stack of stacks) expect(readFileSync(join(ws.out, 'stacks', stack, 'plan.tfplan'), 'utf8')).toBe('saved\n');
  });

  test('role mode: the stack role is replaced by per-stack profiles on the plan role of each account', () => {
    const override = JSON.parse(readFileSync(join(ws.out, 'stacks', 'prod', 'lz_override.tf.json'), 'utf8'));
    expect(override.provider.aws).toEqual([
      { assume_role: [{ role_arn: '' }], profile: 'lz-prod' },
      { assume_role: [{ role_arn: '' }], profile: 'lz-prod', alias: 'eu-central-1' },
    ]);
    expect(override.terraform.backend.s3.profile).toBe('lz-state');
    expect(override.terraform.backend.s3.assume_role).toBeUndefined();
    const config = readFileSync(join(ws.out, 'aws-config'), 'utf8');
    expect(config).toContain('[profile lz-prod]\nrole_arn = arn:aws:iam::777777777777:role/acme-pci-plan\ncredential_source = EcsContainer');
    expect(config).toContain('[profile lz-management]\nrole_arn = arn:aws:iam::111111111111:role/acme-pci-plan');
    expect(config).toContain('[profile lz-state]\nrole_arn = arn:aws:iam::444444444444:role/acme-pci-plan');
  });

  test('writes a readable summary: a table in deploy order and the plan of each changed stack', () => {
    const summary = readFileSync(join(ws.out, 'plan-summary.md'), 'utf8');
    expect(summary).toContain(`${stacks.length} stacks: ${stacks.length - 1} with changes`);
    expect(summary).toContain('| `dev` | no changes | 0 | 0 | 0 |');
    expect(summary).toContain('| `prod` | changes | 3 | 1 | 0 |');
    expect(summary.indexOf('`bootstrap`')).toBeLessThan(summary.indexOf('`management`'));
    expect(summary.indexOf('`management`')).toBeLessThan(summary.indexOf('`logging`'));
    expect(summary).toContain('<details><summary><b>prod</b>: 3 to add, 1 to change, 0 to destroy</summary>');
    expect(readFileSync(join(ws.out, 'plan-totals.txt'), 'utf8')).toMatch(/^\d+ stacks: \d+ with changes \(\d+ to add/);
  });

  test('fails on an unknown stack, listing the synthesized ones', async () => {
    const bad = await script('plan-all.sh', ['nope'], workspace());
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('"nope" is not a synthesized stack; fix: use one of auth bootstrap');
  });

  test('role mode without base credentials fails and says how to fix it', async () => {
    const bad = await script('plan-all.sh', ['dev'], workspace(), { LZ_ROLE_NAME: 'acme-pci-plan' });
    expect(bad.stderr).toContain('fix: set LZ_CREDENTIAL_SOURCE, LZ_SOURCE_PROFILE or LZ_WEB_IDENTITY_ROLE_ARN');
  });
});

describe('apply-plans.sh', () => {
  const waveIndex = (calls: string[], stack: string) => calls.findIndex((c) => c.startsWith(`${stack} apply`));

  test('applies exactly the saved plans, in dependency order, and never plans', async () => {
    const ws = workspace();
    await script('plan-all.sh', [], ws, { ...roleMode, STUB_NO_CHANGES: 'dev' });
    writeFileSync(ws.log, '');
    const result = await script('apply-plans.sh', [], ws, { LZ_ROLE_NAME: 'acme-pci-deploy', LZ_CREDENTIAL_SOURCE: 'EcsContainer' });
    expect(result.code).toBe(0);
    const calls = result.calls.filter(Boolean);
    expect(calls.some((c) => c.split(' ')[1] === 'plan')).toBe(false);
    for (const c of calls.filter((c) => c.split(' ')[1] === 'apply')) expect(c).toMatch(/ apply -input=false -no-color plan\.tfplan$/);
    expect(waveIndex(calls, 'bootstrap')).toBeLessThan(waveIndex(calls, 'management'));
    expect(waveIndex(calls, 'management')).toBeLessThan(waveIndex(calls, 'logging'));
    for (const s of ['auth', 'transversal', 'prod', 'staging']) {
      expect(waveIndex(calls, 'logging')).toBeLessThan(waveIndex(calls, s));
      expect(waveIndex(calls, s)).toBeLessThan(waveIndex(calls, 'compliance'));
    }
    expect(result.stdout).toContain('dev: no changes, skipped');
    expect(readFileSync(join(ws.out, 'aws-config'), 'utf8')).toContain('role_arn = arn:aws:iam::777777777777:role/acme-pci-deploy');
  }, 60_000);

  test('refuses to apply anything when a stack has no saved plan', async () => {
    const ws = workspace();
    await script('plan-all.sh', ['bootstrap'], ws);
    writeFileSync(ws.log, '');
    const result = await script('apply-plans.sh', ['bootstrap', 'management'], ws);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('expected one saved plan for "management"');
    expect(result.stderr).toContain('nothing is applied without a saved plan');
    expect(result.calls.filter(Boolean)).toEqual([]);
  }, 60_000);

  test('stops after a failed wave: later stacks are not applied', async () => {
    const ws = workspace();
    await script('plan-all.sh', [], ws);
    writeFileSync(ws.log, '');
    const result = await script('apply-plans.sh', [], ws, { STUB_FAIL: 'management' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('wave failed (management); later stacks were not applied');
    expect(result.calls.some((c) => c.startsWith('logging apply'))).toBe(false);
  }, 60_000);

  test('takes plans from another folder (a pipeline artifact) and refuses role-mode plans without a role', async () => {
    const planned = workspace();
    await script('plan-all.sh', ['prod'], planned, roleMode);
    const deploy = workspace();
    const noRole = await script('apply-plans.sh', ['prod'], deploy, { LZ_PLANS_DIR: planned.out });
    expect(noRole.stderr).toContain('the plan of "prod" was made in role mode; fix: set LZ_ROLE_NAME to the deploy role');
    const ok = await script('apply-plans.sh', ['prod'], deploy, { LZ_PLANS_DIR: planned.out, LZ_ROLE_NAME: 'acme-pci-deploy', LZ_CREDENTIAL_SOURCE: 'EcsContainer' });
    expect(ok.code).toBe(0);
    expect(readFileSync(join(deploy.out, 'stacks', 'prod', 'lz_override.tf.json'), 'utf8')).toBe(readFileSync(join(planned.out, 'stacks', 'prod', 'lz_override.tf.json'), 'utf8'));
    expect(ok.calls.filter(Boolean).map((c) => c.split(' ').slice(0, 2).join(' '))).toEqual(['prod init', 'prod apply']);
  }, 60_000);
});
