/**
 * The call's sound as raw samples, to hear what ECB does to it. Telephone-grade 8-bit samples (the top 8
 * bits of each, as G.711 carries 8 bits a sample) put 16 samples in each AES block; in a silence every
 * sample is 0, so every block is the same and ECB turns it into the same ciphertext block again and again:
 * a waveform repeating every 16 samples, a steady 3 kHz tone at 48 kHz. Speech gives varied blocks: noise.
 * GCM makes noise of both. Raw samples are the principle; calls send compressed packets (see wire.ts).
 */

/** Samples an AES block holds at 8 bits a sample. */
export const SAMPLES_PER_BLOCK = 16;

/**
 * Samples in [-1, 1] as signed 8-bit bytes: the top 8 bits of the 16-bit sample (rounded towards zero,
 * so near-silence is exactly 0).
 * @example toPcm8(Float32Array.of(0, 0.00001, -1, 0.5)) // bytes 0, 0, 0x80, 0x40
 */
export function toPcm8(samples: Float32Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s16 = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32768)));
    out[i] = Math.trunc(s16 / 256) & 0xff;
  }
  return out;
}

/**
 * Bytes played as signed 8-bit samples, scaled by `gain` (keep it low: ciphertext is loud).
 * @example fromPcm8(Uint8Array.of(0x40), 1)[0] // 0.5
 */
export function fromPcm8(bytes: Uint8Array, gain: number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = (((bytes[i] << 24) >> 24) / 128) * gain;
  return out;
}

/**
 * The share of the 16-byte blocks between sample `from` and `to` that equal the block before them: 1 for a
 * tone of period 16 (ECB over silence), near 0 for noise.
 */
export function repeatingShare(bytes: Uint8Array, from: number, to: number): number {
  const first = Math.ceil(Math.max(0, from) / SAMPLES_PER_BLOCK) + 1;
  const last = Math.floor(Math.min(bytes.length, to) / SAMPLES_PER_BLOCK);
  let same = 0;
  let count = 0;
  for (let block = first; block < last; block++, count++) {
    const a = block * SAMPLES_PER_BLOCK;
    const b = a - SAMPLES_PER_BLOCK;
    let equal = true;
    for (let i = 0; i < SAMPLES_PER_BLOCK; i++) if (bytes[a + i] !== bytes[b + i]) equal = false;
    if (equal) same++;
  }
  return count === 0 ? 0 : same / count;
}
