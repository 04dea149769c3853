/**
 * The endpoint's query parameters. Unknown or repeated names are refused rather than ignored, so a
 * typo such as `?mdoe=gcm` or an attempt to pass `nonce` is a clear 400 instead of a silent default.
 * GCM nonces are always drawn here, never taken. A CBC or CTR `iv` may be given, for reproducible
 * pictures: whoever fixes a CTR key and IV must not use them twice, or the two pictures' XOR shows.
 */
import { OptionError, parseEncryptOptions, type EncryptPngOptions } from '../png';
import { HttpError } from './errors';

/** The parameters `POST /api/encrypt` accepts. */
export const ENCRYPT_PARAMETERS = ['mode', 'layout', 'bits', 'key', 'iv'] as const;
type Parameter = (typeof ENCRYPT_PARAMETERS)[number];

/**
 * Typed options from the query string; throws an {@link HttpError} 400 naming the first bad parameter.
 * @example parseEncryptParams(new URLSearchParams('mode=ecb&bits=3')) // { mode: 'ecb', bits: 3 }
 */
export function parseEncryptParams(search: URLSearchParams): EncryptPngOptions {
  const text: Partial<Record<Parameter, string>> = {};
  for (const [name, value] of search) {
    const parameter = ENCRYPT_PARAMETERS.find((p) => p === name);
    if (!parameter) {
      throw new HttpError(
        400,
        `unknown parameter ${JSON.stringify(name)}: accepted are ${ENCRYPT_PARAMETERS.join(', ')}`,
      );
    }
    if (text[parameter] !== undefined)
      throw new HttpError(400, `parameter ${JSON.stringify(name)} is given more than once`);
    text[parameter] = value;
  }
  try {
    return parseEncryptOptions(text);
  } catch (error) {
    if (error instanceof OptionError) throw new HttpError(400, error.message);
    throw error;
  }
}
