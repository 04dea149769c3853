/**
 * Mutated PNGs for the fuzz tests. A corpus of small valid PNGs in every colour type and bit depth
 * (built chunk by chunk, so each is valid by construction), and mutations that damage them the ways
 * files get damaged or forged: bit flips, truncation, extreme IHDR fields, lying chunk lengths and
 * CRCs, chunks reordered, dropped or repeated, image data that inflates far past or short of what
 * IHDR implies. Case `index` of seed `seed` is rebuilt from those two numbers alone.
 */
import { deflateSync } from 'node:zlib';
import { crc32 } from '../../../lib/png/crc32';
import { PNG_SIGNATURE } from '../../../lib/png/header';
import { casePrng, type Prng } from './prng';

/** One fuzz case: what to feed the program, and how to name it in a failure. */
export interface PngCase {
  seed: number;
  index: number;
  /** The corpus picture it started from. */
  base: string;
  /** The mutations applied, in order, with their parameters. */
  mutation: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** A valid picture of the corpus: its IHDR fields, built from seeded pixels. */
interface BaseSpec {
  name: string;
  width: number;
  height: number;
  bitDepth: number;
  colorType: 0 | 2 | 3 | 4 | 6;
  /** How many IDAT chunks the image data is split into. */
  parts?: number;
  /** Adds a tRNS chunk (palette or single-colour transparency). */
  transparency?: boolean;
  /** Adds tEXt and zTXt chunks before the image data. */
  text?: boolean;
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;

/**
 * Small pictures, under 6.2 KB of raw image data each, so a valid one (unmutated, or mutated in a way
 * that keeps it valid) encrypts in well under a millisecond and any slow case is the program's fault.
 */
export const CORPUS: readonly BaseSpec[] = [
  { name: 'rgba8-16x16', width: 16, height: 16, bitDepth: 8, colorType: 6 },
  { name: 'rgb8-37x23', width: 37, height: 23, bitDepth: 8, colorType: 2, parts: 2 },
  { name: 'rgba8-48x32-text', width: 48, height: 32, bitDepth: 8, colorType: 6, parts: 3, text: true },
  { name: 'rgb8-1x1', width: 1, height: 1, bitDepth: 8, colorType: 2 },
  { name: 'gray1-9x7', width: 9, height: 7, bitDepth: 1, colorType: 0 },
  { name: 'gray2-13x5', width: 13, height: 5, bitDepth: 2, colorType: 0 },
  { name: 'gray4-11x9', width: 11, height: 9, bitDepth: 4, colorType: 0, transparency: true },
  { name: 'gray8-24x24', width: 24, height: 24, bitDepth: 8, colorType: 0 },
  { name: 'gray16-8x8', width: 8, height: 8, bitDepth: 16, colorType: 0 },
  { name: 'graya8-10x10', width: 10, height: 10, bitDepth: 8, colorType: 4 },
  { name: 'graya16-6x6', width: 6, height: 6, bitDepth: 16, colorType: 4 },
  { name: 'rgb16-12x12', width: 12, height: 12, bitDepth: 16, colorType: 2, transparency: true },
  { name: 'rgba16-5x5', width: 5, height: 5, bitDepth: 16, colorType: 6 },
  { name: 'pal1-17x3', width: 17, height: 3, bitDepth: 1, colorType: 3 },
  { name: 'pal2-7x7', width: 7, height: 7, bitDepth: 2, colorType: 3, transparency: true },
  { name: 'pal4-15x4', width: 15, height: 4, bitDepth: 4, colorType: 3, text: true },
  { name: 'pal8-20x20', width: 20, height: 20, bitDepth: 8, colorType: 3, transparency: true, parts: 2 },
];

/** A chunk being edited: `length` and `crc`, when set, are written instead of the true values. */
interface EditChunk {
  type: string;
  data: Uint8Array;
  length?: number;
  crc?: number;
}

/** A PNG being edited: its signature, chunks and whatever follows IEND. */
interface EditPng {
  signature: Uint8Array;
  chunks: EditChunk[];
  trailing: Uint8Array;
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function typeBytes(type: string): Uint8Array {
  return Uint8Array.from(type, (c) => c.charCodeAt(0) & 0xff);
}

function chunkBytes({ type, data, length, crc }: EditChunk): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, length ?? data.length);
  out.set(typeBytes(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc ?? crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function serialize(png: EditPng): Uint8Array<ArrayBuffer> {
  return concat([png.signature, ...png.chunks.map(chunkBytes), png.trailing]);
}

/** The size of the filtered image data a non-interlaced picture with these fields holds (PNG spec §7.2). */
function rawLength(width: number, height: number, bitDepth: number, colorType: keyof typeof CHANNELS): number {
  return height * (1 + Math.ceil((width * CHANNELS[colorType] * bitDepth) / 8));
}

function ihdrData(width: number, height: number, bitDepth: number, colorType: number, interlace = 0): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([bitDepth, colorType, 0, 0, interlace], 8);
  return data;
}

function latin1(text: string): Uint8Array {
  return typeBytes(text);
}

/** The filtered rows of a base picture: random filter types (0–4) and random bytes, all valid. */
function baseRows(spec: BaseSpec, prng: Prng): Uint8Array<ArrayBuffer> {
  const rowBytes = Math.ceil((spec.width * CHANNELS[spec.colorType] * spec.bitDepth) / 8);
  const rows = new Uint8Array(rawLength(spec.width, spec.height, spec.bitDepth, spec.colorType));
  for (let y = 0; y < spec.height; y++) {
    const start = y * (rowBytes + 1);
    rows[start] = prng.int(5);
    rows.set(prng.bytes(rowBytes), start + 1);
  }
  return rows;
}

function splitInto(data: Uint8Array, parts: number, prng: Prng): Uint8Array[] {
  const cuts = Array.from({ length: parts - 1 }, () => prng.int(data.length + 1)).sort((a, b) => a - b);
  const bounds = [0, ...cuts, data.length];
  return bounds.slice(1).map((end, i) => data.subarray(bounds[i], end));
}

/** A base picture as an editable PNG, and its filtered rows (for mutations that re-deflate them). */
function buildBase(spec: BaseSpec, prng: Prng): { png: EditPng; rows: Uint8Array<ArrayBuffer> } {
  const chunks: EditChunk[] = [
    { type: 'IHDR', data: ihdrData(spec.width, spec.height, spec.bitDepth, spec.colorType) },
  ];
  if (spec.text) {
    chunks.push({ type: 'tEXt', data: latin1('Comment\0made for the fuzz tests') });
    chunks.push({ type: 'zTXt', data: concat([latin1('Title\0\0'), deflateSync(latin1('a small picture'))]) });
  }
  if (spec.colorType === 3) chunks.push({ type: 'PLTE', data: prng.bytes(3 * 2 ** spec.bitDepth) });
  if (spec.colorType === 2 && spec.bitDepth === 16)
    chunks.push({ type: 'gAMA', data: Uint8Array.of(0, 0, 0xb1, 0x8f) });
  if (spec.transparency) {
    const trns = spec.colorType === 3 ? prng.bytes(2 ** spec.bitDepth) : prng.bytes(spec.colorType === 0 ? 2 : 6);
    if (spec.colorType === 0) trns[0] = 0;
    if (spec.colorType === 0 && spec.bitDepth < 8) trns[1] &= 2 ** spec.bitDepth - 1;
    chunks.push({ type: 'tRNS', data: trns });
  }
  const rows = baseRows(spec, prng);
  for (const part of splitInto(deflateSync(rows), spec.parts ?? 1, prng)) chunks.push({ type: 'IDAT', data: part });
  chunks.push({ type: 'IEND', data: new Uint8Array(0) });
  return { png: { signature: PNG_SIGNATURE, chunks, trailing: new Uint8Array(0) }, rows };
}

/** The valid base pictures, each built from a fixed seed: what the mutations start from. */
export function basePng(spec: BaseSpec): Uint8Array<ArrayBuffer> {
  return serialize(buildBase(spec, casePrng(0x5eed, CORPUS.indexOf(spec))).png);
}

const INTERESTING_32 = [
  0,
  1,
  2,
  7,
  8,
  255,
  256,
  4095,
  4096,
  4097,
  8192,
  65535,
  65536,
  16_777_216,
  2 ** 31 - 2,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32 - 1,
] as const;
const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff] as const;

let bombCache: Uint8Array | undefined;
/** 32 MiB of zero bytes, deflated (about 32 KB): image data that inflates far past any small picture's. */
function bomb(): Uint8Array {
  bombCache ??= deflateSync(new Uint8Array(32 * 1024 * 1024), { level: 9 });
  return bombCache;
}

type Mutator = (png: EditPng, prng: Prng, rows: Uint8Array, spec: BaseSpec) => string;

function indexOfType(png: EditPng, type: string): number {
  return png.chunks.findIndex((c) => c.type === type);
}

function randomChunk(png: EditPng, prng: Prng): number {
  return prng.int(png.chunks.length);
}

function setIdat(png: EditPng, data: Uint8Array): void {
  const first = indexOfType(png, 'IDAT');
  png.chunks = png.chunks.filter((c, i) => c.type !== 'IDAT' || i === first);
  png.chunks[first] = { type: 'IDAT', data };
}

/** A copy of the first chunk's data, at least 13 bytes long, for editing IHDR fields. */
function ihdrCopy(png: EditPng): Uint8Array {
  const data = new Uint8Array(Math.max(13, png.chunks[0].data.length));
  data.set(png.chunks[0].data);
  return data;
}

function flipBits(bytes: Uint8Array, count: number, prng: Prng, from = 0): number[] {
  const where: number[] = [];
  if (bytes.length <= from) return where;
  for (let i = 0; i < count; i++) {
    const bit = from * 8 + prng.int((bytes.length - from) * 8);
    bytes[bit >> 3] ^= 1 << (bit & 7);
    where.push(bit);
  }
  return where;
}

/** Mutations that edit the chunk structure (serialized afterwards). */
const STRUCTURAL: Record<string, Mutator> = {
  'ihdr-size': (png, prng) => {
    const ihdr = png.chunks[0];
    const data = ihdrCopy(png);
    const view = new DataView(data.buffer);
    const width = prng.chance(0.7) ? prng.pick(INTERESTING_32) : view.getUint32(0);
    const height = prng.chance(0.7) ? prng.pick(INTERESTING_32) : view.getUint32(4);
    view.setUint32(0, width);
    view.setUint32(4, height);
    ihdr.data = data;
    return `IHDR ${width}×${height}`;
  },
  'ihdr-fields': (png, prng) => {
    const data = ihdrCopy(png);
    const depth = prng.pick([0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 32, 255]);
    const colour = prng.pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 255]);
    const compression = prng.chance(0.8) ? 0 : prng.pick([1, 8, 255]);
    const filter = prng.chance(0.8) ? 0 : prng.pick([1, 64, 255]);
    const interlace = prng.chance(0.7) ? 0 : prng.pick([1, 2, 255]);
    data.set([depth, colour, compression, filter, interlace], 8);
    png.chunks[0].data = data;
    return `IHDR depth ${depth} colour ${colour} compression ${compression} filter ${filter} interlace ${interlace}`;
  },
  'ihdr-length': (png, prng) => {
    const cut = prng.between(0, 16);
    const data = concat([png.chunks[0].data, prng.bytes(3)]).subarray(0, cut);
    png.chunks[0].data = data;
    return `IHDR data ${cut} bytes`;
  },
  'chunk-length': (png, prng) => {
    const i = randomChunk(png, prng);
    const chunk = png.chunks[i];
    const length = prng.chance(0.5)
      ? prng.pick(INTERESTING_32)
      : Math.max(0, chunk.data.length + prng.pick([-2, -1, 1, 2, 13, 100]));
    chunk.length = length;
    return `${chunk.type} #${i} length ${length} (data ${chunk.data.length})`;
  },
  'chunk-crc': (png, prng) => {
    const i = randomChunk(png, prng);
    const crc = prng.chance(0.5) ? prng.pick(INTERESTING_32) : prng.next();
    png.chunks[i].crc = crc;
    return `${png.chunks[i].type} #${i} CRC ${crc.toString(16)}`;
  },
  'chunk-data-flips': (png, prng) => {
    const i = randomChunk(png, prng);
    const data = png.chunks[i].data.slice();
    const bits = flipBits(data, prng.between(1, 6), prng);
    png.chunks[i].data = data;
    return `${png.chunks[i].type} #${i} data bits ${bits.join(',') || 'none (empty)'} flipped, CRC recomputed`;
  },
  'chunk-type': (png, prng) => {
    const i = randomChunk(png, prng);
    const before = png.chunks[i].type;
    const after = prng.pick([
      'IHDR',
      'IDAT',
      'IEND',
      'PLTE',
      'tRNS',
      'ABCD',
      'abcd',
      'iDAT',
      'IdAT',
      'I\0AT',
      '\xff\xff\xff\xff',
      '1234',
    ]);
    png.chunks[i].type = after;
    return `${before} #${i} renamed ${JSON.stringify(after)}`;
  },
  'chunk-swap': (png, prng) => {
    const a = randomChunk(png, prng);
    const b = randomChunk(png, prng);
    [png.chunks[a], png.chunks[b]] = [png.chunks[b], png.chunks[a]];
    return `chunks #${a} and #${b} swapped`;
  },
  'chunk-move': (png, prng) => {
    const from = randomChunk(png, prng);
    const [chunk] = png.chunks.splice(from, 1);
    const to = prng.int(png.chunks.length + 1);
    png.chunks.splice(to, 0, chunk);
    return `${chunk.type} moved from #${from} to #${to}`;
  },
  'chunk-drop': (png, prng) => {
    const type = prng.pick(['IEND', 'IDAT', 'IHDR', 'PLTE', 'any']);
    const i = type === 'any' ? randomChunk(png, prng) : indexOfType(png, type);
    if (i === -1) return `no ${type} to drop`;
    const [chunk] = png.chunks.splice(i, 1);
    return `${chunk.type} #${i} dropped`;
  },
  'chunk-repeat': (png, prng) => {
    const i = randomChunk(png, prng);
    const times = prng.between(1, 3);
    const copies = Array.from({ length: times }, () => ({ ...png.chunks[i] }));
    png.chunks.splice(i + 1, 0, ...copies);
    return `${png.chunks[i].type} #${i} repeated ${times}×`;
  },
  'chunk-insert': (png, prng) => {
    const kind = prng.pick(['ancillary', 'critical', 'zTXt-bomb', 'iTXt', 'ecb-lens-text', 'empty-IDAT', 'PLTE']);
    const chunk: EditChunk =
      kind === 'ancillary'
        ? { type: 'ruSt', data: prng.bytes(prng.int(64)) }
        : kind === 'critical'
          ? { type: 'CRIT', data: prng.bytes(prng.int(64)) }
          : kind === 'zTXt-bomb'
            ? {
                type: 'zTXt',
                data: concat([latin1(prng.pick(['Comment', 'ecb-lens:mode'])), Uint8Array.of(0, 0), bomb()]),
              }
            : kind === 'iTXt'
              ? { type: 'iTXt', data: concat([latin1('Author\0\x01\0en\0\0'), prng.bytes(prng.int(40))]) }
              : kind === 'ecb-lens-text'
                ? {
                    type: 'tEXt',
                    data: latin1(`ecb-lens:${prng.pick(['mode', 'size', 'bogus'])}\0${prng.pick(['gcm', '1x1', ''])}`),
                  }
                : kind === 'empty-IDAT'
                  ? { type: 'IDAT', data: new Uint8Array(0) }
                  : { type: 'PLTE', data: prng.bytes(3 * prng.between(0, 300) + prng.int(3)) };
    const at = prng.between(1, png.chunks.length);
    png.chunks.splice(at, 0, chunk);
    return `${kind} ${chunk.type} (${chunk.data.length} bytes) inserted at #${at}`;
  },
  'idat-split': (png, prng, rows) => {
    const parts = prng.between(2, 40);
    const data = deflateSync(rows);
    const first = indexOfType(png, 'IDAT');
    png.chunks = png.chunks.filter((c) => c.type !== 'IDAT');
    png.chunks.splice(first, 0, ...splitInto(data, parts, prng).map((part) => ({ type: 'IDAT', data: part })));
    return `image data re-split into ${parts} IDAT chunks`;
  },
  'idat-long': (png, prng, rows) => {
    const kind = prng.pick(['bomb', 'double', 'one-more', 'extra-rows']);
    const data =
      kind === 'bomb'
        ? bomb()
        : kind === 'double'
          ? deflateSync(concat([rows, rows]))
          : kind === 'one-more'
            ? deflateSync(concat([rows, Uint8Array.of(0)]))
            : deflateSync(concat([rows, new Uint8Array(prng.between(1, 100) * 1024)]));
    setIdat(png, data);
    return `image data inflates past IHDR: ${kind}`;
  },
  'idat-short': (png, prng, rows) => {
    const length = prng.pick([0, 1, rows.length >> 1, rows.length - 1, prng.int(rows.length)]);
    setIdat(png, deflateSync(rows.subarray(0, length)));
    return `image data inflates to ${length} of ${rows.length} bytes`;
  },
  'idat-zlib': (png, prng, rows) => {
    const stream = deflateSync(rows);
    const kind = prng.pick(['random', 'header', 'adler', 'cut', 'raw-deflate', 'stored-liar']);
    let data: Uint8Array;
    if (kind === 'random') data = prng.bytes(prng.between(0, 200));
    else if (kind === 'header') data = concat([prng.bytes(2), stream.subarray(2)]);
    else if (kind === 'adler') data = concat([stream.subarray(0, -4), prng.bytes(4)]);
    else if (kind === 'cut') data = stream.subarray(0, prng.int(stream.length));
    else if (kind === 'raw-deflate') data = stream.subarray(2, -4);
    else {
      // A stored block whose LEN/NLEN claim 65535 bytes but only a few follow.
      data = concat([Uint8Array.of(0x78, 0x01, 0x01, 0xff, 0xff, 0x00, 0x00), prng.bytes(16)]);
    }
    setIdat(png, data);
    return `image data zlib stream: ${kind}`;
  },
  'filter-type': (png, prng, rows, spec) => {
    const edited = rows.slice();
    const rowLength = rows.length / spec.height;
    const row = prng.int(spec.height);
    const filter = prng.pick([5, 6, 127, 128, 255]);
    edited[row * rowLength] = filter;
    setIdat(png, deflateSync(edited));
    return `row ${row} filter type ${filter}`;
  },
  'palette-short': (png, prng) => {
    const i = indexOfType(png, 'PLTE');
    if (i === -1) {
      png.chunks.splice(1, 0, { type: 'PLTE', data: prng.bytes(3 * prng.between(1, 4)) });
      return 'PLTE added to a picture without a palette';
    }
    const entries = prng.pick([0, 1, 2, 257]);
    png.chunks[i].data = prng.bytes(3 * entries + (prng.chance(0.3) ? 1 : 0));
    return `PLTE of ${png.chunks[i].data.length} bytes`;
  },
  'trns-long': (png, prng) => {
    const i = indexOfType(png, 'tRNS');
    const data = prng.bytes(prng.pick([0, 1, 3, 257, 1000]));
    if (i === -1) png.chunks.splice(indexOfType(png, 'IDAT'), 0, { type: 'tRNS', data });
    else png.chunks[i].data = data;
    return `tRNS of ${data.length} bytes`;
  },
  'trailing-data': (png, prng) => {
    png.trailing = prng.chance(0.5) ? prng.bytes(prng.between(1, 300)) : chunkBytes({ type: 'IDAT', data: bomb() });
    return `${png.trailing.length} bytes after IEND`;
  },
  signature: (png, prng) => {
    const signature = png.signature.slice();
    const kind = prng.pick(['flip', 'mng', 'jng', 'crlf', 'empty']);
    if (kind === 'flip') flipBits(signature, 1, prng);
    if (kind === 'mng') signature.set([0x8a, 0x4d, 0x4e, 0x47]);
    if (kind === 'jng') signature.set([0x8b, 0x4a, 0x4e, 0x47]);
    if (kind === 'crlf') signature.set([0x0a], 4);
    png.signature = kind === 'empty' ? new Uint8Array(0) : signature;
    return `signature ${kind}`;
  },
};

/** Mutations of the serialized bytes. */
const RAW: Record<
  string,
  (bytes: Uint8Array<ArrayBuffer>, prng: Prng) => { bytes: Uint8Array<ArrayBuffer>; name: string }
> = {
  'bit-flips': (bytes, prng) => {
    const out = bytes.slice();
    const bits = flipBits(out, prng.between(1, 8), prng, prng.chance(0.9) ? 8 : 0);
    return { bytes: out, name: `bits ${bits.join(',')} flipped` };
  },
  'byte-set': (bytes, prng) => {
    const out = bytes.slice();
    const edits: string[] = [];
    for (let n = prng.between(1, 4); n > 0; n--) {
      const at = prng.int(out.length);
      out[at] = prng.chance(0.7) ? prng.pick(INTERESTING_BYTES) : prng.int(256);
      edits.push(`${at}=${out[at]}`);
    }
    return { bytes: out, name: `bytes ${edits.join(',')}` };
  },
  'zero-range': (bytes, prng) => {
    const out = bytes.slice();
    const start = prng.int(out.length);
    const length = prng.between(1, 64);
    out.fill(0, start, start + length);
    return { bytes: out, name: `bytes ${start}+${length} zeroed` };
  },
  truncate: (bytes, prng) => {
    const length = prng.pick([
      0,
      prng.between(1, 7),
      8,
      prng.between(9, 32),
      33,
      prng.int(bytes.length),
      bytes.length - 12,
      bytes.length - 1,
    ]);
    return { bytes: bytes.slice(0, length), name: `truncated to ${length} of ${bytes.length} bytes` };
  },
};

const MUTATIONS = [...Object.keys(STRUCTURAL), ...Object.keys(RAW)];

/** The names of all mutations, each drawn about equally often. */
export const MUTATION_NAMES: readonly string[] = MUTATIONS;

/**
 * Case `index` of the fuzz run seeded with `seed`: a corpus picture with one to three mutations (a
 * tenth of cases stacks two or three), the structural ones before the raw ones.
 */
export function pngCase(seed: number, index: number): PngCase {
  const prng = casePrng(seed, index);
  const spec = prng.pick(CORPUS);
  const { png, rows } = buildBase(spec, casePrng(0x5eed, CORPUS.indexOf(spec)));
  const count = prng.chance(0.1) ? prng.between(2, 3) : 1;
  const chosen = Array.from({ length: count }, () => prng.pick(MUTATIONS)).sort(
    (a, b) => Number(a in RAW) - Number(b in RAW),
  );
  const names: string[] = [];
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  for (const mutation of chosen) {
    if (mutation in STRUCTURAL && png.chunks.length === 0) {
      names.push(`${mutation}: no chunks left`);
    } else if (mutation in STRUCTURAL) {
      names.push(`${mutation}: ${STRUCTURAL[mutation](png, prng, rows, spec)}`);
    } else {
      const result = RAW[mutation]((bytes ??= serialize(png)), prng);
      bytes = result.bytes;
      names.push(`${mutation}: ${result.name}`);
    }
  }
  return { seed, index, base: spec.name, mutation: names.join(' + '), bytes: bytes ?? serialize(png) };
}

/** `seed 1, case 42 (pal8-20x20; chunk-swap: …)`: enough to rebuild the case with {@link pngCase}. */
export function describeCase(c: Pick<PngCase, 'seed' | 'index' | 'base' | 'mutation'>): string {
  return `seed ${c.seed} case ${c.index} (${c.base}; ${c.mutation})`;
}
