/**
 * `POST /api/encrypt` under load, against the production server: waves of concurrent uploads of one
 * 1600×1200 picture, ECB and GCM alternating, each request timed from send to the last byte of its
 * answer. The server's memory is the resident size of its whole process group, sampled every 50 ms
 * (worker threads live inside it), its CPU the group's user + system time over the waves. Last, an
 * inflate bomb (a PNG whose few kilobytes of image data inflate to far more than its header allows)
 * is timed: it must be refused at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { deflateSync } from 'node:zlib';
import { buildChunk } from '../../lib/png/chunks';
import { PNG_SIGNATURE } from '../../lib/png/header';
import { concat, ihdr } from '../fixtures/png/images';
import { benchPicture } from './fixtures';
import { summarize, type Summary } from './stats';

export interface EndpointPlan {
  width: number;
  height: number;
  waves: number;
  concurrency: number;
}

export const FULL_ENDPOINT_PLAN: EndpointPlan = { width: 1600, height: 1200, waves: 2, concurrency: 50 };
export const QUICK_ENDPOINT_PLAN: EndpointPlan = { width: 1600, height: 1200, waves: 1, concurrency: 10 };

export interface WaveResult {
  statuses: Record<string, number>;
  latencyMs: Summary;
  wallMs: number;
}

export interface EndpointResults {
  size: string;
  inputBytes: number;
  concurrency: number;
  waves: WaveResult[];
  /** Over all waves. */
  latencyMs: Summary;
  ok: number;
  busy: number;
  other: number;
  /** Highest resident memory of the server's process group seen, in bytes. */
  memoryHighWater: number;
  /** The group's memory before the first wave. */
  memoryBefore: number;
  /** CPU seconds the server spent over the waves. */
  serverCpuSeconds: number;
  /** Wall seconds of all waves. */
  wallSeconds: number;
  bomb: { status: number; ms: number; error: string };
}

const PAGE = 4096;
const TICKS = 100;

/** Pids in process group `group` (the server is started detached, as its own group). */
function groupPids(group: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === group) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function groupUsage(group: number): { rss: number; cpuSeconds: number } {
  let rss = 0;
  let ticks = 0;
  for (const pid of groupPids(group)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      rss += Number(fields[21]) * PAGE;
    } catch {
      // gone meanwhile
    }
  }
  return { rss, cpuSeconds: ticks / TICKS };
}

/** A 1600×1200 RGB PNG whose image data is 64 MiB of zeros deflated to about 64 KiB. */
function inflateBomb(width: number, height: number): Uint8Array {
  const idat = deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
  return concat(
    PNG_SIGNATURE,
    buildChunk('IHDR', ihdr(width, height)),
    buildChunk('IDAT', idat),
    buildChunk('IEND', new Uint8Array(0)),
  );
}

/**
 * One POST on a connection of its own (`agent: false`), so no request meets a kept-alive socket the
 * server is closing just then: what is timed is the endpoint, not a client-side reconnection race.
 */
function upload(url: string, body: Uint8Array): Promise<{ status: number; ms: number; error: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'image/png', 'Content-Length': String(body.length) },
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => {
          const ms = performance.now() - started;
          const bytes = Buffer.concat(parts);
          const status = response.statusCode ?? 0;
          if (status === 200 && !PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
            resolve({ status: -1, ms, error: 'a 200 that is not a PNG' });
            return;
          }
          resolve({ status, ms, error: status === 200 ? '' : bytes.toString('utf8').slice(0, 200) });
        });
        response.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, error: String(error) }));
      },
    );
    request.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, error: String(error) }));
    request.end(body);
  });
}

/**
 * Sends the waves to the server at `baseUrl` whose process group is `serverGroup`.
 * @example await runEndpoint({ baseUrl, serverGroup: server.pid, plan: FULL_ENDPOINT_PLAN })
 */
export async function runEndpoint(options: {
  baseUrl: string;
  serverGroup: number;
  plan: EndpointPlan;
  log?: (line: string) => void;
}): Promise<EndpointResults> {
  const { baseUrl, serverGroup, plan } = options;
  const log = options.log ?? (() => {});
  const picture = benchPicture(plan.width, plan.height);
  const url = (mode: string) => `${baseUrl}/api/encrypt?mode=${mode}`;
  // One request first, so the pool's threads are up: a server's first request is not what is measured.
  const warm = await upload(url('ecb'), picture);
  if (warm.status !== 200) throw new Error(`the endpoint answered ${warm.status} to a first upload: ${warm.error}`);

  const before = groupUsage(serverGroup);
  let high = before.rss;
  const sampler = setInterval(() => {
    high = Math.max(high, groupUsage(serverGroup).rss);
  }, 50);
  const waves: WaveResult[] = [];
  const all: { status: number; ms: number }[] = [];
  const started = performance.now();
  try {
    for (let wave = 0; wave < plan.waves; wave++) {
      const waveStart = performance.now();
      const results = await Promise.all(
        Array.from({ length: plan.concurrency }, (_, i) => upload(url(i % 2 === 0 ? 'ecb' : 'gcm'), picture)),
      );
      const statuses: Record<string, number> = {};
      for (const result of results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      const failures = results.filter((result) => result.status !== 200 && result.status !== 503);
      if (failures.length) log(`bench: endpoint wave ${wave + 1}: ${failures[0].status} ${failures[0].error}`);
      waves.push({
        statuses,
        latencyMs: summarize(results.map((result) => result.ms)),
        wallMs: performance.now() - waveStart,
      });
      all.push(...results);
      log(
        `bench: endpoint wave ${wave + 1}: ${JSON.stringify(statuses)}, p50 ${waves[wave].latencyMs.median.toFixed(0)} ms, max ${waves[wave].latencyMs.max.toFixed(0)} ms`,
      );
    }
  } finally {
    clearInterval(sampler);
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const after = groupUsage(serverGroup);
  high = Math.max(high, after.rss);
  const bomb = await upload(url('ecb'), inflateBomb(plan.width, plan.height));
  log(`bench: endpoint inflate bomb: ${bomb.status} in ${bomb.ms.toFixed(0)} ms`);
  return {
    size: `${plan.width}×${plan.height}`,
    inputBytes: picture.length,
    concurrency: plan.concurrency,
    waves,
    latencyMs: summarize(all.map((result) => result.ms)),
    ok: all.filter((result) => result.status === 200).length,
    busy: all.filter((result) => result.status === 503).length,
    other: all.filter((result) => result.status !== 200 && result.status !== 503).length,
    memoryHighWater: high,
    memoryBefore: before.rss,
    serverCpuSeconds: after.cpuSeconds - before.cpuSeconds,
    wallSeconds,
    bomb,
  };
}
