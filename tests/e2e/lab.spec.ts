/**
 * The lab on `/`: the meeting sample played and paused, and what the panels prove about ECB and GCM,
 * read from the pixels the page drew. Keys are fixed through the address, so ECB pictures repeat.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures/index';
import { ECB_KEY, GCM_KEY, OTHER_ECB_KEY } from './fixtures/keys';
import { LabPage, type Panels } from './fixtures/lab-page';
import {
  blockPatternMismatches,
  blocksInPlace,
  byteEntropy,
  channel,
  grayRgba,
  hasDepth,
  isGray,
  lumaBytes,
  opaqueRgba,
  pixelDifference,
  quantize,
  repeatedBlockShare,
  rgbBytes,
} from './support/pixels';

/** The slide the meeting shares from 5 s: flat areas, so plenty of repeated blocks. */
const SLIDE = { start: 6, frame: 180 };
/** Processing width for tests that are not about size: a quarter of the pixels to encrypt and read. */
const SMALL = { width: 320 } as const;

/** ECB's picture keeps the block pattern of the bytes it encrypted; checks that, and that it is not those bytes. */
function expectEcbPattern(ecb: Uint8Array, plaintext: Uint8Array, size = 16) {
  expect(blockPatternMismatches(plaintext, ecb, size), 'blocks equal in the plaintext ⇔ equal in ECB').toBe(0);
  expect(repeatedBlockShare(ecb, size)).toBe(repeatedBlockShare(plaintext, size));
  expect(blocksInPlace(plaintext, ecb, size), 'ECB blocks that are still the plaintext').toBe(0);
}

/** GCM's picture: no block repeats and the bytes look uniformly random. */
function expectGcmNoise(gcm: Uint8Array) {
  expect(repeatedBlockShare(gcm)).toBe(0);
  expect(byteEntropy(gcm)).toBeGreaterThan(7.9);
}

test.describe('the lab plays the meeting', () => {
  test('all panels show the same frame while playing; ECB keeps the structure, GCM none, the key holder sees the original', async ({
    lab,
  }) => {
    await lab.open();

    await test.step('while it plays, the four panels always carry the same frame, and it advances', async () => {
      await lab.play();
      const { samples, frames, mismatches } = await lab.sampleFramesWhilePlaying(10);
      expect(mismatches, `${mismatches.length} of ${samples} reads had panels on different frames`).toEqual([]);
      expect(frames, 'frames only move forward').toEqual([...frames].sort((a, b) => a - b));
    });

    let panels!: Panels;
    await test.step('paused, the four panels of one frame are read together', async () => {
      await lab.pause();
      panels = await lab.readPanels();
      expect(panels.frame).toBeGreaterThanOrEqual(9);
    });

    const original = rgbBytes(panels.original.rgba);
    await test.step('ECB repeats 16-byte blocks exactly where the original does', async () => {
      expect(repeatedBlockShare(original), 'the meeting has flat areas').toBeGreaterThan(0.3);
      expectEcbPattern(rgbBytes(panels.ecb.rgba), original);
    });

    await test.step('GCM repeats no block and its bytes have entropy > 7.9 bits', async () => {
      expectGcmNoise(rgbBytes(panels.gcm.rgba));
    });

    await test.step('the key holder’s panel is the original, byte for byte', async () => {
      expect(pixelDifference(panels.decrypted.rgba, panels.original.rgba, panels.original.width)).toBeNull();
    });

    await test.step('at 3 bits of colour depth, ECB repeats blocks where the quantized original does', async () => {
      await lab.setBits(3);
      // Compared within one read: frames already on their way when the video paused may still land.
      const at3 = await lab.readPanelsWhen((read) =>
        expect(hasDepth(read.decrypted.rgba, 3), 'decrypted at 3 bits').toBe(true),
      );
      const original8 = rgbBytes(at3.original.rgba);
      const quantized = quantize(original8, 3);
      expect(hasDepth(at3.original.rgba, 3), 'the original panel stays at 8 bits').toBe(false);
      expect(pixelDifference(at3.decrypted.rgba, opaqueRgba(quantized), at3.decrypted.width)).toBeNull();
      expect(repeatedBlockShare(quantized), 'fewer bits, more repeated blocks').toBeGreaterThan(
        repeatedBlockShare(original8),
      );
      expectEcbPattern(rgbBytes(at3.ecb.rgba), quantized);
      expectGcmNoise(rgbBytes(at3.gcm.rgba));
    });
  });
});

test.describe('readouts while playing', () => {
  test('the frame number refreshes a few times a second while the panels play every frame, and is exact when paused', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await lab.play();
    await expect.poll(() => lab.shownFrame(), 'the panels play').toBeGreaterThan(5);
    // Counted in the page over the next 40 frames the panels draw: every change of the panels' frame and
    // of the frame-number readout.
    const counts = await page.evaluate(
      () =>
        new Promise<{ panel: number; readout: number; ms: number }>((resolve) => {
          const canvas = document.querySelector('canvas[data-testid="panel-ecb"]') as HTMLCanvasElement;
          const readout = document.querySelector('[data-testid="frame-number"]') as HTMLElement;
          const counts = { panel: 0, readout: 0, ms: 0 };
          const start = performance.now();
          const watch = new MutationObserver((records) => {
            for (const record of records) {
              if (record.target === canvas) counts.panel++;
              else counts.readout++;
            }
            if (counts.panel >= 40) {
              watch.disconnect();
              counts.ms = performance.now() - start;
              resolve(counts);
            }
          });
          watch.observe(canvas, { attributes: true, attributeFilter: ['data-frame'] });
          watch.observe(readout, { characterData: true, childList: true, subtree: true });
        }),
    );
    // Four refreshes a second at most (one more for where the count starts), where the panels drew 40 frames.
    expect(counts.readout, `${counts.readout} readout changes over ${Math.round(counts.ms)} ms`).toBeLessThanOrEqual(
      Math.floor(counts.ms / 250) + 1,
    );
    expect(counts.readout, 'the readout still moves while playing').toBeGreaterThan(0);
    await lab.pause();
    await expect(async () => {
      expect(await lab.frameNumber.innerText()).toBe(String(await lab.shownFrame()));
    }).toPass();
  });
});

test.describe('the cipher settings re-encrypt the paused frame', () => {
  test('gray layout: ECB draws one byte a pixel, the key holder sees BT.601 luma', async ({ lab }) => {
    await lab.open({ ...SLIDE, ...SMALL });
    await lab.expectFrame(SLIDE.frame);
    const before = await lab.readPanels();
    const luma = lumaBytes(before.original.rgba);

    await lab.setLayout('gray');
    const gray = await lab.readPanelsWhen((read) =>
      expect(isGray(read.ecb.rgba), 'ECB panel has R = G = B').toBe(true),
    );

    await test.step('the frame stays, and the key holder sees its luma', async () => {
      expect(gray.frame).toBe(SLIDE.frame);
      expect(pixelDifference(gray.decrypted.rgba, grayRgba(luma), gray.decrypted.width)).toBeNull();
    });
    await test.step('ECB repeats blocks where the luma does; GCM is grey noise', async () => {
      expectEcbPattern(channel(gray.ecb.rgba, 0), luma);
      expect(isGray(gray.gcm.rgba)).toBe(true);
      expectGcmNoise(channel(gray.gcm.rgba, 0));
    });
    await test.step('at 2 bits, the key holder sees the luma’s top 2 bits', async () => {
      await lab.setBits(2);
      const at2 = await lab.readPanelsWhen((read) =>
        expect(pixelDifference(read.decrypted.rgba, grayRgba(quantize(luma, 2)), read.decrypted.width)).toBeNull(),
      );
      expect(at2.frame).toBe(SLIDE.frame);
      expectEcbPattern(channel(at2.ecb.rgba, 0), quantize(luma, 2));
    });
  });

  test('either ciphertext panel shows any mode: CBC and CTR hide the slide too, and the key holder still sees it', async ({
    lab,
  }) => {
    await lab.open({ ...SLIDE, ...SMALL });
    await lab.expectFrame(SLIDE.frame);
    const original = rgbBytes((await lab.readPanels()).original.rgba);
    expect(repeatedBlockShare(original), 'the slide is flat').toBeGreaterThan(0.3);
    for (const [panel, mode] of [
      ['ecb', 'cbc'],
      ['ecb', 'ctr'],
      ['gcm', 'ecb'],
    ] as const) {
      await test.step(`the ${panel} panel in ${mode.toUpperCase()}`, async () => {
        await lab.page.getByTestId(`mode-${panel}`).selectOption(mode);
        await expect(lab.page.locator(`[data-panel="${panel}"] h3`)).toHaveText(`AES-128-${mode.toUpperCase()}`);
        const read = await lab.readPanelsWhen((panels) => {
          const bytes = rgbBytes(panels[panel].rgba);
          if (mode === 'ecb') expectEcbPattern(bytes, original);
          else expectGcmNoise(bytes);
        });
        expect(read.frame).toBe(SLIDE.frame);
        expect(pixelDifference(read.decrypted.rgba, read.original.rgba, read.original.width)).toBeNull();
      });
    }
    await test.step('the second panel’s IV is shown, and the address takes the modes', async () => {
      await expect(lab.page.getByTestId('ecb-nonce')).toHaveText(/^[0-9a-f]{32}$/);
      await lab.page.goto(`${LabPage.address(SMALL)}&modes=ctr,cbc`);
      await expect(lab.page.locator('[data-panel="ecb"] h3')).toHaveText('AES-128-CTR');
      await expect(lab.page.locator('[data-panel="gcm"] h3')).toHaveText('AES-128-CBC');
    });
  });

  test('rgba layout: one AES block is four pixels, and the key holder sees the original', async ({ lab }) => {
    await lab.open({ ...SLIDE, ...SMALL });
    await lab.expectFrame(SLIDE.frame);
    const before = await lab.readPanels();

    await lab.setLayout('rgba');
    const rgba = await lab.readPanelsWhen((read) =>
      expect(pixelDifference(read.ecb.rgba, before.ecb.rgba, read.ecb.width), 'ECB panel re-encrypted').not.toBeNull(),
    );
    expect(rgba.frame).toBe(SLIDE.frame);
    expect(pixelDifference(rgba.decrypted.rgba, before.original.rgba, rgba.decrypted.width)).toBeNull();
    // The panel cannot show the ciphertext's fourth bytes (it is opaque): compare the R, G, B of each
    // four-pixel block, 12 of its 16 bytes.
    expectEcbPattern(rgbBytes(rgba.ecb.rgba), rgbBytes(before.original.rgba), 12);
  });

  test('rgba layout at 3 bits: the key holder sees the quantized original, opaque', async ({ lab }) => {
    await lab.open({ ...SLIDE, ...SMALL, layout: 'rgba', bits: 3 });
    await lab.expectFrame(SLIDE.frame);
    const panels = await lab.readPanels();
    const expected = opaqueRgba(quantize(rgbBytes(panels.original.rgba), 3));
    expect(pixelDifference(panels.decrypted.rgba, expected, panels.decrypted.width)).toBeNull();
  });

  test('processing width 320: every panel is redrawn 320 wide, same frame', async ({ lab }) => {
    await lab.open(SLIDE);
    await lab.expectFrame(SLIDE.frame);
    await lab.expectPanelSize(640, 360);

    await lab.setWidth(320);
    await lab.expectPanelSize(320, 180);
    const panels = await lab.readPanels();
    expect(panels.frame).toBe(SLIDE.frame);
    const original = rgbBytes(panels.original.rgba);
    expectEcbPattern(rgbBytes(panels.ecb.rgba), original);
    expectGcmNoise(rgbBytes(panels.gcm.rgba));
    expect(pixelDifference(panels.decrypted.rgba, panels.original.rgba, 320)).toBeNull();
  });
});

test.describe('reading frames', () => {
  /** What the browser itself draws of the clip at `seconds`, scaled to `width × height`. */
  async function browserDrawn(page: Page, seconds: number, width: number, height: number): Promise<Uint8Array> {
    const base64 = await page.evaluate(
      async ({ seconds, width, height }) => {
        const video = document.createElement('video');
        video.muted = true;
        video.src = '/samples/meeting.webm';
        await new Promise((resolve, reject) => {
          video.onloadeddata = resolve;
          video.onerror = reject;
        });
        const seeked = new Promise((resolve) => (video.onseeked = resolve));
        video.currentTime = seconds;
        await seeked;
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        if (!ctx) throw new Error('no 2D context');
        ctx.imageSmoothingQuality = 'medium';
        // Right after `seeked` a busy page may not have the decoded frame yet and draws nothing (all zero):
        // draw again at the next rendering steps until the frame is there (the slide is never all black).
        let data = new Uint8ClampedArray(0);
        for (let attempt = 0; attempt < 60; attempt++) {
          ctx.clearRect(0, 0, width, height);
          ctx.drawImage(video, 0, 0, width, height);
          data = ctx.getImageData(0, 0, width, height).data;
          if (data.some((value) => value !== 0)) break;
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        let binary = '';
        for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
        return btoa(binary);
      },
      { seconds, width, height },
    );
    return new Uint8Array(Buffer.from(base64, 'base64'));
  }

  /** Mean absolute difference per colour channel, and the share of channels more than 16 apart. */
  function compare(a: Uint8Array, b: Uint8Array): { mean: number; far: number } {
    let sum = 0;
    let far = 0;
    let n = 0;
    for (let i = 0; i < a.length; i += 4) {
      for (let c = 0; c < 3; c++, n++) {
        const d = Math.abs(a[i + c] - b[i + c]);
        sum += d;
        if (d > 16) far++;
      }
    }
    return { mean: sum / n, far: far / n };
  }

  test('the 1280×720 call is copied out and shrunk at 640 wide, copied whole at 1280, drawn at 480, and each shows the frame the browser shows', async ({
    lab,
    page,
  }) => {
    await lab.open(SLIDE);
    await lab.expectFrame(SLIDE.frame);
    const seconds = (await lab.clock()).time;
    expect(Object.keys((await lab.clock()).timings.primary)).toContain('copy');
    // At 640 wide a GCM frame is one packet, opened whole.
    expect(Object.keys((await lab.clock()).timings.receiver)).toContain('decrypt');
    const copied = (await lab.readPanels()).original.rgba;
    const drawn640 = compare(copied, await browserDrawn(page, seconds, 640, 360));
    expect(drawn640.mean, 'mean difference per channel').toBeLessThan(0.5);
    expect(drawn640.far, 'share of channels more than 16 apart').toBeLessThan(0.001);

    // At 1280 wide the frame is copied whole (nothing shrinks it), and each panel's 3.7 MB of pixels
    // travels from its worker to the page in a buffer of its own: one put on the wrong panel would not match.
    await lab.setWidth(1280);
    await lab.expectPanelSize(1280, 720);
    const whole = await lab.readPanels();
    const drawn1280 = compare(whole.original.rgba, await browserDrawn(page, seconds, 1280, 720));
    expect(drawn1280.mean, 'mean difference per channel').toBeLessThan(0.5);
    expect(drawn1280.far, 'share of channels more than 16 apart').toBeLessThan(0.001);
    expect(pixelDifference(whole.decrypted.rgba, whole.original.rgba, 1280), 'the key holder sees it').toBeNull();
    // The 2.8 MB GCM frame went to the receiver as three packets, each opened as it arrived.
    expect(Object.keys((await lab.clock()).timings.receiver)).toContain('open');
    expectEcbPattern(rgbBytes(whole.ecb.rgba), rgbBytes(whole.original.rgba));

    await lab.setWidth(480);
    await lab.expectPanelSize(480, 270);
    expect(Object.keys((await lab.clock()).timings.primary)).toContain('read');
    const read = (await lab.readPanels()).original.rgba;
    const drawn480 = compare(read, await browserDrawn(page, seconds, 480, 270));
    expect(drawn480.mean, 'mean difference per channel').toBeLessThan(0.5);
  });
});

test.describe('keys', () => {
  test('keys from the address are used: two loads draw byte-identical ECB pictures, GCM differs by its nonce', async ({
    lab,
  }) => {
    const load = async () => {
      await lab.open({ source: 'penguin', ...SMALL });
      await expect(lab.ecbKeyInput).toHaveValue(ECB_KEY);
      await expect(lab.gcmKeyInput).toHaveValue(GCM_KEY);
      await expect(lab.gcmNonce).toHaveText(/^[0-9a-f]{24}$/);
      return { panels: await lab.readPanels(), nonce: await lab.gcmNonce.textContent() };
    };
    const first = await test.step('first load', load);
    const second = await test.step('second load of the same address', load);

    await test.step('ECB is deterministic: the same key gives the same picture', async () => {
      expect(pixelDifference(second.panels.ecb.rgba, first.panels.ecb.rgba, first.panels.ecb.width)).toBeNull();
      expectEcbPattern(rgbBytes(first.panels.ecb.rgba), rgbBytes(first.panels.original.rgba));
    });
    await test.step('GCM is not: each load draws a fresh random nonce salt, so the picture differs', async () => {
      expect(second.nonce).not.toBe(first.nonce);
      expect(blocksInPlace(rgbBytes(first.panels.gcm.rgba), rgbBytes(second.panels.gcm.rgba))).toBe(0);
    });
  });

  test('an invalid key in the address falls back to a random key', async ({ lab }) => {
    const open = async () => {
      await lab.open({ source: 'penguin', ...SMALL, ecbKey: 'not-a-key' });
      await expect(lab.gcmKeyInput).toHaveValue(GCM_KEY);
      await expect(lab.ecbKeyInput).toHaveValue(/^[0-9a-f]{32}$/);
      return lab.ecbKeyInput.inputValue();
    };
    const first = await open();
    expect(await open(), 'a fresh random key on each load').not.toBe(first);
  });

  test('an invalid key in the address is reported on the page', async ({ lab }) => {
    await lab.open({ source: 'penguin', ...SMALL, ecbKey: 'not-a-key' });
    // The message exists from the lab's first render, so by now it has long been on the page.
    await expect(lab.error).toContainText('ecbKey=not-a-key', { timeout: 2_000 });
    await expect(lab.error).toContainText('not valid');
  });

  test('a bad key typed in is refused with a reason and the old key kept; a good one is applied', async ({ lab }) => {
    await lab.open({ source: 'penguin', ...SMALL });
    const withFirstKey = await lab.readPanels();

    await test.step('a key one byte short is refused, and the ECB picture stays', async () => {
      await lab.ecbKeyInput.fill(ECB_KEY.slice(0, 30));
      await lab.ecbKeyInput.press('Enter');
      await expect(lab.ecbKeyInput).toHaveAttribute('aria-invalid', 'true');
      await expect(lab.ecbKeyInput).toHaveAccessibleDescription(/16 bytes.*The previous key is still in use/);
      expect((await lab.state()).settings.ecbKeyHex).toBe(ECB_KEY);
      const after = await lab.readPanels();
      expect(pixelDifference(after.ecb.rgba, withFirstKey.ecb.rgba, after.ecb.width)).toBeNull();
    });

    await test.step('a key that is not hex is refused too', async () => {
      await lab.ecbKeyInput.fill('zz'.repeat(16));
      await lab.ecbKeyInput.press('Enter');
      await expect(lab.ecbKeyInput).toHaveAttribute('aria-invalid', 'true');
      await expect(lab.ecbKeyInput).toHaveAccessibleDescription(/hex/i);
      expect((await lab.state()).settings.ecbKeyHex).toBe(ECB_KEY);
    });

    await test.step('a valid key is applied: the ECB picture changes, its structure does not', async () => {
      await lab.ecbKeyInput.fill(OTHER_ECB_KEY.toUpperCase());
      await lab.ecbKeyInput.press('Enter');
      await expect(lab.ecbKeyInput).toHaveValue(OTHER_ECB_KEY);
      await expect(lab.ecbKeyInput).not.toHaveAttribute('aria-invalid', 'true');
      const other = await lab.readPanelsWhen((read) =>
        expect(pixelDifference(read.ecb.rgba, withFirstKey.ecb.rgba, read.ecb.width)).not.toBeNull(),
      );
      expectEcbPattern(rgbBytes(other.ecb.rgba), rgbBytes(other.original.rgba));
    });

    await test.step('typing the first key back brings back the first picture exactly', async () => {
      await lab.ecbKeyInput.fill(ECB_KEY);
      await lab.ecbKeyInput.blur();
      await lab.readPanelsWhen((read) =>
        expect(pixelDifference(read.ecb.rgba, withFirstKey.ecb.rgba, read.ecb.width)).toBeNull(),
      );
    });
  });
});

test.describe('keyboard', () => {
  test('→ and ← step exactly one frame when paused; Space plays and pauses; K draws new keys', async ({
    lab,
    page,
  }) => {
    await lab.open({ start: 1, ...SMALL });
    await lab.expectFrame(30);

    await test.step('→ steps forward one frame, ← back one', async () => {
      await page.keyboard.press('ArrowRight');
      await lab.expectFrame(31);
      await page.keyboard.press('ArrowRight');
      await lab.expectFrame(32);
      await page.keyboard.press('ArrowLeft');
      await lab.expectFrame(31);
      await expect(lab.playToggle).toHaveAttribute('data-state', 'paused');
    });

    await test.step('K draws new keys: a new ECB picture with the same structure', async () => {
      const before = await lab.readPanels();
      const keys = (await lab.state()).settings;
      await page.keyboard.press('k');
      await expect(lab.ecbKeyInput).not.toHaveValue(keys.ecbKeyHex);
      await expect(lab.gcmKeyInput).not.toHaveValue(keys.gcmKeyHex);
      const after = await lab.readPanelsWhen((read) =>
        expect(pixelDifference(read.ecb.rgba, before.ecb.rgba, read.ecb.width)).not.toBeNull(),
      );
      expect(after.frame).toBe(31);
      expect(blocksInPlace(rgbBytes(before.ecb.rgba), rgbBytes(after.ecb.rgba))).toBe(0);
      expect(repeatedBlockShare(rgbBytes(after.ecb.rgba))).toBe(repeatedBlockShare(rgbBytes(before.ecb.rgba)));
      expectEcbPattern(rgbBytes(after.ecb.rgba), rgbBytes(after.original.rgba));
    });

    await test.step('Space plays, and frames advance; Space again pauses', async () => {
      await page.keyboard.press('Space');
      await expect(lab.playToggle).toHaveAttribute('data-state', 'playing');
      await expect.poll(() => lab.shownFrame()).toBeGreaterThan(40);
      await page.keyboard.press('Space');
      await expect(lab.playToggle).toHaveAttribute('data-state', 'paused');
    });
  });

  test('typing in a key field triggers no shortcut', async ({ lab, page }) => {
    await lab.open({ start: 1, ...SMALL });
    await lab.expectFrame(30);
    const { settings } = await lab.state();
    // Every change of the lab's state, to catch a play that a stray Space would start.
    await page.evaluate(() => {
      const lab = (
        window as Window & {
          ecbLens?: { state: { get(): { playing: boolean }; subscribe(listener: () => void): unknown } };
        }
      ).ecbLens;
      if (!lab) throw new Error('window.ecbLens is not set');
      const played: boolean[] = [];
      (window as Window & { __played?: boolean[] }).__played = played;
      lab.state.subscribe(() => played.push(lab.state.get().playing));
    });

    await lab.ecbKeyInput.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    for (const key of ['k', 'K', '1', 'f']) await page.keyboard.press(key);
    await expect(lab.ecbKeyInput).toHaveValue(/ kK1f/);
    await expect(lab.panel('original'), '1 typed in the field hid no panel').toBeVisible();
    await page.keyboard.press('Escape');
    await expect(lab.ecbKeyInput).toHaveValue(settings.ecbKeyHex);
    await lab.ecbKeyInput.blur();

    // Outside the field the same keys work again; the frame lands on 31, so the → typed above did not step.
    await page.keyboard.press('ArrowRight');
    await lab.expectFrame(31);
    const now = await lab.state();
    expect(now.settings.ecbKeyHex, 'K typed in the field drew no new key').toBe(settings.ecbKeyHex);
    expect(now.settings.gcmKeyHex).toBe(settings.gcmKeyHex);
    expect(
      await page.evaluate(() => (window as Window & { __played?: boolean[] }).__played),
      'Space typed in the field never played',
    ).not.toContain(true);
  });
});

test.describe('downloads', () => {
  test('“Download PNG” saves exactly the pixels the panel shows', async ({ lab, page }) => {
    await lab.open({ source: 'penguin', ...SMALL });
    for (const panel of ['ecb', 'original'] as const) {
      await test.step(`the ${panel} panel`, async () => {
        const [download] = await Promise.all([page.waitForEvent('download'), lab.download(panel).click()]);
        expect(download.suggestedFilename()).toBe(`ecb-lens-the-ecb-penguin-${panel}-frame0.png`);
        const png = PNG.sync.read(await readFile(await download.path()));
        const shown = (await lab.readPanels())[panel];
        expect([png.width, png.height]).toEqual([shown.width, shown.height]);
        expect(pixelDifference(new Uint8Array(png.data), shown.rgba, shown.width)).toBeNull();
      });
    }
  });
});

test.describe('screenshots of the lab playing', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    test(`${name}, ${viewport.width}×${viewport.height}`, async ({ lab, page }, testInfo) => {
      await page.setViewportSize(viewport);
      await lab.open();
      // Space plays without scrolling to the player, so the first screenful is what a visitor sees.
      await page.keyboard.press('Space');
      await expect(lab.playToggle).toHaveAttribute('data-state', 'playing');
      await expect.poll(() => lab.shownFrame()).toBeGreaterThan(15);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await test.step('the page does not scroll sideways', async () => {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      });
      for (const fullPage of [false, true]) {
        const path = testInfo.outputPath(`lab-${name}${fullPage ? '-full' : ''}.png`);
        await page.screenshot({ path, fullPage });
        await testInfo.attach(`lab-${name}${fullPage ? '-full' : ''}`, { path, contentType: 'image/png' });
      }
    });
  }
});
