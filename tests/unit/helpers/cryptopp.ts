/**
 * Parser for Crypto++ TestVectors files (`Name: value` lines). Values persist until redefined; each
 * `Test:` line runs a test with the current values. A line ending in `\` continues on the next one.
 * Hex values may contain spaces. Only what the vectors used here need is decoded (see {@link cryptoppHex}).
 */

export interface CryptoppTest {
  /** The `Test:` value, e.g. `Encrypt` or `NotVerify`. */
  kind: string;
  /** All current values at the `Test:` line, e.g. `Key`, `IV`, `Plaintext`, `Header` (AAD), `MAC` (tag). */
  values: Record<string, string>;
  /** 1-based line number where each current value was last set. */
  lines: Record<string, number>;
  /** 1-based line number of the `Test:` line. */
  line: number;
}

export function parseCryptopp(text: string): CryptoppTest[] {
  const tests: CryptoppTest[] = [];
  const values: Record<string, string> = {};
  const lines: Record<string, number> = {};
  const all = text.split(/\r?\n/);
  for (let i = 0; i < all.length; i++) {
    const number = i + 1;
    let line = all[i];
    while (line.trimEnd().endsWith('\\') && i + 1 < all.length) line = line.trimEnd().slice(0, -1) + all[++i];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`line ${number}: expected "Name: value", got ${line}`);
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name === 'Test') tests.push({ kind: value, values: { ...values }, lines: { ...lines }, line: number });
    else {
      values[name] = value;
      lines[name] = number;
    }
  }
  return tests;
}

/** A Crypto++ hex value (spaces allowed); throws on Crypto++'s other notations (`r8 …` repeats, quoted text). */
export function cryptoppHex(value: string | undefined): string {
  const hex = (value ?? '').replace(/\s+/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`not a plain hex value: ${value}`);
  return hex.toLowerCase();
}
