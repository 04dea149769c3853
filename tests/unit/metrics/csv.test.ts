/**
 * The per-frame CSV: its exact header (frame, time, then ten measures for each of original, ECB and GCM),
 * rows whose cells read back as the very numbers measured, empty cells where a number does not exist
 * (first frame, constant bytes), CRLF line ends, and refusals that say what was wrong.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  csvNumber,
  CSV_STREAMS,
  metricsCsv,
  metricsCsvHeader,
  metricsCsvRow,
  STREAM_MEASURES,
  type CsvFrame,
} from '../../../lib/metrics/csv';
import { MetricsMeter, type StreamMetrics } from '../../../lib/metrics/frame-metrics';
import { assertThrowsExactly } from '../helpers/assert-error';
import { seededBytes } from '../helpers/seeded-bytes';

/** A hand-written stream measurement with every field distinct, so a column mix-up shows. */
const HAND: StreamMetrics = {
  blocks: 43200,
  repeatedBlocks: 12345,
  repeatedShare: 12345 / 43200,
  entropy: 7.25,
  chiSquare: 1234.5,
  correlation: { horizontal: 0.97, vertical: 0.95, diagonal: 0.93 },
  unchangedBlocks: 40000,
  unchangedShare: 40000 / 43200,
};

describe('metricsCsvHeader', () => {
  test('frame, time, then original_, ecb_ and gcm_ each with the ten measures, 32 columns', () => {
    const measures = [
      'blocks',
      'repeated_blocks',
      'repeated_share',
      'entropy',
      'chi_square',
      'corr_h',
      'corr_v',
      'corr_d',
      'unchanged_blocks',
      'unchanged_share',
    ];
    assert.deepEqual(metricsCsvHeader(), [
      'frame',
      'time',
      ...measures.map((m) => `original_${m}`),
      ...measures.map((m) => `ecb_${m}`),
      ...measures.map((m) => `gcm_${m}`),
    ]);
  });
});

describe('csvNumber', () => {
  test('finite numbers as JavaScript prints them (they parse back exactly); null, NaN and ±∞ empty', () => {
    assert.equal(csvNumber(0), '0');
    assert.equal(csvNumber(0.1 + 0.2), '0.30000000000000004');
    assert.equal(csvNumber(-0.5), '-0.5');
    assert.equal(csvNumber(1e-7), '1e-7');
    for (const value of [null, NaN, Infinity, -Infinity]) assert.equal(csvNumber(value), '', String(value));
  });
});

describe('metricsCsvRow', () => {
  test('a hand-written frame: cells in header order, each the field it names', () => {
    const frame: CsvFrame = {
      index: 181,
      time: 6.0333,
      metrics: {
        original: HAND,
        ecb: { ...HAND, entropy: 7.5 },
        gcm: { ...HAND, unchangedBlocks: 0, unchangedShare: 0 },
      },
    };
    const row = Object.fromEntries(metricsCsvHeader().map((name, i) => [name, metricsCsvRow(frame)[i]]));
    assert.equal(row.frame, '181');
    assert.equal(row.time, '6.0333');
    assert.equal(row.original_blocks, '43200');
    assert.equal(row.original_repeated_blocks, '12345');
    assert.equal(row.original_repeated_share, String(12345 / 43200));
    assert.equal(row.original_entropy, '7.25');
    assert.equal(row.ecb_entropy, '7.5');
    assert.equal(row.original_chi_square, '1234.5');
    assert.equal(row.original_corr_h, '0.97');
    assert.equal(row.original_corr_v, '0.95');
    assert.equal(row.original_corr_d, '0.93');
    assert.equal(row.original_unchanged_blocks, '40000');
    assert.equal(row.gcm_unchanged_blocks, '0');
    assert.equal(row.gcm_unchanged_share, '0');
  });

  test('measured frames read back exactly: every cell parses to the number MetricsMeter gave', () => {
    // A 64 × 48 rgb frame of seeded noise, and the next frame with its top half unchanged.
    const meter = new MetricsMeter();
    const first = seededBytes('csv frame 0', 64 * 48 * 3);
    const second = first.slice();
    second.set(seededBytes('csv frame 1', second.length / 2), second.length / 2);
    meter.measure(first, 64, 48, 3);
    const measured = meter.measure(second, 64, 48, 3, first);
    assert.equal(measured.unchangedShare, 0.5, 'half the blocks did not change');
    const cells = metricsCsvRow({
      index: 1,
      time: 1 / 30,
      metrics: { original: measured, ecb: measured, gcm: measured },
    });
    assert.equal(cells.length, metricsCsvHeader().length);
    assert.equal(Number(cells[1]), 1 / 30);
    CSV_STREAMS.forEach((stream, s) => {
      STREAM_MEASURES.forEach(({ name, read }, m) => {
        assert.equal(Number(cells[2 + s * STREAM_MEASURES.length + m]), read(measured), `${stream}_${name}`);
      });
    });
  });

  test('a first frame (nothing to compare) and a constant frame (correlation undefined) give empty cells', () => {
    const constant = new MetricsMeter().measure(new Uint8Array(32 * 32 * 3).fill(7), 32, 32, 3);
    assert.equal(constant.unchangedShare, null);
    assert.ok(Number.isNaN(constant.correlation.horizontal));
    const header = metricsCsvHeader();
    const cells = metricsCsvRow({ index: 0, time: 0, metrics: { original: constant, ecb: constant, gcm: constant } });
    const empty = header.filter((_, i) => cells[i] === '');
    assert.deepEqual(
      empty,
      CSV_STREAMS.flatMap((stream) =>
        ['corr_h', 'corr_v', 'corr_d', 'unchanged_blocks', 'unchanged_share'].map((m) => `${stream}_${m}`),
      ),
    );
    assert.equal(cells[header.indexOf('ecb_repeated_share')], '1');
    assert.equal(cells[header.indexOf('gcm_entropy')], '0');
  });

  test('refuses a bad frame number, a bad time and a missing stream, saying which', () => {
    const metrics = { original: HAND, ecb: HAND, gcm: HAND };
    assertThrowsExactly(
      () => metricsCsvRow({ index: -1, time: 0, metrics }),
      RangeError,
      'frame number must be an integer ≥ 0, got -1',
    );
    assertThrowsExactly(
      () => metricsCsvRow({ index: 2.5, time: 0, metrics }),
      RangeError,
      'frame number must be an integer ≥ 0, got 2.5',
    );
    assertThrowsExactly(
      () => metricsCsvRow({ index: 3, time: NaN, metrics }),
      RangeError,
      'frame 3: time must be a number of seconds ≥ 0, got NaN',
    );
    const noGcm = { original: HAND, ecb: HAND } as unknown as CsvFrame['metrics'];
    assertThrowsExactly(
      () => metricsCsvRow({ index: 4, time: 0, metrics: noGcm }),
      TypeError,
      'frame 4 has no measurements of the gcm stream',
    );
  });
});

describe('metricsCsv', () => {
  test('header plus one CRLF-terminated line per frame, in the order given', () => {
    const metrics = { original: HAND, ecb: HAND, gcm: HAND };
    const frames: CsvFrame[] = [7, 8, 9].map((index) => ({ index, time: index / 30, metrics }));
    const text = metricsCsv(frames);
    assert.ok(text.endsWith('\r\n'));
    const lines = text.slice(0, -2).split('\r\n');
    assert.equal(lines.length, 4);
    assert.equal(lines[0], metricsCsvHeader().join(','));
    assert.deepEqual(
      lines.slice(1).map((line) => line.split(',')[0]),
      ['7', '8', '9'],
    );
    for (const line of lines) assert.equal(line.split(',').length, 32);
    assert.ok(!text.replace(/\r\n/g, '').includes('\n'), 'no bare LF');
  });

  test('no frames: the header alone', () => {
    assert.equal(metricsCsv([]), `${metricsCsvHeader().join(',')}\r\n`);
  });
});
