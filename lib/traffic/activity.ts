/**
 * What packet sizes and times alone say about a call. A variable-bitrate codec spends bytes where there
 * is something to say: Opus sends small frames in silence and large ones in speech, a video codec small
 * frames while the picture stands still and large ones while something moves. Encryption (even GCM)
 * keeps every size, so an eavesdropper can read off when someone speaks and when someone moves
 * (Wright et al., "Spot me if you can", IEEE S&P 2008; RFC 6562).
 */
import { checkKind, checkPackets, type Packet, type TrackKind } from './packets';

/** A stretch of time, in seconds: `start` to `end`. */
export type Interval = [start: number, end: number];

/** The packet fields activity is read from: what an eavesdropper sees, plus the keyframe flag. */
export type TimedPacket = Pick<Packet, 'time' | 'duration' | 'size' | 'key'>;

/** How {@link readActivity} reads a track; every field defaults per kind, see {@link ACTIVITY_DEFAULTS}. */
export interface ActivityOptions {
  /** Sizes are averaged over a window this long, centred on each packet, s. */
  window?: number;
  /** Quiet gaps shorter than this between two active stretches are bridged (the hangover), s. */
  minGap?: number;
  /** Active stretches shorter than this are dropped as blips, s. */
  minLength?: number;
  /** The busy level must be at least this many times the quiet level, or nothing counts as activity. */
  minContrast?: number;
}

/**
 * The defaults, chosen on the sample call (public/samples/meeting.webm) and on Opus and VP9 in general:
 * - `window`: 0.1 s for audio (five 20 ms Opus frames: short enough to place a sentence's ends within a
 *   frame or two, long enough to ride over the quiet frame inside a word), 0.2 s for video (seven frames at
 *   30 fps: a head that moves a pixel every other frame sends big and tiny frames in turn).
 * - `minGap` 0.3 s: the pause at a comma or between words is shorter, the silence between sentences
 *   longer (and a video's still moment within a scene is shorter than the stillness of a slide).
 * - `minLength` 0.15 s: a word is longer; a cough, a click or one big frame is not.
 * - `minContrast`: in the sample call the busy level of the voice is 1.6 times the quiet one (≈ 70
 *   against ≈ 44 bytes, Opus at 24 kbit/s over a faint hiss; 1.45 times with GCM's tag added), while
 *   noise alone varies by a few per cent, so audio needs 1.25×. A moving picture costs many times a
 *   still one (12× there), and a still one's frames vary by more, so video needs 2×.
 */
export const ACTIVITY_DEFAULTS: Readonly<Record<TrackKind, Readonly<Required<ActivityOptions>>>> = Object.freeze({
  audio: Object.freeze({ window: 0.1, minGap: 0.3, minLength: 0.15, minContrast: 1.25 }),
  video: Object.freeze({ window: 0.2, minGap: 0.3, minLength: 0.15, minContrast: 2 }),
});

/**
 * Where the thresholds sit between the track's quiet level (its 10th percentile of smoothed sizes) and
 * its busy level (the 90th): a stretch turns active above half-way and stays active until it falls below
 * 30 % of the way (hysteresis, so a level hovering near one line does not flicker).
 */
export const THRESHOLDS = Object.freeze({ quietPercentile: 0.1, busyPercentile: 0.9, on: 0.5, off: 0.3 });

/** The smoothed sizes of a track and the lines drawn through them: what {@link readActivity} decides on. */
export interface ActivityLevels {
  /** Each packet considered, by time: its smoothed size (bytes, the window's mean). */
  points: { time: number; end: number; level: number }[];
  /** The quiet and busy levels (10th and 90th percentiles of `level`). */
  quiet: number;
  busy: number;
  /** The level that starts an active stretch, and the one that ends it. */
  on: number;
  off: number;
  /** busy ÷ quiet (Infinity when quiet is 0 and busy is not; 1 for a track of one size). */
  contrast: number;
  /** False when the contrast is under `minContrast`: the track says nothing, so nothing is active. */
  telling: boolean;
}

function checkOptions(options: unknown, kind: TrackKind): Required<ActivityOptions> {
  if (options === undefined) return { ...ACTIVITY_DEFAULTS[kind] };
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`options must be an object, got ${options === null ? 'null' : typeof options}`);
  const chosen = { ...ACTIVITY_DEFAULTS[kind], ...(options as ActivityOptions) };
  for (const [name, value] of Object.entries(chosen)) {
    if (typeof value !== 'number') throw new TypeError(`options.${name} must be a number, got ${typeof value}`);
    const least = name === 'minContrast' ? 1 : 0;
    if (!Number.isFinite(value) || value < least || (name === 'window' && value === 0))
      throw new RangeError(
        `options.${name} must be a finite number ${name === 'window' ? '> 0' : `≥ ${least}`}, got ${value}`,
      );
  }
  return chosen;
}

/** The q-quantile of ascending `sorted`, interpolated between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

/** Sorted by time; a video's keyframes left out unless they are most of it (an intra-only stream). */
function considered(packets: readonly TimedPacket[], kind: TrackKind): TimedPacket[] {
  const sorted = [...packets].sort((a, b) => a.time - b.time);
  if (kind === 'audio') return sorted;
  const keys = sorted.filter((p) => p.key).length;
  return keys * 2 >= sorted.length ? sorted : sorted.filter((p) => !p.key);
}

/** Each packet's end: its time and duration, or the next packet's time when the duration is unknown. */
function ends(packets: readonly TimedPacket[]): number[] {
  const spacing = packets.length > 1 ? (packets[packets.length - 1].time - packets[0].time) / (packets.length - 1) : 0;
  return packets.map((p, i) => {
    if (p.duration > 0) return p.time + p.duration;
    return i + 1 < packets.length ? packets[i + 1].time : p.time + spacing;
  });
}

/**
 * The smoothed sizes of `packets` and the thresholds {@link readActivity} applies to them, for drawing.
 * A video's keyframes are left out: their size is the whole picture's, not the change.
 * @example activityLevels(opusPackets, 'audio').on // ≈ 57 bytes for the sample call's voice (quiet 44, busy 70)
 */
export function activityLevels(
  packets: readonly TimedPacket[],
  kind: TrackKind,
  options?: ActivityOptions,
): ActivityLevels {
  checkKind(kind);
  checkPackets(packets, ['time', 'duration', 'size', 'key']);
  const { window, minContrast } = checkOptions(options, kind);
  const track = considered(packets, kind);
  const end = ends(track);
  const half = window / 2 + 1e-9;
  const points: ActivityLevels['points'] = [];
  let from = 0;
  let to = 0;
  let sum = 0;
  for (let i = 0; i < track.length; i++) {
    const t = track[i].time;
    while (to < track.length && track[to].time <= t + half) sum += track[to++].size;
    while (track[from].time < t - half) sum -= track[from++].size;
    points.push({ time: t, end: end[i], level: sum / (to - from) });
  }
  const sorted = points.map((p) => p.level).sort((a, b) => a - b);
  const quiet = sorted.length ? quantile(sorted, THRESHOLDS.quietPercentile) : 0;
  const busy = sorted.length ? quantile(sorted, THRESHOLDS.busyPercentile) : 0;
  const contrast = busy === quiet ? 1 : quiet === 0 ? Infinity : busy / quiet;
  return {
    points,
    quiet,
    busy,
    on: quiet + THRESHOLDS.on * (busy - quiet),
    off: quiet + THRESHOLDS.off * (busy - quiet),
    contrast,
    telling: contrast >= minContrast && busy > quiet,
  };
}

/**
 * When someone speaks (audio) or something moves (video), read from packet sizes and times alone, as an
 * eavesdropper on a GCM stream would: each packet's size averaged over a short window, compared with
 * thresholds between the track's own quiet and busy levels ({@link THRESHOLDS}), with hysteresis; gaps
 * shorter than `minGap` bridged, stretches shorter than `minLength` dropped ({@link ACTIVITY_DEFAULTS}).
 * A track of one size (a constant bitrate, or padding to a constant size) says nothing: no intervals.
 * The thresholds are relative, so a track must be quiet some of the time (over a tenth) for its busy
 * stretches to stand out; one busy throughout shows only its busiest moments, or nothing.
 * @example readActivity(opusPackets, 'audio') // [[0.3, 1.8], [2.74, 4.62], …]: the sample call's sentences
 */
export function readActivity(packets: readonly TimedPacket[], kind: TrackKind, options?: ActivityOptions): Interval[] {
  const levels = activityLevels(packets, kind, options);
  if (!levels.telling) return [];
  const { minGap, minLength } = checkOptions(options, kind);
  const stretches: Interval[] = [];
  let active = false;
  for (const { time, end, level } of levels.points) {
    active = active ? level >= levels.off : level >= levels.on;
    if (!active) continue;
    const last = stretches[stretches.length - 1];
    if (last && time - last[1] < minGap) last[1] = Math.max(last[1], end);
    else stretches.push([time, end]);
  }
  return stretches.filter(([start, end]) => end - start >= minLength);
}

/**
 * Times of the packets the container marks as keyframes, in order: a video's fresh starts (the first
 * frame, scene cuts, an encoder's periodic refresh). Every audio packet is one.
 * @example keyframeTimes(videoPackets) // [0, 5, 8.5] for the sample call
 */
export function keyframeTimes(packets: readonly Pick<Packet, 'time' | 'key'>[]): number[] {
  checkPackets(packets, ['time', 'key']);
  return packets
    .filter((p) => p.key)
    .map((p) => p.time)
    .sort((a, b) => a - b);
}

/**
 * A change is a packet at least this many times the 90th percentile of the packets within
 * {@link CHANGE_SPAN} s: bigger than nearly everything around it, by far. In the sample call the scene's
 * keyframes are 3–30 times that; the largest frame of the moving speaker 1.4 times.
 */
export const CHANGE_RATIO = 2.5;
/** Which percentile of the neighbours a change is measured against. */
export const CHANGE_PERCENTILE = 0.9;
/** How far either side of a packet its neighbours are taken from, s. */
export const CHANGE_SPAN = 1;

/**
 * Times of sudden big video packets, from sizes alone: a packet at least {@link CHANGE_RATIO} times the
 * 90th percentile of its neighbours within {@link CHANGE_SPAN} s. A cut or a slide change makes the encoder send a
 * whole new picture (a keyframe, or a delta frame as big), which stands out whether or not the keyframe
 * flag can be read; motion never does, as it grows frames gradually. The first picture counts too.
 * @example changeTimes(videoPackets) // [0, 5, 8.5] for the sample call: start, the slide, its update
 */
export function changeTimes(packets: readonly Pick<Packet, 'time' | 'size'>[]): number[] {
  checkPackets(packets, ['time', 'size']);
  const track = [...packets].sort((a, b) => a.time - b.time);
  const found: number[] = [];
  let from = 0;
  let to = 0;
  for (let i = 0; i < track.length; i++) {
    const { time, size } = track[i];
    while (track[from].time < time - CHANGE_SPAN) from++;
    while (to < track.length && track[to].time <= time + CHANGE_SPAN) to++;
    const neighbours = track
      .slice(from, to)
      .filter((_, j) => from + j !== i)
      .map((p) => p.size)
      .sort((a, b) => a - b);
    if (neighbours.length === 0) continue;
    if (size > 0 && size >= CHANGE_RATIO * quantile(neighbours, CHANGE_PERCENTILE)) found.push(time);
  }
  return found;
}
