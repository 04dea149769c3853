/**
 * Encryption options as text, the way the CLI's flags and the endpoint's query parameters carry them,
 * turned into typed options with one rule set for both, so the two front ends cannot drift apart.
 * Messages name the option as the user typed it (`--bits` on the command line, `bits` in a URL).
 */
import {
  checkMode,
  IV_LENGTH,
  IV_MODES,
  LAYOUTS,
  MAX_BITS,
  MIN_BITS,
  MODE_INFO,
  MODES,
  NONCE_LENGTH,
  parseHex,
  takesIv,
  type Layout,
  type Mode,
} from '../cipher';

/** The options as text; absent ones are `undefined`. */
export interface EncryptOptionsText {
  mode?: string;
  key?: string;
  iv?: string;
  nonce?: string;
  aad?: string;
  layout?: string;
  bits?: string;
}

/** Typed options for {@link encryptPng}; `key` (and `iv` for CBC and CTR, `nonce` for GCM) random when absent. */
export interface EncryptPngOptions {
  mode: Mode;
  key?: Uint8Array;
  iv?: Uint8Array;
  layout?: Layout;
  bits?: number;
  nonce?: Uint8Array;
  aad?: Uint8Array;
}

/** An option given with a value that cannot be used. */
export class OptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

/** How an option is named in messages: `--bits` for the CLI, `bits` for the endpoint. */
export type OptionNamer = (option: keyof EncryptOptionsText) => string;

const DIGITS = /^[0-9]+$/;

/** `ecb, cbc, ctr or gcm`. */
function alternatives(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function shown(text: string): string {
  return DIGITS.test(text) ? text : JSON.stringify(text);
}

function hex(text: string, name: string): Uint8Array {
  try {
    return parseHex(text, name);
  } catch (error) {
    throw new OptionError((error as Error).message);
  }
}

function sized(text: string, name: string, length: number, cipher: string): Uint8Array {
  const bytes = hex(text, name);
  if (bytes.length !== length) {
    throw new OptionError(
      `${name} must be ${length} bytes (${2 * length} hex digits) for ${cipher}, got ${bytes.length}`,
    );
  }
  return bytes;
}

/**
 * Parses and checks the options; throws an {@link OptionError} naming the first bad one.
 * @example parseEncryptOptions({ mode: 'ecb', bits: '3' }, (o) => `--${o}`) // { mode: 'ecb', bits: 3 }
 */
export function parseEncryptOptions(
  text: EncryptOptionsText,
  name: OptionNamer = (option) => option,
): EncryptPngOptions {
  if (text.mode === undefined) throw new OptionError(`${name('mode')} is required: ${alternatives(MODES)}`);
  try {
    checkMode(text.mode);
  } catch {
    throw new OptionError(`${name('mode')} must be ${alternatives(MODES)}, got ${JSON.stringify(text.mode)}`);
  }
  const mode: Mode = text.mode;
  const options: EncryptPngOptions = { mode };

  if (text.layout !== undefined) {
    const layout = LAYOUTS.find((l) => l === text.layout);
    if (!layout)
      throw new OptionError(`${name('layout')} must be ${alternatives(LAYOUTS)}, got ${JSON.stringify(text.layout)}`);
    options.layout = layout;
  }
  if (text.bits !== undefined) {
    const bits = DIGITS.test(text.bits) ? Number(text.bits) : NaN;
    if (!(bits >= MIN_BITS && bits <= MAX_BITS)) {
      throw new OptionError(
        `${name('bits')} must be an integer from ${MIN_BITS} to ${MAX_BITS}, got ${shown(text.bits)}`,
      );
    }
    options.bits = bits;
  }
  const { keyLength, name: cipher } = MODE_INFO[mode];
  if (text.key !== undefined) options.key = sized(text.key, name('key'), keyLength, cipher);
  if (text.iv !== undefined && !takesIv(mode)) {
    throw new OptionError(`${name('iv')} applies to ${IV_MODES.join(' and ')} only; ${cipher} takes no IV`);
  }
  for (const option of ['nonce', 'aad'] as const) {
    if (mode !== 'gcm' && text[option] !== undefined) {
      throw new OptionError(
        `${name(option)} applies to gcm only; ${cipher} takes no ${option === 'aad' ? 'AAD' : 'nonce'}`,
      );
    }
  }
  if (text.iv !== undefined) options.iv = sized(text.iv, name('iv'), IV_LENGTH, cipher);
  if (text.nonce !== undefined) options.nonce = sized(text.nonce, name('nonce'), NONCE_LENGTH, cipher);
  if (text.aad !== undefined) options.aad = hex(text.aad, name('aad'));
  return options;
}
