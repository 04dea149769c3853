/**
 * The lab in headless Chromium against the production build: for each processing width it plays the
 * sample clip with all four panels, once with leak analytics on (streams measured ten times a second, motion maps
 * drawn, table and charts live) and once with them off (switched off with the section's own switch,
 * which stops the measurements and unmounts the motion panels), and measures over a fixed number of
 * drawn frames (never a wall-clock sleep): frames per second, frames skipped, worker stage timings,
 * main-thread long tasks, how far the picture trails the video, CPU per process, and at one width
 * memory before and after many frames.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../scripts/find-chromium.mjs';
import { busyCores, readCpuTimes, waitForQuiet } from './machine';
import { MemoryReader, processCpu, processRss, type MemorySample, type ProcessCpu, type RssPoint } from './memory';
import type { BenchWindow, DrawnFrame, LongTask, ProbeSnapshot } from './probe-types';
import { median, round, summarize, type Summary } from './stats';
import { summarizeTrace, TRACE_CATEGORIES, type TraceSummary } from './trace';

/** The sample clip's frame rate (public/samples/samples.json), and the noisy clip's. */
export const CLIP_FPS = 30;

/**
 * What plays: the sample call, or the camera-like noisy clip (tests/bench/fixtures/noisy-call.webm, made by
 * scripts/samples/make-noisy-clip.sh), opened through the lab's file input as a user opens a video.
 */
export type Clip = 'sample' | 'noisy';
export const CLIPS: readonly Clip[] = ['sample', 'noisy'];
const NOISY_CLIP = fileURLToPath(new URL('./fixtures/noisy-call.webm', import.meta.url));
const VIEWPORT = { width: 1600, height: 900 };
const FIRST_FRAME_TIMEOUT_MS = 60_000;
/** The slowest drawing rate a wait allows for before it gives up, and a fixed margin on top. */
const SLOWEST_FPS = 2;
const WAIT_MARGIN_MS = 30_000;
/** At the memory width, resident memory is sampled (without a GC) every this many frames. */
const RSS_EVERY_FRAMES = 100;
/** "The end of a run" for the lag: the median over this many last drawn frames. */
export const LAG_END_FRAMES = 10;

/** How many frames each phase lasts. */
export interface BrowserPlan {
  warmupFrames: number;
  measureFrames: number;
  /** At the memory width: drawn frame counts at which memory is read (the window runs between them). */
  memoryFrom: number;
  memoryTo: number;
  /** Frames recorded in a Chromium trace after the window. */
  traceFrames: number;
}

export const FULL_BROWSER_PLAN: BrowserPlan = {
  warmupFrames: 30,
  measureFrames: 300,
  memoryFrom: 100,
  memoryTo: 1000,
  traceFrames: 150,
};
export const QUICK_BROWSER_PLAN: BrowserPlan = {
  warmupFrames: 15,
  measureFrames: 90,
  memoryFrom: 30,
  memoryTo: 200,
  traceFrames: 45,
};

/** Milliseconds per step of a frame in each worker, over the window. */
export interface StageTimings {
  primary: Record<string, Summary>;
  second: Record<string, Summary>;
  receiver: Record<string, Summary>;
}

/** The lab's workers, by the name their stage timings go under. */
export type LabWorker = keyof StageTimings;
export const LAB_WORKERS: readonly LabWorker[] = ['primary', 'second', 'receiver'];

/** One width's results, with leak analytics on or off. */
export interface WidthRun {
  width: number;
  clip: Clip;
  /**
   * Leak analytics on: the three streams measured ten times a second, every frame compared with the one
   * before, the motion maps drawn while in sight (scrolled to the top, they are below the fold).
   */
  analytics: boolean;
  url: string;
  frameSize: { width: number; height: number } | null;
  gcmEngine: string | null;
  /** Drawn frames in the window and the seconds between the first and last of them. */
  frames: number;
  seconds: number;
  drawnFps: number;
  /** Milliseconds between consecutive drawn frames. */
  frameIntervalMs: Summary;
  /** Frames the video element presented in the window (its presentedFrames). */
  sourceFrames: number;
  /** Frames the lab skipped because its workers were busy (controller and engine counters). */
  droppedByLab: number;
  /** Frames the browser's own video pipeline dropped (getVideoPlaybackQuality). */
  droppedByBrowser: number | null;
  /** Presented frames that were neither drawn nor counted as dropped (e.g. video frame callbacks coalesced). */
  unaccounted: number;
  stages: StageTimings;
  /**
   * How far the video had moved past the frame being drawn, in frames: at the end (median of the last
   * {@link LAG_END_FRAMES} drawn), over the window, and in its first and last quarter (a lab that falls
   * behind grows).
   */
  lagFrames: {
    end: number;
    median: number;
    p95: number;
    max: number;
    firstQuarter: number;
    lastQuarter: number;
  } | null;
  longTasks: { count: number; maxMs: number; totalMs: number };
  longTasksDuringLoad: { count: number; maxMs: number };
  /** CPU used per Chromium process type over the window, in cores (1 = one core busy). */
  cpuCores: Record<string, number>;
  /** Cores busy on the whole machine over the window. */
  machineBusyCores: number | null;
  /** Of those, cores not used by Chromium: other work on the machine (the server and the bench are near idle). */
  otherCores: number | null;
  trace: TraceSummary | null;
  memory: { start: MemorySample; end: MemorySample; rss: RssPoint[] } | null;
  pageErrors: string[];
  /** With --settle: cores busy on the machine just before the run started (null: not waited). */
  busyCoresBeforeStart: number | null;
  /** Set when the run could not finish; the other fields then hold what was measured until then. */
  failure: string | null;
}

/** Everything the browser part measured. */
export interface BrowserResults {
  chromium: string;
  executablePath: string;
  viewport: { width: number; height: number };
  plan: BrowserPlan;
  memoryWidth: number | null;
  runs: WidthRun[];
}

let probeBundle: Promise<string> | null = null;

/** The in-page probe (probe.ts) bundled for the browser, built once. */
function probeScript(): Promise<string> {
  probeBundle ??= build({
    entryPoints: [fileURLToPath(new URL('./probe.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).then((result) => result.outputFiles[0].text);
  return probeBundle;
}

function waitForDrawn(page: Page, target: number, frames: number): Promise<unknown> {
  const timeout = (frames / SLOWEST_FPS) * 1000 + WAIT_MARGIN_MS;
  return page.waitForFunction(
    (n) => ((window as unknown as BenchWindow).ecbLens?.clock.get().drawn ?? 0) >= n,
    target,
    { polling: 250, timeout },
  );
}

function snapshot(page: Page): Promise<ProbeSnapshot> {
  return page.evaluate(() => (window as unknown as BenchWindow).ecbBench.snapshot());
}

function stageSummaries(frames: readonly DrawnFrame[], worker: LabWorker): Record<string, Summary> {
  const steps = new Map<string, number[]>();
  const totals: number[] = [];
  for (const frame of frames) {
    let total = 0;
    for (const [step, ms] of Object.entries(frame.timings[worker])) {
      const list = steps.get(step);
      if (list) list.push(ms);
      else steps.set(step, [ms]);
      total += ms;
    }
    totals.push(total);
  }
  return {
    ...Object.fromEntries([...steps].map(([step, values]) => [step, summarize(values)])),
    total: summarize(totals),
  };
}

function lagSummary(frames: readonly DrawnFrame[]): WidthRun['lagFrames'] {
  const lags = frames.map((frame) => frame.lagFrames).filter((lag): lag is number => lag !== null);
  if (lags.length === 0) return null;
  const quarter = Math.max(1, Math.floor(lags.length / 4));
  const all = summarize(lags);
  return {
    end: round(median(lags.slice(-LAG_END_FRAMES))),
    median: round(all.median),
    p95: round(all.p95),
    max: round(all.max),
    firstQuarter: round(median(lags.slice(0, quarter))),
    lastQuarter: round(median(lags.slice(-quarter))),
  };
}

function cpuCores(
  before: readonly ProcessCpu[],
  after: readonly ProcessCpu[],
  seconds: number,
): Record<string, number> {
  const cores: Record<string, number> = {};
  for (const info of after) {
    const start = before.find((candidate) => candidate.pid === info.pid)?.cpuSeconds ?? 0;
    cores[info.type] = (cores[info.type] ?? 0) + (info.cpuSeconds - start) / seconds;
  }
  return Object.fromEntries(Object.entries(cores).map(([type, value]) => [type, round(value)]));
}

function longTaskSummary(tasks: readonly LongTask[]): { count: number; maxMs: number; totalMs: number } {
  return {
    count: tasks.length,
    maxMs: round(tasks.reduce((max, task) => Math.max(max, task.duration), 0)),
    totalMs: round(tasks.reduce((sum, task) => sum + task.duration, 0)),
  };
}

function emptyRun(width: number, clip: Clip, analytics: boolean, url: string): WidthRun {
  const none = summarize([]);
  return {
    width,
    clip,
    analytics,
    url,
    frameSize: null,
    gcmEngine: null,
    frames: 0,
    seconds: 0,
    drawnFps: 0,
    frameIntervalMs: none,
    sourceFrames: 0,
    droppedByLab: 0,
    droppedByBrowser: null,
    unaccounted: 0,
    stages: { primary: {}, second: {}, receiver: {} },
    lagFrames: null,
    longTasks: { count: 0, maxMs: 0, totalMs: 0 },
    longTasksDuringLoad: { count: 0, maxMs: 0 },
    cpuCores: {},
    machineBusyCores: null,
    otherCores: null,
    trace: null,
    memory: null,
    pageErrors: [],
    busyCoresBeforeStart: null,
    failure: null,
  };
}

type WindowFields =
  | 'frameSize'
  | 'gcmEngine'
  | 'frames'
  | 'seconds'
  | 'drawnFps'
  | 'frameIntervalMs'
  | 'sourceFrames'
  | 'droppedByLab'
  | 'droppedByBrowser'
  | 'unaccounted'
  | 'stages'
  | 'lagFrames'
  | 'longTasks';

function measureWindow(
  start: ProbeSnapshot,
  end: ProbeSnapshot,
  frames: readonly DrawnFrame[],
  tasks: readonly LongTask[],
): Pick<WidthRun, WindowFields> {
  const first = frames[0];
  const last = frames[frames.length - 1];
  const seconds = first && last ? (last.t - first.t) / 1000 : 0;
  const intervals = frames.slice(1).map((frame, i) => frame.t - frames[i].t);
  const engineDropped = (end.engine?.dropped ?? 0) - (start.engine?.dropped ?? 0);
  const drawn = end.drawn - start.drawn;
  const droppedByLab = end.dropped - start.dropped + engineDropped;
  const sourceFrames = end.presentedFrames - start.presentedFrames;
  return {
    frameSize: end.size,
    gcmEngine: end.gcmEngine,
    frames: drawn,
    seconds: round(seconds, 3),
    drawnFps: seconds > 0 ? round((last.drawn - first.drawn) / seconds) : 0,
    frameIntervalMs: summarize(intervals),
    sourceFrames,
    droppedByLab,
    droppedByBrowser: start.quality && end.quality ? end.quality.dropped - start.quality.dropped : null,
    unaccounted: sourceFrames - drawn - droppedByLab,
    stages: {
      primary: stageSummaries(frames, 'primary'),
      second: stageSummaries(frames, 'second'),
      receiver: stageSummaries(frames, 'receiver'),
    },
    lagFrames: lagSummary(frames),
    longTasks: longTaskSummary(tasks),
  };
}

/**
 * Opens the noisy clip through the lab's file input and waits until the lab has drawn a frame of it at
 * the same processing width.
 */
async function openNoisyClip(page: Page): Promise<void> {
  await page.locator('[data-testid="media-input"]').setInputFiles(NOISY_CLIP);
  await page.waitForFunction(
    () => {
      const lab = (window as unknown as BenchWindow).ecbLens;
      return lab?.state.get().source?.name === 'noisy-call.webm' && lab.clock.get().size !== null;
    },
    undefined,
    { polling: 100, timeout: FIRST_FRAME_TIMEOUT_MS },
  );
}

/**
 * Opens the lab at `url` (and then `clip`) and waits for its first frame; the probe is attached and long
 * tasks of the load recorded.
 */
async function openLab(
  context: BrowserContext,
  url: string,
  clip: Clip,
  run: WidthRun,
): Promise<{ page: Page; loaded: ProbeSnapshot }> {
  await context.addInitScript({ content: await probeScript() });
  const page = await context.newPage();
  page.on('pageerror', (error) => run.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') run.pageErrors.push(message.text());
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('canvas[data-testid="panel-ecb"][data-frame]', {
    state: 'attached',
    timeout: FIRST_FRAME_TIMEOUT_MS,
  });
  if (clip === 'noisy') await openNoisyClip(page);
  await page.evaluate((fps) => (window as unknown as BenchWindow).ecbBench.attach(fps), CLIP_FPS);
  const loaded = await snapshot(page);
  const loadTasks = await page.evaluate(
    (n) => (window as unknown as BenchWindow).ecbBench.longTasks(0, n),
    loaded.longTasksRecorded,
  );
  run.longTasksDuringLoad = { count: loadTasks.length, maxMs: longTaskSummary(loadTasks).maxMs };
  return { page, loaded };
}

/**
 * Switches leak analytics on or off as a user does, with the section's switch (dispatched, so the page
 * does not scroll), and waits until the motion panels are there exactly when analytics are on.
 */
async function setAnalytics(page: Page, on: boolean): Promise<void> {
  const toggle = page.locator('[data-testid="analytics-toggle"]');
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.dispatchEvent('click');
  await page.waitForFunction(
    (wanted) =>
      document.querySelector('[data-testid="analytics-toggle"]')?.getAttribute('aria-checked') === String(wanted) &&
      (document.querySelector('canvas[data-testid="panel-motion"]') !== null) === wanted,
    on,
    { polling: 100, timeout: 15_000 },
  );
}

async function play(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as BenchWindow).ecbLens?.play());
  await page.waitForFunction(
    () => (window as unknown as BenchWindow).ecbLens?.state.get().playing === true,
    undefined,
    { polling: 100, timeout: 15_000 },
  );
}

/**
 * Measures `measure` drawn frames from now: the playback window, CPU per process and on the machine,
 * and with a memory reader, memory after GC at both ends and resident size along the way.
 */
async function measurePlayback(
  page: Page,
  browserSession: CDPSession,
  memory: MemoryReader | null,
  base: number,
  measure: number,
  run: WidthRun,
): Promise<void> {
  const memoryStart = memory ? await memory.sample((await snapshot(page)).drawn - base) : null;
  const rss: RssPoint[] = [];
  const cpuStart = await processCpu(browserSession);
  const machineStart = readCpuTimes();
  const start = await snapshot(page);
  const step = memory ? RSS_EVERY_FRAMES : measure;
  for (let done = 0; done < measure;) {
    done = Math.min(measure, done + step);
    await waitForDrawn(page, start.drawn + done, step);
    if (memory)
      rss.push({ drawn: start.drawn + done - base, rendererRss: (await processRss(browserSession)).rendererRss });
  }
  const end = await snapshot(page);
  const machineEnd = readCpuTimes();
  const cpuEnd = await processCpu(browserSession);
  const frames = await page.evaluate(
    ([from, to]) => (window as unknown as BenchWindow).ecbBench.frames(from, to),
    [start.framesRecorded, end.framesRecorded],
  );
  const tasks = await page.evaluate(
    ([from, to]) => (window as unknown as BenchWindow).ecbBench.longTasks(from, to),
    [start.longTasksRecorded, end.longTasksRecorded],
  );
  Object.assign(run, measureWindow(start, end, frames, tasks));
  run.cpuCores = cpuCores(cpuStart, cpuEnd, (end.t - start.t) / 1000);
  const machine = busyCores(machineStart, machineEnd);
  const chromium = Object.values(run.cpuCores).reduce((sum, cores) => sum + cores, 0);
  run.machineBusyCores = machine === null ? null : round(machine);
  run.otherCores = machine === null ? null : round(Math.max(0, machine - chromium));
  if (memory && memoryStart) run.memory = { start: memoryStart, end: await memory.sample(end.drawn - base), rss };
}

/** Records a Chromium trace over the next `frames` drawn frames, with CPU per drawn frame per thread. */
async function traceFrames(browser: Browser, page: Page, frames: number): Promise<TraceSummary> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let drawn: number;
  try {
    const traced = await snapshot(page);
    await waitForDrawn(page, traced.drawn + frames, frames);
    drawn = (await snapshot(page)).drawn - traced.drawn;
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  return summarizeTrace(await browser.stopTracing(), drawn, CLIP_FPS);
}

async function measureWidth(
  browser: Browser,
  browserSession: CDPSession,
  baseUrl: string,
  width: number,
  clip: Clip,
  analytics: boolean,
  plan: BrowserPlan,
  withMemory: boolean,
  log: (line: string) => void,
): Promise<WidthRun> {
  const url = `${baseUrl}/?width=${width}&loop=1`;
  const run = emptyRun(width, clip, analytics, url);
  const name = `browser ${width}${clip === 'noisy' ? ' noisy clip' : ''} metrics ${analytics ? 'on' : 'off'}`;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const { page, loaded } = await openLab(context, url, clip, run);
    await setAnalytics(page, analytics);
    const memory = withMemory ? await MemoryReader.attach(await context.newCDPSession(page), browserSession) : null;
    await play(page);
    const warmup = memory ? plan.memoryFrom : plan.warmupFrames;
    const measure = memory ? plan.memoryTo - plan.memoryFrom : plan.measureFrames;
    log(`${name}: playing; warm-up ${warmup} frames, then ${measure} measured${memory ? ' (with memory)' : ''}`);
    await waitForDrawn(page, loaded.drawn + warmup, warmup);
    const warm = await snapshot(page);
    if (warm.measured !== analytics)
      throw new Error(
        `leak analytics should be ${analytics ? 'on' : 'off'}, but frames are ${warm.measured ? '' : 'not '}measured`,
      );
    await measurePlayback(page, browserSession, memory, loaded.drawn, measure, run);
    log(`${name}: ${run.drawnFps} frames/s over ${run.frames} frames; tracing ${plan.traceFrames} more`);
    run.trace = await traceFrames(browser, page, plan.traceFrames);
    await page.evaluate(() => (window as unknown as BenchWindow).ecbLens?.pause());
  } catch (error) {
    run.failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(`${name}: failed: ${run.failure}`);
  } finally {
    await context.close();
  }
  return run;
}

/** Headless Chromium as the bench plays in it: media may start without a user's gesture. */
export async function launchBenchChromium(): Promise<{ browser: Browser; executablePath: string }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'],
  });
  return { browser, executablePath };
}

/** What {@link runBrowser} plays and how. */
export interface BrowserOptions {
  baseUrl: string;
  widths: readonly number[];
  /** The clips to play at each width, in order. */
  clips: readonly Clip[];
  /** Leak analytics settings to play each width with, in order (true: on). */
  analytics: readonly boolean[];
  plan: BrowserPlan;
  /** The width whose first run also samples memory (null: none). */
  memoryWidth: number | null;
  /** Before each width, wait up to this long for the machine to go quiet (0: do not wait). */
  settleMs: number;
  log?: (line: string) => void;
}

/**
 * Launches Chromium and measures each width with each analytics setting, each in a fresh browser context.
 * @example const results = await runBrowser({ baseUrl, widths: [640], analytics: [true, false], plan: QUICK_BROWSER_PLAN, memoryWidth: 640, settleMs: 0 });
 */
export async function runBrowser(options: BrowserOptions): Promise<BrowserResults> {
  const { baseUrl, widths, clips, analytics, plan, memoryWidth, settleMs, log = () => {} } = options;
  const { browser, executablePath } = await launchBenchChromium();
  try {
    const browserSession = await browser.newBrowserCDPSession();
    const runs: WidthRun[] = [];
    for (const clip of clips) {
      for (const width of widths) {
        for (const [i, on] of analytics.entries()) {
          const busy = settleMs > 0 ? await waitForQuiet(settleMs) : null;
          if (busy !== null) log(`browser ${width}: machine at ${busy.toFixed(2)} busy cores before starting`);
          const withMemory = width === memoryWidth && i === 0 && clip === clips[0];
          const run = await measureWidth(browser, browserSession, baseUrl, width, clip, on, plan, withMemory, log);
          runs.push({ ...run, busyCoresBeforeStart: busy === null ? null : round(busy) });
        }
      }
    }
    return { chromium: browser.version(), executablePath, viewport: VIEWPORT, plan, memoryWidth, runs };
  } finally {
    await browser.close();
  }
}
