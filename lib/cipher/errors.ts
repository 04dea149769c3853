/**
 * Error classes of the cipher core. A wrong type is a TypeError and a wrong size a RangeError (the
 * built-ins); a GCM frame whose tag does not verify is an {@link AuthenticationError}, so callers can
 * tell tampering apart from bad input.
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
