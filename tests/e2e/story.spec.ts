import { SOURCES, type SourceId } from '../../app/_content/sources';
import { countRepeatedBlocks } from '../../lib/metrics/blocks';
import { expect, test } from './fixtures/index';
import { readCanvas, rgbBytes } from './support/pixels';

/**
 * The story's outline as a reader should meet it: titles, the sources each step must cite (and no
 * others), and which steps run a live demo. Written out here, not imported, so the page is checked
 * against an independent list.
 */
/** A demo runs one lab engine: the primary and second workers and the receiver (lib/worker/client.ts). */
const LAB_WORKERS = 3;

const STEPS: { title: string; sources: SourceId[]; demo: 'meeting' | 'noise' | 'penguin' | null }[] = [
  { title: 'A call, like millions of others', sources: ['zoomApril22'], demo: 'meeting' },
  { title: 'What ECB does', sources: ['sp80038a'], demo: null },
  { title: 'What the Citizen Lab found', sources: ['citizenLab'], demo: 'meeting' },
  {
    title: 'What the key holder sees',
    sources: ['citizenLab', 'zoomEncryptionFacts', 'zoomMessage'],
    demo: 'meeting',
  },
  { title: 'Anyone on the path could edit the call', sources: ['citizenLab', 'sp80038a'], demo: null },
  { title: 'When ECB does not show the picture', sources: [], demo: 'noise' },
  { title: 'GCM: no block looks like another', sources: ['sp80038d'], demo: 'meeting' },
  {
    title: 'Zoom 5.0 moves to AES-256-GCM',
    sources: ['citizenLab', 'zoomApril22', 'zoomE2ee', 'zoomJuly1', 'zoomMay27'],
    demo: null,
  },
  {
    title: 'What GCM does not hide',
    sources: ['bbcApril2020', 'rfc6562', 'sp80038d', 'white2011', 'wright2008'],
    demo: null,
  },
  {
    title: 'End-to-end: a key Zoom’s servers never see',
    sources: ['guardianFbi', 'zoomE2ee', 'zoomE2eePreview', 'zoomE2eeUpdate', 'zoomWhitepaper'],
    demo: null,
  },
  {
    title: 'Try it yourself',
    sources: [
      'bbcApril2020',
      'citizenLab',
      'guardianFbi',
      'rfc6562',
      'sp80038a',
      'sp80038d',
      'white2011',
      'wright2008',
      'zoomApril22',
      'zoomE2ee',
      'zoomE2eePreview',
      'zoomE2eeUpdate',
      'zoomEncryptionFacts',
      'zoomJuly1',
      'zoomMay27',
      'zoomMessage',
      'zoomWhitepaper',
    ],
    demo: 'penguin',
  },
];

test.describe('the Zoom 2020 story', () => {
  test('walks from the first step to the last and back by keyboard, keeping the step in the address', async ({
    story,
    page,
  }) => {
    test.slow(); // eleven steps, each starting and stopping its demo's workers
    await story.open();
    await expect(story.step).toHaveAttribute('data-step', '1');
    await expect(story.heading).toHaveText(STEPS[0].title);

    await test.step('→ and Page Down move forward, and focus the new step’s heading', async () => {
      for (let n = 2; n <= STEPS.length; n++) {
        await page.keyboard.press(n % 2 === 0 ? 'ArrowRight' : 'PageDown');
        await story.expectStep(n, STEPS);
        await expect(story.heading).toBeFocused();
      }
    });

    await test.step('the last step is the end', async () => {
      await page.keyboard.press('ArrowRight');
      await story.expectStep(STEPS.length, STEPS);
      await expect(page.getByRole('button', { name: 'Next step' })).toHaveAttribute('aria-disabled', 'true');
    });

    await test.step('← and Page Up move back to the first step', async () => {
      for (let n = STEPS.length - 1; n >= 1; n--) {
        await page.keyboard.press(n % 2 === 0 ? 'ArrowLeft' : 'PageUp');
        await story.expectStep(n, STEPS);
      }
      await expect(page.getByRole('button', { name: 'Previous step' })).toHaveAttribute('aria-disabled', 'true');
    });

    await test.step('End and Home jump to the ends', async () => {
      await page.keyboard.press('End');
      await story.expectStep(STEPS.length, STEPS);
      await page.keyboard.press('Home');
      await story.expectStep(1, STEPS);
    });

    await test.step('a reload stays on the step in the address', async () => {
      await story.open(4);
      await story.expectStep(4, STEPS);
      await page.reload();
      await expect(story.deck).toHaveAttribute('data-live', 'true');
      await story.expectStep(4, STEPS);
    });

    await test.step('the buttons and the dots move too', async () => {
      await page.getByRole('button', { name: 'Next step' }).click();
      await story.expectStep(5, STEPS);
      await expect(page.getByRole('button', { name: 'Next step' })).toBeFocused();
      await page.getByRole('button', { name: 'Previous step' }).click();
      await story.expectStep(4, STEPS);
      await page.getByRole('button', { name: `Step 7: ${STEPS[6].title}` }).click();
      await story.expectStep(7, STEPS);
      await expect(page.getByRole('button', { name: `Step 7: ${STEPS[6].title}` })).toHaveAttribute(
        'aria-current',
        'step',
      );
    });

    await test.step('an address naming no step opens the first', async () => {
      await page.goto('/story#step-99');
      await expect(story.deck).toHaveAttribute('data-live', 'true');
      await expect(story.step).toHaveAttribute('data-step', '1');
    });
  });

  test('every step cites exactly its sources, linked to the published pages', async ({ story }) => {
    for (const [i, step] of STEPS.entries()) {
      await test.step(`step ${i + 1}: ${step.title}`, async () => {
        await story.open(i + 1);
        await story.expectStep(i + 1, STEPS);
        const links = story.step.locator('a[data-source]');
        const cited = [...new Set(await links.evaluateAll((nodes) => nodes.map((node) => node.dataset.source ?? '')))];
        expect(cited.sort()).toEqual([...step.sources].sort());
        for (const id of step.sources) {
          const link = story.step.locator(`a[data-source="${id}"]`).first();
          await expect(link).toHaveAttribute('href', SOURCES[id].url);
          await expect(link).toHaveAttribute('target', '_blank');
          await expect(link).toHaveAttribute('rel', /noopener/);
        }
      });
    }
  });

  test('each demo draws frames, and only the current step’s demo runs', async ({ story, page }) => {
    await story.open(1);
    for (const [i, step] of STEPS.entries()) {
      await test.step(`step ${i + 1}: ${step.demo ?? 'no live demo'}`, async () => {
        await story.expectStep(i + 1, STEPS);
        if (step.demo) {
          await expect(story.demo).toHaveCount(1);
          await expect(story.demo).toHaveAttribute('data-demo', step.demo);
          await story.expectDemoDrawn();
          await expect.poll(async () => (await story.workers()).live).toBe(LAB_WORKERS);
        } else {
          await expect(story.demo).toHaveCount(0);
          await expect.poll(async () => (await story.workers()).live).toBe(0);
        }
        if (i < STEPS.length - 1) await page.keyboard.press('ArrowRight');
      });
    }
    await test.step('never more than one demo’s workers at once', async () => {
      expect((await story.workers()).peak).toBe(LAB_WORKERS);
    });
  });

  test('the call plays by itself, unless the reader asks for less motion', async ({ story, page }) => {
    await story.open(1);
    const play = story.demo.getByTestId('play-toggle');
    await expect(play).toHaveAttribute('data-state', 'playing');
    const canvas = story.demo.getByTestId('panel-original');
    await expect(canvas).toHaveAttribute('data-frame', /^\d+$/);
    const first = await canvas.getAttribute('data-frame');
    await expect(canvas).not.toHaveAttribute('data-frame', first ?? '');

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await story.open(3);
    await story.expectDemoDrawn();
    await expect(story.demo.getByTestId('play-toggle')).toHaveAttribute('data-state', 'paused');
  });

  test('the block diagram is real AES: ECB keeps the 4 kinds of block, GCM makes 48', async ({ story }) => {
    await story.open(2);
    const diagram = story.step.getByTestId('block-diagram');
    await expect(diagram.getByRole('img', { name: 'Plaintext: 48 blocks, 4 different' })).toBeVisible();
    await expect(diagram.getByRole('img', { name: 'AES-128-ECB: 48 blocks, 4 different' })).toBeVisible();
    await expect(diagram.getByRole('img', { name: 'AES-256-GCM: 48 blocks, 48 different' })).toBeVisible();
  });

  test('the honest step: fewer colour bits give ECB fewer distinct blocks; the camera can stand in', async ({
    story,
    page,
  }) => {
    // With reduced motion the call opens paused on frame 0, so both depths encrypt the very same frame.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await story.open(STEPS.findIndex((step) => step.demo === 'noise') + 1);
    await story.expectDemoDrawn();
    const ecbPanel = story.demo.getByTestId('panel-ecb');

    await test.step('on one paused frame, 3 bits leave fewer distinct ECB blocks than 8', async () => {
      await expect(story.demo.getByTestId('play-toggle')).toHaveAttribute('data-state', 'paused');
      await expect(ecbPanel).toHaveAttribute('data-frame', '0');
      await expect(story.demo.getByTestId('noise-bits-8')).toHaveAttribute('aria-pressed', 'true');
      const at8 = await readCanvas(ecbPanel);
      await story.demo.getByTestId('noise-bits-3').click();
      await expect(story.demo.getByTestId('noise-bits-3')).toHaveAttribute('aria-pressed', 'true');
      await expect
        .poll(async () => Buffer.compare(Buffer.from((await readCanvas(ecbPanel)).rgba), Buffer.from(at8.rgba)))
        .not.toBe(0);
      await expect(ecbPanel).toHaveAttribute('data-frame', '0');
      const at3 = await readCanvas(ecbPanel);
      // 3-bit blocks are a function of 8-bit blocks, and AES is a permutation: never more, here fewer.
      expect(countRepeatedBlocks(rgbBytes(at3.rgba)).distinct).toBeLessThan(
        countRepeatedBlocks(rgbBytes(at8.rgba)).distinct,
      );
    });

    await test.step('the camera (Chromium’s fake one) is encrypted instead, and the call comes back', async () => {
      const camera = story.demo.getByTestId('noise-webcam');
      await camera.click();
      await expect(camera).toHaveAttribute('aria-pressed', 'true');
      await expect(story.demo.getByTestId('noise-hint')).toContainText('Your camera');
      // Camera frames are numbered from 0 as they arrive: new numbers mean live frames.
      for (let seen = 0; seen < 3; seen++) {
        const frame = await ecbPanel.getAttribute('data-frame');
        await expect(ecbPanel).not.toHaveAttribute('data-frame', frame ?? '');
      }
      await camera.click();
      await expect(camera).toHaveAttribute('aria-pressed', 'false');
      await expect(story.demo.getByTestId('noise-hint')).toContainText('This call is drawn');
    });
  });

  test('F shows the deck full screen, and F again leaves', async ({ story, page }) => {
    await story.open(2);
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid'))).toBe('story');
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  });
});
