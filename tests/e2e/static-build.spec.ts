/**
 * `npm run build:static` with BASE_PATH=/ecb-lens, served by the plainest static server there is (the
 * `staticSite` fixture, fixtures/static-site.ts): the pages and samples are there, the API is not, and in
 * Chromium the lab encrypts a frame, the embed runs and the story opens, all under the sub-path and
 * without a CSP violation.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/index';
import { BASE_PATH } from './fixtures/static-site';
import { readCanvases, repeatedBlockShare, rgbBytes } from './support/pixels';

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
    if (/^https?:$/.test(url.protocol) && !url.pathname.startsWith(`${BASE_PATH}/`))
      problems.push(`outside ${BASE_PATH}: ${response.url()}`);
  });
  return problems;
}

test.describe('npm run build:static', () => {
  test.describe.configure({ mode: 'serial' });

  test('writes the pages, the samples, _headers and .nojekyll, and no API', async ({ staticSite }) => {
    const { out } = staticSite;
    for (const page of ['index.html', 'story/index.html', 'embed/index.html', 'embed-builder/index.html', '404.html']) {
      expect(existsSync(join(out, page)), page).toBe(true);
    }
    for (const file of ['samples/meeting.webm', 'samples/penguin.png', 'samples/samples.json', '.nojekyll']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(existsSync(join(out, 'api'))).toBe(false);
    const headers = await readFile(join(out, '_headers'), 'utf8');
    expect(headers).toContain(`${BASE_PATH}/embed/*\n  Content-Security-Policy:`);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain(`src="${BASE_PATH}/_next/static/`);
  });

  test('serves the lab under the sub-path: it encrypts the meeting’s first frame, with no CSP violation', async ({
    page,
    staticSite,
  }) => {
    const problems = watch(page);
    await page.goto(`${staticSite.origin}${BASE_PATH}/`);
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

  test('the story opens from the header link, and the embed runs, under the sub-path', async ({ page, staticSite }) => {
    const problems = watch(page);
    await page.goto(`${staticSite.origin}${BASE_PATH}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'The Zoom story' }).click();
    await expect(page).toHaveURL(`${staticSite.origin}${BASE_PATH}/story/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeAttached();

    await page.goto(`${staticSite.origin}${BASE_PATH}/embed/`);
    await expect(page.locator('canvas[data-testid="panel-ecb"]')).toHaveAttribute('data-frame', /^\d+$/);
    expect(problems).toEqual([]);
  });
});
