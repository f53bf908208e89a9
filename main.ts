/**
 * Wiring only: load the organization, validate it, build one stack per account, synthesize.
 *
 *   npm run synth                        the organization in accounts/
 *   npm run synth -- --config org.json   another description (JSON, or a .ts module exporting `organization`)
 *   npm run synth -- --outdir some/dir
 *
 * The evidence pack (docs/) describes the repository's own organization: it is
 * rewritten when synthesizing it, and for another config only where --docs says.
 */
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, organization } from './accounts';
import { synthesize } from './stacks/app';
import { writeEvidence } from './evidence';

function loadConfig(path: string | undefined): unknown {
  if (!path) return organization;
  const file = resolve(path);
  if (file.endsWith('.json')) return JSON.parse(readFileSync(file, 'utf8'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file);
  return mod.organization ?? mod.default;
}

function main(): void {
  const { values } = parseArgs({ options: { config: { type: 'string' }, outdir: { type: 'string' }, docs: { type: 'string' } } });
  try {
    const zone = synthesize(loadConfig(values.config), { outdir: values.outdir });
    const docs = values.docs ?? (values.config ? undefined : 'docs');
    if (docs) writeEvidence(zone, docs);
    console.log(`Synthesized ${zone.all.length} stacks: ${zone.all.map((s) => s.node.id).join(', ')}`);
    for (const name of zone.pendingAccounts)
      console.log(`Account "${name}" has no id yet: the management stack creates it; add its id to accounts/ to get its stack.`);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

main();
