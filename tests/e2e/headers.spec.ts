/**
 * The security headers as the running server sends them, and what Chromium does with them: only /embed
 * may be framed by another origin, and the lab, the story, the embed and its builder run without a single
 * CSP violation. The header values themselves are unit-tested (tests/unit/http/security-headers.test.ts).
 */
import type { APIResponse, Page } from '@playwright/test';
import {
  contentSecurityPolicy,
  embedFrameAncestors,
  NO_FRAMING,
  PERMISSIONS_POLICY,
  REFERRER_POLICY,
} from '../../lib/http/security-headers.mjs';
import { flatPng } from '../fixtures/png/images';
import { expect, test } from './fixtures/index';
import { mediaFixture } from './fixtures/media';

/** /embed's frame-ancestors for the environment the server was built in. */
const EMBED_ANCESTORS = embedFrameAncestors(process.env.EMBED_ALLOWED_ORIGINS);

/** Checks the security headers, each sent exactly once; `framable` is /embed's case. */
function expectSecurityHeaders(response: APIResponse, framable: boolean) {
  const sent = response.headersArray().map(({ name, value }) => ({ name: name.toLowerCase(), value }));
  const only = (name: string) => {
    const values = sent.filter((header) => header.name === name).map(({ value }) => value);
    expect(values.length, `${name}: ${values.join(' | ')}`).toBeLessThanOrEqual(1);
    return values[0];
  };
  const frameAncestors = framable ? EMBED_ANCESTORS : NO_FRAMING;
  expect(only('content-security-policy')).toBe(contentSecurityPolicy({ frameAncestors }));
  expect(only('x-frame-options')).toBe(framable ? undefined : 'DENY');
  expect(only('referrer-policy')).toBe(REFERRER_POLICY);
  expect(only('x-content-type-options')).toBe('nosniff');
  const permissions = only('permissions-policy');
  expect(permissions).toBe(PERMISSIONS_POLICY);
  expect(permissions).toMatch(/(^|, )camera=\(self\)(,|$)/);
}

test.describe('security headers', () => {
  for (const route of ['/', '/story', '/embed', '/embed-builder']) {
    test(`${route} sends them${route === '/embed' ? ', and lets any allowed origin frame it' : ', and refuses framing'}`, async ({
      request,
    }) => {
      const response = await request.get(route);
      expect(response.status()).toBe(200);
      expectSecurityHeaders(response, route === '/embed');
    });
  }

  test('/api/encrypt sends them with a picture, with an error, and to a preflight-like OPTIONS', async ({
    request,
  }) => {
    const ok = await request.post('/api/encrypt?mode=ecb', {
      data: Buffer.from(flatPng()),
      headers: { 'Content-Type': 'image/png' },
    });
    expect(ok.status()).toBe(200);
    expectSecurityHeaders(ok, false);
    const refused = await request.post('/api/encrypt', { data: 'not a png' });
    expect(refused.status()).toBe(400);
    expectSecurityHeaders(refused, false);
    const options = await request.fetch('/api/encrypt', { method: 'OPTIONS' });
    expect(options.status()).toBe(405);
    expectSecurityHeaders(options, false);
  });

  test('static files send them too: a sample, and the scripts that become workers', async ({ request, page }) => {
    const penguin = await request.get('/samples/penguin.png');
    expect(penguin.status()).toBe(200);
    expect(penguin.headers()['content-type']).toBe('image/png');
    expectSecurityHeaders(penguin, false);

    const worker = page.waitForEvent('worker');
    await page.goto('/');
    const script = await request.get((await worker).url());
    expect(script.status()).toBe(200);
    expectSecurityHeaders(script, false);
  });

  test('another origin cannot frame / but can frame /embed', async ({ page, baseURL, otherSite }) => {
    // The other site (127.0.0.1 at its own port) frames the server under test (localhost).
    const site = new URL(baseURL ?? '');
    const frames = new URLSearchParams({ lab: `${site.origin}/`, embed: `${site.origin}/embed` });
    const refusal = page.waitForEvent('console', (message) => /frame-ancestors 'none'/.test(message.text()));
    await page.goto(`${otherSite.origin}/frames.html?${frames}`);

    await test.step('/embed loads in the frame and draws a frame of the meeting', async () => {
      const embed = page.frameLocator('iframe[name="embed"]');
      await expect(embed.getByTestId('compact-lab')).toBeVisible();
      await expect(embed.locator('canvas[data-testid^="panel-"]').first()).toHaveAttribute('data-frame', /^\d+$/);
    });

    await test.step('/ stays blocked: Chromium refuses it for frame-ancestors and shows its error page', async () => {
      expect((await refusal).text()).toContain(`Framing '${site.origin}/'`);
      await expect.poll(() => page.frame({ name: 'lab' })?.url()).toBe('chrome-error://chromewebdata/');
    });
  });
});

type CspWindow = Window & { __cspViolations?: string[] };

/**
 * Records every way Chromium reports a CSP violation: `securitypolicyviolation` events in the page,
 * console messages from it, its frames and its workers ("Refused to …"), and uncaught errors.
 */
async function watchForViolations(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text())) {
      seen.push(`console ${message.type()}${message.worker() ? ' (worker)' : ''}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as CspWindow).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} in ${event.sourceFile}:${event.lineNumber}`,
      ),
    );
  });
  return async () => [
    ...seen,
    ...(await page.evaluate(
      () => (window as CspWindow).__cspViolations ?? ['the violation listener was not installed'],
    )),
  ];
}

test.describe('the CSP in Chromium', () => {
  test('reports no violation while the lab plays the meeting, opens a picture and uses the webcam', async ({
    lab,
    page,
  }) => {
    const violations = await watchForViolations(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));

    await test.step('the meeting sample plays', async () => {
      await lab.open();
      await lab.play();
      await expect.poll(async () => (await lab.clock()).drawn).toBeGreaterThan(10);
      await lab.pause();
      expect(await violations()).toEqual([]);
    });

    await test.step('a picture file is opened and encrypted', async () => {
      await lab.upload(mediaFixture('picture.png'));
      await expect(lab.sourceStatus).toContainText(/picture\.png · \d+×\d+ · picture/);
      await expect(lab.panel('ecb')).toHaveAttribute('data-frame', /^\d+$/);
      expect(await violations()).toEqual([]);
    });

    await test.step('the (fake) webcam runs', async () => {
      const before = (await lab.clock()).drawn;
      await lab.webcamToggle.click();
      await expect(lab.sourceStatus).toContainText('live');
      await expect.poll(async () => (await lab.clock()).drawn).toBeGreaterThan(before + 5);
      await lab.webcamToggle.click();
      await expect(lab.webcamToggle).toHaveAttribute('aria-pressed', 'false');
      expect(await violations()).toEqual([]);
    });

    await test.step('every request stayed on this origin (blob: and data: URLs are the page’s own)', async () => {
      const origin = new URL(page.url()).origin;
      const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(blob|data):/.test(url));
      expect(foreign).toEqual([]);
    });
  });

  test('reports no violation on the story, the embed builder with its preview, and the embed', async ({ page }) => {
    const violations = await watchForViolations(page);

    await page.goto('/story');
    await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
    expect(await violations()).toEqual([]);

    await page.goto('/embed-builder');
    const preview = page.frameLocator('[data-testid="builder-preview"]');
    await expect(preview.locator('canvas[data-testid^="panel-"]').first()).toHaveAttribute('data-frame', /^\d+$/);
    expect(await violations()).toEqual([]);

    await page.goto('/embed');
    await expect(page.locator('canvas[data-testid="panel-ecb"]')).toHaveAttribute('data-frame', /^\d+$/);
    expect(await violations()).toEqual([]);
  });

  test('would report one: a script from another origin is blocked and shows up', async ({ page }) => {
    // The watcher must be able to fail the tests above.
    const violations = await watchForViolations(page);
    await page.goto('/embed');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.src = 'https://cdn.example/tracker.js';
      document.head.append(script);
    });
    await expect
      .poll(violations)
      .toContainEqual(expect.stringContaining('script-src-elem blocked https://cdn.example/tracker.js'));
  });
});
