/** Reads the committed vector files in tests/fixtures/vectors/ (provenance in its SOURCE.md). */
import { readFileSync } from 'node:fs';

const VECTORS = new URL('../../fixtures/vectors/', import.meta.url);

/** A fixture's text, e.g. `readVectorFile('nist/cavp/aes_ecb/ECBGFSbox128.rsp')`. */
export function readVectorFile(path: string): string {
  return readFileSync(new URL(path, VECTORS), 'utf8');
}
