/**
 * The attack lab as a trainer uses it, on frames of the sample call. What each receiver shows is read
 * back from the pixels the page drew and compared, byte by byte, with the frames the demo started from
 * (drawn on the same page): the expectations are what each mode does to an edit, computed here.
 */
import { expect, test } from './fixtures/index';
import { mediaFixture } from './fixtures/media';

/** Indices of the bytes where a and b differ. */
function differing(a: Uint8Array, b: Uint8Array): number[] {
  expect(a.length).toBe(b.length);
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(i);
  return out;
}

function bitsBetween(a: number, b: number): number {
  let bits = 0;
  for (let v = a ^ b; v; v &= v - 1) bits++;
  return bits;
}

test.describe('the attack lab', () => {
  test('splice: ECB shows the pasted face, CBC shows it with garbled seams, GCM refuses; a replayed frame passes a tag-only check', async ({
    attacks,
  }) => {
    await attacks.open();
    for (const mode of ['ecb', 'cbc'] as const) await attacks.expectVerdict(`splice-${mode}`, 'accepted');
    await attacks.expectVerdict('splice-gcm', 'refused');
    await expect(attacks.page.getByTestId('splice-gcm')).toHaveAttribute('data-refused', /authentication failed/);
    const [a, b, ecb, cbc] = await attacks.rgb('splice-frame-a', 'splice-frame-b', 'splice-ecb', 'splice-cbc');

    // The face region is 280×340 of the meeting's 1280×720, so 70×85 pixels at 320 wide: 17,850 bytes, and
    // the blocks around it; most of them differ between the slide and the speaker.
    await test.step('ECB: every byte is frame A’s or frame B’s, and a face’s worth are B’s', () => {
      const fromB = differing(ecb, a);
      expect(fromB.length, 'bytes pasted from B').toBeGreaterThan(10_000);
      expect(
        fromB.filter((i) => ecb[i] !== b[i]),
        'bytes that are neither A nor B',
      ).toEqual([]);
    });

    await test.step('CBC: mostly the same picture, but some 16-byte blocks are neither A nor B', () => {
      const garbled = new Set(
        differing(cbc, a)
          .filter((i) => cbc[i] !== b[i])
          .map((i) => Math.floor(i / 16)),
      );
      expect(garbled.size, 'garbled blocks at the seams').toBeGreaterThan(2);
      expect(differing(cbc, a).length, 'bytes pasted from B').toBeGreaterThan(10_000);
    });

    await test.step('replay: the tag-only receiver shows frame B again; the counter check refuses it', async () => {
      await attacks.expectVerdict('replay-naive', 'accepted');
      const [replayed] = await attacks.rgb('replay-naive');
      expect(differing(replayed, b)).toEqual([]);
      await attacks.expectVerdict('replay-checked', 'refused');
      await expect(attacks.page.getByTestId('replay-checked')).toHaveAttribute(
        'data-refused',
        'replay refused: frame 75 is not newer than frame 195, already shown',
      );
    });
  });

  test('bit flip: ECB garbles one block, CBC one block and one bit of the next, CTR one bit; GCM refuses', async ({
    attacks,
  }) => {
    await attacks.open();
    const x = 100;
    const y = 40;
    await attacks.clickPixel('flip-wire', x, y);
    const { width } = await attacks.size('flip-wire');
    expect(width).toBe(320);
    await expect(attacks.page.getByTestId('flip-pick')).toContainText(`pixel (${x}, ${y})`);
    const byte = (y * width + x) * 3;
    for (const mode of ['ecb', 'cbc', 'ctr'] as const) await attacks.expectVerdict(`flip-${mode}`, 'accepted');
    await attacks.expectVerdict('flip-gcm', 'refused');
    await expect(async () => {
      const [a, ecb, cbc, ctr] = await attacks.rgb('rewrite-frame', 'flip-ecb', 'flip-cbc', 'flip-ctr');
      const block = Math.floor(byte / 16);
      const ecbBlocks = [...new Set(differing(ecb, a).map((i) => Math.floor(i / 16)))];
      expect(ecbBlocks).toEqual([block]);
      const cbcDiff = differing(cbc, a);
      expect([...new Set(cbcDiff.map((i) => Math.floor(i / 16)))]).toEqual([block, block + 1]);
      const next = cbcDiff.filter((i) => i >= (block + 1) * 16);
      expect(next).toEqual([byte + 16]);
      expect(bitsBetween(cbc[byte + 16], a[byte + 16])).toBe(1);
      expect(differing(ctr, a)).toEqual([byte]);
      expect(ctr[byte] ^ a[byte]).toBe(0x80);
    }).toPass();

    await test.step('a click outside the picture is explained, and the last flip stays', async () => {
      await attacks.page.getByTestId('flip-wire').dispatchEvent('pointerup', { clientX: -20, clientY: -20 });
      await expect(attacks.page.getByTestId('flip-problem')).toContainText('outside the frame');
      await expect(attacks.page.getByTestId('flip-pick')).toContainText(`pixel (${x}, ${y})`);
    });

    await test.step('CTR rewrites the first bar in its own colour; GCM refuses the same edit', async () => {
      await attacks.expectVerdict('rewrite-ctr', 'accepted');
      await attacks.expectVerdict('rewrite-gcm', 'refused');
      const [a, ctr] = await attacks.rgb('rewrite-frame', 'rewrite-ctr');
      const changed = differing(ctr, a);
      expect(changed.length).toBeGreaterThan(300);
      const pixels = new Set(changed.map((i) => Math.floor(i / 3)));
      const colours = new Set([...pixels].map((p) => `${ctr[3 * p]},${ctr[3 * p + 1]},${ctr[3 * p + 2]}`));
      expect([...colours].length, 'every rewritten pixel has the one colour asked for').toBe(1);
    });
  });

  test('a nonce used twice: A ⊕ B is the XOR of the pictures, and B comes back from the known A', async ({
    attacks,
  }) => {
    await attacks.open();
    for (const mode of ['gcm', 'ctr'] as const) {
      await test.step(mode, async () => {
        await attacks.page.getByTestId(`nonce-mode-${mode}`).click();
        await expect(async () => {
          const [a, b, xor, recovered, fresh] = await attacks.rgb(
            'splice-frame-a',
            'splice-frame-b',
            'nonce-xor',
            'nonce-recovered',
            'nonce-fresh-xor',
          );
          expect(
            differing(
              xor,
              a.map((v, i) => v ^ b[i]),
            ),
          ).toEqual([]);
          expect(differing(recovered, b)).toEqual([]);
          // Under fresh nonces the XOR agrees with A ⊕ B only by chance: about 1 byte in 256.
          const agree = xor.length - differing(fresh, xor).length;
          expect(agree).toBeLessThan(xor.length / 50);
        }).toPass();
      });
    }
    await test.step('a nonce that is not hex is explained; a good one puts the demo back', async () => {
      const input = attacks.page.getByTestId('nonce-input');
      await input.fill('not a nonce');
      await expect(attacks.page.getByTestId('nonce-problem')).toHaveText(
        'A CTR initial counter block is written in hex: digits 0–9 and a–f only.',
      );
      await input.fill('00112233');
      await expect(attacks.page.getByTestId('nonce-problem')).toHaveText(
        'A CTR initial counter block is 16 bytes (32 hex digits), got 4.',
      );
      await input.fill('000102030405060708090a0b0c0d0e0f');
      await expect(attacks.page.getByTestId('nonce-problem')).toHaveCount(0);
    });
  });

  test('the forbidden attack recovers H and forges a frame the receiver’s WebCrypto calls authentic', async ({
    attacks,
  }) => {
    await attacks.open();
    await expect(attacks.page.getByTestId('forbidden-limit')).toContainText('degree 244');
    await attacks.page.getByTestId('forbidden-run').click();
    await expect(attacks.page.getByTestId('forbidden-h')).toHaveText(/^[0-9a-f]{32}$/, { timeout: 30_000 });
    await attacks.expectVerdict('forbidden-received', 'accepted');
    const [wanted, received, known] = await attacks.rgb('forbidden-wanted', 'forbidden-received', 'forbidden-frame-a');
    expect(differing(received, wanted)).toEqual([]);
    expect(differing(received, known).length, 'the forged frame is not frame A').toBeGreaterThan(30);
  });

  test('ECB bytes give away the width; CBC bytes do not', async ({ attacks }) => {
    await attacks.open();
    await attacks.page.getByTestId('width-run').click();
    await expect(attacks.page.getByTestId('width-result')).toContainText('Rows of 960 bytes: 320 pixels of 3 bytes');
    expect(await attacks.size('width-found')).toEqual({ width: 320, height: 180 });
    const [found, ecb] = await attacks.rgb('width-found', 'splice-wire');
    expect(found.length).toBe(ecb.length);
    await attacks.page.getByTestId('width-mode').selectOption('cbc');
    await attacks.page.getByTestId('width-run').click();
    await expect(attacks.page.getByTestId('width-result')).toContainText('No block lag stands out');
  });

  test('other sources: the penguin and its mirror images; a file that is no media is refused and the frames stay', async ({
    attacks,
  }) => {
    await attacks.open();
    await attacks.file.setInputFiles(mediaFixture('not-media.webm'));
    await expect(attacks.error).toContainText('not-media.webm');
    await expect(attacks.source).toHaveText('Frames from A video meeting');
    await attacks.page.getByTestId('attack-sample-penguin').click();
    await expect(attacks.source).toHaveText('Frames from The ECB penguin');
    await attacks.expectVerdict('splice-gcm', 'refused');
    const [a, b] = await attacks.rgb('splice-frame-a', 'splice-frame-b');
    expect(await attacks.size('splice-frame-a')).toEqual({ width: 320, height: 320 });
    // Frame B is frame A mirrored: pixel (x, y) of B is pixel (319 − x, y) of A.
    for (const [x, y] of [
      [10, 20],
      [200, 150],
      [319, 0],
    ]) {
      expect([...b.subarray((y * 320 + x) * 3, (y * 320 + x) * 3 + 3)]).toEqual([
        ...a.subarray((y * 320 + 319 - x) * 3, (y * 320 + 319 - x) * 3 + 3),
      ]);
    }
  });

  test('the webcam gives three frames and is released at once', async ({ attacks, camera }) => {
    await attacks.open();
    await attacks.page.getByTestId('attack-webcam').click();
    await expect(attacks.source).toHaveText('Frames from Webcam', { timeout: 30_000 });
    await expect.poll(async () => (await camera.tracks()).map((track) => track.readyState)).toEqual(['ended']);
    await attacks.expectVerdict('splice-ecb', 'accepted');
  });
});
