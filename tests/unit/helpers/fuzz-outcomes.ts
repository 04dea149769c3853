/**
 * What a fuzz case may come back with, checked the same way for every case: a refusal in the shape the
 * front end promises (HTTP: 415 or 422 with a JSON `{ error }`; CLI: exit 2, one line on stderr,
 * nothing on stdout, no output file), or a picture that decrypts back to the input's pixels as pngjs
 * decodes them on its own. Each check returns the problem it found, or null.
 */
import { existsSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { decryptCipherPicture, readCipherPicture } from '../../../lib/png';
import { hexToBytes } from './hex';

/**
 * The bytes up to the end of the first IEND chunk, found by a walk of the chunk lengths: a PNG ends
 * there (PNG spec §5.6) and pngjs refuses anything after it, which the program ignores.
 */
function throughIend(png: Uint8Array): Uint8Array {
  const view = new DataView(png.buffer, png.byteOffset, png.length);
  for (let offset = 8; offset + 12 <= png.length;) {
    const end = offset + 12 + view.getUint32(offset);
    if (String.fromCharCode(...png.subarray(offset + 4, offset + 8)) === 'IEND') return png.subarray(0, end);
    offset = end;
  }
  return png;
}

/** The RGBA pixels of `png` as pngjs alone decodes them, or why it cannot. */
function referencePixels(png: Uint8Array): { width: number; height: number; data: Uint8Array } | string {
  try {
    const decoded = PNG.sync.read(Buffer.from(throughIend(png)));
    return { width: decoded.width, height: decoded.height, data: new Uint8Array(decoded.data) };
  } catch (error) {
    return `pngjs cannot decode it (${(error as Error).message})`;
  }
}

/**
 * Whether the ciphertext picture `picture`, decrypted with `keyHex`, holds the pixels of `input`
 * (encrypted as layout rgba at 8 bits, so every sample is kept); null when it does.
 */
export function decryptsBack(picture: Uint8Array, keyHex: string, input: Uint8Array): string | null {
  let plain: Uint8Array;
  try {
    plain = decryptCipherPicture(readCipherPicture(picture), hexToBytes(keyHex));
  } catch (error) {
    return `the picture does not decrypt: ${(error as Error).message}`;
  }
  const expected = referencePixels(input);
  if (typeof expected === 'string') return `accepted, but ${expected}`;
  const got = referencePixels(plain);
  if (typeof got === 'string') return `the decrypted PNG: ${got}`;
  if (got.width !== expected.width || got.height !== expected.height)
    return `decrypted to ${got.width}×${got.height}, the input is ${expected.width}×${expected.height}`;
  const at = got.data.findIndex((b, i) => b !== expected.data[i]);
  if (at !== -1 || got.data.length !== expected.data.length)
    return `decrypted pixels differ from the input's at byte ${at === -1 ? Math.min(got.data.length, expected.data.length) : at}`;
  return null;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The endpoint's answer, read whole. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/** Reads a Response whole. */
export async function readAnswer(response: Response): Promise<HttpAnswer> {
  return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
}

/** The `error` of a JSON `{ error }` body, or why the body is not one. */
export function jsonErrorOf(answer: HttpAnswer): { error: string } | { problem: string } {
  if (answer.headers.get('content-type') !== 'application/json')
    return { problem: `content-type ${answer.headers.get('content-type')}, not application/json` };
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(answer.body));
  } catch {
    return { problem: 'the body is not JSON' };
  }
  const keys = body !== null && typeof body === 'object' ? Object.keys(body) : [];
  const error = (body as { error?: unknown } | null)?.error;
  if (keys.length !== 1 || typeof error !== 'string' || error.trim() === '')
    return { problem: `the body is not { "error": "…" }: ${JSON.stringify(body)}` };
  return { error };
}

/**
 * The endpoint's answer to a mutated PNG posted with key `keyHex`, layout rgba and 8 bits: 200 with a
 * picture that decrypts back, or 415 (no PNG signature) / 422 (anything else) with `{ error }`.
 */
export function checkHttpPng(answer: HttpAnswer, input: Uint8Array, keyHex: string): string | null {
  if (answer.status === 200) {
    if (answer.headers.get('content-type') !== 'image/png') return `200 with ${answer.headers.get('content-type')}`;
    if (answer.headers.get('x-key') !== keyHex) return `200 with X-Key ${answer.headers.get('x-key')}`;
    return decryptsBack(answer.body, keyHex, input);
  }
  const signed = input.length >= 8 && SIGNATURE.every((b, i) => input[i] === b);
  const expected = signed ? 422 : 415;
  if (answer.status !== expected) return `status ${answer.status}, expected 200 or ${expected}`;
  const json = jsonErrorOf(answer);
  return 'problem' in json ? `${answer.status}: ${json.problem}` : null;
}

/** The CLI's result. */
export interface CliAnswer {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A refusal's stderr: exactly one line, `ecb-lens: …`, holding no other line break and no control
 * character (C0, DEL, C1, U+2028/9) a terminal could act on.
 */
export function checkOneLine(stderr: string): string | null {
  if (!/^ecb-lens: [^\n]+\n$/.test(stderr)) return `stderr is not one "ecb-lens: …" line: ${JSON.stringify(stderr)}`;
  if (/[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]/.test(stderr))
    return `stderr holds a control character or line separator: ${JSON.stringify(stderr)}`;
  return null;
}

/**
 * `encrypt --layout rgba --bits 8 --key KEY IN OUT` on a mutated PNG: exit 0 with one JSON line and
 * an OUT that decrypts back, or exit 2 with one line on stderr, nothing on stdout and no OUT.
 */
export function checkCliPng(answer: CliAnswer, input: Uint8Array, keyHex: string, output: string): string | null {
  if (answer.code === 0) {
    if (answer.stderr !== '') return `exit 0 with stderr ${JSON.stringify(answer.stderr)}`;
    if (!/^\{[^\n]*\}\n$/.test(answer.stdout)) return `exit 0 without one JSON line: ${JSON.stringify(answer.stdout)}`;
    const key = (JSON.parse(answer.stdout) as { key?: unknown }).key;
    if (key !== keyHex) return `exit 0 with key ${JSON.stringify(key)}`;
    if (!existsSync(output)) return 'exit 0 without an output file';
    return decryptsBack(readFileSync(output), keyHex, input);
  }
  if (answer.code !== 2) return `exit ${answer.code}, expected 0 or 2 (stderr ${JSON.stringify(answer.stderr)})`;
  if (answer.stdout !== '') return `exit 2 with stdout ${JSON.stringify(answer.stdout)}`;
  if (existsSync(output)) return 'exit 2 but an output file was written';
  return checkOneLine(answer.stderr);
}
