/**
 * The bench's trace summary: busy shares per thread, the main thread's long tasks, and the share of a
 * core spent by V8's optimizing compilers, from a hand-made trace whose answers are known.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarizeTrace } from '../../bench/trace';

const meta = (pid: number, tid: number, kind: 'process_name' | 'thread_name', name: string) => ({
  ph: 'M',
  name: kind,
  pid,
  tid,
  args: { name },
});
const task = (tid: number, name: string, ts: number, durMs: number, srcFunc?: string) => ({
  ph: 'X',
  name,
  pid: 1,
  tid,
  ts,
  dur: durMs * 1000,
  args: srcFunc ? { src_func: srcFunc } : {},
});

test('busy shares, long main-thread tasks and compiler share over a 100 ms window', () => {
  const events = [
    meta(1, 0, 'process_name', 'Renderer'),
    meta(1, 10, 'thread_name', 'CrRendererMain'),
    meta(1, 20, 'thread_name', 'ThreadPoolForegroundWorker'),
    // Main thread: 60 ms (one long task) + 10 ms in a 100 ms window.
    task(10, 'ThreadControllerImpl::RunTask', 0, 60),
    task(10, 'ThreadControllerImpl::RunTask', 90_000, 10),
    // Pool: 20 ms of TurboFan and 5 ms of Maglev compiling, 15 ms decoding video.
    task(20, 'ThreadPool_RunTask', 0, 20, 'void v8::internal::OptimizingCompileTaskExecutor::EnsureStarted()'),
    task(20, 'ThreadPool_RunTask', 30_000, 5, 'v8::internal::maglev::MaglevConcurrentDispatcher::JobTask'),
    task(20, 'ThreadPool_RunTask', 40_000, 15, 'Decode'),
  ];
  const summary = summarizeTrace(Buffer.from(JSON.stringify({ traceEvents: events })));
  assert.equal(summary.windowMs, 100);
  assert.equal(summary.mainThreadTasksOver50ms, 1);
  assert.deepEqual(
    summary.threads.map(({ thread, busyShare, tasks }) => [thread, busyShare, tasks]),
    [
      ['CrRendererMain', 0.7, 2],
      ['ThreadPoolForegroundWorker', 0.4, 3],
    ],
  );
  assert.equal(summary.jsCompileShare, 0.25);
});

test('CPU per drawn frame comes from thread time where the trace has it, and adds up over all threads', () => {
  const events = [
    meta(1, 0, 'process_name', 'Renderer'),
    meta(1, 10, 'thread_name', 'CrRendererMain'),
    meta(1, 30, 'thread_name', 'DedicatedWorker thread'),
    // A worker task 40 ms long on the wall clock, of which the thread ran 24 ms (preempted the rest).
    { ...task(30, 'ThreadControllerImpl::RunTask', 0, 40), tdur: 24_000 },
    { ...task(10, 'ThreadControllerImpl::RunTask', 50_000, 10), tdur: 8_000 },
    // A tiny task under the 2 % listing threshold still counts in the total.
    { ...task(10, 'ThreadControllerImpl::RunTask', 99_000, 1), tdur: 1_000 },
  ];
  const summary = summarizeTrace(Buffer.from(JSON.stringify({ traceEvents: events })), 4, 30);
  assert.equal(summary.threadClock, true);
  assert.deepEqual(
    summary.threads.map(({ thread, msPerFrame }) => [thread, msPerFrame]),
    [
      ['DedicatedWorker thread', 6],
      ['CrRendererMain', 2.25],
    ],
  );
  assert.equal(summary.totalMsPerFrame, 8.25);
  assert.equal(summary.coresAtClipRate, 0.2475);
});
