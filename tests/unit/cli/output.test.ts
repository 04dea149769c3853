import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { flatPng, makePng } from '../../fixtures/png/images';
import { cli, workspace } from './harness';

const ECB_KEY = '2b7e151628aed2a6abf7158809cf4f3c';
const GCM_KEY = 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308';
const NONCE = 'cafebabefacedbaddecaf888';
const IV = 'f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff';

/** 16 × 16 pixels of one colour. */
const solid = makePng(16, 16, () => [90, 160, 30, 255]);

/** Runs `encrypt …argv`, checks it succeeded quietly with one line on stdout, and returns that line's JSON. */
async function summary(...argv: string[]): Promise<Record<string, string | number | null>> {
  const result = await cli('encrypt', ...argv);
  assert.deepEqual([result.code, result.stderr], [0, '']);
  assert.match(result.stdout, /^\{[^\n]*\}\n$/);
  return JSON.parse(result.stdout) as Record<string, string | number | null>;
}

describe('encrypt prints one line of JSON', () => {
  it('with every field, in order, for ECB', async (t) => {
    const { path } = await workspace(t, { 'in.png': solid });
    const json = await summary('--mode', 'ecb', '--key', ECB_KEY, path('in.png'), path('out.png'));
    // 16 × 16 RGB = 768 bytes = 48 blocks. One colour repeats every 3 bytes, so the blocks repeat every
    // lcm(3, 16) = 48 bytes: 3 distinct values, 16 times each, all 48 repeated. PKCS#7 adds a 49th
    // block of sixteen 0x10 bytes, which occurs once.
    assert.deepEqual(json, {
      mode: 'ecb',
      key: ECB_KEY,
      nonce: null,
      iv: null,
      width: 16,
      height: 16,
      layout: 'rgb',
      bits: 8,
      plaintextBytes: 768,
      ciphertextBytes: 784,
      blocks: 49,
      duplicateBlocks: 48,
    });
    assert.deepEqual(Object.keys(json), [
      'mode',
      'key',
      'nonce',
      'iv',
      'width',
      'height',
      'layout',
      'bits',
      'plaintextBytes',
      'ciphertextBytes',
      'blocks',
      'duplicateBlocks',
    ]);
  });

  it('for GCM, counting blocks without the tag: none repeat', async (t) => {
    const { path } = await workspace(t, { 'in.png': solid });
    const options = ['--key', GCM_KEY, '--nonce', NONCE, '--layout', 'gray', '--bits', '2'];
    assert.deepEqual(await summary('--mode', 'gcm', ...options, path('in.png'), path('out.png')), {
      mode: 'gcm',
      key: GCM_KEY,
      nonce: NONCE,
      iv: null,
      width: 16,
      height: 16,
      layout: 'gray',
      bits: 2,
      plaintextBytes: 256,
      ciphertextBytes: 272,
      blocks: 16,
      duplicateBlocks: 0,
    });
  });

  // [what, mode, input, its size, and the sizes expected]
  const withIv: [string, 'cbc' | 'ctr', Uint8Array, Record<string, number>][] = [
    [
      'for CBC, with its IV: the padding block counted as for ECB, and none of the 49 blocks repeat',
      'cbc',
      solid,
      { width: 16, height: 16, plaintextBytes: 768, ciphertextBytes: 784, blocks: 49 },
    ],
    [
      // 5 × 7 RGB = 105 bytes: 6 whole blocks and 9 bytes.
      'for CTR, with its IV: no padding, as many ciphertext bytes as plaintext; a part block is not counted',
      'ctr',
      makePng(5, 7, () => [90, 160, 30, 255]),
      { width: 5, height: 7, plaintextBytes: 105, ciphertextBytes: 105, blocks: 6 },
    ],
  ];
  for (const [what, mode, input, sizes] of withIv) {
    it(what, async (t) => {
      const { path } = await workspace(t, { 'in.png': input });
      assert.deepEqual(await summary('--mode', mode, '--key', ECB_KEY, '--iv', IV, path('in.png'), path('out.png')), {
        mode,
        key: ECB_KEY,
        nonce: null,
        iv: IV,
        layout: 'rgb',
        bits: 8,
        duplicateBlocks: 0,
        ...sizes,
      });
    });
  }

  it('shows many duplicate blocks for the ECB picture of a flat image, none for CBC, CTR or GCM', async (t) => {
    const { path } = await workspace(t, { 'in.png': flatPng(64, 32) });
    const blocks: Record<string, [unknown, unknown]> = {};
    for (const mode of ['ecb', 'cbc', 'ctr', 'gcm']) {
      const json = await summary('--mode', mode, path('in.png'), path(`${mode}.png`));
      blocks[mode] = [json.blocks, json.duplicateBlocks];
    }
    // Each 192-byte row holds 6 blocks of the left colour and 6 of the right, every row alike. ECB and
    // CBC add a block of padding; CTR adds nothing and GCM's tag is not counted.
    assert.deepEqual(blocks, { ecb: [385, 384], cbc: [385, 0], ctr: [384, 0], gcm: [384, 0] });
  });

  it('with a fresh random key (and GCM nonce) when none is given', async (t) => {
    const { path } = await workspace(t, { 'in.png': solid });
    const first = await summary('--mode', 'gcm', path('in.png'), path('a.png'));
    const second = await summary('--mode', 'gcm', path('in.png'), path('b.png'));
    const ecb = await summary('--mode', 'ecb', path('in.png'), path('c.png'));
    assert.match(String(first.key), /^[0-9a-f]{64}$/);
    assert.match(String(first.nonce), /^[0-9a-f]{24}$/);
    assert.match(String(ecb.key), /^[0-9a-f]{32}$/);
    assert.notEqual(first.key, second.key);
    assert.notEqual(first.nonce, second.nonce);
    assert.notDeepEqual(await readFile(path('a.png')), await readFile(path('b.png')));
  });

  it('with a fresh random IV for CBC and CTR when none is given', async (t) => {
    const { path } = await workspace(t, { 'in.png': solid });
    for (const mode of ['cbc', 'ctr']) {
      const first = await summary('--mode', mode, '--key', ECB_KEY, path('in.png'), path(`${mode}-a.png`));
      const second = await summary('--mode', mode, '--key', ECB_KEY, path('in.png'), path(`${mode}-b.png`));
      assert.match(String(first.iv), /^[0-9a-f]{32}$/);
      assert.notEqual(first.iv, second.iv);
      assert.notDeepEqual(await readFile(path(`${mode}-a.png`)), await readFile(path(`${mode}-b.png`)));
    }
  });

  // The same key with the same nonce or IV: what a test or a reproducible figure needs (and what a
  // real stream must never do, see encrypt --help).
  const fixed: [string, string[]][] = [
    ['gcm', ['--key', GCM_KEY, '--nonce', NONCE, '--layout', 'rgba']],
    ['cbc', ['--key', ECB_KEY, '--iv', IV, '--layout', 'gray']],
    ['ctr', ['--key', ECB_KEY, '--iv', IV, '--layout', 'gray']],
  ];
  for (const [mode, options] of fixed) {
    it(`and, for ${mode}, the same key and ${mode === 'gcm' ? 'nonce' : 'IV'} write the same file`, async (t) => {
      const { path } = await workspace(t, { 'in.png': flatPng() });
      await summary('--mode', mode, ...options, path('in.png'), path('a.png'));
      await summary('--mode', mode, ...options, path('in.png'), path('b.png'));
      assert.deepEqual(await readFile(path('a.png')), await readFile(path('b.png')));
    });
  }
});
