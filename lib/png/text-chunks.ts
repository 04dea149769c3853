/**
 * PNG text chunks (PNG spec §11.3.3, https://www.w3.org/TR/png-3/#11textinfo): tEXt (Latin-1),
 * zTXt (Latin-1, deflated) and iTXt (UTF-8, optionally deflated). pngjs neither writes nor returns them,
 * so they are built and parsed here; reading inflates only the chunks the caller accepts and never past
 * a limit, so a small zTXt cannot expand into gigabytes.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { buildChunk, type Chunk } from './chunks';
import { PngError } from './errors';

export const TEXT_CHUNK_KINDS = ['tEXt', 'zTXt', 'iTXt'] as const;
export type TextChunkKind = (typeof TEXT_CHUNK_KINDS)[number];

/** One keyword/text pair and the chunk type that carries it. */
export interface TextEntry {
  keyword: string;
  text: string;
  kind: TextChunkKind;
}

/** Default most characters one text chunk may inflate to when reading. */
export const DEFAULT_MAX_TEXT_LENGTH = 1 << 20;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function isLatin1Printable(code: number): boolean {
  return (code >= 32 && code <= 126) || (code >= 161 && code <= 255);
}

function keywordProblem(keyword: string): string | null {
  if (keyword.length < 1 || keyword.length > 79) return `must be 1 to 79 characters, got ${keyword.length}`;
  for (let i = 0; i < keyword.length; i++) {
    if (!isLatin1Printable(keyword.charCodeAt(i))) return 'must be printable Latin-1';
  }
  if (keyword.startsWith(' ') || keyword.endsWith(' ') || keyword.includes('  ')) {
    return 'must not start or end with a space or hold two spaces in a row';
  }
  return null;
}

function latin1(text: string, what: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0 || code > 255)
      throw new RangeError(`${what} must be Latin-1 without NUL, got U+${code.toString(16).padStart(4, '0')}`);
    bytes[i] = code;
  }
  return bytes;
}

function fromLatin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * A complete tEXt, zTXt or iTXt chunk (empty language tag and translated keyword for iTXt).
 * Throws a RangeError for a keyword the spec forbids or tEXt/zTXt text outside Latin-1.
 * @example buildTextChunk({ keyword: 'ecb-lens:mode', text: 'ecb', kind: 'tEXt' })
 */
export function buildTextChunk(entry: TextEntry): Uint8Array {
  const { keyword, text, kind } = entry;
  const problem = keywordProblem(keyword);
  if (problem) throw new RangeError(`text chunk keyword ${JSON.stringify(keyword)} ${problem}`);
  const key = latin1(keyword, 'keyword');
  const nul = Uint8Array.of(0);
  if (kind === 'tEXt') return buildChunk(kind, concat([key, nul, latin1(text, 'tEXt text')]));
  if (kind === 'zTXt')
    return buildChunk(kind, concat([key, nul, nul, deflateSync(latin1(text, 'zTXt text'), { level: 9 })]));
  if (kind === 'iTXt') {
    const body = deflateSync(new TextEncoder().encode(text), { level: 9 });
    return buildChunk(kind, concat([key, nul, Uint8Array.of(1, 0), nul, nul, body]));
  }
  throw new RangeError(`text chunk kind must be one of ${TEXT_CHUNK_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
}

function isTextKind(type: string): type is TextChunkKind {
  return (TEXT_CHUNK_KINDS as readonly string[]).includes(type);
}

function inflateText(data: Uint8Array, limit: number, where: string): Uint8Array {
  try {
    return inflateSync(data, { maxOutputLength: limit });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE')
      throw new PngError('corrupt', `corrupt PNG: ${where} inflates past ${limit} bytes`);
    throw new PngError('corrupt', `corrupt PNG: ${where} does not inflate`);
  }
}

function parseTextChunk(
  chunk: Chunk & { type: TextChunkKind },
  accept: (keyword: string) => boolean,
  limit: number,
): TextEntry | null {
  const { data, type, offset } = chunk;
  const where = `${type} chunk at byte ${offset}`;
  const bad = (why: string) => new PngError('corrupt', `corrupt PNG: ${where} ${why}`);
  const end = data.indexOf(0);
  const keyword = fromLatin1(data.subarray(0, end === -1 ? Math.min(data.length, 80) : end));
  if (!accept(keyword)) return null;
  if (end === -1) throw bad('has no keyword terminator');
  const problem = keywordProblem(keyword);
  if (problem) throw bad(`has a keyword that ${problem}`);
  const rest = data.subarray(end + 1);
  if (type === 'tEXt') {
    if (rest.includes(0)) throw bad('holds a NUL in its text');
    return { keyword, text: fromLatin1(rest), kind: type };
  }
  if (type === 'zTXt') {
    if (rest.length < 1 || rest[0] !== 0) throw bad('has an unknown compression method');
    return { keyword, text: fromLatin1(inflateText(rest.subarray(1), limit, where)), kind: type };
  }
  if (rest.length < 2 || rest[0] > 1 || rest[1] !== 0) throw bad('has an unknown compression flag or method');
  const language = rest.indexOf(0, 2);
  const translated = language === -1 ? -1 : rest.indexOf(0, language + 1);
  if (translated === -1) throw bad('is missing its language tag or translated keyword');
  const body = rest.subarray(translated + 1);
  const bytes = rest[0] === 1 ? inflateText(body, limit, where) : body;
  if (bytes.length > limit) throw bad(`holds more than ${limit} bytes of text`);
  try {
    return { keyword, text: UTF8.decode(bytes), kind: type };
  } catch {
    throw bad('holds text that is not UTF-8');
  }
}

/**
 * The text entries among `chunks`, in file order, for keywords `accept` admits (all by default).
 * Compressed text is inflated to at most `maxTextLength` bytes. Throws a {@link PngError} with code
 * `corrupt` for a malformed text chunk whose keyword it accepts; other text chunks are not examined.
 * @example readTextChunks(inspectPng(bytes).chunks, { accept: (k) => k.startsWith('ecb-lens:') })
 */
export function readTextChunks(
  chunks: readonly Chunk[],
  options: { accept?: (keyword: string) => boolean; maxTextLength?: number } = {},
): TextEntry[] {
  const { accept = () => true, maxTextLength = DEFAULT_MAX_TEXT_LENGTH } = options;
  const entries: TextEntry[] = [];
  for (const chunk of chunks) {
    const { type } = chunk;
    if (!isTextKind(type)) continue;
    const entry = parseTextChunk({ ...chunk, type }, accept, maxTextLength);
    if (entry) entries.push(entry);
  }
  return entries;
}
