/**
 * The lab as the tests see it: a page object (`lab`) with locators by test id and the few actions a
 * user takes, plus a spy on the camera (`camera`). Tests read the pixels the page drew
 * (support/pixels.ts) and the read-only `window.ecbLens` handle, never the product's internals.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Layout } from '../../lib/cipher/layout';
import type { LabClock, LabController, LabState } from '../../lib/media/lab-controller';
import type { PanelId } from '../../lib/worker/protocol';
import { readCanvases, type CanvasPixels } from './support/pixels';

export { expect };

export const PANELS = ['original', 'ecb', 'gcm', 'decrypted'] as const satisfies readonly PanelId[];

/** AES-128 key of NIST SP 800-38A, F.1.1 (ECB-AES128): any fixed key makes ECB pictures repeatable. */
export const ECB_KEY = '2b7e151628aed2a6abf7158809cf4f3c';
/** A second AES-128 key, FIPS-197 Appendix C.1's. */
export const OTHER_ECB_KEY = '000102030405060708090a0b0c0d0e0f';
/** AES-256 key of McGrew & Viega's GCM spec, test cases 16–18. */
export const GCM_KEY = 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308';

/** A file in tests/fixtures/media (see its README for what each is). */
export function mediaFixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/media/${name}`, import.meta.url));
}

/** The built-in samples, as public/samples/samples.json (made by scripts/samples) lists them. */
const SAMPLES: { id: string; title: string; width: number; height: number }[] = JSON.parse(
  readFileSync(new URL('../../public/samples/samples.json', import.meta.url), 'utf8'),
);

export function sample(id: 'meeting' | 'penguin'): { title: string; width: number; height: number } {
  const found = SAMPLES.find((entry) => entry.id === id);
  if (!found) throw new Error(`public/samples/samples.json has no sample "${id}"`);
  return found;
}

/** Options `/` takes from its address; keys default to the fixed ones above (null leaves one out). */
export interface LabAddress {
  source?: 'meeting' | 'penguin';
  layout?: Layout;
  bits?: number;
  width?: 320 | 480 | 640 | 960 | 1280;
  start?: number;
  loop?: boolean;
  ecbKey?: string | null;
  gcmKey?: string | null;
}

/** The four panels of one frame, read in one go. */
export type Panels = Record<(typeof PANELS)[number], CanvasPixels> & { frame: number };

type LabWindow = Window & { ecbLens?: LabController };

export class LabPage {
  readonly sourceStatus: Locator;
  readonly error: Locator;
  readonly mediaInput: Locator;
  readonly webcamToggle: Locator;
  readonly playToggle: Locator;
  readonly stepBack: Locator;
  readonly stepForward: Locator;
  readonly frameNumber: Locator;
  readonly ecbKeyInput: Locator;
  readonly gcmKeyInput: Locator;
  readonly newKeys: Locator;
  readonly gcmNonce: Locator;
  readonly bits: Locator;
  readonly width: Locator;
  readonly noiseNote: Locator;
  readonly tryThreeBits: Locator;

  constructor(readonly page: Page) {
    this.sourceStatus = page.getByTestId('source-status');
    this.error = page.getByTestId('lab-error');
    this.mediaInput = page.getByTestId('media-input');
    this.webcamToggle = page.getByTestId('webcam-toggle');
    this.playToggle = page.getByTestId('play-toggle');
    this.stepBack = page.getByTestId('step-back');
    this.stepForward = page.getByTestId('step-forward');
    this.frameNumber = page.getByTestId('frame-number');
    this.ecbKeyInput = page.getByTestId('ecb-key-input');
    this.gcmKeyInput = page.getByTestId('gcm-key-input');
    this.newKeys = page.getByTestId('new-keys');
    this.gcmNonce = page.getByTestId('gcm-nonce');
    this.bits = page.getByTestId('bits');
    this.width = page.getByTestId('width');
    this.noiseNote = page.getByTestId('noise-note');
    this.tryThreeBits = page.getByTestId('try-3-bits');
  }

  panel(panel: PanelId): Locator {
    return this.page.getByTestId(`panel-${panel}`);
  }

  download(panel: PanelId): Locator {
    return this.page.getByTestId(`download-${panel}`);
  }

  layout(layout: Layout): Locator {
    return this.page.getByTestId(`layout-${layout}`);
  }

  /** The lab's address for these options. */
  static address(options: LabAddress = {}): string {
    const { ecbKey = ECB_KEY, gcmKey = GCM_KEY, ...rest } = options;
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(rest)) if (value !== undefined) query.set(name, String(value));
    if (ecbKey !== null) query.set('ecbKey', ecbKey);
    if (gcmKey !== null) query.set('gcmKey', gcmKey);
    return `/?${query}`;
  }

  /** Opens `/` and waits until the sample has opened and its first frame is on all four panels. */
  async open(options: LabAddress = {}): Promise<void> {
    await this.page.goto(LabPage.address(options));
    const { title, width, height } = sample(options.source ?? 'meeting');
    await expect(this.sourceStatus).toContainText(`${title} · ${width}×${height}`);
    for (const panel of PANELS) await expect(this.panel(panel)).toHaveAttribute('data-frame', /^\d+$/);
  }

  /** Waits until all four panels and the frame counter show frame `frame`. */
  async expectFrame(frame: number): Promise<void> {
    for (const panel of PANELS) await expect(this.panel(panel)).toHaveAttribute('data-frame', String(frame));
    await expect(this.frameNumber).toHaveText(String(frame));
  }

  /** Waits until all four panels are `width` × `height`. */
  async expectPanelSize(width: number, height: number): Promise<void> {
    for (const panel of PANELS) {
      await expect(this.panel(panel)).toHaveJSProperty('width', width);
      await expect(this.panel(panel)).toHaveJSProperty('height', height);
    }
  }

  /** Reads the four panels in one synchronous turn of the page, and checks they carry the same frame. */
  async readPanels(): Promise<Panels> {
    const [original, ecb, gcm, decrypted] = await readCanvases(this.page, PANELS.map((panel) => `panel-${panel}`));
    const frames = [original, ecb, gcm, decrypted].map((pixels) => pixels.frame);
    expect(new Set(frames).size, `the panels carry different frames: ${frames.join(', ')}`).toBe(1);
    expect(frames[0], 'the panels carry no frame number').not.toBeNull();
    return { original, ecb, gcm, decrypted, frame: frames[0] as number };
  }

  /**
   * Reads the panels until `check` passes on them (it throws, with expect, until then): for waiting on
   * the pictures a settings change leads to.
   */
  async readPanelsWhen(check: (panels: Panels) => void): Promise<Panels> {
    let panels: Panels | undefined;
    await expect(async () => {
      const read = await this.readPanels();
      check(read);
      panels = read;
    }).toPass({ timeout: 15_000 });
    return panels as Panels;
  }

  /**
   * While the page plays, reads the frame number of all four panels in every turn of the page's event
   * loop, until `frames` different frames have been drawn and at least `minSamples` reads made (or
   * playback stops, which fails); returns the frames seen, in order, and every read in which the
   * panels disagreed.
   */
  async sampleFramesWhilePlaying(frames: number, minSamples = 200): Promise<{ samples: number; frames: number[]; mismatches: string[][] }> {
    const result = await this.page.evaluate(
      async ({ ids, wanted, minSamples }) => {
        const toggle = document.querySelector<HTMLElement>('[data-testid="play-toggle"]');
        if (!toggle) throw new Error('no play-toggle');
        const canvases = ids.map((id) => {
          const canvas = document.querySelector<HTMLCanvasElement>(`canvas[data-testid="panel-${id}"]`);
          if (!canvas) throw new Error(`no panel ${id}`);
          return canvas;
        });
        const read = () => canvases.map((canvas) => canvas.dataset.frame ?? '');
        // A message to itself: yields to every other task (worker results, video frames) without the
        // 4 ms clamp of nested timers.
        const channel = new MessageChannel();
        const nextTask = () =>
          new Promise<void>((resolve) => {
            channel.port1.onmessage = () => resolve();
            channel.port2.postMessage(null);
          });
        const seen: number[] = [];
        const mismatches: string[][] = [];
        let samples = 0;
        for (;;) {
          const sample = read();
          samples++;
          if (new Set(sample).size !== 1) mismatches.push(sample);
          const frame = Number(sample[0]);
          if (seen.at(-1) !== frame) seen.push(frame);
          if (seen.length >= wanted && samples >= minSamples) break;
          if (toggle.dataset.state !== 'playing') break; // ended or paused: no more frames will come
          await nextTask();
        }
        channel.port1.close();
        return { samples, frames: seen, mismatches };
      },
      { ids: PANELS, wanted: frames, minSamples },
    );
    expect(result.frames.length, `frames drawn before playback stopped: ${result.frames.join(', ')}`).toBeGreaterThanOrEqual(frames);
    return result;
  }

  async play(): Promise<void> {
    await expect(this.playToggle).toHaveAttribute('data-state', 'paused');
    await this.playToggle.click();
    await expect(this.playToggle).toHaveAttribute('data-state', 'playing');
  }

  async pause(): Promise<void> {
    await expect(this.playToggle).toHaveAttribute('data-state', 'playing');
    await this.playToggle.click();
    await expect(this.playToggle).toHaveAttribute('data-state', 'paused');
  }

  /** The frame the four panels show, read in one go; fails if they disagree. */
  async shownFrame(): Promise<number> {
    const frames = await this.page.evaluate(
      (ids) => ids.map((id) => document.querySelector<HTMLCanvasElement>(`canvas[data-testid="panel-${id}"]`)?.dataset.frame),
      PANELS,
    );
    expect(new Set(frames).size, `the panels carry different frames: ${frames.join(', ')}`).toBe(1);
    return Number(frames[0]);
  }

  async setBits(bits: number): Promise<void> {
    await this.bits.fill(String(bits));
    await expect(this.bits).toHaveValue(String(bits));
  }

  /** Picks a layout by its label, as a user does (the radio itself is visually hidden). */
  async setLayout(layout: Layout): Promise<void> {
    await this.layout(layout).locator('xpath=..').click();
    await expect(this.layout(layout)).toBeChecked();
  }

  async setWidth(width: 320 | 480 | 640 | 960 | 1280): Promise<void> {
    await this.width.selectOption(String(width));
  }

  /** Picks a file through the page's file input, as the "Open a video or picture…" button does. */
  async upload(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.mediaInput.setInputFiles(file);
  }

  /** The lab's state, from its read-only test handle. */
  async state(): Promise<LabState> {
    return this.page.evaluate(() => {
      const lab = (window as LabWindow).ecbLens;
      if (!lab) throw new Error('window.ecbLens is not set: the lab has not started');
      return lab.state.get();
    });
  }

  /** The lab's per-frame clock, from its read-only test handle. */
  async clock(): Promise<LabClock> {
    return this.page.evaluate(() => {
      const lab = (window as LabWindow).ecbLens;
      if (!lab) throw new Error('window.ecbLens is not set: the lab has not started');
      return lab.clock.get();
    });
  }
}

/** A camera track as the page got it from getUserMedia. */
export interface CameraTrack {
  kind: string;
  readyState: MediaStreamTrackState;
  width: number | undefined;
  height: number | undefined;
}

type SpiedWindow = Window & { __cameraStreams?: MediaStream[] };

/**
 * Spies on the camera: wraps the real `navigator.mediaDevices.getUserMedia` before the page's scripts
 * run and keeps every stream it returns, so a test can look at the tracks the page holds.
 */
export class CameraSpy {
  constructor(private readonly page: Page) {}

  async install(): Promise<void> {
    await this.page.addInitScript(() => {
      const devices = navigator.mediaDevices;
      if (!devices?.getUserMedia) return;
      const streams: MediaStream[] = [];
      (window as SpiedWindow).__cameraStreams = streams;
      const real = devices.getUserMedia.bind(devices);
      devices.getUserMedia = async (constraints) => {
        const stream = await real(constraints);
        streams.push(stream);
        return stream;
      };
    });
  }

  /** Every track of every stream the page has been given. */
  async tracks(): Promise<CameraTrack[]> {
    return this.page.evaluate(() =>
      ((window as SpiedWindow).__cameraStreams ?? []).flatMap((stream) =>
        stream.getTracks().map((track) => ({
          kind: track.kind,
          readyState: track.readyState,
          width: track.getSettings().width,
          height: track.getSettings().height,
        })),
      ),
    );
  }
}

export const test = base.extend<{ lab: LabPage; camera: CameraSpy }>({
  lab: async ({ page }, provide) => {
    await provide(new LabPage(page));
  },
  camera: async ({ page }, provide) => {
    const spy = new CameraSpy(page);
    await spy.install();
    await provide(spy);
  },
});
