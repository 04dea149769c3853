/**
 * The receiver's GCM packets opened as they arrive, before their frame's own message: a frame of several
 * packets reaches the receiver packet by packet, each opened at once while the GCM worker seals the next,
 * and the frame's message follows with the whole ciphertext and its nonces.
 */
import { gcmDecryptAsync, TAG_LENGTH } from '../cipher/gcm';
import type { CiphertextMessage, PacketMessage } from './protocol';
import { equalBytes } from './stages';

/** One frame's packets, each being opened (or opened). */
export interface OpenedPackets {
  count: number;
  nonces: Uint8Array[];
  opened: Promise<Uint8Array>[];
}

export class EarlyPackets {
  private readonly frames = new Map<number, OpenedPackets>();
  private joined = new Uint8Array(0);

  /**
   * Starts opening `packet`. A frame before it still waiting here never got its message (it failed in
   * the GCM worker, which sends a frame's message before the next frame's packets) and is let go.
   */
  add(packet: Pick<PacketMessage, 'seq' | 'index' | 'count' | 'key' | 'nonce' | 'buffer'>): void {
    for (const seq of this.frames.keys()) if (seq < packet.seq) this.frames.delete(seq);
    const frame = this.frames.get(packet.seq) ?? { count: packet.count, nonces: [], opened: [] };
    this.frames.set(packet.seq, frame);
    const opened = gcmDecryptAsync(packet.key, packet.nonce, new Uint8Array(packet.buffer));
    opened.catch(() => {}); // a refused packet fails its frame when the frame is handled, not here
    frame.nonces[packet.index] = packet.nonce;
    frame.opened[packet.index] = opened;
  }

  /** Takes out frame `seq`'s packets when its message arrives (null when none came ahead of it). */
  take(seq: number): OpenedPackets | null {
    const frame = this.frames.get(seq) ?? null;
    this.frames.delete(seq);
    return frame;
  }

  /** Frames waiting for their message (for tests). */
  get waiting(): number {
    return this.frames.size;
  }

  /**
   * The frame's plaintext from its packets opened ahead, in a buffer reused from frame to frame; null when
   * they are not exactly the frame's packets (a packet missing, another count or nonce, not GCM): the
   * frame is then opened whole. Rejects with AuthenticationError when a packet was refused.
   */
  async plaintext(
    frame: OpenedPackets | null,
    message: Pick<CiphertextMessage, 'mode' | 'nonces' | 'length'>,
  ): Promise<Uint8Array | null> {
    const { nonces, length } = message;
    if (!frame || message.mode !== 'gcm' || nonces.length < 2 || frame.count !== nonces.length) return null;
    for (let i = 0; i < nonces.length; i++) {
      if (!frame.opened[i] || !equalBytes(frame.nonces[i], nonces[i])) return null;
    }
    const parts = await Promise.all(frame.opened);
    const plaintextLength = length - nonces.length * TAG_LENGTH;
    if (parts.reduce((sum, part) => sum + part.length, 0) !== plaintextLength) return null;
    if (this.joined.length !== plaintextLength) this.joined = new Uint8Array(plaintextLength);
    let at = 0;
    for (const part of parts) {
      this.joined.set(part, at);
      at += part.length;
    }
    return this.joined;
  }
}
