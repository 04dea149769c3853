/**
 * Where the machine's time goes while the lab plays: a Chromium trace turned into every thread's busy
 * share, the page main thread's task lengths, and what those tasks were (video frame callbacks, where
 * the lab captures frames; worker messages, where it presents them; rendering). The longtask observer
 * only sees tasks over 50 ms; this sees them all.
 */
import { summarize, type Summary } from './stats';

/** Trace categories: top-level tasks of every thread, plus the main thread's named phases. */
export const TRACE_CATEGORIES = ['toplevel', 'blink', 'devtools.timeline'];

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  /** Thread time (CPU) the event took, when the trace has thread clocks. */
  tdur?: number;
  args?: { name?: string; src_func?: string };
}

/** One thread's work over the traced window. */
export interface ThreadLoad {
  process: string;
  thread: string;
  /** Busy milliseconds ÷ window milliseconds (1 = a whole core), wall clock: stretched on a busy machine. */
  busyShare: number;
  /**
   * CPU milliseconds per frame the lab drew while tracing: thread time where the trace has it (the same on
   * a busy machine as on a quiet one), else wall clock. Null when no frame count was given.
   */
  msPerFrame: number | null;
  tasks: number;
}

/** One kind of main-thread work: its share of a core and the length of each occurrence, in ms. */
export interface MainThreadPhase {
  share: number;
  ms: Summary;
}

/** The trace's findings. */
export interface TraceSummary {
  windowMs: number;
  /** The page's main thread (CrRendererMain of the busiest renderer): task lengths in ms. */
  mainThreadTasks: Summary;
  mainThreadTasksOver50ms: number;
  mainThreadPhases: Record<string, MainThreadPhase>;
  /** Threads by busy share, busiest first (those above 2 %). */
  threads: ThreadLoad[];
  /** Frames the lab drew while tracing (0 when not counted). */
  drawnFrames: number;
  /** Whether the per-frame figures are thread (CPU) time; false: wall clock, inflated by other load. */
  threadClock: boolean;
  /**
   * CPU per drawn frame over every thread of every process (those under 2 % included), in ms, and the
   * cores that much work needs at the clip's frame rate: at most the machine's cores for the lab to keep up.
   */
  totalMsPerFrame: number | null;
  coresAtClipRate: number | null;
  /**
   * Cores spent by V8's optimizing compilers (TurboFan, Maglev) on background threads. Near zero once the
   * lab has warmed up; more means code is being compiled again and again (see lib/worker/stages.ts).
   */
  jsCompileShare: number;
}

/** Top-level task events: each is one task a thread ran, never nested in another. */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'ThreadPool_RunTask', 'TaskGraphRunner::RunTask']);

const PHASES: Record<string, string> = {
  'VideoFrameCallbackRequesterImpl::ExecuteVideoFrameCallbacks': 'video frame callbacks (capture)',
  HandlePostMessage: 'worker messages (present)',
  'WebFrameWidgetImpl::UpdateLifecycle': 'style, layout, paint',
};

/** Thread-pool tasks of V8's optimizing compilers, by the function that posted them. */
const COMPILE_TASK = /OptimizingCompile|Maglev/;

function pushTo(lists: Map<string, number[]>, key: string, value: number): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

function parseEvents(buffer: Buffer): TraceEvent[] {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/**
 * Summarizes a trace recorded with `browser.startTracing(page, { categories: TRACE_CATEGORIES })`.
 * @example summarizeTrace(await browser.stopTracing()).mainThreadTasks.max
 */
export function summarizeTrace(buffer: Buffer, drawnFrames = 0, clipFps = 30): TraceSummary {
  const events = parseEvents(buffer);
  const processNames = new Map<number, string>();
  const threadNames = new Map<string, string>();
  const durations = new Map<string, number[]>();
  const cpuMs = new Map<string, number>();
  let threadClock = false;
  let first = Infinity;
  let last = -Infinity;
  let compileMs = 0;
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'process_name') processNames.set(event.pid, event.args?.name ?? '?');
    else if (event.ph === 'M' && event.name === 'thread_name')
      threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '?');
    else if (event.ph === 'X' && TASK_EVENTS.has(event.name) && event.ts !== undefined && event.dur !== undefined) {
      const key = `${event.pid}:${event.tid}`;
      pushTo(durations, key, event.dur / 1000);
      if (event.tdur !== undefined) threadClock = true;
      cpuMs.set(key, (cpuMs.get(key) ?? 0) + (event.tdur ?? event.dur) / 1000);
      if (event.name === 'ThreadPool_RunTask' && COMPILE_TASK.test(event.args?.src_func ?? ''))
        compileMs += event.dur / 1000;
      first = Math.min(first, event.ts);
      last = Math.max(last, event.ts + event.dur);
    }
  }
  const windowMs = Number.isFinite(first) ? (last - first) / 1000 : 0;
  const threads = [...durations].map(([key, list]) => {
    const pid = Number(key.split(':')[0]);
    const busy = list.reduce((sum, ms) => sum + ms, 0);
    return {
      key,
      process: processNames.get(pid) ?? `pid ${pid}`,
      thread: threadNames.get(key) ?? key,
      busyShare: windowMs ? busy / windowMs : 0,
      cpu: cpuMs.get(key) ?? 0,
      tasks: list.length,
    };
  });
  threads.sort((a, b) => b.cpu - a.cpu);
  const perFrame = (ms: number) => (drawnFrames > 0 ? ms / drawnFrames : null);
  const totalMsPerFrame = perFrame(threads.reduce((sum, thread) => sum + thread.cpu, 0));
  const main = threads.find((thread) => thread.thread === 'CrRendererMain');
  const mainTasks = main ? (durations.get(main.key) ?? []) : [];
  const phaseMs = new Map<string, number[]>();
  for (const event of events) {
    const phase = PHASES[event.name];
    if (!phase || !main || event.ph !== 'X' || event.dur === undefined || `${event.pid}:${event.tid}` !== main.key)
      continue;
    pushTo(phaseMs, phase, event.dur / 1000);
  }
  const mainThreadPhases = Object.fromEntries(
    [...phaseMs].map(([phase, list]) => [
      phase,
      { share: windowMs ? list.reduce((sum, ms) => sum + ms, 0) / windowMs : 0, ms: summarize(list) },
    ]),
  );
  return {
    windowMs,
    mainThreadTasks: summarize(mainTasks),
    mainThreadTasksOver50ms: mainTasks.filter((ms) => ms > 50).length,
    mainThreadPhases,
    jsCompileShare: windowMs ? compileMs / windowMs : 0,
    drawnFrames,
    threadClock,
    totalMsPerFrame,
    coresAtClipRate: totalMsPerFrame === null ? null : (totalMsPerFrame * clipFps) / 1000,
    threads: threads
      .filter((thread) => thread.busyShare > 0.02)
      .map(({ process, thread, busyShare, cpu, tasks }) => ({
        process,
        thread,
        busyShare,
        msPerFrame: perFrame(cpu),
        tasks,
      })),
  };
}
