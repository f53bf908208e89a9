/**
 * npm run bench: synth wall time and peak memory, for the example organization
 * and for generated organizations with more workload accounts, each synthesized
 * by a fresh `main.ts` process exactly as `npm run synth` runs it.
 *
 *   npm run bench                 example, +100 accounts
 *   npm run bench -- 10 100 300   example, +10, +100, +300 accounts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleOrganization } from '../accounts/example';
import { generateOrganization } from './generate-organization';

const root = join(__dirname, '..');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

function measure(label: string, config: unknown): void {
  const dir = mkdtempSync(join(tmpdir(), 'lz-bench-'));
  const file = join(dir, 'org.json');
  writeFileSync(file, JSON.stringify(config));
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    ['--require', join(__dirname, 'report-rss.cjs'), '--import', 'tsx', 'main.ts', '--config', file, '--outdir', join(dir, 'out')],
    { cwd: root, encoding: 'utf8' },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`synth failed for ${label}:\n${result.stderr}`);
  const rssKb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr)?.[1]);
  const stacks = /Synthesized (\d+) stacks/.exec(result.stdout)?.[1];
  console.log(`| ${label} | ${stacks} | ${seconds.toFixed(2)} s | ${(rssKb / 1024).toFixed(0)} MB |`);
}

console.log('| organization | stacks | synth wall time | peak RSS |');
console.log('|---|---|---|---|');
measure('example (7 accounts)', exampleOrganization);
for (const n of sizes.length ? sizes : [100]) measure(`example + ${n} workload accounts`, generateOrganization(n));
