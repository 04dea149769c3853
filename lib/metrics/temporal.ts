/**
 * What stays the same from one frame to the next. Under one ECB key for the whole meeting (as Zoom had),
 * a 16-byte block that did not change encrypts to the same ciphertext block again, so an eavesdropper
 * without the key sees exactly which blocks changed: when someone moved or spoke, when a slide changed,
 * and the shape of what moved. Under GCM every frame has a fresh nonce and every block changes.
 */
import { BLOCK_SIZE } from './blocks';

export interface UnchangedBlocks {
  /** Whole 16-byte blocks compared. */
  blocks: number;
  /** Blocks byte-identical to the block at the same position in the previous frame. */
  unchanged: number;
}

/**
 * Compares two equally long byte strings block by block; writes 1 (unchanged) or 0 per block into
 * `map` when given (one entry per block).
 * @example unchangedBlocks(frame2, frame1).unchanged // blocks an eavesdropper sees standing still
 */
export function unchangedBlocks(current: Uint8Array, previous: Uint8Array, map?: Uint8Array): UnchangedBlocks {
  if (!(current instanceof Uint8Array) || !(previous instanceof Uint8Array))
    throw new TypeError('frames must be Uint8Arrays');
  if (current.length !== previous.length) {
    throw new RangeError(`frames must be the same length to compare, got ${current.length} and ${previous.length}`);
  }
  const blocks = Math.floor(current.length / BLOCK_SIZE);
  if (map && map.length < blocks) throw new RangeError(`map needs ${blocks} entries, got ${map.length}`);
  let unchanged = 0;
  const aligned = current.byteOffset % 4 === 0 && previous.byteOffset % 4 === 0;
  const a = aligned ? new Uint32Array(current.buffer, current.byteOffset, blocks * 4) : null;
  const b = aligned ? new Uint32Array(previous.buffer, previous.byteOffset, blocks * 4) : null;
  for (let block = 0; block < blocks; block++) {
    let same: boolean;
    if (a && b) {
      const w = block * 4;
      same = a[w] === b[w] && a[w + 1] === b[w + 1] && a[w + 2] === b[w + 2] && a[w + 3] === b[w + 3];
    } else {
      same = true;
      for (let i = block * BLOCK_SIZE, end = i + BLOCK_SIZE; i < end; i++) {
        if (current[i] !== previous[i]) {
          same = false;
          break;
        }
      }
    }
    if (same) unchanged++;
    if (map) map[block] = same ? 1 : 0;
  }
  return { blocks, unchanged };
}
