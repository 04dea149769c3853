/**
 * The lab's two keys: AES-128 for the ECB stream and AES-256 for the GCM stream. A key typed into the
 * page or given in the address is read by one function, {@link readKeyText}, so it is accepted or refused
 * with the same words everywhere; keys the user does not give are drawn from the platform CSPRNG.
 */
import { toHex } from '../cipher/hex';
import { generateKey, parseKey, type Mode } from '../cipher/keys';

/**
 * A key for `mode` from text a person typed: surrounding spaces are ignored and hex digits may be upper
 * case. Throws with the reason (wrong digits, wrong length) otherwise.
 * @example readKeyText(' 2B7E151628AED2A6ABF7158809CF4F3C ', 'ecb').length // 16
 */
export function readKeyText(text: string, mode: Mode): Uint8Array {
  return parseKey(text.trim().toLowerCase(), mode);
}

/** The lab's two keys, named by the stream they were made for: the AES-128 key and the AES-256 key. */
export type LabKey = 'ecb' | 'gcm';

export class LabKeys {
  private keys: Record<LabKey, Uint8Array>;

  /**
   * Keys from hex already read with {@link readKeyText} (the lab's options check them), or random ones
   * where none is given. A key that does not read is a programming error and throws.
   */
  constructor(ecbHex?: string | null, gcmHex?: string | null) {
    this.keys = {
      ecb: ecbHex ? readKeyText(ecbHex, 'ecb') : generateKey('ecb'),
      gcm: gcmHex ? readKeyText(gcmHex, 'gcm') : generateKey('gcm'),
    };
  }

  get(mode: LabKey): Uint8Array {
    return this.keys[mode];
  }

  /** Both keys as lower-case hex, as the page shows them. */
  hex(): { ecbKeyHex: string; gcmKeyHex: string } {
    return { ecbKeyHex: toHex(this.keys.ecb), gcmKeyHex: toHex(this.keys.gcm) };
  }

  /**
   * Sets `mode`'s key from typed text.
   * @returns null when it was set; otherwise the reason, and the old key stays
   */
  set(mode: LabKey, text: string): string | null {
    try {
      this.keys = { ...this.keys, [mode]: readKeyText(text, mode) };
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** Fresh random keys for both streams. */
  renew(): void {
    this.keys = { ecb: generateKey('ecb'), gcm: generateKey('gcm') };
  }
}
