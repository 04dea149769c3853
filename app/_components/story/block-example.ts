/**
 * The story's "what ECB does" picture in miniature: a tiny image whose every tile is one 16-byte block,
 * encrypted with real AES-128-ECB and AES-256-GCM (lib/cipher). Equal plaintext tiles stay equal under
 * ECB (NIST SP 800-38A §6.1), so the shape survives; GCM's counter makes every tile different.
 * Keys and nonce are fixed so the picture is the same on every visit and in screenshots.
 */
import { BLOCK, ecbDecrypt, ecbEncrypt } from '@/lib/cipher/ecb';
import { gcmEncrypt } from '@/lib/cipher/gcm';
import { parseHex, toHex } from '@/lib/cipher/hex';

/** The example key of NIST SP 800-38A, Appendix F (AES-128). */
const ECB_KEY = parseHex('2b7e151628aed2a6abf7158809cf4f3c', 'ECB key');
const GCM_KEY = parseHex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4', 'GCM key');
const GCM_NONCE = parseHex('cafebabefacedbaddecaf888', 'GCM nonce');

/**
 * What each tile shows: wall, hair, face, shirt. The exact shades were picked so that, under the fixed
 * ECB key, the four ciphertext colours are easy to tell apart on a projector.
 */
const PALETTE: Record<string, [number, number, number]> = {
  w: [203, 213, 229],
  h: [68, 44, 32],
  f: [224, 172, 131],
  s: [37, 99, 237],
};

/** A person in front of a wall, one letter per 16-byte block. */
const SHAPE = ['wwwhhwww', 'wwhffhww', 'wwwffwww', 'wwssssww', 'wssssssw', 'wssssssw'];

export interface Tile {
  /** CSS colour: the plaintext colour, or the block's first three bytes for ciphertext. */
  color: string;
  /** The block's 16 bytes in hex. */
  hex: string;
}

export interface BlockGrid {
  columns: number;
  tiles: Tile[];
  /** How many different 16-byte blocks the grid holds. */
  distinct: number;
}

function grid(blocks: Uint8Array, count: number, columns: number, color: (block: Uint8Array, i: number) => string) {
  const tiles: Tile[] = [];
  for (let i = 0; i < count; i++) {
    const block = blocks.subarray(i * BLOCK, (i + 1) * BLOCK);
    tiles.push({ color: color(block, i), hex: toHex(block) });
  }
  return { columns, tiles, distinct: new Set(tiles.map((tile) => tile.hex)).size };
}

const rgb = (r: number, g: number, b: number) => `rgb(${r} ${g} ${b})`;

/** The shape's letters, its width in tiles, and its plaintext: each tile a block of its colour's bytes. */
function shapeBlocks(): { letters: string; columns: number; plaintext: Uint8Array } {
  const letters = SHAPE.join('');
  const plaintext = new Uint8Array(letters.length * BLOCK);
  for (let i = 0; i < letters.length; i++) {
    const [r, g, b] = PALETTE[letters[i]];
    for (let j = 0; j < BLOCK; j++) plaintext[i * BLOCK + j] = [r, g, b][j % 3];
  }
  return { letters, columns: SHAPE[0].length, plaintext };
}

/**
 * The plaintext tiles and their AES-128-ECB and AES-256-GCM ciphertext, block for block.
 * @example blockExample().ecb.distinct // 4: as many as the plaintext has
 */
export function blockExample(): { plaintext: BlockGrid; ecb: BlockGrid; gcm: BlockGrid } {
  const { letters, columns, plaintext } = shapeBlocks();
  const count = letters.length;
  const byBytes = (block: Uint8Array) => rgb(block[0], block[1], block[2]);
  return {
    plaintext: grid(plaintext, count, columns, (_block, i) => rgb(...PALETTE[letters[i]])),
    ecb: grid(ecbEncrypt(ECB_KEY, plaintext), count, columns, byBytes),
    gcm: grid(gcmEncrypt(GCM_KEY, GCM_NONCE, plaintext), count, columns, byBytes),
  };
}

/**
 * The integrity step's picture: the same tiles under AES-128-ECB, then the ciphertext edited on the wire
 * without the key — the wall's block copied over every face block — and what the receiver decrypts.
 * @example spliceExample().received.tiles.filter((t) => t.color === 'rgb(224 172 131)').length // 0: no face left
 */
export function spliceExample(): { sent: BlockGrid; edited: BlockGrid; received: BlockGrid } {
  const { letters, columns, plaintext } = shapeBlocks();
  const ciphertext = ecbEncrypt(ECB_KEY, plaintext);
  const edited = ciphertext.slice();
  const wall = letters.indexOf('w');
  for (let i = 0; i < letters.length; i++)
    if (letters[i] === 'f') edited.set(ciphertext.subarray(wall * BLOCK, (wall + 1) * BLOCK), i * BLOCK);
  const received = ecbDecrypt(ECB_KEY, edited);
  const count = letters.length;
  const byBytes = (block: Uint8Array) => rgb(block[0], block[1], block[2]);
  return {
    sent: grid(ciphertext, count, columns, byBytes),
    edited: grid(edited, count, columns, byBytes),
    received: grid(received, count, columns, byBytes),
  };
}
