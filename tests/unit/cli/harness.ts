/**
 * Runs the CLI in-process with string collectors for stdout and stderr, and gives each test its own
 * temporary directory, removed afterwards.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { run } from '../../../lib/cli/main';

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

/** A fresh directory for one test, with `files` written into it; removed when the test ends. */
export async function workspace(t: TestContext, files: Record<string, Uint8Array> = {}): Promise<{ dir: string; path: (name: string) => string; list: () => Promise<string[]> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ecb-lens-cli-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
  return { dir, path: (name) => join(dir, name), list: async () => (await readdir(dir)).sort() };
}
