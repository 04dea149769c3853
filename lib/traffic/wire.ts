/**
 * How big a packet is on the wire under each mode, and what padding costs. ECB rounds every payload up
 * to whole 16-byte blocks (PKCS#7 always adds 1–16 bytes); GCM adds its 16-byte tag and nothing else, so
 * a GCM packet's size is the codec's size to the byte. Padding every packet to one size (or to a bucket)
 * is the only way to stop sizes from talking, and it costs bandwidth (RFC 6562 §3; NIST SP 800-38D §5.2.1).
 */
import { paddedLength, TAG_LENGTH } from '../cipher';
import { checkPackets, checkSize, type Packet } from './packets';

/** How payloads are padded before encryption. */
export type Padding = { kind: 'none' } | { kind: 'constant'; size: number } | { kind: 'bucket'; bytes: number };

/** A track's padding, as the command line names it: none, each packet to the track's largest, or a bucket size. */
export type PaddingPolicy = 'none' | 'constant' | number;

/**
 * Bytes of an AES-128-ECB packet carrying `n` payload bytes: 16·(⌊n/16⌋ + 1).
 * @example ecbWireSize(100) // 112; ecbWireSize(96) // 112: a whole block of padding
 */
export function ecbWireSize(n: number): number {
  checkSize(n, 'size');
  return paddedLength(n);
}

/**
 * Bytes of an AES-256-GCM packet carrying `n` payload bytes: n + 16 (the tag). The nonce is left out:
 * it is usually derived from the packet's sequence number, as in SRTP, and costs nothing per packet.
 * @example gcmWireSize(100) // 116
 */
export function gcmWireSize(n: number): number {
  checkSize(n, 'size');
  return n + TAG_LENGTH;
}

function checkPadding(padding: unknown): asserts padding is Padding {
  if (typeof padding !== 'object' || padding === null)
    throw new TypeError(`padding must be an object, got ${padding === null ? 'null' : typeof padding}`);
  const p = padding as Record<string, unknown>;
  if (p.kind === 'none') return;
  if (p.kind === 'constant') return checkSize(p.size, 'padding.size');
  if (p.kind === 'bucket') {
    checkSize(p.bytes, 'padding.bytes');
    if (p.bytes === 0) throw new RangeError('padding.bytes must be at least 1, got 0');
    return;
  }
  throw new RangeError(`padding.kind must be none, constant or bucket, got ${JSON.stringify(p.kind)}`);
}

/**
 * The payload's size after `padding`: `none` leaves it; `constant` makes it `size` (and refuses a larger
 * payload: padding cannot shrink); `bucket` rounds it up to the next multiple of `bytes`, leaving a
 * multiple as it is. An empty payload takes one whole bucket: a bucket scheme that let empty packets
 * through as 0 bytes would still say "nothing was sent here".
 * @example paddedSize(100, { kind: 'bucket', bytes: 64 }) // 128
 * @example paddedSize(0, { kind: 'bucket', bytes: 64 }) // 64
 * @example paddedSize(100, { kind: 'constant', size: 1200 }) // 1200
 */
export function paddedSize(n: number, padding: Padding): number {
  checkSize(n, 'size');
  checkPadding(padding);
  if (padding.kind === 'none') return n;
  if (padding.kind === 'constant') {
    if (n > padding.size)
      throw new RangeError(`a packet of ${n} bytes does not fit the constant size of ${padding.size} bytes`);
    return padding.size;
  }
  return Math.max(1, Math.ceil(n / padding.bytes)) * padding.bytes;
}

/**
 * The padding `policy` makes for a track of `packets`: `constant` pads to the track's largest packet
 * (0 for a track without packets), a number to buckets of that many bytes.
 * @example trackPadding([{ size: 40 }, { size: 90 }], 'constant') // { kind: 'constant', size: 90 }
 * @example trackPadding(packets, 256) // { kind: 'bucket', bytes: 256 }
 */
export function trackPadding(packets: readonly Pick<Packet, 'size'>[], policy: PaddingPolicy): Padding {
  checkPackets(packets, ['size']);
  if (policy === 'none') return { kind: 'none' };
  if (policy === 'constant') return { kind: 'constant', size: packets.reduce((max, p) => Math.max(max, p.size), 0) };
  if (typeof policy !== 'number')
    throw new TypeError(`policy must be "none", "constant" or a number of bytes, got ${JSON.stringify(policy)}`);
  const padding: Padding = { kind: 'bucket', bytes: policy };
  checkPadding(padding);
  return padding;
}

/** One packet's sizes on the wire, after padding. */
export interface WireSizes {
  /** Payload bytes, as the codec made them. */
  size: number;
  /** Payload bytes after padding (before encryption). */
  padded: number;
  /** AES-128-ECB bytes: the padded payload and PKCS#7. */
  ecb: number;
  /** AES-256-GCM bytes: the padded payload and the tag. */
  gcm: number;
}

/**
 * Every packet's {@link WireSizes} under `padding`, in the order given.
 * @example wireSizes([{ size: 100 }], { kind: 'none' }) // [{ size: 100, padded: 100, ecb: 112, gcm: 116 }]
 */
export function wireSizes(packets: readonly Pick<Packet, 'size'>[], padding: Padding): WireSizes[] {
  checkPackets(packets, ['size']);
  checkPadding(padding);
  return packets.map(({ size }) => {
    const padded = paddedSize(size, padding);
    return { size, padded, ecb: paddedLength(padded), gcm: padded + TAG_LENGTH };
  });
}

/** A track's bytes on the wire. */
export interface WireTotals {
  packets: number;
  /** Payload bytes, as the codec made them. */
  bytes: number;
  /** Sum of the ECB packet sizes (after padding). */
  ecbBytes: number;
  /** Sum of the GCM packet sizes (after padding). */
  gcmBytes: number;
  /** Payload bytes after padding. */
  paddedBytes: number;
  /** The extra bandwidth padding costs, as a share of the payload: 0.42 is 42 % more (0 without payload). */
  overhead: number;
}

/**
 * Totals `packets` under `padding`.
 * @example wireTotals([{ size: 100 }, { size: 20 }], { kind: 'constant', size: 100 })
 *          // { packets: 2, bytes: 120, ecbBytes: 224, gcmBytes: 232, paddedBytes: 200, overhead: 0.666… }
 */
export function wireTotals(packets: readonly Pick<Packet, 'size'>[], padding: Padding): WireTotals {
  const totals = { packets: packets.length, bytes: 0, ecbBytes: 0, gcmBytes: 0, paddedBytes: 0, overhead: 0 };
  for (const sizes of wireSizes(packets, padding)) {
    totals.bytes += sizes.size;
    totals.paddedBytes += sizes.padded;
    totals.ecbBytes += sizes.ecb;
    totals.gcmBytes += sizes.gcm;
  }
  totals.overhead = totals.bytes === 0 ? 0 : (totals.paddedBytes - totals.bytes) / totals.bytes;
  return totals;
}
