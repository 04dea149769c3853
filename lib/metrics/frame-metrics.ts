/**
 * Everything ECB Lens measures about one stream's bytes in one frame, in one call, reusing its scratch
 * memory: repeated blocks, entropy, χ², adjacent-pixel correlation and, given the previous frame's
 * bytes, the share of blocks unchanged since then. Runs in the workers, on the bytes — never on pixels
 * read back from a canvas.
 *
 * (NOINLINE on calls of per-frame work: see lib/worker/stages.ts.)
 */
import { BlockTable, countRepeatedBlocks } from './blocks';
import { adjacentCorrelation, type AdjacentCorrelation } from './correlation';
import { byteHistogram, chiSquare, entropy } from './histogram';
import { unchangedBlocks } from './temporal';

export interface StreamMetrics {
  /** Whole 16-byte blocks measured. */
  blocks: number;
  /** Blocks whose value occurs more than once in the frame. */
  repeatedBlocks: number;
  repeatedShare: number;
  /** Bits per byte. */
  entropy: number;
  chiSquare: number;
  correlation: AdjacentCorrelation;
  /** Blocks identical to the previous frame's at the same position; null for a first frame. */
  unchangedBlocks: number | null;
  unchangedShare: number | null;
}

/** Pairs sampled for correlation: every pixel below this many, a regular grid above. */
const CORRELATION_PIXELS = 40_000;

/** The figures about 16-byte blocks: repeats within the frame, and blocks unchanged since the last. */
export type BlockFigures = Pick<
  StreamMetrics,
  'blocks' | 'repeatedBlocks' | 'repeatedShare' | 'unchangedBlocks' | 'unchangedShare'
>;

/** The figures about byte values: entropy, χ² and adjacent-pixel correlation. */
export type ValueFigures = Pick<StreamMetrics, 'entropy' | 'chiSquare' | 'correlation'>;

/** Measures frames of one stream; keep one per stream so scratch memory is reused. */
export class MetricsMeter {
  private readonly table = new BlockTable();
  private readonly histogram = new Uint32Array(256);

  /**
   * @param bytes the stream's bytes for this frame (for a picture, `width × height × bytesPerPixel`
   *   of them are used for correlation; all whole blocks for the block counts)
   * @param previous the same stream's bytes in the previous frame, if any; it must be as long as
   *   `bytes` (a RangeError otherwise: frames of different sizes cannot be compared)
   * @param map when given with `previous`, receives 1 per unchanged block and 0 per changed block
   */
  measure(
    bytes: Uint8Array,
    width: number,
    height: number,
    bytesPerPixel: number,
    previous?: Uint8Array | null,
    map?: Uint8Array,
  ): StreamMetrics {
    return { ...this.measureBlocks(bytes, previous, map), ...this.measureValues(bytes, width, height, bytesPerPixel) };
  }

  /** Repeated blocks, and (given the previous frame's bytes) unchanged blocks; see {@link measure}. */
  measureBlocks(bytes: Uint8Array, previous?: Uint8Array | null, map?: Uint8Array): BlockFigures {
    const { blocks, repeated } = /*#__NOINLINE__*/ countRepeatedBlocks(bytes, this.table);
    const compared = previous ? /*#__NOINLINE__*/ unchangedBlocks(bytes, previous, map) : null;
    return {
      blocks,
      repeatedBlocks: repeated,
      repeatedShare: blocks ? repeated / blocks : 0,
      unchangedBlocks: compared ? compared.unchanged : null,
      unchangedShare: compared && compared.blocks ? compared.unchanged / compared.blocks : null,
    };
  }

  /** Entropy and χ² of the picture's bytes, and adjacent-pixel correlation; see {@link measure}. */
  measureValues(bytes: Uint8Array, width: number, height: number, bytesPerPixel: number): ValueFigures {
    const histogram = /*#__NOINLINE__*/ byteHistogram(
      bytes.subarray(0, width * height * bytesPerPixel),
      this.histogram,
    );
    const step = Math.max(1, Math.ceil(Math.sqrt((width * height) / CORRELATION_PIXELS)));
    return {
      entropy: /*#__NOINLINE__*/ entropy(histogram),
      chiSquare: /*#__NOINLINE__*/ chiSquare(histogram),
      correlation: /*#__NOINLINE__*/ adjacentCorrelation(bytes, width, height, bytesPerPixel, step),
    };
  }
}

/** The block figures of a metrics record (to share between streams that have the same ones). */
export function blockFigures(metrics: StreamMetrics): BlockFigures {
  const { blocks, repeatedBlocks, repeatedShare, unchangedBlocks, unchangedShare } = metrics;
  return { blocks, repeatedBlocks, repeatedShare, unchangedBlocks, unchangedShare };
}
