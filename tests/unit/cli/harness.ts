/**
 * Runs the CLI in-process with string collectors for stdout and stderr, or as a real process the way
 * `npm run cli` does, and gives each test its own temporary directory, removed afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { run } from '../../../lib/cli/main';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/**
 * `node scripts/run-cli.mjs …` run from the repository root, as `npm run cli -- …` runs it: the built
 * bundle, rebuilt first when the sources are newer, in a plain node without tsx, so no TypeScript
 * can be compiled on the way.
 */
export function cliProcess(...argv: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/run-cli.mjs', ...argv], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A fresh directory for one test, with `files` written into it; removed when the test ends. */
export async function workspace(
  t: TestContext,
  files: Record<string, Uint8Array> = {},
): Promise<{ dir: string; path: (name: string) => string; list: () => Promise<string[]> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ecb-lens-cli-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
  return { dir, path: (name) => join(dir, name), list: async () => (await readdir(dir)).sort() };
}
