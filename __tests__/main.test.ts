/**
 * main.ts end to end, as a person runs it: `tsx main.ts [--config file] [--outdir dir]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleCopy } from './helpers/synth';

const root = join(__dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function runMain(config: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'lz-main-'));
  const file = join(dir, 'org.json');
  writeFileSync(file, JSON.stringify(config));
  const outdir = join(dir, 'cdktf.out');
  const result = spawnSync(tsx, ['main.ts', '--config', file, '--outdir', outdir], { cwd: root, encoding: 'utf8' });
  return { ...result, outdir };
}

describe('main.ts', () => {
  test('synthesizes the nine stacks of a valid organization', () => {
    const result = runMain(exampleCopy());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Synthesized 9 stacks: bootstrap, management, logging, auth, transversal, dev, staging, prod, compliance');
    expect(readdirSync(join(result.outdir, 'stacks')).sort()).toEqual(['auth', 'bootstrap', 'compliance', 'dev', 'logging', 'management', 'prod', 'staging', 'transversal']);
  });

  test('fails on an invalid organization with every problem listed, writing nothing', () => {
    const org: any = exampleCopy();
    org.accounts[4].id = '12';
    org.accounts[5].email = 'not-an-email';
    const result = runMain(org);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The organization config has 2 problems:');
    expect(result.stderr).toContain('1. accounts[4].id: must be exactly 12 digits');
    expect(result.stderr).toContain('2. accounts[5].email: is not a valid email address');
    expect(existsSync(result.outdir)).toBe(false);
  });
});
