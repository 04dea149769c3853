/**
 * The per-frame work of the lab, as plain functions over bytes so Node tests can run it: pack a frame,
 * encrypt it, turn ciphertext into pictures, decrypt. Each stage owns its buffers and reuses them while
 * the frame size stays the same, so a playing video makes no garbage here beyond what the ciphers return.
 *
 * Calls of per-frame work carry a NOINLINE annotation. Without it the production minifier turns a
 * function called from one place into a function expression inside its caller, created afresh on every
 * call, and V8 compiles each fresh copy's loops again: half a core of compiling while the lab plays
 * (`npm run bench` reports the optimizing compilers' share of a core; see the README's Performance
 * section).
 */
import { cbcDecrypt, cbcEncrypt } from '../cipher/cbc';
import { ctrDecrypt, ctrEncrypt } from '../cipher/ctr';
import { BLOCK, ecbCiphertextLength, ecbDecrypt, ecbEncrypt, ecbEncryptBlocks } from '../cipher/ecb';
import type { Frame } from '../cipher/frame';
import { TAG_LENGTH } from '../cipher/gcm';
import { GCM_PACKET_BYTES, openPackets, sealPackets, type SealedPacket } from '../cipher/gcm-packets';
import { toHex } from '../cipher/hex';
import { IV_LENGTH } from '../cipher/iv';
import { checkKey, randomBytes, type Mode } from '../cipher/keys';
import { packFrame, plaintextLength, unpackFrame, type Layout } from '../cipher/layout';
import { NonceSequence } from '../cipher/nonce';
import { toPicture } from '../cipher/picture';

/** A reusable byte buffer, replaced only when the size changes. */
class Scratch {
  private bytes = new Uint8Array(0);

  take(length: number): Uint8Array {
    if (this.bytes.length !== length) this.bytes = new Uint8Array(length);
    return this.bytes;
  }
}

/** A reusable RGBA buffer for a picture of one size. */
class PictureBuffer {
  private data = new Uint8ClampedArray(0);

  take(width: number, height: number): Uint8ClampedArray {
    const length = width * height * 4;
    if (this.data.length !== length) this.data = new Uint8ClampedArray(length);
    return this.data;
  }
}

/** Frame → plaintext bytes in the chosen layout and colour depth, into one reused buffer. */
export class PackStage {
  private readonly out = new Scratch();

  run(frame: Frame, layout: Layout, bits: number): Uint8Array {
    const target = this.out.take(plaintextLength(frame.width, frame.height, layout));
    return /*#__NOINLINE__*/ packFrame(frame, layout, bits, target);
  }
}

/**
 * Re-encrypts only the 16-byte blocks that changed since the previous frame. ECB is deterministic, so
 * under the same key an unchanged plaintext block has the same ciphertext block as last time, and the
 * result is byte-for-byte what encrypting the whole frame gives. (That an encryptor can do this at all is
 * ECB's weakness again: an eavesdropper sees the same unchanged blocks.) Most of a video call's blocks
 * do not change between frames, so this is most of the ECB work saved; a noisy camera changes nearly
 * every block, and then the whole frame is simply encrypted.
 */
class EcbBlockCache {
  private key: Uint8Array | null = null;
  private padded = new Uint8Array(0);
  private next = new Uint8Array(0);
  private gathered = new Uint8Array(0);
  private changed = new Uint32Array(0);
  /** Blocks taken from the previous frame's ciphertext in the last call (for the bench). */
  reused = 0;

  /**
   * Encrypts `plaintext` with PKCS#7 padding into `out`, which must hold the previous call's ciphertext
   * (the caller keeps passing the same buffer while the size stays the same).
   */
  encrypt(key: Uint8Array, plaintext: Uint8Array, out: Uint8Array): Uint8Array {
    const length = ecbCiphertextLength(plaintext.length);
    if (this.next.length !== length) this.next = new Uint8Array(length);
    this.next.set(plaintext);
    this.next.fill(length - plaintext.length, plaintext.length);
    const blocks = length / BLOCK;
    const comparable = this.key !== null && this.padded.length === length && equalBytes(this.key, key);
    const changed = comparable ? this.changedBlocks(blocks) : blocks;
    if (changed * 2 > blocks) {
      /*#__NOINLINE__*/ ecbEncrypt(key, plaintext, out);
      this.reused = 0;
    } else if (changed > 0) {
      const gathered = this.gathered.subarray(0, changed * BLOCK);
      for (let i = 0; i < changed; i++) {
        const at = this.changed[i] * BLOCK;
        gathered.set(this.next.subarray(at, at + BLOCK), i * BLOCK);
      }
      const encrypted = /*#__NOINLINE__*/ ecbEncryptBlocks(key, gathered);
      for (let i = 0; i < changed; i++)
        out.set(encrypted.subarray(i * BLOCK, (i + 1) * BLOCK), this.changed[i] * BLOCK);
      this.reused = blocks - changed;
    } else {
      this.reused = blocks;
    }
    [this.padded, this.next] = [this.next, this.padded];
    this.key = key.slice();
    return out;
  }

  /** Lists the blocks of `next` that differ from `padded`; returns how many. */
  private changedBlocks(blocks: number): number {
    if (this.changed.length < blocks) {
      this.changed = new Uint32Array(blocks);
      this.gathered = new Uint8Array(blocks * BLOCK);
    }
    const a = new Uint32Array(this.next.buffer, this.next.byteOffset, blocks * 4);
    const b = new Uint32Array(this.padded.buffer, this.padded.byteOffset, blocks * 4);
    let count = 0;
    for (let block = 0, w = 0; block < blocks; block++, w += 4) {
      if (a[w] !== b[w] || a[w + 1] !== b[w + 1] || a[w + 2] !== b[w + 2] || a[w + 3] !== b[w + 3])
        this.changed[count++] = block;
    }
    return count;
  }
}

/** Whether two byte arrays hold the same bytes. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The ECB panel: plaintext → AES-128-ECB ciphertext → its picture. */
export class EcbStage {
  private readonly ciphertext = new Scratch();
  private readonly picture = new PictureBuffer();
  private readonly cache = new EcbBlockCache();

  /** Blocks reused from the previous frame in the last run. */
  get reusedBlocks(): number {
    return this.cache.reused;
  }

  run(plaintext: Uint8Array, key: Uint8Array, layout: Layout, width: number, height: number) {
    checkKey(key, 'ecb');
    const buffer = this.ciphertext.take(ecbCiphertextLength(plaintext.length));
    const ciphertext = this.cache.encrypt(key, plaintext, buffer);
    const source = { layout, width, height, ciphertext, plaintextLength: plaintext.length };
    const picture = /*#__NOINLINE__*/ toPicture(source, this.picture.take(width, height)).data as Uint8ClampedArray;
    return { ciphertext, picture, padding: ciphertext.subarray(plaintext.length) };
  }
}

/**
 * The GCM and decrypted panels: plaintext → AES-256-GCM as packets of at most 900 KiB, each under a fresh
 * salt‖counter nonce (lib/cipher/gcm-packets) → picture, then decryption of those packets with the key →
 * the key holder's picture. A new key starts a new nonce sequence.
 */
export class GcmStage {
  private key: Uint8Array | null = null;
  private nonces = new NonceSequence();
  private readonly picture = new PictureBuffer();
  private readonly decrypted = new PictureBuffer();
  private readonly opened = new Scratch();

  /** @param packetBytes the largest packet (tests use small ones to cut small frames into several). */
  constructor(readonly packetBytes = GCM_PACKET_BYTES) {}

  private useKey(key: Uint8Array): void {
    if (this.key && equalBytes(this.key, key)) return;
    this.key = key.slice();
    this.nonces = new NonceSequence();
  }

  /**
   * Seals the frame as packets under the next nonces; the picture is drawn from the packets' ciphertext
   * (the tags left out). Each frame gets its own sealed bytes and nonces: runs may overlap.
   */
  async seal(
    plaintext: Uint8Array,
    key: Uint8Array,
    layout: Layout,
    width: number,
    height: number,
    onPacket?: (packet: SealedPacket) => void,
  ) {
    this.useKey(key);
    const { sealed, nonces } = await sealPackets(key, this.nonces, plaintext, this.packetBytes, onPacket);
    const source = { layout, width, height, ciphertext: sealed, plaintextLength: plaintext.length };
    const picture = /*#__NOINLINE__*/ toPicture(source, this.picture.take(width, height)).data as Uint8ClampedArray;
    return { sealed, picture, nonces };
  }

  /** The packets' plaintext, opened with `key` into a buffer reused while the size stays the same. */
  open(key: Uint8Array, nonces: readonly Uint8Array[], sealed: Uint8Array): Promise<Uint8Array> {
    const length = sealed.length - nonces.length * TAG_LENGTH;
    return openPackets(key, nonces, sealed, this.packetBytes, this.opened.take(Math.max(0, length)));
  }

  async run(plaintext: Uint8Array, key: Uint8Array, layout: Layout, width: number, height: number) {
    const { sealed, picture, nonces } = await this.seal(plaintext, key, layout, width, height);
    const opened = await this.open(key, nonces, sealed);
    return {
      sealed,
      picture,
      nonces,
      decrypted: opaquePixels(opened, layout, width, height, this.decrypted),
      nonceHex: toHex(nonces[0]),
      tagHex: toHex(sealed.subarray(plaintext.length)),
    };
  }
}

/**
 * Opaque, like every panel: in rgba at low depth the alpha byte is quantized too, and a translucent canvas
 * would change the colours it is read back with.
 */
function opaquePixels(plaintext: Uint8Array, layout: Layout, width: number, height: number, out: PictureBuffer) {
  return /*#__NOINLINE__*/ unpackFrame(plaintext, layout, width, height, { opaque: true, out: out.take(width, height) })
    .data as Uint8ClampedArray;
}

/** One frame of a ciphertext panel's stream, in whichever mode the panel shows. */
export interface StreamFrame {
  mode: Mode;
  /** All the ciphertext: ECB's and CBC's padding and GCM's tag included. */
  ciphertext: Uint8Array;
  /** The ciphertext's picture (the first plaintext-length bytes, laid out as the frame). */
  picture: Uint8ClampedArray;
  /** GCM's first packet's nonce, CBC's IV or CTR's initial counter block; null for ECB. */
  nonce: Uint8Array | null;
  /** GCM: each packet's nonce, in order (the tags follow the ciphertext in the same order); else empty. */
  nonces: Uint8Array[];
  plaintextLength: number;
  reusedBlocks: number;
}

/**
 * A ciphertext panel's stream: plaintext → the panel's mode → picture, and back for the key holder. ECB
 * re-encrypts only changed blocks (EcbStage); CBC and CTR take a fresh random 16-byte IV or initial
 * counter block per frame (so no counter block repeats under the key); GCM seals packets, each under a fresh nonce. CBC and CTR run
 * in noble; GCM in the browser's WebCrypto where it has it.
 */
export class StreamStage {
  private readonly ecb = new EcbStage();
  private readonly gcm = new GcmStage();
  private readonly picture = new PictureBuffer();
  private readonly decrypted = new PictureBuffer();

  async encrypt(
    plaintext: Uint8Array,
    mode: Mode,
    key: Uint8Array,
    layout: Layout,
    width: number,
    height: number,
    onPacket?: (packet: SealedPacket) => void,
  ): Promise<StreamFrame> {
    const plaintextLength = plaintext.length;
    if (mode === 'ecb') {
      const { ciphertext, picture } = this.ecb.run(plaintext, key, layout, width, height);
      const reusedBlocks = this.ecb.reusedBlocks;
      return { mode, ciphertext, picture, nonce: null, nonces: [], plaintextLength, reusedBlocks };
    }
    if (mode === 'gcm') {
      const { sealed, picture, nonces } = await this.gcm.seal(plaintext, key, layout, width, height, onPacket);
      return { mode, ciphertext: sealed, picture, nonce: nonces[0], nonces, plaintextLength, reusedBlocks: 0 };
    }
    const iv = randomBytes(IV_LENGTH);
    const ciphertext = (mode === 'cbc' ? cbcEncrypt : ctrEncrypt)(key, iv, plaintext);
    const source = { layout, width, height, ciphertext, plaintextLength };
    const picture = /*#__NOINLINE__*/ toPicture(source, this.picture.take(width, height)).data as Uint8ClampedArray;
    return { mode, ciphertext, picture, nonce: iv, nonces: [], plaintextLength, reusedBlocks: 0 };
  }

  /** What the key holder sees of `frame`: its pixels, decrypted with `key`, opaque. */
  async decrypt(
    frame: Pick<StreamFrame, 'mode' | 'ciphertext' | 'nonce' | 'nonces'>,
    key: Uint8Array,
    layout: Layout,
    width: number,
    height: number,
  ) {
    const { mode, ciphertext, nonce, nonces } = frame;
    let opened: Uint8Array;
    if (mode === 'ecb') opened = ecbDecrypt(key, ciphertext);
    else if (mode === 'gcm') opened = await this.gcm.open(key, nonces, ciphertext);
    else opened = (mode === 'cbc' ? cbcDecrypt : ctrDecrypt)(key, nonce as Uint8Array, ciphertext);
    return opaquePixels(opened, layout, width, height, this.decrypted);
  }

  /**
   * The pixels of `plaintext`, opaque: what the key holder sees of a frame that decrypts (every mode gives
   * the plaintext back exactly), into the buffer decrypt uses.
   */
  plainPicture(plaintext: Uint8Array, layout: Layout, width: number, height: number) {
    return opaquePixels(plaintext, layout, width, height, this.decrypted);
  }
}
