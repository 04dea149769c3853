/**
 * Splicing and replaying ciphertext, which needs no key: copy 16-byte blocks from another frame (or
 * another place) into the frame on the wire. ECB decrypts each block on its own, so the receiver sees the
 * pasted picture (Zoom's 2020 streams had no integrity to stop it, The Citizen Lab report); CBC decrypts a
 * block with the one before it, so the seams of each pasted run come out garbled but the rest is
 * accepted; GCM's tag covers every byte, so the receiver refuses the frame.
 */
import { BLOCK } from './geometry';

/**
 * A copy of `target` in which each of `blocks` is replaced by the block `shift` places earlier in
 * `source` (shift 0: the same place, a replay of part of an earlier frame).
 * @example spliceBlocks(slideFrame, speakerFrame, blocksOfRect(geometry, face))
 */
export function spliceBlocks(
  target: Uint8Array,
  source: Uint8Array,
  blocks: readonly number[],
  shift = 0,
): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(shift)) throw new RangeError(`shift must be a whole number of blocks, got ${shift}`);
  const out = target.slice();
  for (const block of blocks) {
    const to = block * BLOCK;
    const from = (block - shift) * BLOCK;
    if (!Number.isInteger(block) || to < 0 || to + BLOCK > target.length)
      throw new RangeError(`block ${block} is outside the ${Math.floor(target.length / BLOCK)}-block frame`);
    if (from < 0 || from + BLOCK > source.length)
      throw new RangeError(`block ${block - shift} is outside the ${Math.floor(source.length / BLOCK)}-block source`);
    out.set(source.subarray(from, from + BLOCK), to);
  }
  return out;
}

/**
 * The runs of consecutive blocks in `blocks` (sorted), as [first, last] pairs: under CBC the first block
 * of each run and the block after it decrypt garbled (their preceding ciphertext block is not the one
 * they were made with).
 */
export function blockRuns(blocks: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const block of blocks) {
    const run = runs.at(-1);
    if (run && block === run[1] + 1) run[1] = block;
    else runs.push([block, block]);
  }
  return runs;
}
