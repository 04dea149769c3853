/**
 * Parser for Crypto++ TestVectors files (`Name: value` lines). Values persist until redefined; each
 * `Test:` line runs a test with the current values. A line ending in `\` continues on the next one.
 * Hex values may contain spaces. Only what the vectors used here need is decoded (see {@link cryptoppHex}).
 */
import { readVectorFile } from './fixtures';

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

/** An SP 800-38A example as hex: key, IV or initial counter block (absent for ECB), plaintext, ciphertext. */
export interface Sp80038aExample {
  key: string;
  iv?: string;
  plaintext: string;
  ciphertext: string;
}

/**
 * The SP 800-38A example `comment` (e.g. `F.2.1 CBC-AES128.Encrypt`) of the `name` block (`AES/CBC`) in
 * Crypto++'s aes.txt (tests/fixtures/vectors/nist/cryptopp/), checked to come from the block whose Source is SP 800-38A, to be an Encrypt test
 * and to hold the four plaintext blocks every SP 800-38A example has. Its decryption (F.x.2 for F.x.1)
 * is the same data reversed.
 */
export function sp80038aExample(name: string, comment: string): Sp80038aExample {
  const vector = parseCryptopp(readVectorFile('nist/cryptopp/aes.txt')).find(
    (t) => t.values.Name === name && t.values.Comment === comment,
  );
  if (!vector) throw new Error(`${name} ${comment} not found in aes.txt`);
  if (vector.values.Source !== 'NIST Special Publication 800-38A') throw new Error(`${comment}: not from SP 800-38A`);
  if (vector.kind !== 'Encrypt') throw new Error(`${comment}: a ${vector.kind} test, not Encrypt`);
  const { Key, IV, Plaintext, Ciphertext } = vector.values;
  const example = { key: cryptoppHex(Key), plaintext: cryptoppHex(Plaintext), ciphertext: cryptoppHex(Ciphertext) };
  if (example.plaintext.length !== 4 * 32) throw new Error(`${comment}: not 4 blocks of plaintext`);
  return IV === undefined ? example : { ...example, iv: cryptoppHex(IV) };
}
