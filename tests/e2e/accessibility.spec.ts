/**
 * Every page for every reader: no WCAG 2.1 A/AA violation (axe-core, any impact) on any page at a
 * laptop's and a phone's width, in light and dark, once drawn and with each dialog open; the panels'
 * text alternatives say what they show with the numbers the page shows; nothing plays by itself for a
 * reader who asked for less motion; and each page can be walked and worked with the keyboard alone.
 * One page load per page and width serves all of its checks (the Tab walk runs in the desktop load).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sitePages, VIEWPORTS, type Accessibility } from './fixtures/accessibility';
import type { LabPage } from './fixtures/lab-page';
import { sampleFile } from './fixtures/media';
import type { AttackPage } from './fixtures/attack-page';
import type { StoryPage } from './fixtures/story-page';
import type { TrafficPage } from './fixtures/traffic-page';

interface Opened {
  page: Page;
  lab: LabPage;
  story: StoryPage;
  attacks: AttackPage;
  traffic: TrafficPage;
}

/** Waits until an embedded lab (the page, or a frame of it) has drawn a frame on every panel. */
async function embedDrawn(page: Page, frame?: string): Promise<void> {
  const scope = frame ? page.frameLocator(frame) : page;
  const canvases = scope.locator('canvas[data-testid^="panel-"]');
  await expect(canvases.first()).toBeVisible();
  for (const canvas of await canvases.all()) await expect(canvas).toHaveAttribute('data-frame', /^\d+$/);
}

/** Each page of the site, and how to open it and wait until it has drawn what it shows. */
const PAGES: Record<string, (opened: Opened) => Promise<void>> = {
  '/': ({ lab }) => lab.open(),
  '/story': async ({ story }) => {
    await story.open();
    await story.expectDemoDrawn();
  },
  '/embed': async ({ page }) => {
    await page.goto('/embed');
    await embedDrawn(page);
  },
  '/embed-builder': async ({ page }) => {
    await page.goto('/embed-builder');
    await embedDrawn(page, '[data-testid="builder-preview"]');
  },
  '/attacks': ({ attacks }) => attacks.open(),
  // The sample call's own packets: the timelines drawn in a few seconds, without encoding the call.
  '/traffic': async ({ traffic }) => {
    await traffic.open();
    await traffic.readPackets(sampleFile('meeting'));
    await expect(traffic.timeline('audio')).not.toHaveAttribute('data-packets', '0');
  },
};

/** Tab from the top reaches every control on the page, and each shows that it has focus. */
async function expectKeyboardWalk(a11y: Accessibility): Promise<void> {
  const controls = await a11y.tabbable();
  const stops = await a11y.walk();
  expect(stops.length, 'Tab stopped nowhere').toBeGreaterThan(0);
  const reached = new Set(stops.map((stop) => stop.name));
  expect(
    controls.filter((control) => !reached.has(control)),
    'controls Tab never reached',
  ).toEqual([]);
  expect(
    stops.filter((stop) => !stop.indicator).map((stop) => stop.name),
    'controls with no visible focus indicator',
  ).toEqual([]);
}

test('every page of the site is on the list checked here', () => {
  expect(Object.keys(PAGES).sort(), 'app/ has a page.tsx this spec does not check (or the reverse)').toEqual(
    sitePages(),
  );
});

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`WCAG 2.1 AA at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    // The lab checks three dialogs in two colour schemes: axe takes a while on a busy machine.
    test.describe.configure({ timeout: 240_000 });

    for (const [path, open] of Object.entries(PAGES)) {
      const also = [path === '/' && 'with each dialog open', device === 'desktop' && 'walked with Tab'].filter(Boolean);
      test(`${path}: no violation once drawn, in light and dark${also.map((what) => `, ${what}`).join('')}`, async ({
        page,
        lab,
        story,
        attacks,
        traffic,
        a11y,
      }) => {
        await open({ page, lab, story, attacks, traffic });
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          const where = `${path} (${device}, ${scheme})`;
          await test.step(`${scheme}: the page`, () => a11y.expectNoViolations(where));
          if (path !== '/') continue;

          await test.step(`${scheme}: the export dialog`, async () => {
            await page.getByTestId('export-open').click();
            await expect(page.getByTestId('export-dialog')).toBeVisible();
            await a11y.expectNoViolations(`${where}, export dialog`, '[data-testid="export-dialog"]');
            await page.keyboard.press('Escape');
            await expect(page.getByTestId('export-dialog')).toBeHidden();
          });
          await test.step(`${scheme}: the keyboard shortcuts`, async () => {
            await page.keyboard.press('?');
            await expect(page.getByTestId('shortcuts')).toBeVisible();
            await a11y.expectNoViolations(`${where}, shortcuts`, '[data-testid="shortcuts"]');
            await page.keyboard.press('Escape');
            await expect(page.getByTestId('shortcuts')).toBeHidden();
          });
          await test.step(`${scheme}: presenter mode`, async () => {
            await page.keyboard.press('f');
            await expect(page.getByTestId('lab')).toHaveAttribute('data-presenter', 'true');
            await a11y.expectNoViolations(`${where}, presenter mode`);
            await page.getByTestId('leave-presenter').click();
            await expect(page.getByTestId('lab')).toHaveAttribute('data-presenter', 'false');
          });
        }
        if (device === 'desktop') {
          await page.emulateMedia({ colorScheme: 'light' });
          await test.step('Tab reaches every control, and focus always shows', () => expectKeyboardWalk(a11y));
          if (path === '/attacks') {
            await test.step("the flip demo's pixel moves with the arrow keys", async () => {
              const pick = page.getByTestId('flip-pick');
              const [, x, y] = /pixel \((\d+), (\d+)\)/.exec(await pick.innerText()) ?? [];
              await a11y.tabTo(page.getByTestId('flip-wire'));
              await page.keyboard.press('ArrowRight');
              await expect(pick).toContainText(`pixel (${Number(x) + 1}, ${y})`);
              await page.keyboard.press('Shift+ArrowDown');
              await expect(pick).toContainText(`pixel (${Number(x) + 1}, ${Number(y) + 8})`);
            });
          }
        }
        if (path === '/embed') {
          await test.step('the embed in its dark theme', async () => {
            await page.goto('/embed?theme=dark');
            await embedDrawn(page);
            await a11y.expectNoViolations(`/embed?theme=dark (${device})`);
          });
        }
      });
    }
  });
}

test.describe('text alternatives of the pictures', () => {
  test("each lab panel says what it shows, the frame and the numbers table's figure, politely", async ({
    lab,
    page,
  }) => {
    await lab.open({ source: 'penguin' });
    const table = page.getByTestId('metrics-table');
    const figure = (stream: string, metric: string) =>
      table.locator(`td[data-stream="${stream}"][data-metric="${metric}"] > span`).first();
    const description = (panel: string) => page.getByTestId(`panel-${panel}-description`);

    await test.step('the ECB panel: its mode, the frame and the share of repeated blocks the table shows', async () => {
      await expect(table).toHaveAttribute('data-frame', '0');
      const share = await figure('ecb', 'repeated_share').innerText();
      expect(share).toMatch(/^\d+(\.\d+)? %$/);
      await expect(description('ecb')).toHaveText(
        `AES-128-ECB ciphertext, frame 0, ${await sizeText(lab)}: ${share} of its 16-byte blocks repeat.`,
      );
      await expect(description('ecb')).toHaveAttribute('aria-live', 'polite');
      await expect(lab.panel('ecb')).toHaveAccessibleName('AES-128-ECB panel');
      await expect(lab.panel('ecb')).toHaveAccessibleDescription(await description('ecb').innerText());
    });

    await test.step('the original and the GCM panel, each with its own figure', async () => {
      const original = await figure('original', 'repeated_share').innerText();
      const gcm = await figure('gcm', 'repeated_share').innerText();
      await expect(description('original')).toContainText(`Original, frame 0`);
      await expect(description('original')).toContainText(`${original} of its 16-byte blocks repeat.`);
      await expect(description('gcm')).toContainText(`AES-256-GCM ciphertext, frame 0`);
      await expect(description('gcm')).toContainText(`${gcm} of its 16-byte blocks repeat.`);
      await expect(description('decrypted')).toContainText('Decrypted with the meeting key, frame 0');
    });

    await test.step('another mode in the first panel: the description follows it', async () => {
      await page.getByTestId('mode-ecb').selectOption('cbc');
      await expect(description('ecb')).toContainText('AES-128-CBC ciphertext, frame 0');
      await expect(table).toHaveAttribute('data-frame', '0');
      const share = await figure('ecb', 'repeated_share').innerText();
      await expect(description('ecb')).toContainText(`${share} of its 16-byte blocks repeat.`);
    });
  });

  test('the descriptions follow the frame on screen', async ({ lab, page }) => {
    await lab.open({ start: 2 });
    const frame = Number(await lab.frameNumber.innerText());
    await expect(page.getByTestId('panel-ecb-description')).toContainText(`AES-128-ECB ciphertext, frame ${frame},`);
    await lab.stepForward.click();
    await lab.expectFrame(frame + 1);
    await expect(page.getByTestId('panel-ecb-description')).toContainText(`frame ${frame + 1},`);
    await expect(page.getByTestId('panel-gcm-description')).toContainText(
      `AES-256-GCM ciphertext, frame ${frame + 1},`,
    );
  });

  test('the embed, the attack lab and the traffic view name what their pictures show', async ({
    page,
    attacks,
    traffic,
  }) => {
    await test.step('the embed: each panel described, with its frame', async () => {
      await page.goto('/embed?panels=ecb,gcm');
      await embedDrawn(page);
      const frame = await page.getByTestId('panel-ecb').getAttribute('data-frame');
      await expect(page.getByTestId('panel-ecb-description')).toContainText(`AES-128-ECB ciphertext, frame ${frame}`);
      await expect(page.getByTestId('panel-gcm-description')).toContainText(`AES-256-GCM ciphertext, frame ${frame}`);
    });
    await test.step('the attack lab: every picture has a name', async () => {
      await attacks.open();
      const unnamed = await page
        .locator('canvas')
        .evaluateAll((canvases) =>
          canvases
            .filter((canvas) => canvas.getAttribute('role') !== 'img' || !canvas.getAttribute('aria-label'))
            .map((canvas) => canvas.dataset.testid ?? canvas.outerHTML.slice(0, 80)),
        );
      expect(unnamed, 'canvases without role="img" and a label').toEqual([]);
    });
    await test.step('the traffic view: each timeline named with what it reads, in seconds', async () => {
      await traffic.open();
      await traffic.readPackets(sampleFile('meeting'));
      await expect(traffic.timeline('audio')).toHaveAttribute('role', 'img');
      const [start, end] = (await traffic.band('audio', 0))[0];
      await expect(traffic.timeline('audio')).toHaveAttribute(
        'aria-label',
        new RegExp(`someone speaks, read from GCM sizes: ${start.toFixed(1)}–${end.toFixed(1)} s`),
      );
    });
  });
});

/** The panels' size as the lab shows it ("640×360"). */
async function sizeText(lab: LabPage): Promise<string> {
  const { size } = await lab.clock();
  if (!size) throw new Error('no frame size yet');
  return `${size.width}×${size.height}`;
}

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('nothing plays by itself: the lab, the embed with autoplay=1, the story, the traffic view', async ({
    page,
    lab,
    story,
    traffic,
    playback,
  }) => {
    await test.step('the lab', async () => {
      await lab.open();
      await expect(lab.playToggle).toHaveAttribute('data-state', 'paused');
      expect(await playback.plays()).toBe(0);
    });
    await test.step('the embed asked to autoplay waits for Play', async () => {
      await page.goto('/embed?autoplay=1');
      await embedDrawn(page);
      await expect(page.getByTestId('play-toggle')).toHaveAttribute('data-state', 'paused');
      expect(await playback.plays()).toBe(0);
      await page.getByTestId('play-toggle').click();
      await expect(page.getByTestId('play-toggle')).toHaveAttribute('data-state', 'playing');
      expect(await playback.plays()).toBe(1);
    });
    await test.step("the story's call waits for Play", async () => {
      await story.open();
      await story.expectDemoDrawn();
      await expect(story.demo.getByTestId('play-toggle')).toHaveAttribute('data-state', 'paused');
      expect(await playback.plays()).toBe(0);
    });
    await test.step('the traffic view', async () => {
      await traffic.open();
      expect(await playback.plays()).toBe(0);
    });
  });

  test.describe('without the preference', () => {
    test.use({ reducedMotion: 'no-preference' });

    test('the embed with autoplay=1 and the story play by themselves (what the preference stops)', async ({
      page,
      story,
      playback,
    }) => {
      await page.goto('/embed?autoplay=1');
      await embedDrawn(page);
      await expect(page.getByTestId('play-toggle')).toHaveAttribute('data-state', 'playing');
      expect(await playback.plays()).toBeGreaterThan(0);
      await story.open();
      await expect(story.demo.getByTestId('play-toggle')).toHaveAttribute('data-state', 'playing');
    });
  });
});

test.describe('the keyboard alone', () => {
  test.use({ viewport: VIEWPORTS.desktop });

  test('the lab: play and pause, open a sample, change a mode, open and close the dialogs', async ({
    lab,
    page,
    a11y,
  }) => {
    await lab.open();
    await test.step('play and pause from the play button', async () => {
      await a11y.tabTo(lab.playToggle);
      await page.keyboard.press('Enter');
      await expect(lab.playToggle).toHaveAttribute('data-state', 'playing');
      await page.keyboard.press('Enter');
      await expect(lab.playToggle).toHaveAttribute('data-state', 'paused');
    });
    await test.step('open the penguin', async () => {
      await a11y.tabTo(page.getByTestId('sample-penguin'));
      await page.keyboard.press('Enter');
      await expect(lab.sourceStatus).toContainText('penguin');
    });
    await test.step('show CTR in the second panel', async () => {
      await a11y.tabTo(page.getByTestId('mode-gcm'));
      await page.keyboard.press('ArrowUp');
      await expect(page.getByTestId('mode-gcm')).toHaveValue('ctr');
      await expect(page.getByTestId('panel-gcm-description')).toContainText('AES-128-CTR ciphertext');
    });
    await test.step('the export dialog opens with Enter and closes with Escape, focus back on its button', async () => {
      const opener = page.getByTestId('export-open');
      await a11y.tabTo(opener);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('export-dialog')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('export-dialog')).toBeHidden();
      await expect(opener).toBeFocused();
    });
    await test.step('the shortcuts open with ? and close with Escape', async () => {
      await page.keyboard.press('?');
      await expect(page.getByTestId('shortcuts')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('shortcuts')).toBeHidden();
    });
  });

  test('the story: steps by arrow keys and by its buttons', async ({ story, page, a11y }) => {
    await story.open();
    await page.keyboard.press('ArrowRight');
    await expect(story.step).toHaveAttribute('data-step', '2');
    await a11y.tabTo(page.getByTestId('story-next'));
    await page.keyboard.press('Enter');
    await expect(story.step).toHaveAttribute('data-step', '3');
    await a11y.tabTo(page.getByTestId('story-prev'));
    await page.keyboard.press('Enter');
    await expect(story.step).toHaveAttribute('data-step', '2');
  });

  test('the embed: play and pause by keyboard', async ({ page, a11y }) => {
    await page.goto('/embed');
    await embedDrawn(page);
    const toggle = page.getByTestId('play-toggle');
    await a11y.tabTo(toggle);
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('data-state', 'playing');
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('data-state', 'paused');
  });
});
