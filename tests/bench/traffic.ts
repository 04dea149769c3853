/**
 * /traffic in headless Chromium against the production build: it plays the sample call once through the
 * page's own encoders (VP8/VP9 at 640×360 and Opus in 20 ms packets) and sealing worker, as a user does
 * with "Play the sample call", and measures whether that keeps up with real time: video frames encoded
 * out of the clip's, audio packets out of the call's 20 ms slots, how far the sealed packets trail the
 * encoder while it plays and how long sealing takes after the clip ends, CPU per Chromium process per
 * encoded video frame, and main-thread tasks over 50 ms from play to the end. The run is paced by the clip (never a sleep):
 * the page is polled until it says the call is over.
 */
import type { CDPSession, Page } from 'playwright-core';
import { sampleById } from '../../lib/media/samples';
import { launchBenchChromium } from './browser';
import { busyCores, readCpuTimes } from './machine';
import { processCpu, type ProcessCpu } from './memory';
import { round, summarize, type Summary } from './stats';

const VIEWPORT = { width: 1600, height: 900 };
/** How often the page's progress is read while the call plays (ms). */
const POLL_MS = 100;
/** Opus packets carry 20 ms (RFC 6716 §2.1.4). */
const AUDIO_PACKET_S = 0.02;

/** What one play of the sample call on /traffic measured. */
export interface TrafficRun {
  url: string;
  codec: string;
  /** The clip's length and frame count (public/samples/samples.json). */
  clipSeconds: number;
  clipFrames: number;
  videoPackets: number;
  /** Video frames encoded per clip frame (1: none dropped). */
  videoKept: number;
  audioPackets: number;
  /** Audio packets per 20 ms of the clip (1: every slot sent). */
  audioKept: number;
  /** Seconds from pressing play to the page saying the call is over. */
  wallSeconds: number;
  /** While playing: seconds between the encoder's time and the newest sealed packet. */
  sealLagS: Summary;
  /** Seconds from the encoder reaching the clip's end to the last packet sealed. */
  finishLagS: number | null;
  /** CPU per Chromium process type, in ms per encoded video frame, and in cores over the run. */
  cpuMsPerFrame: Record<string, number>;
  cpuCores: Record<string, number>;
  machineBusyCores: number | null;
  longTasks: { count: number; maxMs: number };
  pageErrors: string[];
  failure: string | null;
}

interface Progress {
  running: boolean;
  source: string;
  time: number;
  sealed: number;
  audio: number;
  video: number;
  status: string;
}

/** Records main-thread tasks over 50 ms from the start of the page. */
const LONG_TASK_SCRIPT = `
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

function readProgress(page: Page): Promise<Progress> {
  // No functions declared inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(() => {
    const lab = document.querySelector<HTMLElement>('[data-testid="traffic-lab"]');
    return {
      running: lab?.dataset.running === 'true',
      source: lab?.dataset.source ?? '',
      time: Number(lab?.dataset.time ?? 0),
      sealed: Number(lab?.dataset.sealedTime ?? 0),
      audio: Number(document.querySelector('[data-testid="timeline-audio"]')?.getAttribute('data-packets') ?? 0),
      video: Number(document.querySelector('[data-testid="timeline-video"]')?.getAttribute('data-packets') ?? 0),
      status: document.querySelector('[data-testid="traffic-status"]')?.textContent ?? '',
    };
  });
}

function cpuBetween(before: readonly ProcessCpu[], after: readonly ProcessCpu[]): Record<string, number> {
  const seconds: Record<string, number> = {};
  for (const info of after) {
    const start = before.find((candidate) => candidate.pid === info.pid)?.cpuSeconds ?? 0;
    seconds[info.type] = (seconds[info.type] ?? 0) + info.cpuSeconds - start;
  }
  return seconds;
}

async function playSample(page: Page, browserSession: CDPSession, run: TrafficRun): Promise<void> {
  await page.goto(run.url, { waitUntil: 'load' });
  const sample = page.getByTestId('traffic-sample');
  await sample.waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForFunction(
    () => !(document.querySelector('[data-testid="traffic-sample"]') as HTMLButtonElement | null)?.disabled,
    undefined,
    { polling: 100, timeout: 60_000 },
  );
  const tasksBefore = await page.evaluate(
    () => (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks.length,
  );
  const cpuStart = await processCpu(browserSession);
  const machineStart = readCpuTimes();
  const started = performance.now();
  await sample.click();
  // The page samples its own progress every POLL_MS while the call plays; the bench waits for the end.
  await page.evaluate((every) => {
    const samples: { t: number; running: boolean; time: number; sealed: number }[] = [];
    (window as unknown as { __trafficSamples: typeof samples }).__trafficSamples = samples;
    setInterval(() => {
      const lab = document.querySelector<HTMLElement>('[data-testid="traffic-lab"]');
      samples.push({
        t: performance.now(),
        running: lab?.dataset.running === 'true',
        time: Number(lab?.dataset.time ?? 0),
        sealed: Number(lab?.dataset.sealedTime ?? 0),
      });
    }, every);
  }, POLL_MS);
  await page.waitForFunction(
    () => {
      const lab = document.querySelector<HTMLElement>('[data-testid="traffic-lab"]');
      return lab !== null && lab.dataset.source !== '' && lab.dataset.running === 'false';
    },
    undefined,
    { polling: POLL_MS, timeout: (run.clipSeconds * 4 + 60) * 1000 },
  );
  const progress = await readProgress(page);
  const samples = await page.evaluate(
    () =>
      (window as unknown as { __trafficSamples: { t: number; running: boolean; time: number; sealed: number }[] })
        .__trafficSamples,
  );
  const lags = samples
    .filter((sample) => sample.running && sample.sealed > 0)
    .map((sample) => Math.max(0, sample.time - sample.sealed));
  const ended = samples.find((sample) => sample.time >= run.clipSeconds - 0.05);
  const endedAt = ended ? ended.t : null;
  const pageNow = await page.evaluate(() => performance.now());
  const finished = performance.now();
  const cpuEnd = await processCpu(browserSession);
  const machine = busyCores(machineStart, readCpuTimes());
  const wallSeconds = (finished - started) / 1000;
  const cpu = cpuBetween(cpuStart, cpuEnd);
  const match = /as (\S+) video/.exec(progress.status);
  Object.assign(run, {
    codec: match ? match[1] : '',
    videoPackets: progress.video,
    videoKept: round(progress.video / run.clipFrames, 3),
    audioPackets: progress.audio,
    audioKept: round((progress.audio * AUDIO_PACKET_S) / run.clipSeconds, 3),
    wallSeconds: round(wallSeconds, 2),
    sealLagS: summarize(lags),
    finishLagS: endedAt === null ? null : round((pageNow - endedAt) / 1000, 2),
    cpuMsPerFrame: Object.fromEntries(
      Object.entries(cpu).map(([type, s]) => [type, round((s * 1000) / Math.max(1, progress.video), 2)]),
    ),
    cpuCores: Object.fromEntries(Object.entries(cpu).map(([type, s]) => [type, round(s / wallSeconds, 2)])),
    machineBusyCores: machine === null ? null : round(machine),
  } satisfies Partial<TrafficRun>);
  const tasks = await page.evaluate(
    (from) => (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks.slice(from),
    tasksBefore,
  );
  run.longTasks = { count: tasks.length, maxMs: round(tasks.reduce((max, ms) => Math.max(max, ms), 0)) };
}

/**
 * Plays the sample call once on /traffic and measures it.
 * @example const run = await runTraffic({ baseUrl: 'http://localhost:3000' });
 */
export async function runTraffic(options: { baseUrl: string; log?: (line: string) => void }): Promise<TrafficRun> {
  const { baseUrl, log = () => {} } = options;
  const meeting = sampleById('meeting');
  if (meeting.durationS === null || meeting.fps === null) throw new Error('the sample call has no duration or rate');
  const run: TrafficRun = {
    url: `${baseUrl}/traffic`,
    codec: '',
    clipSeconds: meeting.durationS,
    clipFrames: Math.round(meeting.durationS * meeting.fps),
    videoPackets: 0,
    videoKept: 0,
    audioPackets: 0,
    audioKept: 0,
    wallSeconds: 0,
    sealLagS: summarize([]),
    finishLagS: null,
    cpuMsPerFrame: {},
    cpuCores: {},
    machineBusyCores: null,
    longTasks: { count: 0, maxMs: 0 },
    pageErrors: [],
    failure: null,
  };
  const { browser } = await launchBenchChromium();
  try {
    const browserSession = await browser.newBrowserCDPSession();
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript({ content: LONG_TASK_SCRIPT });
    const page = await context.newPage();
    page.on('pageerror', (error) => run.pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') run.pageErrors.push(message.text());
    });
    log('traffic: playing the sample call through the encoders');
    await playSample(page, browserSession, run);
    log(
      `traffic: ${run.videoPackets}/${run.clipFrames} video frames, ${run.audioPackets} audio packets in ${run.wallSeconds} s`,
    );
    await context.close();
  } catch (error) {
    run.failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(`traffic: failed: ${run.failure}`);
  } finally {
    await browser.close();
  }
  return run;
}
