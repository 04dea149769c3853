/**
 * `traffic`: what a recorded call would put on the wire, per track: the packets' bytes under
 * AES-128-ECB and AES-256-GCM, and what their sizes and times alone give away (when someone speaks,
 * when something moves), optionally after padding. The file's own packets stand in for the call's: one
 * packet per encoded frame, as RTP carries them.
 */
import { DemuxError, demux, type Demuxed } from '../media/demux';
import { changeTimes, readActivity, type Interval } from '../traffic/activity';
import type { TrackKind } from '../traffic/packets';
import { trackPadding, wireSizes, wireTotals, type Padding, type PaddingPolicy } from '../traffic/wire';
import { parseCommand, UsageError } from './args';
import { FileError, readInputFile } from './files';
import { TRAFFIC_HELP } from './help';
import { EXIT, guard, type CliIo, type ExitCode } from './outcome';

/** The largest bucket `--pad BYTES` takes. */
export const MAX_BUCKET = 65_536;

/** One packet as `--packets` prints it: [time s (to the µs), payload bytes, ECB bytes, GCM bytes] (ECB, GCM after padding). */
export type WireRow = [time: number, bytes: number, ecbBytes: number, gcmBytes: number];

/** Padding as printed: the kind, its size or bucket, the padded payload bytes and the share they add. */
export type PaddingReport = Padding & { paddedBytes: number; overhead: number };

/** One track in the JSON line `traffic` prints. */
export interface TrafficTrack {
  kind: TrackKind;
  codec: string;
  packets: number;
  /** Payload bytes, as the container holds them. */
  bytes: number;
  ecbBytes: number;
  gcmBytes: number;
  /** When the GCM sizes say someone speaks (audio) or something moves (video). */
  activity: Interval[];
  /** Times of sudden big packets in the GCM sizes: a cut, a slide change (video), s. */
  changes: number[];
  padding?: PaddingReport;
  wire?: WireRow[];
}

/** The JSON line `traffic` prints. */
export interface TrafficReport {
  duration: number;
  tracks: TrafficTrack[];
  /** With --pad constant or BYTES: the whole file's padded bytes and overhead. */
  padding?: { policy: 'constant' | number; bytes: number; paddedBytes: number; overhead: number };
}

const ms = (seconds: number): number => Math.round(seconds * 1000) / 1000;
const us = (seconds: number): number => Math.round(seconds * 1_000_000) / 1_000_000;
const share = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * What `demuxed`'s packets show on the wire under `pad` (`--pad`), with every packet's sizes when
 * `packets` is set (`--packets`).
 * @example trafficReport(await demux(bytes), { pad: 'none', packets: false }).tracks[1].activity
 */
export function trafficReport(demuxed: Demuxed, options: { pad: PaddingPolicy; packets: boolean }): TrafficReport {
  const tracks = demuxed.tracks.map((track): TrafficTrack => {
    const padding = trackPadding(track.packets, options.pad);
    const sizes = wireSizes(track.packets, padding);
    const totals = wireTotals(track.packets, padding);
    const onWire = track.packets.map((packet, i) => ({ ...packet, size: sizes[i].gcm }));
    return {
      kind: track.kind,
      codec: track.codec,
      packets: totals.packets,
      bytes: totals.bytes,
      ecbBytes: totals.ecbBytes,
      gcmBytes: totals.gcmBytes,
      activity: readActivity(onWire, track.kind).map(([start, end]): Interval => [ms(start), ms(end)]),
      changes: changeTimes(onWire).map(ms),
      ...(options.pad !== 'none' && {
        padding: { ...padding, paddedBytes: totals.paddedBytes, overhead: share(totals.overhead) },
      }),
      ...(options.packets && {
        wire: track.packets.map((packet, i): WireRow => [us(packet.time), packet.size, sizes[i].ecb, sizes[i].gcm]),
      }),
    };
  });
  const report: TrafficReport = { duration: demuxed.duration, tracks };
  if (options.pad !== 'none') {
    const bytes = tracks.reduce((sum, track) => sum + track.bytes, 0);
    const paddedBytes = tracks.reduce((sum, track) => sum + (track.padding?.paddedBytes ?? 0), 0);
    report.padding = {
      policy: options.pad,
      bytes,
      paddedBytes,
      overhead: share(bytes === 0 ? 0 : (paddedBytes - bytes) / bytes),
    };
  }
  return report;
}

function parsePad(value: string | undefined): PaddingPolicy {
  if (value === undefined || value === 'none' || value === 'constant') return value ?? 'none';
  const bytes = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(bytes >= 1 && bytes <= MAX_BUCKET))
    throw new UsageError(
      `--pad must be none, constant or a whole number of bytes from 1 to ${MAX_BUCKET}, got ${JSON.stringify(value)}`,
    );
  return bytes;
}

/**
 * Runs `traffic` with `argv` (the words after "traffic"); resolves to the exit status.
 * @example await trafficCommand(['--pad', 'constant', 'call.webm'], { stdout: process.stdout, stderr: process.stderr })
 */
export function trafficCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  return guard(io, async () => {
    const { values, flags, help, files } = parseCommand('traffic', argv, { pad: 'string', packets: 'boolean' });
    if (help) {
      io.stdout.write(TRAFFIC_HELP);
      return EXIT.ok;
    }
    const pad = parsePad(values.pad);
    if (files.length !== 1)
      throw new UsageError(`traffic needs one file, IN.webm (or .mp4, .mkv, .mov); got ${files.length}`);
    const [path] = files;
    const bytes = await readInputFile(path);
    let demuxed: Demuxed;
    try {
      demuxed = await demux(bytes);
    } catch (error) {
      if (error instanceof DemuxError) throw new FileError(`${path}: ${error.message}`);
      throw error;
    }
    io.stdout.write(`${JSON.stringify(trafficReport(demuxed, { pad, packets: flags.packets === true }))}\n`);
    return EXIT.ok;
  });
}
