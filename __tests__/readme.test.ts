/** The README is the front door: every npm script it (or a generated page) tells people to run exists. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const scripts = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts);

function npmRunsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]))];
}

describe('README and docs', () => {
  test('the check finds the scripts a text names', () => {
    expect(npmRunsIn('run `npm run synth`, then npm run plan:summary -- x')).toEqual(['synth', 'plan:summary']);
  });

  test('every `npm run <script>` in README.md and docs/ is a script of package.json', () => {
    const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    const texts = [readFileSync(join(root, 'README.md'), 'utf8'), ...docs.map((f) => readFileSync(join(root, 'docs', f), 'utf8'))];
    const missing = texts.flatMap(npmRunsIn).filter((s) => !scripts.includes(s));
    expect([...new Set(missing)]).toEqual([]);
  });
});
