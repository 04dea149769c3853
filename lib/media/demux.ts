/**
 * A media file's packets, as its container holds them: per track, each encoded frame's time, duration,
 * size and keyframe flag (and its bytes, when asked). These are what a call puts on the wire, one
 * packet per frame, so lib/traffic can say what their sizes give away under encryption. Reads WebM,
 * Matroska, MP4 and MOV (and what else mediabunny reads) from bytes in Node or a Blob in the browser;
 * nothing is decoded.
 */
import { ALL_FORMATS, BlobSource, BufferSource, EncodedPacketSink, Input, type InputTrack } from 'mediabunny';
import type { Packet, TrackKind } from '../traffic/packets';

/** A file that has no packets to give: not media, no audio or video track, or tracks without packets. */
export class DemuxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemuxError';
  }
}

/** A packet with its bytes: the encoded frame as the container stores it. */
export interface PacketWithData extends Packet {
  data: Uint8Array;
}

/** One audio or video track. */
export interface DemuxedTrack<P extends Packet = Packet> {
  kind: TrackKind;
  /** mediabunny's codec name ('vp9', 'avc', 'opus', 'aac', …), or 'unknown' for a codec it cannot name. */
  codec: string;
  /** Every packet, in the container's (decode) order; times are presentation times. */
  packets: P[];
}

/** A file's audio and video tracks, in the order the file lists them. */
export interface Demuxed<P extends Packet = Packet> {
  /** The end of the last packet of any track, s (mediabunny's `computeDuration`). */
  duration: number;
  tracks: DemuxedTrack<P>[];
}

/** What {@link demux} reads from. */
export type MediaBytes = Uint8Array | ArrayBuffer | Blob;

function open(source: MediaBytes): Input {
  if (typeof Blob !== 'undefined' && source instanceof Blob)
    return new Input({ source: new BlobSource(source), formats: ALL_FORMATS });
  if (source instanceof Uint8Array || source instanceof ArrayBuffer)
    return new Input({ source: new BufferSource(source), formats: ALL_FORMATS });
  throw new TypeError(`source must be a Uint8Array, an ArrayBuffer or a Blob, got ${typeof source}`);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readTrack(track: InputTrack, kind: TrackKind, data: boolean): Promise<DemuxedTrack> {
  const packets: (Packet | PacketWithData)[] = [];
  const sink = new EncodedPacketSink(track);
  for await (const packet of sink.packets(undefined, undefined, { metadataOnly: !data })) {
    const read: Packet = {
      track: kind,
      time: packet.timestamp,
      duration: packet.duration,
      size: packet.byteLength,
      key: kind === 'audio' || packet.type === 'key',
    };
    packets.push(data ? { ...read, data: packet.data } : read);
  }
  return { kind, codec: track.codec ?? 'unknown', packets };
}

/**
 * The packets of every audio and video track of `source`. With `{ data: true }` each packet carries its
 * bytes; otherwise only sizes are read. Throws a {@link DemuxError} for a file that is not media, has
 * no audio or video track, or whose tracks hold no packets; a TypeError for a source of another type.
 * @example const { duration, tracks } = await demux(readFileSync('meeting.webm'))
 *          // duration 12; tracks[0]: { kind: 'video', codec: 'vp9', packets: [360 packets] }
 */
export async function demux(source: MediaBytes, options: { data: true }): Promise<Demuxed<PacketWithData>>;
export async function demux(source: MediaBytes, options?: { data?: boolean }): Promise<Demuxed>;
export async function demux(source: MediaBytes, options: { data?: boolean } = {}): Promise<Demuxed> {
  const input = open(source);
  try {
    let readable: boolean;
    try {
      readable = await input.canRead();
    } catch (error) {
      throw new DemuxError(`not a media file: ${message(error)}`);
    }
    if (!readable) throw new DemuxError('not a media file (WebM, Matroska, MP4, MOV, Ogg, …)');
    const tracks: DemuxedTrack[] = [];
    let duration: number;
    try {
      for (const track of await input.getTracks()) {
        const kind = track.isVideoTrack() ? 'video' : track.isAudioTrack() ? 'audio' : null;
        if (kind !== null) tracks.push(await readTrack(track, kind, options.data === true));
      }
      duration = await input.computeDuration();
    } catch (error) {
      throw new DemuxError(`cannot read its packets: ${message(error)}`);
    }
    if (tracks.length === 0) throw new DemuxError('no audio or video track');
    if (tracks.every((track) => track.packets.length === 0))
      throw new DemuxError('no packets in its tracks (empty, or cut short before the first?)');
    return { duration, tracks };
  } finally {
    input.dispose();
  }
}
