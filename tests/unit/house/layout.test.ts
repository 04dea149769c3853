/**
 * The house's plan (README, "Where things are"), checked on the source files themselves: imports run one
 * way between lib's folders, nothing in lib imports app, and no source file in lib or app grows past
 * 400 lines. A change that breaks the plan fails here with the file and the import that broke it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sources(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (
        /\.(ts|tsx|mts|mjs)$/.test(entry.name) &&
        !entry.name.endsWith('.d.ts') &&
        !entry.name.endsWith('.d.mts')
      )
        found.push(path);
    }
  };
  walk(join(ROOT, folder));
  return found;
}

/** Every module a file imports or re-exports, statically or dynamically, as written. */
function specifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:^|\s)(?:import|export)\s[^'"`;]*?from\s+['"]([^'"]+)['"]/gm))
    found.add(match[1]);
  for (const match of text.matchAll(/(?:^|\s)import\s+['"]([^'"]+)['"]/gm)) found.add(match[1]);
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(match[1]);
  for (const match of text.matchAll(/new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g)) found.add(match[1]);
  return [...found];
}

/** The project folder an import lands in ('lib/cipher', 'app', …), or null for a package. */
function target(file: string, specifier: string): string | null {
  let path: string;
  if (specifier.startsWith('@/')) path = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) path = resolve(dirname(file), specifier);
  else return null;
  const parts = relative(ROOT, path).split(/[\\/]/);
  return parts[0] === 'lib' ? `lib/${parts[1]}` : parts[0];
}

/** Which project folders each lib folder may import (besides itself and packages); absent: any in lib. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  'lib/cipher': [],
  'lib/metrics': ['lib/cipher'],
  'lib/png': ['lib/cipher'],
  'lib/attacks': ['lib/cipher'],
  'lib/traffic': ['lib/cipher'],
};
/** Folders a lib folder must not import even where others are allowed. */
const MUST_NOT: Record<string, readonly string[]> = { 'lib/worker': ['lib/media', 'lib/lab'] };

describe('the house plan', () => {
  const libFiles = sources('lib');

  it('imports between lib folders run one way, and nothing in lib imports app, scripts or tests', () => {
    const broken: string[] = [];
    for (const file of libFiles) {
      const own = `lib/${relative(join(ROOT, 'lib'), file).split(/[\\/]/)[0]}`;
      for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
        const to = target(file, specifier);
        if (to === null || to === own) continue;
        const allowed = MAY_IMPORT[own];
        // Outside lib, only data may be imported (public/samples/samples.json); never app, scripts or tests.
        const refused = to.startsWith('lib/')
          ? (allowed !== undefined && !allowed.includes(to)) || (MUST_NOT[own] ?? []).includes(to)
          : to !== 'public';
        if (refused) broken.push(`${relative(ROOT, file)} imports ${specifier} (${to})`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('the import reader finds every kind of import it is meant to (so the check above can fail)', () => {
    const text = [
      "import { a } from '../cipher/keys';",
      "import type { B } from '@/app/_content/panels';",
      "export { c } from './c';",
      "import './side-effect';",
      "const d = await import('../media/samples');",
      "new Worker(new URL('./primary-worker.ts', import.meta.url));",
    ].join('\n');
    assert.deepEqual(specifiers(text).sort(), [
      '../cipher/keys',
      '../media/samples',
      './c',
      './primary-worker.ts',
      './side-effect',
      '@/app/_content/panels',
    ]);
    assert.equal(target(join(ROOT, 'lib/worker/x.ts'), '../media/samples'), 'lib/media');
    assert.equal(target(join(ROOT, 'lib/worker/x.ts'), '@/app/_content/panels'), 'app');
    assert.equal(target(join(ROOT, 'lib/worker/x.ts'), '@noble/ciphers/aes.js'), null);
  });

  it('no source file in lib or app is over 400 lines', () => {
    const long = [...libFiles, ...sources('app')]
      .map((file) => ({ file: relative(ROOT, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 400)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    assert.deepEqual(long, []);
  });
});
