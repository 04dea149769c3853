/**
 * A frame sealed with AES-256-GCM as packets, the way a call's network packets are sealed one by one:
 * the plaintext is cut into pieces of at most {@link GCM_PACKET_BYTES}, and each piece is sealed under its
 * own nonce (the next of the stream's salt ‖ counter sequence) with its own tag. Receivers open each packet
 * on its own, so a change anywhere in one packet's bytes, tag or nonce makes that packet, and the frame,
 * fail to open.
 *
 * Laid out as every packet's ciphertext in order, exactly as long as the plaintext (so its picture is the
 * frame's), followed by the packets' tags in the same order.
 *
 * Why packets of at most 900 KiB rather than one message per frame: a browser's WebCrypto copies a
 * message into new buffers on its way in and out, and Chromium hands out buffers of more than about
 * 960 KiB as fresh memory every time. A 1280×720 RGBA frame (3.6 MB) sealed as one message took 34.6 ms
 * in the lab's worker where the same bytes as four packets took 11.6 ms (README, Performance). A 640×360
 * RGBA frame is exactly one packet.
 */
import { gcmDecryptAsync, gcmEncryptAsync, TAG_LENGTH } from './gcm';
import type { NonceSequence } from './nonce';

/** The largest packet, in plaintext bytes: 900 KiB, one 640×360 RGBA frame. */
export const GCM_PACKET_BYTES = 900 * 1024;

/** How many packets `plaintextLength` bytes are sealed as (an empty frame is still one packet). */
export function packetCount(plaintextLength: number, packetBytes = GCM_PACKET_BYTES): number {
  if (!Number.isSafeInteger(packetBytes) || packetBytes < 1) {
    throw new RangeError(`packet size must be a whole number of bytes ≥ 1, got ${packetBytes}`);
  }
  return Math.max(1, Math.ceil(plaintextLength / packetBytes));
}

/** A frame sealed as packets: the packets' ciphertext then their tags, and each packet's nonce. */
export interface SealedPackets {
  sealed: Uint8Array;
  nonces: Uint8Array[];
}

/** One packet of a frame, as it leaves the sender: its place, its nonce, and its ciphertext ‖ tag. */
export interface SealedPacket {
  index: number;
  count: number;
  nonce: Uint8Array;
  /** One GCM message: the packet's ciphertext then its tag, in a buffer of its own. */
  message: Uint8Array;
}

/**
 * Seals `plaintext` as packets, each under the next nonce of `nonces`, one after another. For a frame of
 * several packets, `onPacket` gets each packet as soon as it is sealed (and may keep or transfer its
 * buffer), so a receiver can open it while the next is sealed, as a call's packets travel.
 */
export async function sealPackets(
  key: Uint8Array,
  nonces: NonceSequence,
  plaintext: Uint8Array,
  packetBytes = GCM_PACKET_BYTES,
  onPacket?: (packet: SealedPacket) => void,
): Promise<SealedPackets> {
  const count = packetCount(plaintext.length, packetBytes);
  const length = plaintext.length;
  const ivs = Array.from({ length: count }, () => nonces.next());
  // One packet is laid out as one GCM message already: ciphertext then tag, with nothing to copy.
  if (count === 1) return { sealed: await gcmEncryptAsync(key, ivs[0], plaintext), nonces: ivs };
  const sealed = new Uint8Array(length + count * TAG_LENGTH);
  for (let i = 0; i < count; i++) {
    const start = i * packetBytes;
    const message = await gcmEncryptAsync(
      key,
      ivs[i],
      plaintext.subarray(start, Math.min(length, start + packetBytes)),
    );
    const body = message.length - TAG_LENGTH;
    sealed.set(message.subarray(0, body), start);
    sealed.set(message.subarray(body), length + i * TAG_LENGTH);
    onPacket?.({ index: i, count, nonce: ivs[i], message });
  }
  return { sealed, nonces: ivs };
}

/**
 * Opens a frame sealed by {@link sealPackets} with the packets' `nonces`; throws AuthenticationError if
 * any packet fails to open. A frame of several packets is opened into `out` when it is exactly the right
 * length; a single packet's plaintext comes back as WebCrypto gives it.
 */
export async function openPackets(
  key: Uint8Array,
  nonces: readonly Uint8Array[],
  sealed: Uint8Array,
  packetBytes = GCM_PACKET_BYTES,
  out?: Uint8Array,
): Promise<Uint8Array> {
  const count = nonces.length;
  const length = sealed.length - count * TAG_LENGTH;
  if (count < 1 || length < 0 || packetCount(length, packetBytes) !== count) {
    throw new RangeError(
      `${sealed.length} sealed bytes are not ${count} packet${count === 1 ? '' : 's'} of at most ${packetBytes} bytes with their tags`,
    );
  }
  if (count === 1) return gcmDecryptAsync(key, nonces[0], sealed);
  const plaintext = out && out.length === length ? out : new Uint8Array(length);
  await Promise.all(
    nonces.map(async (iv, i) => {
      const start = i * packetBytes;
      const end = Math.min(length, start + packetBytes);
      const packet = new Uint8Array(end - start + TAG_LENGTH);
      packet.set(sealed.subarray(start, end));
      packet.set(sealed.subarray(length + i * TAG_LENGTH, length + (i + 1) * TAG_LENGTH), end - start);
      plaintext.set(await gcmDecryptAsync(key, iv, packet), start);
    }),
  );
  return plaintext;
}
