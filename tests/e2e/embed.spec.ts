import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { expect, test, type Frame, type FrameLocator, type Page } from '@playwright/test';

/**
 * A course page on another origin (127.0.0.1, served here by a bare Node server) frames `/embed` from
 * the site (localhost) and drives it through postMessage, exactly as public/embed-example.html does.
 */
let parent: Server;
let parentOrigin: string;

test.beforeAll(async () => {
  const files: Record<string, string> = {
    '/course.html': 'embed-example.html',
    '/embed-example.js': 'embed-example.js',
  };
  parent = createServer(async (request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const body = await readFile(new URL(`../../public/${file}`, import.meta.url));
    response.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body);
  });
  await new Promise<void>((resolve) => parent.listen(0, '127.0.0.1', resolve));
  parentOrigin = `http://127.0.0.1:${(parent.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => parent.close(resolve));
});

interface Received {
  type: string;
  v: number;
  event: string;
  index?: number;
  time?: number;
  height?: number;
  problems?: string[];
  panels?: string[];
}

/** Opens the course page with the embed from `baseURL` and records every message the embed posts. */
async function openCoursePage(page: Page, baseURL: string, query: string) {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { received: unknown[] }).received = seen;
    window.addEventListener('message', (event) => seen.push(event.data));
  });
  const embed = `${baseURL}/embed?${query}`;
  await page.goto(`${parentOrigin}/course.html?embed=${encodeURIComponent(embed)}`);
  const frame = page.frameLocator('#lens');
  const received = () => page.evaluate(() => (window as unknown as { received: Received[] }).received);
  const events = async (name: string) => (await received()).filter((message) => message.event === name);
  const send = (message: Record<string, unknown>) =>
    page.evaluate((data) => {
      const lens = document.getElementById('lens') as HTMLIFrameElement;
      lens.contentWindow?.postMessage(data, '*');
    }, message);
  return { frame, received, events, send };
}

function embedFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().includes('/embed'));
  if (!frame) throw new Error('the embed frame is not loaded');
  return frame;
}

async function lastFrameIndex(events: (name: string) => Promise<Received[]>): Promise<number> {
  const frames = await events('frame');
  return frames.at(-1)?.index ?? -1;
}

test.describe('embed in a page from another origin', () => {
  test('is driven by postMessage and reports ready, frame and resize', async ({ page, baseURL }) => {
    const ecbKey = '000102030405060708090a0b0c0d0e0f';
    const { frame, events, send } = await openCoursePage(
      page,
      baseURL as string,
      `source=meeting&panels=original,ecb,gcm&controls=minimal&ecbKey=${ecbKey}`,
    );
    const panel = (id: string): ReturnType<FrameLocator['locator']> => frame.getByTestId(`panel-${id}`);

    await test.step('the embed is cross-origin and says it is ready', async () => {
      await expect.poll(async () => (await events('ready')).length).toBe(1);
      // Only now: the frame (loading="lazy") need not have loaded when the course page has.
      expect(new URL(embedFrame(page).url()).origin).not.toBe(parentOrigin);
      const [ready] = await events('ready');
      expect(ready).toMatchObject({
        type: 'ecb-lens',
        v: 1,
        source: 'A video meeting',
        panels: ['original', 'ecb', 'gcm'],
      });
      await expect(panel('ecb')).toHaveAttribute('data-frame', '0');
    });

    await test.step('play sends frames; pause stops them', async () => {
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect.poll(() => lastFrameIndex(events)).toBeGreaterThan(10);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await expect(frame.getByTestId('play-toggle')).toHaveAttribute('data-state', 'paused');
    });

    await test.step('seek goes to a time and the frame event reports it', async () => {
      await send({ type: 'ecb-lens', v: 1, command: 'seek', seconds: 6 });
      await expect.poll(async () => (await events('frame')).at(-1)).toMatchObject({ index: 180 });
      await expect(panel('ecb')).toHaveAttribute('data-frame', '180');
      await send({ type: 'ecb-lens', v: 1, command: 'step', frames: 1 });
      await expect(panel('ecb')).toHaveAttribute('data-frame', '181');
      await send({ type: 'ecb-lens', v: 1, command: 'step', frames: -2 });
      await expect(panel('ecb')).toHaveAttribute('data-frame', '179');
    });

    await test.step('set changes the panels, and the frame grows or shrinks to fit (resize)', async () => {
      const before = await page.locator('#lens').evaluate((element) => element.getBoundingClientRect().height);
      await send({ type: 'ecb-lens', v: 1, command: 'set', options: { panels: 'ecb' } });
      await expect(panel('original')).toHaveCount(0);
      await expect(panel('gcm')).toHaveCount(0);
      await expect(panel('ecb')).toHaveAttribute('data-frame', '179');
      await expect.poll(async () => (await events('resize')).at(-1)?.height).toBeGreaterThan(before);
      const { height } = (await events('resize')).at(-1) as Received;
      await expect
        .poll(() => page.locator('#lens').evaluate((element) => element.getBoundingClientRect().height))
        .toBe(height);
    });

    await test.step('set reports options it cannot use, and keeps the rest', async () => {
      await send({ type: 'ecb-lens', v: 1, command: 'set', options: { bits: 3, layout: 'cmyk' } });
      await expect
        .poll(async () => (await events('notice')).at(-1)?.problems)
        .toEqual(['layout=cmyk is not valid (layout must be one of rgb, rgba, gray); the default is used.']);
      await expect(frame.getByTestId('options-notice')).toContainText('layout=cmyk');
    });

    await test.step('malformed messages are ignored and the embed keeps working', async () => {
      for (const junk of [
        'play',
        null,
        { type: 'ecb-lens', v: 2, command: 'play' },
        { type: 'ecb-lens', v: 1, command: 'seek', seconds: 'x' },
        { type: 'ecb-lens', v: 1, command: 'explode' },
      ]) {
        await send(junk as Record<string, unknown>);
      }
      await send({ type: 'ecb-lens', v: 1, command: 'seek', seconds: 1 });
      await expect(panel('ecb')).toHaveAttribute('data-frame', '30');
      await expect(frame.getByTestId('play-toggle')).toHaveAttribute('data-state', 'paused');
    });
  });

  test('the example page’s own buttons work across origins', async ({ page, baseURL }) => {
    const { frame, events } = await openCoursePage(
      page,
      baseURL as string,
      'source=meeting&panels=original,ecb,gcm&controls=minimal',
    );
    await expect.poll(async () => (await events('ready')).length).toBe(1);
    await page.getByRole('button', { name: 'Go to the slide (6 s)' }).click();
    await expect(frame.getByTestId('panel-ecb')).toHaveAttribute('data-frame', '180');
    await page.getByRole('button', { name: 'All four panels' }).click();
    await expect(frame.getByTestId('panel-decrypted')).toHaveAttribute('data-frame', '180');
    await expect(page.getByTestId('log')).toContainText('"event":"ready"');
  });
});

test.describe('embed options from the URL', () => {
  test('bad or unknown options fall back to defaults and are listed in a dismissible notice', async ({ page }) => {
    await page.goto('/embed?panels=ecb,nope&bits=12&theme=dark&frobnicate=1');
    const notice = page.getByTestId('options-notice');
    await expect(notice).toContainText('panels=ecb,nope is not valid');
    await expect(notice).toContainText('bits=12 is not valid');
    await expect(notice).toContainText('“frobnicate” is not an option here');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect(page.getByTestId('panel-decrypted')).toHaveAttribute('data-frame', '0');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    expect(
      await page.evaluate(
        () =>
          (window as unknown as { ecbLens: { state: { get(): { settings: { bits: number } } } } }).ecbLens.state.get()
            .settings.bits,
      ),
    ).toBe(8);
  });

  test('controls=none shows panels only; autoplay plays', async ({ page }) => {
    await page.goto('/embed?panels=gcm&controls=none&autoplay=true&loop=true');
    await expect(page.getByTestId('play-toggle')).toHaveCount(0);
    await expect
      .poll(async () => Number(await page.getByTestId('panel-gcm').getAttribute('data-frame')))
      .toBeGreaterThan(5);
  });
});

test.describe('embed builder', () => {
  test('builds the snippet from the options and previews it live', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/embed-builder');
    const snippet = page.getByTestId('snippet');
    await expect(snippet).toHaveValue(/\/embed\?source=meeting&amp;panels=original,ecb,gcm&amp;loop=true"/);

    await page.getByTestId('b-panel-original').uncheck();
    await page.getByTestId('b-bits').fill('3');
    await page.getByTestId('b-fix-keys').check();
    await expect(snippet).toHaveValue(
      /panels=ecb,gcm&amp;loop=true&amp;bits=3&amp;ecbKey=[0-9a-f]{32}&amp;gcmKey=[0-9a-f]{64}"/,
    );

    const preview = page.getByTestId('builder-preview');
    await expect(preview).toHaveAttribute('src', /panels=ecb,gcm.*bits=3/);
    const inPreview = page.frameLocator('[data-testid="builder-preview"]');
    await expect(inPreview.getByTestId('panel-ecb')).toHaveAttribute('data-frame', '0');
    await expect(inPreview.getByTestId('panel-original')).toHaveCount(0);

    await page.getByTestId('copy-snippet').click();
    await expect(page.getByTestId('copy-snippet')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());
  });
});
