/**
 * The cipher core's throughput in Node, each figure next to node:crypto (OpenSSL, AES-NI) on the same
 * bytes in the same run. Lib and OpenSSL calls alternate, so machine noise hits both alike and their
 * ratio stays meaningful even when the absolute MB/s wander between runs.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { ecbDecrypt, ecbEncrypt } from '../../lib/cipher/ecb';
import type { Frame } from '../../lib/cipher/frame';
import { gcmEncrypt, gcmEncryptAsync } from '../../lib/cipher/gcm';
import { packFrame } from '../../lib/cipher/layout';
import { NonceSequence } from '../../lib/cipher/nonce';
import { EcbStage, GcmStage, PackStage } from '../../lib/worker/stages';
import { relativeSpread, round, summarize, type Summary } from './stats';

/** A frame size the lab processes: the clip at 640 and at 1280 wide. */
export interface FrameSize {
  width: number;
  height: number;
}

export const CORE_SIZES: readonly FrameSize[] = [
  { width: 640, height: 360 },
  { width: 1280, height: 720 },
];

/** How long to measure each case. */
export interface CorePlan {
  /** Milliseconds of measurement per case (lib and OpenSSL together), after warm-up. */
  budgetMs: number;
  minRuns: number;
  maxRuns: number;
  warmupRuns: number;
}

export const FULL_CORE_PLAN: CorePlan = { budgetMs: 2_000, minRuns: 15, maxRuns: 400, warmupRuns: 5 };
export const QUICK_CORE_PLAN: CorePlan = { budgetMs: 300, minRuns: 5, maxRuns: 100, warmupRuns: 2 };

/** One side of a comparison: throughput in MB/s (10⁶ bytes) and time per call. */
export interface Throughput {
  mbPerS: Summary;
  msPerCall: Summary;
  spread: number;
}

/** A lib operation next to its OpenSSL counterpart. */
export interface CoreCase {
  operation: string;
  /** What the OpenSSL side runs. */
  reference: string;
  size: string;
  /** Plaintext bytes per call (an RGB frame). */
  bytes: number;
  lib: Throughput;
  openssl: Throughput;
  /** lib MB/s ÷ OpenSSL MB/s, medians of this run. */
  ratio: number;
  /** The same for the fastest call of each: on a loaded machine the least disturbed, so the steadier ratio. */
  bestRatio: number;
}

type Work = () => unknown;

function rgbaFrame({ width, height }: FrameSize): Frame {
  const data = new Uint8Array(width * height * 4);
  let state = 0x9e3779b9;
  for (let i = 0; i < data.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    data[i] = state & 0xff;
  }
  return { width, height, data };
}

function opensslEcbEncrypt(key: Uint8Array, plaintext: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-128-ecb', key, null);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

function opensslEcbDecrypt(key: Uint8Array, ciphertext: Uint8Array): Buffer {
  const decipher = createDecipheriv('aes-128-ecb', key, null);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

function opensslGcmSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function opensslGcmOpen(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
}

async function timeOnce(work: Work): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function throughput(ms: readonly number[], bytes: number): Throughput {
  const mbPerS = summarize(ms.map((t) => bytes / 1e3 / t));
  return { mbPerS, msPerCall: summarize(ms), spread: relativeSpread(mbPerS) };
}

async function compare(
  plan: CorePlan,
  lib: Work,
  openssl: Work,
  bytes: number,
): Promise<{ lib: Throughput; openssl: Throughput }> {
  for (let i = 0; i < plan.warmupRuns; i++) {
    await lib();
    await openssl();
  }
  const libMs: number[] = [];
  const sslMs: number[] = [];
  const start = performance.now();
  while (libMs.length < plan.maxRuns && (libMs.length < plan.minRuns || performance.now() - start < plan.budgetMs)) {
    libMs.push(await timeOnce(lib));
    sslMs.push(await timeOnce(openssl));
  }
  return { lib: throughput(libMs, bytes), openssl: throughput(sslMs, bytes) };
}

function sizeLabel({ width, height }: FrameSize): string {
  return `${width}×${height}`;
}

/**
 * Measures every lib operation and per-frame stage at each size, each against OpenSSL.
 * @example const cases = await runCore(QUICK_CORE_PLAN); cases[0].ratio // e.g. 0.03
 */
export async function runCore(
  plan: CorePlan,
  { sizes = CORE_SIZES, log = () => {} }: { sizes?: readonly FrameSize[]; log?: (line: string) => void } = {},
): Promise<CoreCase[]> {
  const ecbKey = new Uint8Array(16).fill(0x2b);
  const gcmKey = new Uint8Array(32).fill(0x4c);
  const cases: CoreCase[] = [];
  for (const size of sizes) {
    const frame = rgbaFrame(size);
    const plaintext = packFrame(frame, 'rgb', 8);
    const bytes = plaintext.length;
    const ecbCiphertext = ecbEncrypt(ecbKey, plaintext);
    const libNonces = new NonceSequence();
    const sslNonces = new NonceSequence();
    const pack = new PackStage();
    const ecbStage = new EcbStage();
    const gcmStage = new GcmStage();
    const sslSealOpen = () => {
      const nonce = sslNonces.next();
      return opensslGcmOpen(gcmKey, nonce, opensslGcmSeal(gcmKey, nonce, plaintext));
    };
    const plans: { operation: string; reference: string; lib: Work; openssl: Work }[] = [
      {
        operation: 'ecbEncrypt',
        reference: 'aes-128-ecb encrypt',
        lib: () => ecbEncrypt(ecbKey, plaintext),
        openssl: () => opensslEcbEncrypt(ecbKey, plaintext),
      },
      {
        operation: 'ecbDecrypt',
        reference: 'aes-128-ecb decrypt',
        lib: () => ecbDecrypt(ecbKey, ecbCiphertext),
        openssl: () => opensslEcbDecrypt(ecbKey, ecbCiphertext),
      },
      {
        operation: 'gcmEncrypt (noble)',
        reference: 'aes-256-gcm encrypt',
        lib: () => gcmEncrypt(gcmKey, libNonces.next(), plaintext),
        openssl: () => opensslGcmSeal(gcmKey, sslNonces.next(), plaintext),
      },
      {
        operation: 'gcmEncryptAsync (WebCrypto)',
        reference: 'aes-256-gcm encrypt',
        lib: () => gcmEncryptAsync(gcmKey, libNonces.next(), plaintext),
        openssl: () => opensslGcmSeal(gcmKey, sslNonces.next(), plaintext),
      },
      {
        operation: 'PackStage+EcbStage',
        reference: 'aes-128-ecb encrypt',
        lib: () => ecbStage.run(pack.run(frame, 'rgb', 8), ecbKey, 'rgb', size.width, size.height),
        openssl: () => opensslEcbEncrypt(ecbKey, plaintext),
      },
      {
        operation: 'PackStage+GcmStage',
        reference: 'aes-256-gcm encrypt+decrypt',
        lib: () => gcmStage.run(pack.run(frame, 'rgb', 8), gcmKey, 'rgb', size.width, size.height),
        openssl: sslSealOpen,
      },
    ];
    for (const { operation, reference, lib, openssl } of plans) {
      const measured = await compare(plan, lib, openssl, bytes);
      const ratio = measured.lib.mbPerS.median / measured.openssl.mbPerS.median;
      const bestRatio = measured.lib.mbPerS.max / measured.openssl.mbPerS.max;
      cases.push({
        operation,
        reference,
        size: sizeLabel(size),
        bytes,
        ...measured,
        ratio: round(ratio, 4),
        bestRatio: round(bestRatio, 4),
      });
      log(
        `core: ${operation} ${sizeLabel(size)}: ${measured.lib.mbPerS.median.toFixed(1)} MB/s, ${ratio.toFixed(3)}× OpenSSL`,
      );
    }
  }
  return cases;
}
