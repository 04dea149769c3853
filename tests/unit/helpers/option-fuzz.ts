/**
 * Fuzzed encryption options: query strings for the endpoint and argv for the CLI, drawn from valid
 * values, near misses and junk, with the contract both front ends document written out independently
 * of lib/ ({@link expectedValid}), so the fuzz tests know which answer each case must get.
 */
import type { Prng } from './prng';

export const PARAMETERS = ['mode', 'layout', 'bits', 'key', 'iv'] as const;
export type Parameter = (typeof PARAMETERS)[number];

const MODES = ['ecb', 'cbc', 'ctr', 'gcm'] as const;
const LAYOUTS = ['rgb', 'rgba', 'gray'] as const;

const STRANGE_NAMES = [
  'Mode',
  'MODE',
  'nonce',
  'aad',
  'key ',
  ' mode',
  'bits[]',
  '',
  'mode\0',
  'møde',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'iv\n',
];
const STRANGE_TEXT = [
  '',
  ' ',
  '\0',
  '\n',
  '\r\n',
  '\x1b[2J',
  '\u2028',
  '\u202e',
  '💥',
  'ü',
  '%00',
  '+',
  '&',
  '=',
  'null',
  'undefined',
  '[object Object]',
  'a'.repeat(5000),
];

function hex(prng: Prng, bytes: number): string {
  let text = '';
  for (let i = 0; i < bytes; i++) text += (prng.next() & 0xff).toString(16).padStart(2, '0');
  const casing = prng.int(3);
  return casing === 0
    ? text
    : casing === 1
      ? text.toUpperCase()
      : text.replace(/[a-f]/g, (c) => (prng.chance(0.5) ? c.toUpperCase() : c));
}

/** A value for a hex parameter: mostly hex of a plausible length, sometimes damaged. */
function hexValue(prng: Prng): string {
  const text = hex(prng, prng.pick([16, 16, 32, 32, 0, 1, 12, 15, 17, 31, 33, 64, 4096]));
  const damage = prng.int(8);
  if (damage === 0) return text.slice(0, -1);
  if (damage === 1 && text.length > 0) {
    const at = prng.int(text.length);
    return text.slice(0, at) + prng.pick(['g', 'G', ' ', '０', '\n', 'x', '-', 'é', '\0']) + text.slice(at + 1);
  }
  if (damage === 2) return `0x${text}`;
  if (damage === 3) return prng.pick(STRANGE_TEXT);
  return text;
}

/** A value for `name`. */
export function optionValue(name: Parameter, prng: Prng): string {
  if (name === 'mode')
    return prng.chance(0.8)
      ? prng.pick(MODES)
      : prng.pick(['ECB', ' ecb', 'ecb ', 'ofb', 'aes', 'gcm\0', 'cbc\n', 'ctr,ecb', ...STRANGE_TEXT]);
  if (name === 'layout')
    return prng.chance(0.75) ? prng.pick(LAYOUTS) : prng.pick(['RGB', 'grey', 'rgba ', 'yuv', 'cmyk', ...STRANGE_TEXT]);
  if (name === 'bits')
    return prng.chance(0.6)
      ? String(prng.between(1, 8))
      : prng.pick([
          '0',
          '9',
          '08',
          '008',
          '00000003',
          '1e0',
          '0x8',
          ' 8',
          '8 ',
          '８',
          '-0',
          '+3',
          '3.0',
          '2.5',
          '-1',
          '99999999999999999999',
          '1'.repeat(400),
          'NaN',
          'Infinity',
          ...STRANGE_TEXT,
        ]);
  return hexValue(prng);
}

/** A parameter name: usually one of the five, sometimes a near miss or junk. */
export function parameterName(prng: Prng): string {
  return prng.chance(0.85) ? prng.pick(PARAMETERS) : prng.pick(STRANGE_NAMES);
}

/**
 * A set of options, as name/value pairs in order (names may repeat or be unknown): `mode` first more
 * often than not, then up to five more.
 */
export function optionPairs(prng: Prng): [string, string][] {
  const pairs: [string, string][] = [];
  if (prng.chance(0.9)) pairs.push(['mode', optionValue('mode', prng)]);
  for (let n = prng.int(6); n > 0; n--) {
    const name = parameterName(prng);
    const known = PARAMETERS.find((p) => p === name);
    pairs.push([name, known ? optionValue(known, prng) : prng.pick(STRANGE_TEXT)]);
  }
  return pairs;
}

const HEX_BYTES = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Whether the options are valid by the documented contract (lib/http/encrypt.ts, `encrypt --help`):
 * the five names at most once each; a mode of ecb, cbc, ctr or gcm; a layout of rgb, rgba or gray;
 * bits a decimal integer from 1 to 8; a key of 16 bytes in hex (32 for gcm); an iv only for cbc and
 * ctr, of 16 bytes in hex. When valid, the options as given.
 */
export function expectedValid(pairs: readonly [string, string][]): Partial<Record<Parameter, string>> | null {
  const options: Partial<Record<Parameter, string>> = {};
  for (const [name, value] of pairs) {
    const known = PARAMETERS.find((p) => p === name);
    if (!known || options[known] !== undefined) return null;
    options[known] = value;
  }
  const { mode, layout, bits, key, iv } = options;
  if (mode !== 'ecb' && mode !== 'cbc' && mode !== 'ctr' && mode !== 'gcm') return null;
  if (layout !== undefined && layout !== 'rgb' && layout !== 'rgba' && layout !== 'gray') return null;
  if (bits !== undefined && !(/^[0-9]+$/.test(bits) && Number(bits) >= 1 && Number(bits) <= 8)) return null;
  if (key !== undefined && !(HEX_BYTES.test(key) && key.length === (mode === 'gcm' ? 64 : 32))) return null;
  if (iv !== undefined && !((mode === 'cbc' || mode === 'ctr') && HEX_BYTES.test(iv) && iv.length === 32)) return null;
  return options;
}
