/**
 * What uniform random bytes — ideal ciphertext — score on each measure, and how far from that a figure
 * may stray before it gives structure away. The CLI's `analyze` prints the reference values; the lab's
 * numbers table marks each ciphertext figure "random" or "leaks" by the same limits.
 */
import type { MeasureName } from './csv';
import { CHI_SQUARE_CRITICAL_5 } from './histogram';

/** What random bytes score: the figures a ciphertext stream is read against. */
export const REFERENCE = {
  repeatedShare: 0,
  entropy: 8,
  chiSquareCritical: CHI_SQUARE_CRITICAL_5,
  correlation: 0,
  unchangedShare: 0,
} as const;

/**
 * Random 16-byte blocks practically never repeat (a repeat among 2¹⁶ random blocks has odds of about
 * 2⁻⁹⁷), and a fresh nonce changes every block of every frame: a share of repeated or unchanged blocks
 * above 0.1 % is structure.
 */
export const SHARE_LIMIT = 0.001;
/**
 * Random bytes score 8 − 255 / (2 n ln 2) bits on average (Miller–Madow bias); for the smallest frame the
 * lab makes (320×180 grey, 57,600 bytes) that is 7.997. 7.99 leaves room without letting structure pass.
 */
export const ENTROPY_LIMIT = 7.99;
/**
 * Pearson's r over n independent pairs has a standard deviation of about 1/√n; n ≥ 57,000 here, so
 * |r| ≥ 0.02 is over four standard deviations away from random.
 */
export const CORRELATION_LIMIT = 0.02;

/** Whether a ciphertext's figure is what random bytes give (`random`) or gives structure away (`leaks`). */
export type Verdict = 'random' | 'leaks';

/** The measures a verdict is given on. */
export type JudgedMeasure = Extract<
  MeasureName,
  'repeated_share' | 'unchanged_share' | 'entropy' | 'chi_square' | 'corr_h' | 'corr_v' | 'corr_d'
>;

/**
 * How a ciphertext stream's `value` of `measure` compares with random bytes.
 * @example verdict('entropy', 7.9998) // 'random'
 * @example verdict('repeated_share', 0.95) // 'leaks'
 */
export function verdict(measure: JudgedMeasure, value: number): Verdict {
  switch (measure) {
    case 'repeated_share':
    case 'unchanged_share':
      return value < SHARE_LIMIT ? 'random' : 'leaks';
    case 'entropy':
      return value > ENTROPY_LIMIT ? 'random' : 'leaks';
    case 'chi_square':
      return value < CHI_SQUARE_CRITICAL_5 ? 'random' : 'leaks';
    case 'corr_h':
    case 'corr_v':
    case 'corr_d':
      return Math.abs(value) < CORRELATION_LIMIT ? 'random' : 'leaks';
  }
}
