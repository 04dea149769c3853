/**
 * Why a PNG was refused, as a code the CLI turns into an exit status and the endpoint into an HTTP
 * status: a file that is not a PNG at all is a different failure (415) from a PNG we will not decode
 * (too large, interlaced: 422) or one that is damaged (422).
 */

/** `not-png`: no PNG signature. `too-large`: over the size limits. `interlaced`: Adam7. `corrupt`: damaged or truncated. */
export type PngErrorCode = 'not-png' | 'too-large' | 'interlaced' | 'corrupt';

/**
 * A PNG that cannot be used, with the reason as {@link PngErrorCode}.
 * @example
 * try { decodePng(bytes) } catch (e) { if (e instanceof PngError && e.code === 'too-large') … }
 */
export class PngError extends Error {
  readonly code: PngErrorCode;

  constructor(code: PngErrorCode, message: string) {
    super(message);
    this.name = 'PngError';
    this.code = code;
  }
}
