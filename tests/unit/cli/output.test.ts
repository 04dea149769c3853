import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { flatPng, makePng } from '../../fixtures/png/images';
import { cli, workspace } from './harness';

const ECB_KEY = '2b7e151628aed2a6abf7158809cf4f3c';
const GCM_KEY = 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308';
const NONCE = 'cafebabefacedbaddecaf888';

/** 16 × 16 pixels of one colour. */
const solid = makePng(16, 16, () => [90, 160, 30, 255]);

describe('encrypt prints one line of JSON', () => {
  it('with every field, in order, for ECB', async (t) => {
    const { path } = await workspace(t, { 'in.png': solid });
    const result = await cli('encrypt', '--mode', 'ecb', '--key', ECB_KEY, path('in.png'), path('out.png'));
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^\{[^\n]*\}\n$/);
    // 16 × 16 RGB = 768 bytes = 48 blocks. One colour repeats every 3 bytes, so the blocks repeat every
    // lcm(3, 16) = 48 bytes: 3 distinct values, 16 times each, all 48 repeated. PKCS#7 adds a 49th
    // block of sixteen 0x10 bytes, which occurs once.
    assert.deepEqual(JSON.parse(result.stdout), {
      mode: 'ecb',
      key: ECB_KEY,
      nonce: null,
      width: 16,
      height: 16,
      layout: 'rgb',
      bits: 8,
      plaintextBytes: 768,
      ciphertextBytes: 784,
      blocks: 49,
      duplicateBlocks: 48,
    });
    assert.deepEqual(Object.keys(JSON.parse(result.stdout)), [
      'mode', 'key', 'nonce', 'width', 'height', 'layout', 'bits', 'plaintextBytes', 'ciphertextBytes', 'blocks', 'duplicateBlocks',
    ]);
  });

  it('for GCM, counting blocks without the tag: none repeat', async (t) => {
    const { path } = await workspace(t, { 'in.png': solid });
    const result = await cli('encrypt', '--mode', 'gcm', '--key', GCM_KEY, '--nonce', NONCE, '--layout', 'gray', '--bits', '2', path('in.png'), path('out.png'));
    assert.deepEqual(JSON.parse(result.stdout), {
      mode: 'gcm',
      key: GCM_KEY,
      nonce: NONCE,
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

  it('shows many duplicate blocks for the ECB picture of a flat image, none for GCM', async (t) => {
    const { path } = await workspace(t, { 'in.png': flatPng(64, 32) });
    const ecb = JSON.parse((await cli('encrypt', '--mode', 'ecb', path('in.png'), path('ecb.png'))).stdout) as Record<string, number>;
    const gcm = JSON.parse((await cli('encrypt', '--mode', 'gcm', path('in.png'), path('gcm.png'))).stdout) as Record<string, number>;
    // Each 192-byte row holds 6 blocks of the left colour and 6 of the right, every row alike.
    assert.equal(ecb.blocks, 385);
    assert.equal(ecb.duplicateBlocks, 384);
    assert.equal(gcm.blocks, 384);
    assert.equal(gcm.duplicateBlocks, 0);
  });

  it('with a fresh random key (and GCM nonce) when none is given', async (t) => {
    const { path } = await workspace(t, { 'in.png': solid });
    const first = JSON.parse((await cli('encrypt', '--mode', 'gcm', path('in.png'), path('a.png'))).stdout) as Record<string, string>;
    const second = JSON.parse((await cli('encrypt', '--mode', 'gcm', path('in.png'), path('b.png'))).stdout) as Record<string, string>;
    const ecb = JSON.parse((await cli('encrypt', '--mode', 'ecb', path('in.png'), path('c.png'))).stdout) as Record<string, string>;
    assert.match(first.key, /^[0-9a-f]{64}$/);
    assert.match(first.nonce, /^[0-9a-f]{24}$/);
    assert.match(ecb.key, /^[0-9a-f]{32}$/);
    assert.notEqual(first.key, second.key);
    assert.notEqual(first.nonce, second.nonce);
    assert.notDeepEqual(await readFile(path('a.png')), await readFile(path('b.png')));
  });

  it('and the same key and nonce write the same file', async (t) => {
    const { path } = await workspace(t, { 'in.png': flatPng() });
    const args = ['--mode', 'gcm', '--key', GCM_KEY, '--nonce', NONCE, '--layout', 'rgba'];
    await cli('encrypt', ...args, path('in.png'), path('a.png'));
    await cli('encrypt', ...args, path('in.png'), path('b.png'));
    assert.deepEqual(await readFile(path('a.png')), await readFile(path('b.png')));
  });
});
