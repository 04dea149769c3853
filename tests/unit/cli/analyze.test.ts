/**
 * `analyze`, run in-process like the other CLI tests (plus one real process): the penguin's figures, the
 * unchanged-block figures for two frames differing in one region, the JSON's shape (NaN as null), the
 * usage and input errors, and the help text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { encryptFrame, packFrame } from '../../../lib/cipher';
import { analyzeFrames, type AnalyzeReport } from '../../../lib/cli/analyze';
import { ANALYZE_HELP, MAIN_HELP } from '../../../lib/cli/help';
import { MetricsMeter } from '../../../lib/metrics/frame-metrics';
import { decodePng } from '../../../lib/png';
import { makePng } from '../../fixtures/png/images';
import { assertThrowsExactly } from '../helpers/assert-error';
import { hexToBytes } from '../helpers/hex';
import { cli, cliProcess, workspace, type CliResult } from './harness';

const PENGUIN = fileURLToPath(new URL('../../../public/samples/penguin.png', import.meta.url));
const PENGUIN_FRAME = decodePng(new Uint8Array(readFileSync(PENGUIN)));
const ECB_KEY = '2b7e151628aed2a6abf7158809cf4f3c';
const GCM_KEY = 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308';

/** The penguin with the 16 × 16 square at (16, 16)–(31, 31) painted (1, 2, 3): it is light blue there. */
const PAINTED = makePng(512, 512, (x, y) => {
  if (x >= 16 && x < 32 && y >= 16 && y < 32) return [1, 2, 3, 255];
  const at = 4 * (512 * y + x);
  const [r, g, b, a] = PENGUIN_FRAME.data.subarray(at, at + 4);
  return [r, g, b, a];
});

/**
 * The repeated 16-byte blocks of a PNG's RGB bytes (alpha dropped, row order: layout rgb at 8 bits),
 * counted without lib/: pngjs decodes, and a Map counts each block's value. A block is repeated when
 * its value occurs more than once, so every copy of such a value counts.
 */
function repeatedRgbBlocks(file: string): number {
  const { data } = PNG.sync.read(readFileSync(file));
  const rgb = Buffer.alloc((data.length / 4) * 3);
  for (let pixel = 0; pixel < data.length / 4; pixel++) data.copy(rgb, 3 * pixel, 4 * pixel, 4 * pixel + 3);
  const copies = new Map<string, number>();
  for (let at = 0; at + 16 <= rgb.length; at += 16) {
    const block = rgb.toString('hex', at, at + 16);
    copies.set(block, (copies.get(block) ?? 0) + 1);
  }
  let repeated = 0;
  for (const n of copies.values()) if (n > 1) repeated += n;
  return repeated;
}

/** The exit status, and the report parsed from a single line of stdout, with nothing on stderr. */
function parsed(result: CliResult): AnalyzeReport {
  assert.equal(result.stderr, '');
  assert.equal(result.code, 0);
  assert.match(result.stdout, /^\{[^\n]*\}\n$/, 'one line of JSON');
  return JSON.parse(result.stdout) as AnalyzeReport;
}

describe('analyze the penguin (512 × 512, flat light-blue background)', () => {
  it('ECB keeps every repeated block of the original, GCM none; entropy, χ² and correlation as expected', async () => {
    const report = parsed(await cli('analyze', PENGUIN));
    const { original, ecb, gcm } = report;
    assert.deepEqual(Object.keys(report), [
      'width',
      'height',
      'layout',
      'bits',
      'ecbKey',
      'gcmKey',
      'gcmNonce',
      'previousGcmNonce',
      'reference',
      'original',
      'ecb',
      'gcm',
    ]);
    assert.deepEqual([report.width, report.height, report.layout, report.bits], [512, 512, 'rgb', 8]);
    assert.match(report.ecbKey, /^[0-9a-f]{32}$/);
    assert.match(report.gcmKey, /^[0-9a-f]{64}$/);
    assert.match(report.gcmNonce, /^[0-9a-f]{8}0{16}$/, 'salt ‖ counter 0');
    assert.equal(report.previousGcmNonce, null);
    assert.deepEqual(report.reference, {
      repeatedShare: 0,
      entropy: 8,
      chiSquareCritical: 293.25,
      correlation: 0,
      unchangedShare: 0,
    });

    // 512·512·3 = 786432 bytes = 49152 blocks for each stream (ECB padding and GCM tag left out).
    // ECB is a permutation of 16-byte blocks under one key, so exactly the original's blocks repeat.
    assert.deepEqual([original.blocks, ecb.blocks, gcm.blocks], [49152, 49152, 49152]);
    // repeatedRgbBlocks counts them without lib/metrics: 46882 of the 49152 blocks have a value that
    // occurs more than once; the other 2270 are unique (2,616 distinct values in all).
    const independent = repeatedRgbBlocks(PENGUIN);
    assert.equal(independent, 46882);
    assert.equal(original.repeatedBlocks, independent);
    assert.equal(ecb.repeatedBlocks, original.repeatedBlocks);
    assert.equal(ecb.repeatedShare, original.repeatedShare);
    // GCM: 49152 blocks that look uniformly random; a repeat among them has odds ≈ 49152² / 2¹²⁹ ≈ 2⁻⁹⁸.
    assert.equal(gcm.repeatedBlocks, 0);
    assert.equal(gcm.repeatedShare, 0);

    // Entropy: the original uses few byte values (3.90 bits). ECB maps its 2,616 distinct blocks to
    // random-looking ones, but the background block dominates: 7.01–7.28 bits over 60 random keys.
    // GCM: 786432 uniform bytes fall short of 8 by ≈ 255 / (2 n ln 2) = 0.0002.
    assert.ok(original.entropy > 3.9 && original.entropy < 3.91, String(original.entropy));
    assert.ok(ecb.entropy > 6.5 && ecb.entropy < 7.6, String(ecb.entropy));
    assert.ok(gcm.entropy > 7.999 && gcm.entropy < 8, String(gcm.entropy));

    // χ²: the original and ECB fail by orders of magnitude. GCM's is a χ²(255) draw under a fresh nonce
    // each run: it exceeds 293.25 one run in twenty, so only a bound it exceeds with odds < 10⁻⁶ is safe.
    assert.ok(original.chiSquare > 1e6 && ecb.chiSquare > 1e5, `${original.chiSquare}, ${ecb.chiSquare}`);
    assert.ok(gcm.chiSquare < 400, String(gcm.chiSquare));

    // Correlation: the picture's neighbours are nearly equal. A 1536-byte row is exactly 96 blocks, so
    // under ECB the byte below sits at the same place in the block below, the same ciphertext block
    // wherever the picture is flat: the vertical correlation survives ECB (0.917–0.941 over 60 keys).
    // GCM: |r| ≤ 0.005 over 60 runs (the meter samples every 2nd pixel here: ≈196,000 pairs).
    for (const r of Object.values(original.correlation)) assert.ok(r !== null && r > 0.97, String(r));
    assert.ok(ecb.correlation.vertical !== null && ecb.correlation.vertical > 0.85, String(ecb.correlation.vertical));
    for (const r of Object.values(gcm.correlation)) assert.ok(r !== null && Math.abs(r) < 0.02, String(r));
    for (const stream of [original, ecb, gcm])
      assert.deepEqual([stream.unchangedBlocks, stream.unchangedShare], [null, null]);
  });

  it('with --key, the original and ECB figures are exactly what lib/metrics gives for those bytes', async () => {
    const report = parsed(
      await cli('analyze', '--key', ECB_KEY, '--gcm-key', GCM_KEY, '--bits', '3', '--layout', 'gray', PENGUIN),
    );
    assert.deepEqual([report.ecbKey, report.gcmKey, report.layout, report.bits], [ECB_KEY, GCM_KEY, 'gray', 3]);
    const original = packFrame(PENGUIN_FRAME, 'gray', 3);
    const ecb = encryptFrame(PENGUIN_FRAME, { mode: 'ecb', key: hexToBytes(ECB_KEY), layout: 'gray', bits: 3 });
    const gcm = encryptFrame(PENGUIN_FRAME, {
      mode: 'gcm',
      key: hexToBytes(GCM_KEY),
      layout: 'gray',
      bits: 3,
      nonce: hexToBytes(report.gcmNonce),
    });
    const meter = new MetricsMeter();
    assert.deepEqual(report.original, meter.measure(original, 512, 512, 1));
    assert.deepEqual(report.ecb, meter.measure(ecb.ciphertext.subarray(0, original.length), 512, 512, 1));
    assert.deepEqual(report.gcm, meter.measure(gcm.ciphertext.subarray(0, original.length), 512, 512, 1));
  });
});

describe('analyzeFrames', () => {
  it('refuses frames of different sizes, even with the same number of bytes (16 × 8 and 8 × 16)', () => {
    const options = { layout: 'rgb', bits: 8, ecbKey: new Uint8Array(16), gcmKey: new Uint8Array(32) } as const;
    const frame = (width: number, height: number) => ({ width, height, data: new Uint8Array(width * height * 4) });
    assertThrowsExactly(
      () => analyzeFrames(frame(16, 8), frame(8, 16), options),
      RangeError,
      'frames must be the same size to compare, got 8×16 and 16×8',
    );
  });
});

describe('analyze --previous: two frames differing in one 16 × 16 square', () => {
  it('rgb: 48 blocks changed; ECB unchanged share equals the original’s exactly, GCM’s is 0', async (t) => {
    const { path } = await workspace(t, { 'painted.png': PAINTED });
    const report = parsed(await cli('analyze', '--previous', PENGUIN, path('painted.png')));
    // A row is 1536 bytes = 96 blocks; x = 16–31 is bytes 48–95 of the row, blocks 3–5: 3 blocks in
    // each of 16 rows = 48 changed blocks of 49152.
    assert.deepEqual([report.original.unchangedBlocks, report.original.unchangedShare], [49104, 49104 / 49152]);
    assert.deepEqual([report.ecb.unchangedBlocks, report.ecb.unchangedShare], [49104, 49104 / 49152]);
    assert.deepEqual([report.gcm.unchangedBlocks, report.gcm.unchangedShare], [0, 0]);
    // PREV.png got the sequence's first nonce and IN.png the next: one salt, counters 0 and 1.
    assert.equal(report.previousGcmNonce, `${report.gcmNonce.slice(0, 8)}${'0'.repeat(16)}`);
    assert.equal(report.gcmNonce, `${report.gcmNonce.slice(0, 8)}${'0'.repeat(15)}1`);
  });

  it('gray at 3 bits: 16 blocks changed (x = 16–31 is block 1 of a 32-block row), the same for ECB', async (t) => {
    const { path } = await workspace(t, { 'painted.png': PAINTED });
    // Light blue (207, 230, 242) has luma 225, 0b11100001 → 224 at 3 bits; (1, 2, 3) has luma 2 → 0.
    const report = parsed(
      await cli('analyze', '--layout', 'gray', '--bits', '3', '--previous', PENGUIN, path('painted.png')),
    );
    assert.equal(report.original.unchangedBlocks, 16384 - 16);
    assert.equal(report.ecb.unchangedBlocks, report.original.unchangedBlocks);
    assert.equal(report.ecb.unchangedShare, report.original.unchangedShare);
    assert.equal(report.gcm.unchangedBlocks, 0);
  });

  it('the same frame twice: every block unchanged in the original and ECB, still none in GCM', async () => {
    const report = parsed(await cli('analyze', '--previous', PENGUIN, PENGUIN));
    assert.deepEqual([report.original.unchangedShare, report.ecb.unchangedShare, report.gcm.unchangedShare], [1, 1, 0]);
  });
});

describe('analyze prints NaN as null', () => {
  it('a grey one-colour picture: the original’s correlation is undefined in every direction, printed null', async (t) => {
    // 16 × 16 of (90, 90, 90): n = 768 equal bytes, so entropy 0, χ² = 255 n = 195840, all 48 blocks
    // equal, and every pair is (90, 90): no variance, r undefined (NaN), which JSON prints as null.
    const { path } = await workspace(t, { 'grey.png': makePng(16, 16, () => [90, 90, 90, 255]) });
    const result = await cli('analyze', '--key', ECB_KEY, path('grey.png'));
    assert.match(
      result.stdout,
      /"original":\{[^}]*"correlation":\{"horizontal":null,"vertical":null,"diagonal":null\}/,
    );
    const { original, ecb } = parsed(result);
    assert.deepEqual(original, {
      blocks: 48,
      repeatedBlocks: 48,
      repeatedShare: 1,
      entropy: 0,
      chiSquare: 195840,
      correlation: { horizontal: null, vertical: null, diagonal: null },
      unchangedBlocks: null,
      unchangedShare: null,
    });
    // ECB's bytes are one ciphertext block over and over, not one value: its r are numbers. A row is
    // 48 bytes, 3 whole blocks, so the byte below is the same byte: vertical r = 1.
    assert.equal(typeof ecb.correlation.horizontal, 'number');
    assert.equal(ecb.correlation.vertical, 1);
  });

  it('a coloured one-colour picture is not constant bytes: pooled over channels, r = 1, not null', async (t) => {
    // (90, 160, 30): the pairs are (90, 90), (160, 160) and (30, 30), all on y = x, so r = 1 exactly.
    // Three values n/3 each: entropy log2 3, χ² = n (256/3 − 1) = 64768 for n = 768.
    const { path } = await workspace(t, { 'flat.png': makePng(16, 16, () => [90, 160, 30, 255]) });
    const { original } = parsed(await cli('analyze', path('flat.png')));
    assert.deepEqual(original.correlation, { horizontal: 1, vertical: 1, diagonal: 1 });
    assert.equal(original.chiSquare, 64768);
    assert.ok(Math.abs(original.entropy - Math.log2(3)) < 1e-15, String(original.entropy));
  });
});

describe('analyze errors: exit 2, one line on stderr, nothing on stdout', () => {
  const small = makePng(37, 23, (x, y) => [x * 6, y * 11, 0, 255]);
  const strip = makePng(512, 4, (x) => [x & 255, 0, 0, 255]);
  const cases: [string, string[], (path: (name: string) => string) => string][] = [
    ['a missing file', ['nope.png'], (p) => `cannot read ${p('nope.png')}: no such file`],
    [
      'a missing previous file',
      ['--previous', 'nope.png', 'in.png'],
      (p) => `cannot read ${p('nope.png')}: no such file`,
    ],
    [
      'a previous frame of another size',
      ['--previous', 'small.png', 'in.png'],
      (p) => `${p('small.png')} is 37×23 pixels but ${p('in.png')} is 512×512: --previous must be the same size`,
    ],
    [
      'a previous frame as wide but less tall',
      ['--previous', 'strip.png', 'in.png'],
      (p) => `${p('strip.png')} is 512×4 pixels but ${p('in.png')} is 512×512: --previous must be the same size`,
    ],
    ['not a PNG', ['text.png'], (p) => `${p('text.png')}: not a PNG: the data does not start with the PNG signature`],
    ['bits too high', ['--bits', '9', 'in.png'], () => '--bits must be an integer from 1 to 8, got 9'],
    ['bits fractional', ['--bits', '2.5', 'in.png'], () => '--bits must be an integer from 1 to 8, got "2.5"'],
    ['unknown layout', ['--layout', 'cmyk', 'in.png'], () => '--layout must be rgb, rgba or gray, got "cmyk"'],
    [
      'a GCM key for ECB',
      ['--key', GCM_KEY, 'in.png'],
      () => '--key must be 16 bytes (32 hex digits) for AES-128-ECB, got 32',
    ],
    [
      'an ECB key for GCM',
      ['--gcm-key', ECB_KEY, 'in.png'],
      () => '--gcm-key must be 32 bytes (64 hex digits) for AES-256-GCM, got 16',
    ],
    [
      'a GCM key not hex',
      ['--gcm-key', 'xyz', 'in.png'],
      () => '--gcm-key must be hex (digits 0-9 and a-f), got "xyz"',
    ],
    [
      'an option of encrypt',
      ['--mode', 'ecb', 'in.png'],
      () => 'unknown option --mode for analyze (see analyze --help)',
    ],
    ['--previous without a value', ['in.png', '--previous'], () => '--previous needs a value'],
    ['no file', [], () => 'analyze needs one file, IN.png; got 0'],
    ['two files', ['in.png', 'small.png'], () => 'analyze needs one file, IN.png; got 2'],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async (t) => {
      const files = {
        'in.png': new Uint8Array(readFileSync(PENGUIN)),
        'small.png': small,
        'strip.png': strip,
        'text.png': new TextEncoder().encode('GIF89a'),
      };
      const { path, list } = await workspace(t, files);
      const resolved = argv.map((a) => (a.endsWith('.png') ? path(a) : a));
      assert.deepEqual(await cli('analyze', ...resolved), {
        code: 2,
        stdout: '',
        stderr: `ecb-lens: ${message(path)}\n`,
      });
      assert.deepEqual(await list(), ['in.png', 'small.png', 'strip.png', 'text.png'], 'nothing written');
    });
  }
});

describe('analyze help', () => {
  for (const argv of [
    ['help', 'analyze'],
    ['analyze', '--help'],
    ['analyze', '--bits', '3', '-h'],
  ]) {
    it(`${argv.join(' ')} prints it and exits 0`, async () => {
      assert.deepEqual(await cli(...argv), { code: 0, stdout: ANALYZE_HELP, stderr: '' });
    });
  }

  it('is listed in the main help, documents null and the reference, and fits in 100 columns', () => {
    assert.match(
      MAIN_HELP,
      /^ {2}analyze \[--layout rgb\|rgba\|gray\] \[--bits 1-8\] \[--key HEX\] \[--gcm-key HEX\]$/m,
    );
    assert.match(MAIN_HELP, /^ {2}help \[encrypt\|decrypt\|analyze\|attack\|traffic\]$/m);
    assert.match(ANALYZE_HELP, /null where r is\n\s+undefined \(all bytes equal, as in a picture of one grey\)/);
    assert.match(ANALYZE_HELP, /chiSquareCritical 293\.25/);
    for (const text of [MAIN_HELP, ANALYZE_HELP]) {
      for (const line of text.split('\n')) assert.ok(line.length <= 100, line);
    }
  });
});

describe('analyze as a real process', () => {
  it('exits 0 with one JSON line, and 2 with one stderr line for a size mismatch', async (t) => {
    const { path } = await workspace(t, { 'painted.png': PAINTED, 'small.png': makePng(8, 8, () => [0, 0, 0, 255]) });
    const report = parsed(await cliProcess('analyze', '--previous', PENGUIN, path('painted.png')));
    assert.deepEqual(
      [report.original.unchangedBlocks, report.ecb.unchangedBlocks, report.gcm.unchangedBlocks],
      [49104, 49104, 0],
    );
    assert.deepEqual(await cliProcess('analyze', '--previous', path('small.png'), PENGUIN), {
      code: 2,
      stdout: '',
      stderr: `ecb-lens: ${path('small.png')} is 8×8 pixels but ${PENGUIN} is 512×512: --previous must be the same size\n`,
    });
  });
});
