/**
 * A call's media as an eavesdropper on the path meets it: a stream of packets, each with a time and a
 * size. Encryption hides what a packet says, not when it was sent or how big it is, and that is all the
 * rest of lib/traffic works from (RFC 6562 and RFC 3711 §9.6 warn about exactly this for SRTP).
 */

/** Which of a call's streams a packet belongs to. */
export type TrackKind = 'audio' | 'video';

/** One encoded frame as the container (or the wire) carries it. */
export interface Packet {
  track: TrackKind;
  /** Presentation time, s. */
  time: number;
  /** Duration, s; 0 if unknown. */
  duration: number;
  /** Payload bytes: the encoded frame before encryption. */
  size: number;
  /** A keyframe (video); true for audio, whose every packet decodes on its own. */
  key: boolean;
}

/** The track kinds, in the order they are listed. */
export const TRACK_KINDS: readonly TrackKind[] = ['audio', 'video'];

/**
 * Throws unless `kind` is 'audio' or 'video'.
 * @example checkKind('video') // passes; checkKind('subtitles') throws a RangeError
 */
export function checkKind(kind: unknown): asserts kind is TrackKind {
  if (typeof kind !== 'string') throw new TypeError(`kind must be a string, got ${typeof kind}`);
  if (!(TRACK_KINDS as readonly string[]).includes(kind))
    throw new RangeError(`kind must be audio or video, got "${kind}"`);
}

/**
 * Throws unless `n` is a whole number of bytes (0 or more).
 * @example checkSize(1200, 'size') // passes; checkSize(-1, 'size') throws a RangeError
 */
export function checkSize(n: unknown, name: string): asserts n is number {
  if (typeof n !== 'number') throw new TypeError(`${name} must be a number of bytes, got ${typeof n}`);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number of bytes, got ${n}`);
}

type Field = 'time' | 'duration' | 'size' | 'key';

/**
 * Throws unless `packets` is an array whose every entry has the named fields, well formed: `time` a
 * finite number (an Opus track may start a few ms before 0), `duration` a finite number ≥ 0, `size` a
 * whole number of bytes, `key` a boolean. The message names the first bad packet.
 * @example checkPackets([{ time: 0, size: 40 }], ['time', 'size']) // passes
 */
export function checkPackets(packets: unknown, fields: readonly Field[]): void {
  if (!Array.isArray(packets)) throw new TypeError(`packets must be an array, got ${typeof packets}`);
  packets.forEach((packet: unknown, i) => {
    if (typeof packet !== 'object' || packet === null)
      throw new TypeError(`packets[${i}] must be an object, got ${packet === null ? 'null' : typeof packet}`);
    const p = packet as Record<Field, unknown>;
    for (const field of fields) {
      const value = p[field];
      const name = `packets[${i}].${field}`;
      if (field === 'size') {
        checkSize(value, name);
        continue;
      }
      if (field === 'key') {
        if (typeof value !== 'boolean') throw new TypeError(`${name} must be a boolean, got ${typeof value}`);
        continue;
      }
      if (typeof value !== 'number') throw new TypeError(`${name} must be a number of seconds, got ${typeof value}`);
      if (!Number.isFinite(value) || (field === 'duration' && value < 0))
        throw new RangeError(
          `${name} must be a finite number of seconds${field === 'duration' ? ' ≥ 0' : ''}, got ${value}`,
        );
    }
  });
}
