/**
 * The worker's per-frame stages, run in Node (which has WebCrypto, so GcmStage takes the same native
 * path as in the browser). Each stage must give exactly what the cipher core gives — and what OpenSSL
 * (node:crypto) gives — while reusing its buffers for frames of the same size.
 * Frames are 37×23 pseudo-random pixels (tests/unit/helpers/seeded-bytes): 851 pixels, so the plaintext
 * is never whole blocks (rgb 2553 bytes, rgba 3404, gray 851) and ECB padding is 7, 4 and 13 bytes.
 */
import assert from 'node:assert/strict';
import { createDecipheriv } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  ecbEncrypt,
  LAYOUTS,
  MODES,
  packFrame,
  toPicture,
  trailingBytes,
  unpackFrame,
  type Frame,
  type Layout,
  type Mode,
} from '../../../lib/cipher';
import type { SealedPacket } from '../../../lib/cipher/gcm-packets';
import { EcbStage, GcmStage, PackStage, StreamStage } from '../../../lib/worker/stages';
import { bytesToHex, concatBytes, hexToBytes } from '../helpers/hex';
import { opensslCbc, opensslCtr, opensslEcb, opensslEcbRaw, opensslGcm } from '../helpers/openssl';
import { referencePack, referenceUnpack } from '../helpers/reference-layout';
import { seededBytes } from '../helpers/seeded-bytes';

const WIDTH = 37;
const HEIGHT = 23;
const PIXELS = WIDTH * HEIGHT;
const ECB_KEY = seededBytes('stages ECB key', 16);
const GCM_KEY = seededBytes('stages GCM key', 32);
const OTHER_GCM_KEY = seededBytes('stages other GCM key', 32);
/** ECB padding for 37×23 frames: 16 − (plaintext length mod 16). */
const PADDING: Record<Layout, number> = { rgb: 16 - (2553 % 16), rgba: 16 - (3404 % 16), gray: 16 - (851 % 16) };

function frame(seed: string, width = WIDTH, height = HEIGHT): Frame {
  return { width, height, data: new Uint8ClampedArray(seededBytes(`stages frame ${seed}`, width * height * 4).buffer) };
}

/** OpenSSL's AES-256-GCM decryption with the stage's nonce and tag, as a receiver would do it. */
function opensslOpen(key: Uint8Array, nonceHex: string, tagHex: string, ciphertext: Uint8Array): Uint8Array {
  const decipher = createDecipheriv('aes-256-gcm', key, hexToBytes(nonceHex));
  decipher.setAuthTag(hexToBytes(tagHex));
  return concatBytes(decipher.update(ciphertext), decipher.final());
}

describe('PackStage', () => {
  it('equals packFrame and the per-pixel reference, in every layout and colour depth', () => {
    const stage = new PackStage();
    const source = frame('pack');
    for (const layout of LAYOUTS) {
      for (let bits = 1; bits <= 8; bits++) {
        const packed = stage.run(source, layout, bits);
        const what = `${layout}, ${bits} bits`;
        assert.equal(bytesToHex(packed), bytesToHex(packFrame(source, layout, bits)), what);
        assert.equal(bytesToHex(packed), bytesToHex(referencePack(source.data, layout, bits)), what);
      }
    }
  });

  it('reuses one buffer while the plaintext length stays the same, and writes each frame into it', () => {
    const stage = new PackStage();
    const first = stage.run(frame('a'), 'rgb', 8);
    const second = stage.run(frame('b'), 'rgb', 5);
    assert.equal(second, first);
    assert.equal(second.buffer, first.buffer);
    assert.equal(bytesToHex(second), bytesToHex(packFrame(frame('b'), 'rgb', 5)));
  });

  it('a new buffer when the length changes; the previous one is left as it was', () => {
    const stage = new PackStage();
    const before = stage.run(frame('a'), 'rgb', 8);
    const kept = bytesToHex(before);
    const smaller = stage.run(frame('c', 36, 23), 'rgb', 8);
    assert.notEqual(smaller.buffer, before.buffer);
    assert.equal(smaller.length, 36 * 23 * 3);
    assert.equal(bytesToHex(before), kept);
    const gray = stage.run(frame('a'), 'gray', 8);
    assert.notEqual(gray.buffer, smaller.buffer);
    assert.equal(gray.length, PIXELS);
  });

  it('the buffer is keyed by length, not layout: 4×4 rgb and 8×6 gray are both 48 bytes and share it', () => {
    const stage = new PackStage();
    const rgb = stage.run(frame('d', 4, 4), 'rgb', 8);
    const gray = stage.run(frame('e', 8, 6), 'gray', 8);
    assert.equal(gray.buffer, rgb.buffer);
    assert.equal(bytesToHex(gray), bytesToHex(packFrame(frame('e', 8, 6), 'gray', 8)));
  });
});

describe('EcbStage', () => {
  for (const layout of LAYOUTS) {
    it(`${layout}: ciphertext = ecbEncrypt = OpenSSL aes-128-ecb; picture = toPicture; padding = trailingBytes (${PADDING[layout]} bytes)`, () => {
      const plaintext = packFrame(frame(`ecb ${layout}`), layout, 6);
      const { ciphertext, picture, padding } = new EcbStage().run(plaintext, ECB_KEY, layout, WIDTH, HEIGHT);
      const expected = opensslEcb(ECB_KEY, plaintext);
      assert.equal(bytesToHex(ciphertext), bytesToHex(expected));
      assert.equal(bytesToHex(ciphertext), bytesToHex(ecbEncrypt(ECB_KEY, plaintext)));
      assert.equal(ciphertext.length, plaintext.length + PADDING[layout]);

      const source = { layout, width: WIDTH, height: HEIGHT, ciphertext: expected, plaintextLength: plaintext.length };
      assert.ok(picture instanceof Uint8ClampedArray);
      assert.equal(bytesToHex(picture), bytesToHex(toPicture(source).data));
      assert.equal(
        bytesToHex(picture),
        bytesToHex(referenceUnpack(expected.subarray(0, plaintext.length), layout, PIXELS, true)),
      );

      assert.equal(bytesToHex(padding), bytesToHex(trailingBytes(source)));
      assert.equal(bytesToHex(padding), bytesToHex(expected.subarray(plaintext.length)));
      assert.equal(padding.length, PADDING[layout]);
    });
  }

  it('a plaintext of whole blocks (4×4 rgba, 64 bytes) gets a whole block of padding: AES(key, 16 × 0x10)', () => {
    const plaintext = packFrame(frame('blocks', 4, 4), 'rgba', 8);
    const { ciphertext, padding } = new EcbStage().run(plaintext, ECB_KEY, 'rgba', 4, 4);
    assert.equal(bytesToHex(ciphertext), bytesToHex(opensslEcb(ECB_KEY, plaintext)));
    assert.equal(bytesToHex(padding), bytesToHex(opensslEcbRaw(ECB_KEY, new Uint8Array(16).fill(16))));
  });

  it('the padding is a view into the ciphertext, not a copy', () => {
    const plaintext = packFrame(frame('view'), 'rgb', 8);
    const { ciphertext, padding } = new EcbStage().run(plaintext, ECB_KEY, 'rgb', WIDTH, HEIGHT);
    assert.equal(padding.buffer, ciphertext.buffer);
    assert.equal(padding.byteOffset, ciphertext.byteOffset + plaintext.length);
  });

  it("reuses its ciphertext and picture buffers for frames of one size (so the last frame's results are overwritten)", () => {
    const stage = new EcbStage();
    const a = stage.run(packFrame(frame('a'), 'rgb', 8), ECB_KEY, 'rgb', WIDTH, HEIGHT);
    const plaintextB = packFrame(frame('b'), 'rgb', 8);
    const b = stage.run(plaintextB, ECB_KEY, 'rgb', WIDTH, HEIGHT);
    assert.equal(b.ciphertext.buffer, a.ciphertext.buffer);
    assert.equal(b.picture.buffer, a.picture.buffer);
    assert.equal(bytesToHex(b.ciphertext), bytesToHex(opensslEcb(ECB_KEY, plaintextB)));
    assert.equal(bytesToHex(a.ciphertext), bytesToHex(b.ciphertext), "frame a's ciphertext now holds frame b's");
  });

  it('replaces its buffers when the size changes', () => {
    const stage = new EcbStage();
    const a = stage.run(packFrame(frame('a'), 'rgb', 8), ECB_KEY, 'rgb', WIDTH, HEIGHT);
    const plaintext = packFrame(frame('f', 40, 23), 'rgb', 8);
    const b = stage.run(plaintext, ECB_KEY, 'rgb', 40, 23);
    assert.notEqual(b.ciphertext.buffer, a.ciphertext.buffer);
    assert.notEqual(b.picture.buffer, a.picture.buffer);
    assert.equal(b.picture.length, 40 * 23 * 4);
    assert.equal(bytesToHex(b.ciphertext), bytesToHex(opensslEcb(ECB_KEY, plaintext)));
  });
});

describe('GcmStage', () => {
  for (const layout of LAYOUTS) {
    it(`${layout}: sealed = OpenSSL aes-256-gcm under the reported nonce; OpenSSL opens it with the reported tag; pictures exact`, async () => {
      const plaintext = packFrame(frame(`gcm ${layout}`), layout, 7);
      const result = await new GcmStage().run(plaintext, GCM_KEY, layout, WIDTH, HEIGHT);
      const body = result.sealed.subarray(0, plaintext.length);

      assert.match(result.nonceHex, /^[0-9a-f]{8}0{16}$/, 'salt ‖ counter 0');
      assert.match(result.tagHex, /^[0-9a-f]{32}$/);
      assert.equal(bytesToHex(result.sealed), bytesToHex(opensslGcm(GCM_KEY, hexToBytes(result.nonceHex), plaintext)));
      assert.equal(result.tagHex, bytesToHex(result.sealed.subarray(plaintext.length)));
      assert.equal(bytesToHex(opensslOpen(GCM_KEY, result.nonceHex, result.tagHex, body)), bytesToHex(plaintext));

      const source = {
        layout,
        width: WIDTH,
        height: HEIGHT,
        ciphertext: result.sealed,
        plaintextLength: plaintext.length,
      };
      assert.equal(bytesToHex(result.picture), bytesToHex(toPicture(source).data));
      assert.equal(bytesToHex(result.picture), bytesToHex(referenceUnpack(body, layout, PIXELS, true)));
      // The decrypted panel is opaque, like every panel (rgba's quantized alpha is not drawn).
      assert.equal(
        bytesToHex(result.decrypted),
        bytesToHex(unpackFrame(plaintext, layout, WIDTH, HEIGHT, { opaque: true }).data),
      );
      assert.equal(bytesToHex(result.decrypted), bytesToHex(referenceUnpack(plaintext, layout, PIXELS, true)));
    });
  }

  it('cuts a frame into packets: OpenSSL opens each with its nonce (the next counters) and its tag, across frames', async () => {
    // 37×23 rgb is 2553 bytes: 1000-byte packets make three, the last 553 bytes.
    const stage = new GcmStage(1000);
    const plaintext = packFrame(frame('packets'), 'rgb', 8);
    const first = await stage.run(plaintext, GCM_KEY, 'rgb', WIDTH, HEIGHT);
    // The picture and decrypted buffers are reused by the next frame: read them first.
    const pictureHex = bytesToHex(first.picture);
    const decryptedHex = bytesToHex(first.decrypted);
    const second = await stage.run(plaintext, GCM_KEY, 'rgb', WIDTH, HEIGHT);
    const salt = first.nonceHex.slice(0, 8);
    assert.deepEqual(
      [...first.nonces, ...second.nonces].map(bytesToHex),
      [0, 1, 2, 3, 4, 5].map((n) => salt + n.toString(16).padStart(16, '0')),
    );
    assert.equal(first.sealed.length, 2553 + 3 * 16);
    assert.equal(first.tagHex.length, 3 * 32);
    [0, 1000, 2000].forEach((start, i) => {
      const end = Math.min(2553, start + 1000);
      const tag = first.tagHex.slice(i * 32, (i + 1) * 32);
      const opened = opensslOpen(GCM_KEY, bytesToHex(first.nonces[i]), tag, first.sealed.subarray(start, end));
      assert.equal(bytesToHex(opened), bytesToHex(plaintext.subarray(start, end)), `packet ${i}`);
    });
    const source = {
      layout: 'rgb' as const,
      width: WIDTH,
      height: HEIGHT,
      ciphertext: first.sealed,
      plaintextLength: 2553,
    };
    assert.equal(pictureHex, bytesToHex(toPicture(source).data));
    assert.equal(decryptedHex, bytesToHex(unpackFrame(plaintext, 'rgb', WIDTH, HEIGHT, { opaque: true }).data));
  });

  it('OpenSSL refuses the reported tag with one bit flipped', async () => {
    const plaintext = packFrame(frame('tamper'), 'rgb', 8);
    const { sealed, nonceHex, tagHex } = await new GcmStage().run(plaintext, GCM_KEY, 'rgb', WIDTH, HEIGHT);
    const flipped = bytesToHex(hexToBytes(tagHex).map((byte, i) => (i === 0 ? byte ^ 1 : byte)));
    assert.throws(
      () => opensslOpen(GCM_KEY, nonceHex, flipped, sealed.subarray(0, plaintext.length)),
      /unable to authenticate/,
    );
  });

  it('nonces are one salt ‖ a big-endian counter 0, 1, 2 … across 300 frames: all different', async () => {
    const stage = new GcmStage();
    const plaintext = packFrame(frame('count', 4, 4), 'rgb', 8);
    const nonces: string[] = [];
    for (let i = 0; i < 300; i++) nonces.push((await stage.run(plaintext, GCM_KEY, 'rgb', 4, 4)).nonceHex);
    const salt = nonces[0].slice(0, 8);
    nonces.forEach((nonce, i) => assert.equal(nonce, salt + i.toString(16).padStart(16, '0'), `frame ${i}`));
    assert.equal(new Set(nonces).size, 300);
  });

  it('the same frame encrypted twice gets two nonces and two different ciphertexts and tags', async () => {
    const stage = new GcmStage();
    const plaintext = packFrame(frame('twice'), 'rgb', 8);
    const first = await stage.run(plaintext, GCM_KEY, 'rgb', WIDTH, HEIGHT);
    const firstSealed = bytesToHex(first.sealed);
    const second = await stage.run(plaintext, GCM_KEY, 'rgb', WIDTH, HEIGHT);
    assert.notEqual(second.nonceHex, first.nonceHex);
    assert.notEqual(bytesToHex(second.sealed), firstSealed);
    assert.notEqual(second.tagHex, first.tagHex);
    assert.equal(bytesToHex(first.sealed), firstSealed, 'each frame keeps its own sealed bytes');
  });

  it('a new key restarts the counter at 0 with a new random salt (a 2^-32 chance of the same salt would fail this)', async () => {
    const stage = new GcmStage();
    const plaintext = packFrame(frame('keys', 4, 4), 'gray', 8);
    const run = async (key: Uint8Array) => (await stage.run(plaintext, key, 'gray', 4, 4)).nonceHex;
    const a0 = await run(GCM_KEY);
    const a1 = await run(GCM_KEY);
    const b0 = await run(OTHER_GCM_KEY);
    const b1 = await run(OTHER_GCM_KEY);
    const c0 = await run(GCM_KEY);
    assert.deepEqual(
      [a0, a1, b0, b1, c0].map((nonce) => nonce.slice(8)),
      ['0', '1', '0', '1', '0'].map((n) => n.padStart(16, '0')),
    );
    assert.equal(a1.slice(0, 8), a0.slice(0, 8));
    assert.equal(b1.slice(0, 8), b0.slice(0, 8));
    assert.notEqual(b0.slice(0, 8), a0.slice(0, 8));
    assert.notEqual(c0.slice(0, 8), a0.slice(0, 8), 'back to the first key: a fresh salt, not the old sequence');
  });

  it('keys are compared by value: an equal key in a new array continues the sequence; a key changed in place restarts it', async () => {
    const stage = new GcmStage();
    const plaintext = packFrame(frame('copies', 4, 4), 'gray', 8);
    const key = GCM_KEY.slice();
    const n0 = (await stage.run(plaintext, key, 'gray', 4, 4)).nonceHex;
    const n1 = (await stage.run(plaintext, GCM_KEY.slice(), 'gray', 4, 4)).nonceHex;
    assert.equal(n1, n0.slice(0, 8) + '1'.padStart(16, '0'));
    key[31] ^= 1;
    const changed = await stage.run(plaintext, key, 'gray', 4, 4);
    assert.equal(changed.nonceHex.slice(8), '0'.padStart(16, '0'));
    assert.equal(
      bytesToHex(opensslOpen(key, changed.nonceHex, changed.tagHex, changed.sealed.subarray(0, 16))),
      bytesToHex(plaintext),
    );
  });

  it('reuses its picture and decrypted buffers for frames of one size, and replaces them when the size changes', async () => {
    const stage = new GcmStage();
    const a = await stage.run(packFrame(frame('a'), 'rgb', 8), GCM_KEY, 'rgb', WIDTH, HEIGHT);
    const plaintextB = packFrame(frame('b'), 'rgb', 8);
    const b = await stage.run(plaintextB, GCM_KEY, 'rgb', WIDTH, HEIGHT);
    assert.equal(b.picture.buffer, a.picture.buffer);
    assert.equal(b.decrypted.buffer, a.decrypted.buffer);
    assert.notEqual(b.decrypted.buffer, b.picture.buffer);
    assert.equal(bytesToHex(b.decrypted), bytesToHex(referenceUnpack(plaintextB, 'rgb', PIXELS)));
    const c = await stage.run(packFrame(frame('g', 38, 23), 'rgb', 8), GCM_KEY, 'rgb', 38, 23);
    assert.notEqual(c.picture.buffer, a.picture.buffer);
    assert.notEqual(c.decrypted.buffer, a.decrypted.buffer);
    assert.equal(c.picture.length, 38 * 23 * 4);
  });
});

describe('EcbStage reuses the ciphertext of unchanged blocks, byte for byte', () => {
  const KEY_A = Uint8Array.from({ length: 16 }, (_, i) => i);
  const KEY_B = Uint8Array.from({ length: 16 }, (_, i) => 255 - i);

  /** A deterministic generator, so a failure can be replayed. */
  function* lcg(seed: number): Generator<number> {
    let state = seed >>> 0;
    for (;;) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      yield state;
    }
  }

  it('over a stream of frames with a few changed blocks, key changes and size changes, equals ecbEncrypt every frame', () => {
    const stage = new EcbStage();
    const random = lcg(7);
    let plaintext = new Uint8Array(640 * 36 * 3).map(() => random.next().value & 3);
    let key = KEY_A;
    const reused: number[] = [];
    for (let frame = 0; frame < 40; frame++) {
      if (frame === 15) key = KEY_B;
      if (frame === 25) plaintext = plaintext.slice(0, 320 * 36 * 3 + 5);
      plaintext = plaintext.slice();
      const edits = frame % 10 === 9 ? plaintext.length : 1 + (random.next().value % 20);
      for (let e = 0; e < edits; e++)
        plaintext[random.next().value % plaintext.length] ^= 1 + (random.next().value % 255);
      const { ciphertext } = stage.run(plaintext, key, 'rgb', 1, (plaintext.length / 3) | 0 || 1);
      assert.deepEqual(Buffer.from(ciphertext), Buffer.from(ecbEncrypt(key, plaintext)), `frame ${frame}`);
      reused.push(stage.reusedBlocks);
    }
    const blocks = Math.ceil((640 * 36 * 3 + 1) / 16);
    assert.equal(reused[0], 0, 'the first frame has nothing to reuse');
    assert.ok(reused[1] > blocks - 21 && reused[1] < blocks, `frame 1 reused ${reused[1]} of ${blocks}`);
    assert.equal(reused[9], 0, 'a frame where everything changed is encrypted whole');
    assert.equal(reused[15], 0, 'a new key reuses nothing');
    assert.equal(reused[25], 0, 'a new size reuses nothing');
    assert.ok(reused[26] > 0);
  });

  it('an unchanged frame reuses every block, including the padding block', () => {
    const stage = new EcbStage();
    const plaintext = new Uint8Array(48 * 3).fill(9);
    stage.run(plaintext, KEY_A, 'rgb', 48, 1);
    const { ciphertext } = stage.run(plaintext.slice(), KEY_A, 'rgb', 48, 1);
    assert.equal(stage.reusedBlocks, 10);
    assert.deepEqual(Buffer.from(ciphertext), Buffer.from(ecbEncrypt(KEY_A, plaintext)));
  });
});

describe('StreamStage: a ciphertext panel in any mode', () => {
  const expected = (mode: Mode, key: Uint8Array, nonce: Uint8Array | null, plaintext: Uint8Array): Uint8Array => {
    if (mode === 'ecb') return opensslEcb(key, plaintext);
    if (mode === 'cbc') return opensslCbc(key, nonce as Uint8Array, plaintext);
    if (mode === 'ctr') return opensslCtr(key, nonce as Uint8Array, plaintext);
    return opensslGcm(key, nonce as Uint8Array, plaintext);
  };

  for (const mode of MODES) {
    for (const layout of LAYOUTS) {
      it(`${mode}, ${layout}: ciphertext = OpenSSL under the reported nonce or IV; picture = toPicture; the key holder gets the pixels back`, async () => {
        const key = mode === 'gcm' ? GCM_KEY : ECB_KEY;
        const source = frame(`stream ${mode} ${layout}`);
        const plaintext = packFrame(source, layout, 8);
        const stage = new StreamStage();
        const encrypted = await stage.encrypt(plaintext, mode, key, layout, WIDTH, HEIGHT);
        assert.equal(encrypted.mode, mode);
        assert.equal(encrypted.nonce?.length ?? 0, { ecb: 0, cbc: 16, ctr: 16, gcm: 12 }[mode]);
        assert.equal(
          bytesToHex(encrypted.ciphertext),
          bytesToHex(expected(mode, key, encrypted.nonce, plaintext)),
          'ciphertext',
        );
        const picture = {
          layout,
          width: WIDTH,
          height: HEIGHT,
          ciphertext: encrypted.ciphertext,
          plaintextLength: plaintext.length,
        };
        assert.equal(bytesToHex(encrypted.picture), bytesToHex(toPicture(picture).data), 'picture');
        const decrypted = await stage.decrypt(encrypted, key, layout, WIDTH, HEIGHT);
        assert.equal(
          bytesToHex(decrypted),
          bytesToHex(unpackFrame(plaintext, layout, WIDTH, HEIGHT, { opaque: true }).data),
        );
      });
    }
  }

  it('CBC and CTR take a fresh random IV for every frame, so the same frame never encrypts alike', async () => {
    const stage = new StreamStage();
    const plaintext = packFrame(frame('stream fresh'), 'rgb', 8);
    for (const mode of ['cbc', 'ctr'] as const) {
      const a = await stage.encrypt(plaintext, mode, ECB_KEY, 'rgb', WIDTH, HEIGHT);
      const aHex = bytesToHex(a.ciphertext);
      const aIv = bytesToHex(a.nonce as Uint8Array);
      const b = await stage.encrypt(plaintext, mode, ECB_KEY, 'rgb', WIDTH, HEIGHT);
      assert.notEqual(bytesToHex(b.nonce as Uint8Array), aIv, `${mode}: a new IV`);
      assert.notEqual(bytesToHex(b.ciphertext), aHex, `${mode}: different ciphertext`);
    }
  });

  it('plainPicture is, in every mode and layout, exactly what the key holder decrypts', async () => {
    for (const mode of MODES) {
      for (const layout of LAYOUTS) {
        const key = mode === 'gcm' ? GCM_KEY : ECB_KEY;
        const plaintext = packFrame(frame(`plain picture ${mode} ${layout}`), layout, 5);
        const stage = new StreamStage();
        const encrypted = await stage.encrypt(plaintext, mode, key, layout, WIDTH, HEIGHT);
        const decrypted = bytesToHex(await stage.decrypt(encrypted, key, layout, WIDTH, HEIGHT));
        const plain = stage.plainPicture(plaintext, layout, WIDTH, HEIGHT);
        assert.equal(bytesToHex(plain), decrypted, `${mode}, ${layout}`);
        assert.equal(
          bytesToHex(plain),
          bytesToHex(referenceUnpack(plaintext, layout, PIXELS, true)),
          `${mode}, ${layout}`,
        );
      }
    }
  });

  it('a GCM frame of several packets: the key holder opens every packet, and is refused if one tag changes', async () => {
    const length = 1280 * 720 * 4;
    const plaintext = seededBytes('stream packets', length);
    const stage = new StreamStage();
    const encrypted = await stage.encrypt(plaintext, 'gcm', GCM_KEY, 'rgba', 1280, 720);
    assert.equal(encrypted.nonces.length, 4);
    assert.equal(encrypted.ciphertext.length, length + 4 * 16);
    const decrypted = await stage.decrypt(encrypted, GCM_KEY, 'rgba', 1280, 720);
    const expected = unpackFrame(plaintext, 'rgba', 1280, 720, { opaque: true }).data;
    assert.ok(Buffer.from(decrypted).equals(Buffer.from(expected)));
    const altered = { ...encrypted, ciphertext: encrypted.ciphertext.slice() };
    altered.ciphertext[length + 3 * 16] ^= 0x80;
    await assert.rejects(stage.decrypt(altered, GCM_KEY, 'rgba', 1280, 720), { name: 'AuthenticationError' });
  });

  it('a GCM frame of several packets hands each packet over as sealed: OpenSSL opens them to the frame', async () => {
    const length = 1280 * 720 * 3;
    const plaintext = seededBytes('stream packets handed over', length);
    const stage = new StreamStage();
    const handed: SealedPacket[] = [];
    const encrypted = await stage.encrypt(plaintext, 'gcm', GCM_KEY, 'rgb', 1280, 720, (packet) => handed.push(packet));
    assert.deepEqual(
      handed.map((packet) => [packet.index, packet.count]),
      [
        [0, 3],
        [1, 3],
        [2, 3],
      ],
    );
    assert.deepEqual(
      handed.map((packet) => bytesToHex(packet.nonce)),
      encrypted.nonces.map(bytesToHex),
    );
    const opened = handed.map((packet) => {
      const body = packet.message.subarray(0, packet.message.length - 16);
      const tag = packet.message.subarray(packet.message.length - 16);
      return opensslOpen(GCM_KEY, bytesToHex(packet.nonce), bytesToHex(tag), body);
    });
    assert.ok(Buffer.from(concatBytes(...opened)).equals(Buffer.from(plaintext)));
  });

  it('the key holder is refused a GCM frame whose ciphertext was altered', async () => {
    const stage = new StreamStage();
    const plaintext = packFrame(frame('stream refused'), 'rgb', 8);
    const encrypted = await stage.encrypt(plaintext, 'gcm', GCM_KEY, 'rgb', WIDTH, HEIGHT);
    const altered = { ...encrypted, ciphertext: encrypted.ciphertext.slice() };
    altered.ciphertext[0] ^= 1;
    await assert.rejects(stage.decrypt(altered, GCM_KEY, 'rgb', WIDTH, HEIGHT), { name: 'AuthenticationError' });
  });
});
