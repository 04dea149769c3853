import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { buildTextChunk, encodePng, inspectPng, PngError, readTextChunks, type TextEntry } from '../../../lib/png';
import { buildChunk as chunk } from '../../../lib/png/chunks';
import { concat, pixels } from '../../fixtures/png/images';

const entries: TextEntry[] = [
  { keyword: 'ecb-lens:mode', text: 'ecb', kind: 'tEXt' },
  { keyword: 'Comment', text: 'Latin-1 déjà vu ×', kind: 'tEXt' },
  { keyword: 'ecb-lens:alpha', text: '00ff'.repeat(5000), kind: 'zTXt' },
  { keyword: 'Title', text: 'ECB 🐧 leaks — 企鹅', kind: 'iTXt' },
];

function readBack(png: Uint8Array, options?: Parameters<typeof readTextChunks>[1]): TextEntry[] {
  return readTextChunks(inspectPng(png).chunks, options);
}

describe('text chunks', () => {
  it('round-trip through a PNG in each kind, right after IHDR', () => {
    const png = encodePng(Uint8Array.of(10, 20, 30), 1, 1, 'rgb', entries);
    assert.deepEqual(readBack(png), entries);
    assert.deepEqual(inspectPng(png).chunks.map((c) => c.type), ['IHDR', 'tEXt', 'tEXt', 'zTXt', 'iTXt', 'IDAT', 'IEND']);
  });

  it('leave the image readable to pngjs and carry the CRCs zlib.crc32 computes', (t) => {
    const png = encodePng(Uint8Array.of(10, 20, 30), 1, 1, 'rgb', entries);
    assert.deepEqual([...pixels(png).data], [10, 20, 30, 255]);
    if (typeof zlib.crc32 !== 'function') return t.skip('this node has no zlib.crc32');
    for (const entry of entries) {
      const built = buildTextChunk(entry);
      const crc = new DataView(built.buffer).getUint32(built.length - 4);
      assert.equal(crc, zlib.crc32(built.subarray(4, built.length - 4)), entry.keyword);
    }
  });

  it('with a flipped bit fail the CRC check', () => {
    const png = encodePng(Uint8Array.of(10, 20, 30), 1, 1, 'rgb', [entries[0]]);
    png[33 + 8 + 2] ^= 1;
    assert.throws(() => inspectPng(png), { name: 'PngError', message: 'corrupt PNG: chunk tEXt at byte 33 has a bad CRC' });
  });

  it('are read only for accepted keywords, so a stranger\'s malformed chunk does no harm', () => {
    const png = encodePng(Uint8Array.of(1, 2, 3), 1, 1, 'rgb', entries);
    const accepted = readBack(png, { accept: (keyword) => keyword.startsWith('ecb-lens:') });
    assert.deepEqual(accepted.map((e) => e.keyword), ['ecb-lens:mode', 'ecb-lens:alpha']);
    const stray = concat(png.subarray(0, 33), chunk('zTXt', new TextEncoder().encode('Other\0\0not zlib')), png.subarray(33));
    assert.equal(readBack(stray, { accept: (keyword) => keyword.startsWith('ecb-lens:') }).length, 2);
    assert.throws(() => readBack(stray), { name: 'PngError', message: 'corrupt PNG: zTXt chunk at byte 33 does not inflate' });
  });

  it('never inflate past the limit', () => {
    const png = encodePng(Uint8Array.of(1, 2, 3), 1, 1, 'rgb', [{ keyword: 'ecb-lens:alpha', text: '0'.repeat(100_000), kind: 'zTXt' }]);
    assert.throws(() => readBack(png, { maxTextLength: 99_999 }), (error: unknown) => {
      assert.ok(error instanceof PngError);
      assert.equal(error.code, 'corrupt');
      assert.equal(error.message, 'corrupt PNG: zTXt chunk at byte 33 inflates past 99999 bytes');
      return true;
    });
    assert.equal(readBack(png, { maxTextLength: 100_000 })[0].text.length, 100_000);
  });

  it('refuse keywords and text the spec forbids', () => {
    const tooLong = 'k'.repeat(80);
    assert.throws(() => buildTextChunk({ keyword: tooLong, text: '', kind: 'tEXt' }), {
      name: 'RangeError',
      message: `text chunk keyword "${tooLong}" must be 1 to 79 characters, got 80`,
    });
    assert.throws(() => buildTextChunk({ keyword: ' lead', text: '', kind: 'tEXt' }), {
      message: 'text chunk keyword " lead" must not start or end with a space or hold two spaces in a row',
    });
    assert.throws(() => buildTextChunk({ keyword: 'k', text: 'snow ☃', kind: 'tEXt' }), {
      name: 'RangeError',
      message: 'tEXt text must be Latin-1 without NUL, got U+2603',
    });
  });
});
