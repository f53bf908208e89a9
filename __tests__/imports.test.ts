/**
 * Provider classes are imported by deep path only: the package root (and the
 * lib/ barrel) load every resource class, about 2.5 s and 570 MB per process.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');
const SKIP = new Set(['node_modules', 'cdktf.out', '.git', 'docs', 'coverage']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

/** Import specifiers of @cdktf/provider-aws that are not a deep path to one resource. */
export function shallowProviderImports(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"](@cdktf\/provider-aws[^'"]*)['"]/g)].map((m) => m[1]);
  return specifiers.filter((s) => !/^@cdktf\/provider-aws\/lib\/[a-z0-9-]+$/.test(s));
}

describe('provider imports', () => {
  test('the check catches the package root and the lib barrel', () => {
    expect(shallowProviderImports(`import { s3Bucket } from '@cdktf/provider-aws';\nconst x = require("@cdktf/provider-aws/lib");`)).toEqual([
      '@cdktf/provider-aws',
      '@cdktf/provider-aws/lib',
    ]);
    expect(shallowProviderImports(`import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';`)).toEqual([]);
  });

  test('no source file imports the provider package root or barrel', () => {
    // This file names the bad imports on purpose, as test data.
    const offenders = sourceFiles(root).filter((file) => file !== __filename).flatMap((file) =>
      shallowProviderImports(readFileSync(file, 'utf8')).map((s) => `${relative(root, file)}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});
