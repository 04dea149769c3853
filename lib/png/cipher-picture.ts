/**
 * The ciphertext picture as a PNG file: the pixels show the ciphertext (so ECB's leak is visible in any
 * image viewer) and versioned `ecb-lens:` text chunks carry whatever else decryption needs. The CLI and
 * the endpoint both encrypt through {@link encryptPng}, so the same input, key and IV or nonce give the
 * same bytes from either. The keyword scheme (version 1) is documented in lib/png/README.md.
 */
import {
  asBytes,
  checkKey,
  checkMode,
  decryptBytes,
  depthMask,
  encryptFrame,
  encryptPacked,
  expectedCiphertextLength,
  generateKey,
  IV_LENGTH,
  LAYOUTS,
  MAX_BITS,
  MIN_BITS,
  MODE_INFO,
  MODES,
  NONCE_LENGTH,
  packFrame,
  parseHex,
  plaintextLength as layoutLength,
  toHex,
  toPicture,
  type EncryptedFrame,
  type Layout,
  type Mode,
} from '../cipher';
import { inspectPng, type PngStructure } from './chunks';
import { decodePacked, decodePng, encodePng, LAYOUT_COLOR_TYPE } from './codec';
import type { EncryptPngOptions } from './encrypt-options';
import { OPENSSL_AES } from './openssl-aes';
import { readTextChunks, type TextEntry } from './text-chunks';

/** The prefix of every keyword this scheme writes; keywords with it that the scheme lacks are refused. */
export const KEYWORD_PREFIX = 'ecb-lens:';
/** The scheme version written to `ecb-lens:version` and the only one read. */
export const SCHEME_VERSION = '1';

/** Text a chunk may hold however small the picture: room for a long AAD or a re-saved iTXt. */
const MIN_TEXT_LIMIT = 1 << 16;

const FIELDS = ['version', 'mode', 'layout', 'bits', 'size', 'iv', 'padding', 'nonce', 'tag', 'aad', 'alpha'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The fields each mode keeps beside its pixels, in the order written: what it starts from (CBC's IV,
 * CTR's initial counter block, GCM's nonce), the ciphertext bytes past the pixels (the padding of ECB
 * and CBC, GCM's tag; CTR has none), and GCM's AAD when there is one.
 */
const MODE_FIELDS: Record<Mode, readonly Field[]> = {
  ecb: ['padding'],
  cbc: ['iv', 'padding'],
  ctr: ['iv'],
  gcm: ['nonce', 'tag', 'aad'],
};

/** `not-cipher-picture`: a PNG without `ecb-lens:` chunks. `damaged`: chunks missing, malformed or inconsistent. */
export type CipherPictureErrorCode = 'not-cipher-picture' | 'damaged';

/** A PNG that is not a ciphertext picture this scheme can decrypt. */
export class CipherPictureError extends Error {
  readonly code: CipherPictureErrorCode;

  constructor(code: CipherPictureErrorCode, message: string) {
    super(message);
    this.name = 'CipherPictureError';
    this.code = code;
  }
}

/** A ciphertext picture read back: the encrypted frame and the AAD it was sealed with, if any. */
export interface CipherPicture {
  encrypted: EncryptedFrame;
  aad?: Uint8Array;
}

/** {@link encryptPng}'s result: the picture's PNG bytes, the key used and the encrypted frame. */
export interface EncryptedPng {
  png: Uint8Array<ArrayBuffer>;
  key: Uint8Array;
  encrypted: EncryptedFrame;
}

function alphaBytes(samples: Uint8Array, pixels: number): Uint8Array {
  const alpha = new Uint8Array(pixels);
  for (let p = 0; p < pixels; p++) alpha[p] = samples[4 * p + 3];
  return alpha;
}

/**
 * The picture's samples in its layout. For rgb and gray they are the first n ciphertext bytes as they
 * are; for rgba the fourth byte of each pixel is drawn as alpha 255 (see toPicture) and kept in text.
 */
function pictureSamples(encrypted: EncryptedFrame): Uint8Array {
  if (encrypted.layout !== 'rgba') return encrypted.ciphertext.subarray(0, encrypted.plaintextLength);
  return asBytes(toPicture(encrypted).data);
}

/**
 * The PNG bytes of an encrypted frame's picture with its `ecb-lens:` text chunks.
 * @example writeFileSync('out.png', writeCipherPicture(encryptFrame(frame, { mode: 'ecb', key })))
 */
export function writeCipherPicture(encrypted: EncryptedFrame, aad?: Uint8Array): Uint8Array<ArrayBuffer> {
  const { mode, layout, bits, width, height, ciphertext, plaintextLength } = encrypted;
  const trailing = ciphertext.subarray(plaintextLength);
  const beside: Partial<Record<Field, Uint8Array | null>> = {
    iv: encrypted.iv,
    nonce: encrypted.nonce,
    padding: trailing,
    tag: trailing,
    aad,
  };
  const entry = (field: Field, text: string, kind: TextEntry['kind'] = 'tEXt'): TextEntry => ({
    keyword: KEYWORD_PREFIX + field,
    text,
    kind,
  });
  const text = [
    entry('version', SCHEME_VERSION),
    entry('mode', mode),
    entry('layout', layout),
    entry('bits', String(bits)),
    entry('size', `${width}x${height}`),
  ];
  for (const field of MODE_FIELDS[mode]) {
    const value = beside[field];
    if (value) text.push(entry(field, toHex(value)));
    else if (field !== 'aad') throw new TypeError(`an ${MODE_INFO[mode].name} frame needs its ${field}`);
  }
  if (layout === 'rgba') text.push(entry('alpha', toHex(alphaBytes(ciphertext, width * height)), 'zTXt'));
  return encodePng(pictureSamples(encrypted), width, height, layout, text);
}

/**
 * Decodes a PNG (after the header and size checks), encrypts its pixels and writes the picture.
 * The key is drawn from the CSPRNG when not given, and so are a CBC or CTR IV and a GCM nonce. The AES
 * is OpenSSL's (node:crypto), byte for byte what the browser's noble gives.
 * @example const { png, key } = encryptPng(readFileSync('in.png'), { mode: 'ecb', layout: 'rgb', bits: 3 })
 */
export function encryptPng(input: Uint8Array, options: EncryptPngOptions): EncryptedPng {
  checkMode(options.mode);
  const key = options.key ?? generateKey(options.mode);
  checkKey(key, options.mode);
  const cipherOptions = { ...options, key, engine: OPENSSL_AES };
  const structure = inspectPng(input);
  const { width, height } = structure.header;
  const packed = decodePacked(structure, options.layout ?? 'rgb');
  let encrypted: EncryptedFrame;
  if (packed) {
    const mask = depthMask(options.bits ?? 8);
    if (mask !== 0xff) for (let i = 0; i < packed.length; i++) packed[i] &= mask;
    encrypted = encryptPacked(packed, width, height, cipherOptions);
  } else {
    encrypted = encryptFrame(decodePng(input, structure), cipherOptions);
  }
  return { png: writeCipherPicture(encrypted, options.aad), key, encrypted };
}

function damaged(message: string): CipherPictureError {
  return new CipherPictureError('damaged', `damaged ECB Lens picture: ${message}`);
}

function oneOf<T extends string>(values: readonly T[], text: string, field: Field): T {
  const value = values.find((v) => v === text);
  if (!value)
    throw damaged(`${KEYWORD_PREFIX}${field} must be one of ${values.join(', ')}, got ${JSON.stringify(text)}`);
  return value;
}

function hexField(text: string, field: Field, length?: number): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = parseHex(text, KEYWORD_PREFIX + field);
  } catch (error) {
    throw damaged((error as Error).message);
  }
  if (length !== undefined && bytes.length !== length) {
    throw damaged(`${KEYWORD_PREFIX}${field} must be ${length} bytes, got ${bytes.length}`);
  }
  return bytes;
}

function collectFields(entries: readonly TextEntry[]): Map<Field, string> {
  const fields = new Map<Field, string>();
  for (const { keyword, text } of entries) {
    const name = keyword.slice(KEYWORD_PREFIX.length);
    const field = FIELDS.find((f) => f === name);
    if (!field) throw damaged(`unknown text chunk ${keyword}`);
    if (fields.has(field)) throw damaged(`text chunk ${keyword} appears more than once`);
    fields.set(field, text);
  }
  return fields;
}

function refuseStrayFields(fields: Map<Field, string>, mode: Mode, layout: Layout): void {
  const allowed = new Set<Field>(['version', 'mode', 'layout', 'bits', 'size', ...MODE_FIELDS[mode]]);
  if (layout === 'rgba') allowed.add('alpha');
  for (const field of fields.keys()) {
    if (!allowed.has(field))
      throw damaged(
        `text chunk ${KEYWORD_PREFIX}${field} does not belong in a picture of mode ${mode} and layout ${layout}`,
      );
  }
}

/** What the text chunks say, checked against the scheme and the PNG header. */
interface PictureFields {
  mode: Mode;
  layout: Layout;
  bits: number;
  iv: Uint8Array | null;
  nonce: Uint8Array | null;
  aad?: Uint8Array;
  /** The ciphertext bytes past the pixels: the padded tail of ECB and CBC, the GCM tag, none for CTR. */
  trailing: Uint8Array;
  /** rgba only: the fourth ciphertext byte of every pixel. */
  alpha: Uint8Array | null;
}

function readFields(structure: PngStructure): PictureFields {
  const { width, height, colorType, bitDepth } = structure.header;
  const entries = readTextChunks(structure.chunks, {
    accept: (keyword) => keyword.startsWith(KEYWORD_PREFIX),
    maxTextLength: Math.max(2 * width * height, MIN_TEXT_LIMIT),
  });
  if (entries.length === 0) {
    throw new CipherPictureError(
      'not-cipher-picture',
      `not an ECB Lens ciphertext picture: it has no ${KEYWORD_PREFIX} text chunks`,
    );
  }
  const fields = collectFields(entries);
  const required = (field: Field): string => {
    const value = fields.get(field);
    if (value === undefined) throw damaged(`missing text chunk ${KEYWORD_PREFIX}${field}`);
    return value;
  };
  const version = required('version');
  if (version !== SCHEME_VERSION) {
    throw damaged(`${KEYWORD_PREFIX}version is ${JSON.stringify(version)}; this tool reads version ${SCHEME_VERSION}`);
  }
  const mode = oneOf(MODES, required('mode'), 'mode');
  const layout = oneOf(LAYOUTS, required('layout'), 'layout');
  refuseStrayFields(fields, mode, layout);

  const bitsText = required('bits');
  const bits = Number(bitsText);
  if (!/^[0-9]$/.test(bitsText) || bits < MIN_BITS || bits > MAX_BITS) {
    throw damaged(
      `${KEYWORD_PREFIX}bits must be an integer from ${MIN_BITS} to ${MAX_BITS}, got ${JSON.stringify(bitsText)}`,
    );
  }
  const size = required('size');
  if (size !== `${width}x${height}`) {
    throw damaged(`${KEYWORD_PREFIX}size is ${JSON.stringify(size)} but the PNG is ${width}x${height}`);
  }
  if (colorType !== LAYOUT_COLOR_TYPE[layout] || bitDepth !== 8) {
    throw damaged(
      `layout ${layout} needs an 8-bit PNG of colour type ${LAYOUT_COLOR_TYPE[layout]}, got colour type ${colorType} at ${bitDepth} bits`,
    );
  }

  const n = layoutLength(width, height, layout);
  const has = (field: Field) => MODE_FIELDS[mode].includes(field);
  const trailing = MODE_FIELDS[mode].find((field) => field === 'padding' || field === 'tag');
  const aadText = fields.get('aad');
  return {
    mode,
    layout,
    bits,
    iv: has('iv') ? hexField(required('iv'), 'iv', IV_LENGTH) : null,
    nonce: has('nonce') ? hexField(required('nonce'), 'nonce', NONCE_LENGTH) : null,
    ...(aadText !== undefined && { aad: hexField(aadText, 'aad') }),
    trailing: trailing
      ? hexField(required(trailing), trailing, expectedCiphertextLength(mode, n) - n)
      : new Uint8Array(0),
    alpha: layout === 'rgba' ? hexField(required('alpha'), 'alpha', width * height) : null,
  };
}

/**
 * Reads a ciphertext picture back: checks the PNG, then its `ecb-lens:` chunks against the scheme and
 * the PNG header, and only then decodes the pixels. Throws a PngError for a refused PNG and a
 * {@link CipherPictureError} for a PNG that is not a valid ciphertext picture.
 * @example const { encrypted, aad } = readCipherPicture(readFileSync('out.png'))
 */
export function readCipherPicture(bytes: Uint8Array): CipherPicture {
  const structure = inspectPng(bytes);
  const { width, height } = structure.header;
  const { mode, layout, bits, iv, nonce, aad, trailing, alpha } = readFields(structure);
  const samples = packFrame(decodePng(bytes, structure), layout, 8);
  if (alpha) for (let p = 0; p < alpha.length; p++) samples[4 * p + 3] = alpha[p];
  const ciphertext = new Uint8Array(samples.length + trailing.length);
  ciphertext.set(samples);
  ciphertext.set(trailing, samples.length);
  const encrypted: EncryptedFrame = {
    mode,
    layout,
    bits,
    width,
    height,
    nonce,
    iv,
    ciphertext,
    plaintextLength: samples.length,
  };
  return aad === undefined ? { encrypted } : { encrypted, aad };
}

/**
 * Decrypts a ciphertext picture to a PNG of the pixels that were encrypted, in its layout's colour
 * type. Throws AuthenticationError for a GCM picture that fails authentication and PaddingError for
 * a CBC picture whose padding does not check (no PNG is produced then), and a RangeError for ECB
 * padding that does not verify (a wrong key or damaged ciphertext). ECB, CBC and CTR have no integrity:
 * most edits of their pictures decrypt, to altered pixels.
 * @example writeFileSync('plain.png', decryptCipherPicture(readCipherPicture(bytes), key))
 */
export function decryptCipherPicture(picture: CipherPicture, key: Uint8Array): Uint8Array {
  const { encrypted, aad } = picture;
  const plaintext = decryptBytes(encrypted, key, aad, OPENSSL_AES);
  return encodePng(plaintext, encrypted.width, encrypted.height, encrypted.layout);
}
