/**
 * Error classes of the cipher core. A wrong type is a TypeError and a wrong size a RangeError (the
 * built-ins); a GCM frame whose tag does not verify is an {@link AuthenticationError} and a CBC frame
 * whose padding does not check a {@link PaddingError}, so callers can tell a wrong key or tampering
 * apart from bad input.
 */

/**
 * AES-GCM authentication failed: the ciphertext, tag, nonce, AAD or key differ from what was sealed.
 * No plaintext is released when this is thrown.
 * @example
 * try { decryptFrame(sealed, key) } catch (e) { if (e instanceof AuthenticationError) … }
 */
export class AuthenticationError extends Error {
  constructor(message = 'authentication failed: the GCM tag does not match this ciphertext and key') {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/**
 * AES-CBC decryption found no valid PKCS#7 padding at the end: the key is wrong or the ciphertext was
 * altered. No plaintext is released. Its absence proves nothing: CBC has no integrity check, and most
 * edits (any that leave the last two blocks alone) decrypt without it, to altered pixels.
 * @example
 * try { decryptFrame(frame, key) } catch (e) { if (e instanceof PaddingError) … }
 */
export class PaddingError extends Error {
  constructor(message = 'the padding does not check: wrong key or altered ciphertext') {
    super(message);
    this.name = 'PaddingError';
  }
}
