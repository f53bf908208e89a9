// Parses every ```mermaid block of the given markdown files with Mermaid's own
// parser (in a jsdom window, which Mermaid needs to load). Prints one JSON line
// per block: {"file", "index", "ok", "error"}; exits 1 when a block fails.
// Used by the evidence tests: node scripts/check-mermaid.mjs docs/*.md
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');

let failed = false;
for (const file of process.argv.slice(2)) {
  const blocks = [...readFileSync(file, 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
  for (const [index, block] of blocks.entries()) {
    try {
      await mermaid.parse(block);
      console.log(JSON.stringify({ file, index, ok: true }));
    } catch (error) {
      failed = true;
      console.log(JSON.stringify({ file, index, ok: false, error: String(error.message ?? error).split('\n').slice(0, 3).join(' ') }));
    }
  }
}
process.exit(failed ? 1 : 0);
