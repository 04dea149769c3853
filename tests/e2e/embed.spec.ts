/**
 * The embed as course pages use it: framed by a page on another origin and driven through postMessage
 * (the `course` fixture, exactly as public/embed-example.html does), configured from its address, and
 * made by the embed builder.
 */
import type { EmbedMessage } from './fixtures/embed-host';
import { expect, test } from './fixtures/index';
import { ECB_KEY } from './fixtures/keys';

test.describe('embed in a page from another origin', () => {
  test('is driven by postMessage and reports ready, frame and resize', async ({ course, page }) => {
    await course.open(`source=meeting&panels=original,ecb,gcm&controls=minimal&ecbKey=${ECB_KEY}`);
    const panel = (id: string) => course.embed.getByTestId(`panel-${id}`);

    await test.step('the embed is cross-origin and says it is ready', async () => {
      await expect.poll(async () => (await course.events('ready')).length).toBe(1);
      // Only now: the frame (loading="lazy") need not have loaded when the course page has.
      expect(new URL(course.embedFrame().url()).origin).not.toBe(course.origin);
      const [ready] = await course.events('ready');
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
      await expect.poll(() => course.lastFrameIndex()).toBeGreaterThan(10);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await expect(course.embed.getByTestId('play-toggle')).toHaveAttribute('data-state', 'paused');
    });

    await test.step('seek goes to a time and the frame event reports it', async () => {
      await course.send({ type: 'ecb-lens', v: 1, command: 'seek', seconds: 6 });
      await expect.poll(async () => (await course.events('frame')).at(-1)).toMatchObject({ index: 180 });
      await expect(panel('ecb')).toHaveAttribute('data-frame', '180');
      await course.send({ type: 'ecb-lens', v: 1, command: 'step', frames: 1 });
      await expect(panel('ecb')).toHaveAttribute('data-frame', '181');
      await course.send({ type: 'ecb-lens', v: 1, command: 'step', frames: -2 });
      await expect(panel('ecb')).toHaveAttribute('data-frame', '179');
    });

    await test.step('set changes the panels, and the frame grows or shrinks to fit (resize)', async () => {
      const before = await course.embedHeight();
      await course.send({ type: 'ecb-lens', v: 1, command: 'set', options: { panels: 'ecb' } });
      await expect(panel('original')).toHaveCount(0);
      await expect(panel('gcm')).toHaveCount(0);
      await expect(panel('ecb')).toHaveAttribute('data-frame', '179');
      await expect.poll(async () => (await course.events('resize')).at(-1)?.height).toBeGreaterThan(before);
      const { height } = (await course.events('resize')).at(-1) as EmbedMessage;
      await expect.poll(() => course.embedHeight()).toBe(height);
    });

    await test.step('set reports options it cannot use, and keeps the rest', async () => {
      await course.send({ type: 'ecb-lens', v: 1, command: 'set', options: { bits: 3, layout: 'cmyk' } });
      await expect
        .poll(async () => (await course.events('notice')).at(-1)?.problems)
        .toEqual(['layout=cmyk is not valid (layout must be one of rgb, rgba, gray); the default is used.']);
      await expect(course.embed.getByTestId('options-notice')).toContainText('layout=cmyk');
    });

    await test.step('malformed messages are ignored and the embed keeps working', async () => {
      for (const junk of [
        'play',
        null,
        { type: 'ecb-lens', v: 2, command: 'play' },
        { type: 'ecb-lens', v: 1, command: 'seek', seconds: 'x' },
        { type: 'ecb-lens', v: 1, command: 'explode' },
      ]) {
        await course.send(junk);
      }
      await course.send({ type: 'ecb-lens', v: 1, command: 'seek', seconds: 1 });
      await expect(panel('ecb')).toHaveAttribute('data-frame', '30');
      await expect(course.embed.getByTestId('play-toggle')).toHaveAttribute('data-state', 'paused');
    });
  });

  test('the example page’s own buttons work across origins', async ({ course, page }) => {
    await course.open('source=meeting&panels=original,ecb,gcm&controls=minimal');
    await expect.poll(async () => (await course.events('ready')).length).toBe(1);
    await page.getByRole('button', { name: 'Go to the slide (6 s)' }).click();
    await expect(course.embed.getByTestId('panel-ecb')).toHaveAttribute('data-frame', '180');
    await page.getByRole('button', { name: 'All four panels' }).click();
    await expect(course.embed.getByTestId('panel-decrypted')).toHaveAttribute('data-frame', '180');
    await expect(page.getByTestId('log')).toContainText('"event":"ready"');
  });
});

test.describe('embed in a Canvas LMS page', () => {
  test('tells the page its content height with lti.frameResize, and again when it changes', async ({ course }) => {
    await course.open('source=meeting&panels=original,ecb,gcm&controls=minimal');
    await expect.poll(async () => (await course.events('ready')).length).toBe(1);

    await test.step('the last lti.frameResize carries the embed’s real content height', async () => {
      const height = await course.contentHeight();
      expect(height).toBeGreaterThan(200);
      await expect.poll(async () => (await course.lmsResizes()).at(-1)).toEqual({ subject: 'lti.frameResize', height });
      expect((await course.events('resize')).at(-1)?.height).toBe(height);
    });

    await test.step('with one panel instead of three the height changes, and a new lti.frameResize says so', async () => {
      const before = await course.contentHeight();
      await course.send({ type: 'ecb-lens', v: 1, command: 'set', options: { panels: 'ecb' } });
      await expect(course.embed.getByTestId('panel-original')).toHaveCount(0);
      await expect.poll(() => course.contentHeight()).not.toBe(before);
      const after = await course.contentHeight();
      await expect
        .poll(async () => (await course.lmsResizes()).at(-1))
        .toEqual({ subject: 'lti.frameResize', height: after });
    });
  });

  test('lms=off sends no lti.frameResize, only the embed’s own resize', async ({ course }) => {
    await course.open('source=meeting&panels=original,ecb,gcm&controls=minimal&lms=off');
    await expect.poll(async () => (await course.events('ready')).length).toBe(1);
    await expect.poll(async () => (await course.events('resize')).length).toBeGreaterThan(0);
    // Messages from one frame arrive in the order it posted them: once the frame event of a step the
    // course page asked for after the resize has arrived, any lti.frameResize posted with it has too.
    await course.send({ type: 'ecb-lens', v: 1, command: 'step', frames: 1 });
    await expect.poll(async () => (await course.events('frame')).at(-1)?.index).toBe(1);
    expect(await course.lmsResizes()).toEqual([]);
  });
});

test.describe('embed options from the URL', () => {
  test('bad or unknown options fall back to defaults and are listed in a dismissible notice', async ({ lab, page }) => {
    await page.goto('/embed?panels=ecb,nope&bits=12&theme=dark&frobnicate=1');
    const notice = page.getByTestId('options-notice');
    await expect(notice).toContainText('panels=ecb,nope is not valid');
    await expect(notice).toContainText('bits=12 is not valid');
    await expect(notice).toContainText('“frobnicate” is not an option here');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect(page.getByTestId('panel-decrypted')).toHaveAttribute('data-frame', '0');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    // The embed runs the lab's controller, with the same read-only test handle.
    expect((await lab.state()).settings.bits).toBe(8);
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

    await page.getByTestId('b-lms').uncheck();
    await expect(snippet).toHaveValue(/gcmKey=[0-9a-f]{64}&amp;lms=false"/);

    const preview = page.getByTestId('builder-preview');
    await expect(preview).toHaveAttribute('src', /panels=ecb,gcm.*bits=3.*lms=false/);
    const inPreview = page.frameLocator('[data-testid="builder-preview"]');
    await expect(inPreview.getByTestId('panel-ecb')).toHaveAttribute('data-frame', '0');
    await expect(inPreview.getByTestId('panel-original')).toHaveCount(0);

    await page.getByTestId('copy-snippet').click();
    await expect(page.getByTestId('copy-snippet')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());
  });
});
