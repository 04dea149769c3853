/**
 * `analyze`: what ECB leaks, in numbers. IN.png's pixels (the bytes encrypt would encrypt) are measured
 * as they are, as AES-128-ECB ciphertext and as AES-256-GCM ciphertext, with the same lib/metrics the
 * site's workers use; with `--previous`, also how many blocks are unchanged since the frame before, which
 * is what an eavesdropper on an ECB video stream sees move.
 */
import {
  bytesPerPixel,
  encryptFrame,
  generateKey,
  NonceSequence,
  packFrame,
  toHex,
  type EncryptedFrame,
  type Frame,
  type Layout,
} from '../cipher';
import { MetricsMeter, type StreamMetrics } from '../metrics/frame-metrics';
import { REFERENCE } from '../metrics/reference';
import { decodePng, parseEncryptOptions } from '../png';
import { parseCommand, UsageError } from './args';
import { aboutFile, readInputFile } from './files';
import { ANALYZE_HELP } from './help';
import { EXIT, guard, type CliIo, type ExitCode } from './outcome';

/** {@link StreamMetrics} as printed: an undefined correlation (NaN) becomes null, as JSON has no NaN. */
export interface StreamReport extends Omit<StreamMetrics, 'correlation'> {
  correlation: { horizontal: number | null; vertical: number | null; diagonal: number | null };
}

/** The JSON line `analyze` prints. */
export interface AnalyzeReport {
  width: number;
  height: number;
  layout: Layout;
  bits: number;
  ecbKey: string;
  gcmKey: string;
  /** The GCM nonce of IN.png's frame: a fresh salt ‖ counter, as a stream would use. */
  gcmNonce: string;
  /** With --previous, the nonce PREV.png's frame was encrypted under; otherwise null. */
  previousGcmNonce: string | null;
  reference: typeof REFERENCE;
  original: StreamReport;
  ecb: StreamReport;
  gcm: StreamReport;
}

/** One frame's three streams: the bytes the pictures show (no ECB padding, no GCM tag). */
interface Streams {
  original: Uint8Array;
  ecb: Uint8Array;
  gcm: Uint8Array;
  nonce: Uint8Array;
}

/** What {@link analyzeFrames} needs besides the frames. */
export interface AnalyzeOptions {
  layout: Layout;
  bits: number;
  ecbKey: Uint8Array;
  gcmKey: Uint8Array;
}

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

function report(metrics: StreamMetrics): StreamReport {
  const { horizontal, vertical, diagonal } = metrics.correlation;
  return {
    ...metrics,
    correlation: { horizontal: finite(horizontal), vertical: finite(vertical), diagonal: finite(diagonal) },
  };
}

const shown = (encrypted: EncryptedFrame): Uint8Array => encrypted.ciphertext.subarray(0, encrypted.plaintextLength);

function encryptStreams(frame: Frame, options: AnalyzeOptions, nonces: NonceSequence): Streams {
  const { layout, bits, ecbKey, gcmKey } = options;
  const nonce = nonces.next();
  return {
    original: packFrame(frame, layout, bits),
    ecb: shown(encryptFrame(frame, { mode: 'ecb', key: ecbKey, layout, bits })),
    gcm: shown(encryptFrame(frame, { mode: 'gcm', key: gcmKey, layout, bits, nonce })),
    nonce,
  };
}

/**
 * Measures `frame` (and its change from `previous`, when given: the same size, encrypted first under
 * the same keys, as the frame before it in a stream).
 * @example analyzeFrames(frame, null, { layout: 'rgb', bits: 8, ecbKey, gcmKey }).ecb.repeatedShare
 */
export function analyzeFrames(frame: Frame, previous: Frame | null, options: AnalyzeOptions): AnalyzeReport {
  const { width, height } = frame;
  if (previous && (previous.width !== width || previous.height !== height)) {
    throw new RangeError(
      `frames must be the same size to compare, got ${previous.width}×${previous.height} and ${width}×${height}`,
    );
  }
  const { layout, bits, ecbKey, gcmKey } = options;
  const nonces = new NonceSequence();
  const before = previous && encryptStreams(previous, options, nonces);
  const now = encryptStreams(frame, options, nonces);
  const meter = new MetricsMeter();
  const measure = (stream: 'original' | 'ecb' | 'gcm') =>
    report(meter.measure(now[stream], width, height, bytesPerPixel(layout), before?.[stream]));
  return {
    width,
    height,
    layout,
    bits,
    ecbKey: toHex(ecbKey),
    gcmKey: toHex(gcmKey),
    gcmNonce: toHex(now.nonce),
    previousGcmNonce: before ? toHex(before.nonce) : null,
    reference: REFERENCE,
    original: measure('original'),
    ecb: measure('ecb'),
    gcm: measure('gcm'),
  };
}

async function readFrame(path: string): Promise<Frame> {
  const bytes = await readInputFile(path);
  return aboutFile(path, () => decodePng(bytes));
}

/**
 * Runs `analyze` with `argv` (the words after "analyze"); resolves to the exit status.
 * @example await analyzeCommand(['--bits', '3', 'tux.png'], { stdout: process.stdout, stderr: process.stderr })
 */
export function analyzeCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  return guard(io, async () => {
    const spec = { layout: 'string', bits: 'string', key: 'string', 'gcm-key': 'string', previous: 'string' } as const;
    const { values, help, files } = parseCommand('analyze', argv, spec);
    if (help) {
      io.stdout.write(ANALYZE_HELP);
      return EXIT.ok;
    }
    const ecb = parseEncryptOptions(
      { mode: 'ecb', key: values.key, layout: values.layout, bits: values.bits },
      (o) => `--${o}`,
    );
    const gcm = parseEncryptOptions({ mode: 'gcm', key: values['gcm-key'] }, (o) =>
      o === 'key' ? '--gcm-key' : `--${o}`,
    );
    if (files.length !== 1) throw new UsageError(`analyze needs one file, IN.png; got ${files.length}`);
    const input = files[0];
    const frame = await readFrame(input);
    const previousPath = values.previous;
    const previous = previousPath === undefined ? null : await readFrame(previousPath);
    if (previous && (previous.width !== frame.width || previous.height !== frame.height)) {
      throw new UsageError(
        `${previousPath} is ${previous.width}×${previous.height} pixels but ${input} is ${frame.width}×${frame.height}: --previous must be the same size`,
      );
    }
    const options: AnalyzeOptions = {
      layout: ecb.layout ?? 'rgb',
      bits: ecb.bits ?? 8,
      ecbKey: ecb.key ?? generateKey('ecb'),
      gcmKey: gcm.key ?? generateKey('gcm'),
    };
    io.stdout.write(`${JSON.stringify(analyzeFrames(frame, previous, options))}\n`);
    return EXIT.ok;
  });
}
