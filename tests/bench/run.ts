/**
 * `npm run bench`: the performance targets, measured rather than asserted in timed tests. It times
 * the cipher core in Node against OpenSSL, the CLI against the OpenSSL shell recipe (cli), concurrent
 * uploads to the endpoint of a production server (endpoint), then plays the sample clip in headless Chromium against a
 * production build, at each width with leak analytics on and off (the targets are checked with them on,
 * as shipped), prints a table and writes JSON to bench-results/. Exits 0 even when targets are
 * missed; 1 when the bench could not run, 2 for bad flags. Flags: see USAGE.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROCESSING_WIDTHS } from '../../lib/lab/lab-options';
import { CLIPS, FULL_BROWSER_PLAN, QUICK_BROWSER_PLAN, runBrowser, type Clip } from './browser';
import { FULL_CLI_PLAN, QUICK_CLI_PLAN, runCli } from './cli';
import { FULL_CORE_PLAN, QUICK_CORE_PLAN, runCore } from './core';
import { FULL_ENDPOINT_PLAN, QUICK_ENDPOINT_PLAN, runEndpoint } from './endpoint';
import { describeMachine, waitForQuiet } from './machine';
import { evaluateNodeTargets, evaluateTargets, formatReport, writeReport, type BenchReport } from './report';
import { ROOT, startSite, type SiteServer } from './server';
import { runTraffic } from './traffic';

const USAGE = `npm run bench -- [flags]
  --quick            fewer frames and shorter core runs (a smoke test)
  --only core|cli|endpoint|browser|traffic   (browser: the lab; traffic: the sample call on /traffic)
  --widths 640,1280  processing widths to play (any of 320, 480, 640, 960, 1280)
  --clips sample,noisy  clips to play: the sample call, the camera-like noisy clip (tests/bench/fixtures)
  --metrics on,off   leak analytics settings to play each width with (targets are checked on "on")
  --build            rebuild the site first (also done when $NEXT_DIST_DIR has no build)
  --out DIR          where the JSON goes (default bench-results)
  --settle SECONDS   before each part, wait up to this long for the machine to go quiet (default 0)
Builds and serves from $NEXT_DIST_DIR (default .next).`;

const PARTS = ['core', 'cli', 'endpoint', 'browser', 'traffic'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  help: boolean;
  quick: boolean;
  only: Part | null;
  widths: number[];
  clips: Clip[];
  /** Leak analytics on (true) or off, in the order played. */
  metrics: boolean[];
  build: boolean;
  out: string;
  /** Seconds to wait, before each part, for other work on the machine to stop. */
  settle: number;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      widths: { type: 'string', default: '640,1280' },
      clips: { type: 'string', default: CLIPS.join(',') },
      metrics: { type: 'string', default: 'on,off' },
      build: { type: 'boolean', default: false },
      out: { type: 'string', default: join(ROOT, 'bench-results') },
      settle: { type: 'string', default: '0' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const only = PARTS.find((part) => part === values.only) ?? null;
  if (values.only !== undefined && only === null)
    throw new RangeError(`--only must be ${PARTS.join(', ')}, got "${values.only}"`);
  const widths = values.widths.split(',').map((width) => Number(width.trim()));
  const bad = widths.filter((width) => !(PROCESSING_WIDTHS as readonly number[]).includes(width));
  if (bad.length) throw new RangeError(`--widths takes ${PROCESSING_WIDTHS.join(', ')}, got ${bad.join(', ')}`);
  const clips = values.clips.split(',').map((name) => name.trim());
  const badClips = clips.filter((name) => !(CLIPS as readonly string[]).includes(name));
  if (badClips.length || clips.length === 0)
    throw new RangeError(`--clips takes ${CLIPS.join(', ')}, got "${values.clips}"`);
  const metricsNames = values.metrics.split(',').map((name) => name.trim());
  const badMetrics = metricsNames.filter((name) => name !== 'on' && name !== 'off');
  if (badMetrics.length || new Set(metricsNames).size !== metricsNames.length)
    throw new RangeError(`--metrics takes on, off or both (each once), got "${values.metrics}"`);
  const metrics = metricsNames.map((name) => name === 'on');
  const settle = Number(values.settle);
  if (!Number.isFinite(settle) || settle < 0)
    throw new RangeError(`--settle takes seconds (0 or more), got "${values.settle}"`);
  return {
    help: values.help,
    quick: values.quick,
    only,
    widths,
    clips: clips as Clip[],
    metrics,
    build: values.build,
    out: values.out,
    settle,
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    log(`bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const report: BenchReport = {
    schema: 'ecb-lens-bench/3',
    startedAt: new Date().toISOString(),
    finishedAt: '',
    options: {
      quick: options.quick,
      only: options.only,
      widths: options.widths,
      metrics: options.metrics.map((on) => (on ? 'on' : 'off')),
      build: options.build,
      settle: options.settle,
    },
    machine: describeMachine(),
    core: null,
    cli: null,
    endpoint: null,
    browser: null,
    traffic: null,
    targets: [],
    problems: [],
  };

  const runs = (part: Part) => options.only === null || options.only === part;
  if (runs('core')) {
    if (options.settle > 0) await waitForQuiet(options.settle * 1000);
    report.core = { cases: await runCore(options.quick ? QUICK_CORE_PLAN : FULL_CORE_PLAN, { log }) };
  }

  if (runs('cli')) {
    if (options.settle > 0) await waitForQuiet(options.settle * 1000);
    try {
      report.cli = runCli(options.quick ? QUICK_CLI_PLAN : FULL_CLI_PLAN, { log });
    } catch (error) {
      report.problems.push(`cli: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  if (runs('endpoint') || runs('browser') || runs('traffic')) {
    let server: SiteServer | null = null;
    const stop = () => void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      server = await startSite({ build: options.build, log });
      if (server.staleWarning) log(`warning: ${server.staleWarning}`);
      if (runs('endpoint')) {
        if (options.settle > 0) await waitForQuiet(options.settle * 1000);
        try {
          report.endpoint = await runEndpoint({
            baseUrl: server.url,
            serverGroup: server.pid,
            plan: options.quick ? QUICK_ENDPOINT_PLAN : FULL_ENDPOINT_PLAN,
            log,
          });
        } catch (error) {
          report.problems.push(`endpoint: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (runs('browser')) {
        const memoryWidth = options.widths.includes(640) ? 640 : options.widths[0];
        const plan = options.quick ? QUICK_BROWSER_PLAN : FULL_BROWSER_PLAN;
        const results = await runBrowser({
          baseUrl: server.url,
          widths: options.widths,
          clips: options.clips,
          analytics: options.metrics,
          plan,
          memoryWidth,
          settleMs: options.settle * 1000,
          log,
        });
        report.browser = {
          ...results,
          server: { distDir: server.distDir, built: server.built, staleWarning: server.staleWarning },
        };
      }
      if (runs('traffic')) {
        if (options.settle > 0) await waitForQuiet(options.settle * 1000);
        report.traffic = await runTraffic({ baseUrl: server.url, log });
      }
    } catch (error) {
      report.problems.push(`server or browser: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await server?.stop();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  }
  report.targets = [
    ...evaluateNodeTargets(report.cli, report.endpoint),
    ...evaluateTargets(report.browser, report.traffic),
  ];

  report.finishedAt = new Date().toISOString();
  report.machine.loadAverageAtEnd = loadavg();
  const file = writeReport(report, options.out);
  process.stdout.write(`${formatReport(report)}\n\nJSON: ${file}\n`);
  return report.problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
