/**
 * `npm run build:static` with BASE_PATH=/ecb-lens, served by the plainest static server there is (a few
 * lines of node:http that send the export's `_headers`): the pages and samples are there, the API is not,
 * and in Chromium the lab encrypts a frame, the embed runs and the story opens, all under the sub-path
 * and without a CSP violation.
 *
 * Next 16 builds an export in `<project>/.next` whatever distDir says, so the test builds a copy of the
 * sources and leaves the checkout's own build alone. The copy sits inside the checkout (a `.next-*`
 * folder, ignored by git and TypeScript) because Turbopack reads only files under the workspace root,
 * the folder of package-lock.json.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCanvases, repeatedBlockShare, rgbBytes } from './support/pixels';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = [
  'app',
  'lib',
  'public',
  'scripts',
  'next.config.js',
  'package.json',
  'postcss.config.mjs',
  'tsconfig.json',
];
const BASE = '/ecb-lens';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webm': 'video/webm',
  '.woff2': 'font/woff2',
};

/** The rules of a `_headers` file: a path (exact, or a prefix ending in `*`) and its headers. */
function parseHeadersFile(text: string): { path: string; headers: [string, string][] }[] {
  const rules: { path: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else {
      const colon = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/**
 * Serves `out` at BASE as a static host does: directories as their index.html (redirecting to the
 * trailing slash), 404.html for anything missing, and the `_headers` rules that match — failing loudly
 * if two rules would set one header.
 */
async function serveStatic(out: string): Promise<{ server: Server; origin: string }> {
  const rules = parseHeadersFile(await readFile(join(out, '_headers'), 'utf8'));
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://static.test');
    const send = async (status: number, file: string) => {
      const body = await readFile(file);
      for (const rule of rules) {
        const match = rule.path.endsWith('*')
          ? url.pathname.startsWith(rule.path.slice(0, -1))
          : url.pathname === rule.path;
        if (!match) continue;
        for (const [name, value] of rule.headers) {
          if (response.hasHeader(name)) throw new Error(`_headers sets ${name} twice for ${url.pathname}`);
          response.setHeader(name, value);
        }
      }
      response.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    };
    const answer = async () => {
      if (!url.pathname.startsWith(`${BASE}/`)) return void response.writeHead(404).end();
      const file = normalize(join(out, decodeURIComponent(url.pathname.slice(BASE.length))));
      if (!file.startsWith(out + sep) && file !== out) return void response.writeHead(403).end();
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory() && !url.pathname.endsWith('/')) {
        return void response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      }
      const target = info?.isDirectory() ? join(file, 'index.html') : file;
      if (existsSync(target) && !target.endsWith(`${sep}_headers`)) await send(200, target);
      else await send(404, join(out, '404.html'));
    };
    answer().catch((error: unknown) => response.destroy(error instanceof Error ? error : new Error(String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Runs `npm run build:static` (its script) in `dir`, in a process group of its own so that `stop` can end
 * the whole build (the script, Next.js and its workers) if the test gives up first.
 */
function buildStatic(dir: string): { done: Promise<void>; stop: () => Promise<void> } {
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: BASE, EMBED_ALLOWED_ORIGINS: '' };
  for (const name of ['NEXT_DIST_DIR', 'STATIC_OUT_DIR', 'ECB_LENS_STATIC']) delete env[name];
  const child = spawn(process.execPath, ['scripts/build-static.mjs'], {
    cwd: dir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    void closed.then((code) =>
      code === 0 ? resolve() : reject(new Error(`build:static exited with ${code}:\n${output.slice(-3000)}`)),
    );
  });
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid, 'SIGTERM');
    await closed;
  };
  return { done, stop };
}

/** Collects what would make a page fail quietly: CSP reports, errors, and requests that did not succeed. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText;
    // Cancelled, not refused: Next's router probes linked pages with HEAD requests and cancels them, and
    // leaving a page cancels what it was still loading. A CSP block would be net::ERR_BLOCKED_BY_CSP.
    if (error !== 'net::ERR_ABORTED') problems.push(`failed: ${request.method()} ${request.url()} (${error})`);
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    if (/^https?:$/.test(url.protocol) && !url.pathname.startsWith(`${BASE}/`))
      problems.push(`outside ${BASE}: ${response.url()}`);
  });
  return problems;
}

test.describe('npm run build:static', () => {
  test.describe.configure({ mode: 'serial' });
  let copy = '';
  let out = '';
  let site: { server: Server; origin: string } | null = null;
  let build: ReturnType<typeof buildStatic> | null = null;

  test.beforeAll(async () => {
    test.setTimeout(300_000); // a production build: ~45 s alone, minutes on a busy machine
    copy = await mkdtemp(join(ROOT, '.next-static-test-'));
    for (const source of SOURCES) await cp(join(ROOT, source), join(copy, source), { recursive: true });
    // app/layout.tsx names its fonts by path, through ../node_modules.
    await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    build = buildStatic(copy);
    await build.done;
    out = join(copy, 'out');
    site = await serveStatic(out);
  });

  test.afterAll(async () => {
    await build?.stop();
    if (site) await new Promise((resolve) => site?.server.close(resolve));
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  test('writes the pages, the samples, _headers and .nojekyll, and no API', async () => {
    for (const page of ['index.html', 'story/index.html', 'embed/index.html', 'embed-builder/index.html', '404.html']) {
      expect(existsSync(join(out, page)), page).toBe(true);
    }
    for (const file of ['samples/meeting.webm', 'samples/penguin.png', 'samples/samples.json', '.nojekyll']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(existsSync(join(out, 'api'))).toBe(false);
    const headers = await readFile(join(out, '_headers'), 'utf8');
    expect(headers).toContain(`${BASE}/embed/*\n  Content-Security-Policy:`);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain(`src="${BASE}/_next/static/`);
  });

  test('serves the lab under the sub-path: it encrypts the meeting’s first frame, with no CSP violation', async ({
    page,
  }) => {
    const problems = watch(page);
    await page.goto(`${site?.origin}${BASE}/`);
    await expect(page.getByTestId('source-status')).toContainText('1280×720');
    for (const panel of ['original', 'ecb', 'gcm']) {
      await expect(page.getByTestId(`panel-${panel}`)).toHaveAttribute('data-frame', /^\d+$/);
    }
    const [original, ecb, gcm] = await readCanvases(page, ['panel-original', 'panel-ecb', 'panel-gcm']);
    // The speaker's flat wall repeats blocks; ECB keeps every repeat, GCM none.
    expect(repeatedBlockShare(rgbBytes(original.rgba))).toBeGreaterThan(0.2);
    expect(repeatedBlockShare(rgbBytes(ecb.rgba))).toBeGreaterThan(0.2);
    expect(repeatedBlockShare(rgbBytes(gcm.rgba))).toBe(0);
    expect(problems).toEqual([]);
  });

  test('the story opens from the header link, and the embed runs, under the sub-path', async ({ page }) => {
    const problems = watch(page);
    await page.goto(`${site?.origin}${BASE}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'The Zoom story' }).click();
    await expect(page).toHaveURL(`${site?.origin}${BASE}/story/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeAttached();

    await page.goto(`${site?.origin}${BASE}/embed/`);
    await expect(page.locator('canvas[data-testid="panel-ecb"]')).toHaveAttribute('data-frame', /^\d+$/);
    expect(problems).toEqual([]);
  });
});
