/**
 * The per-frame work of the lab, as plain functions over bytes so Node tests can run it: pack a frame,
 * encrypt it, turn ciphertext into pictures, decrypt. Each stage owns its buffers and reuses them while
 * the frame size stays the same, so a playing video makes no garbage here beyond what the ciphers return.
 */
import { ecbCiphertextLength, ecbEncrypt } from '../cipher/ecb';
import type { Frame } from '../cipher/frame';
import { gcmDecryptAsync, gcmEncryptAsync, NONCE_LENGTH } from '../cipher/gcm';
import { toHex } from '../cipher/hex';
import { packFrame, plaintextLength, unpackFrame, type Layout } from '../cipher/layout';
import { NonceSequence } from '../cipher/nonce';
import { toPicture } from '../cipher/picture';

/** A reusable byte buffer that grows (and is replaced) only when a larger size is needed. */
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
    return packFrame(frame, layout, bits, target);
  }
}

/** The ECB panel: plaintext → AES-128-ECB ciphertext → its picture. */
export class EcbStage {
  private readonly ciphertext = new Scratch();
  private readonly picture = new PictureBuffer();

  run(plaintext: Uint8Array, key: Uint8Array, layout: Layout, width: number, height: number) {
    const ciphertext = ecbEncrypt(key, plaintext, this.ciphertext.take(ecbCiphertextLength(plaintext.length)));
    const source = { layout, width, height, ciphertext, plaintextLength: plaintext.length };
    const picture = toPicture(source, this.picture.take(width, height)).data as Uint8ClampedArray;
    return { ciphertext, picture, padding: ciphertext.subarray(plaintext.length) };
  }
}

/**
 * The GCM and decrypted panels: plaintext → AES-256-GCM (fresh salt‖counter nonce per frame) → picture,
 * then decryption of that ciphertext with the key → the key holder's picture. A new key starts a new
 * nonce sequence.
 */
export class GcmStage {
  private key: Uint8Array | null = null;
  private nonces = new NonceSequence();
  private readonly nonce = new Uint8Array(NONCE_LENGTH);
  private readonly picture = new PictureBuffer();
  private readonly decrypted = new PictureBuffer();

  private useKey(key: Uint8Array): void {
    if (this.key && this.key.length === key.length && this.key.every((byte, i) => byte === key[i])) return;
    this.key = key.slice();
    this.nonces = new NonceSequence();
  }

  async run(plaintext: Uint8Array, key: Uint8Array, layout: Layout, width: number, height: number) {
    this.useKey(key);
    const nonce = this.nonces.next(this.nonce);
    const sealed = await gcmEncryptAsync(key, nonce, plaintext);
    const source = { layout, width, height, ciphertext: sealed, plaintextLength: plaintext.length };
    const picture = toPicture(source, this.picture.take(width, height)).data as Uint8ClampedArray;
    const opened = await gcmDecryptAsync(key, nonce, sealed);
    const decrypted = unpackFrame(opened, layout, width, height, { out: this.decrypted.take(width, height) });
    return {
      sealed,
      picture,
      decrypted: decrypted.data as Uint8ClampedArray,
      nonceHex: toHex(nonce),
      tagHex: toHex(sealed.subarray(plaintext.length)),
    };
  }
}
