/** Hex text ⇄ bytes, strict: an even number of 0-9 / a-f / A-F digits, nothing else. */

const HEX_DIGITS = /^[0-9a-fA-F]*$/;
const TO_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Parses hex into bytes; `what` names the value in error messages.
 * @example parseHex('00ff', 'nonce') // Uint8Array [0, 255]
 */
export function parseHex(text: string, what = 'value'): Uint8Array {
  if (typeof text !== 'string') throw new TypeError(`${what} must be a hex string, got ${typeof text}`);
  if (!HEX_DIGITS.test(text)) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new TypeError(`${what} must be hex (digits 0-9 and a-f), got "${shown}"`);
  }
  if (text.length % 2 !== 0) {
    throw new RangeError(`${what} must have an even number of hex digits, got ${text.length}`);
  }
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/**
 * Lower-case hex of the bytes.
 * @example toHex(new Uint8Array([0, 255])) // '00ff'
 */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += TO_HEX[bytes[i]];
  return out;
}
