/**
 * `POST /api/encrypt`: a PNG body in, the ciphertext picture out, byte for byte what the CLI writes
 * for the same input, key and IV or nonce. Checks run cheapest first (method, parameters, declared length,
 * counted length, PNG header) so nothing large is read or allocated for a request that will be refused.
 * The image is held in memory only: nothing is written to disk or logged.
 */
import { toHex } from '../cipher';
import { encryptPng, PngError } from '../png';
import { readLimitedBody } from './body';
import { HttpError, jsonError } from './errors';
import { parseEncryptParams } from './params';

function statusOf(error: PngError): number {
  return error.code === 'not-png' ? 415 : 422;
}

/**
 * Handles one request to the endpoint, whatever its method.
 *
 * - 200 `image/png`: the picture, with `X-Key` (hex, random unless `key` was given), for CBC and CTR
 *   `X-Iv` (hex, random unless `iv` was given) and for GCM `X-Nonce` (hex, always random); a response
 *   carries no `X-Iv` or `X-Nonce` header its mode does not use.
 * - 400 bad `mode`/`layout`/`bits`/`key`/`iv` (an `iv` for ECB or GCM too), or any other parameter
 * - 405 not POST (`Allow: POST`)
 * - 413 body over 16 MiB · 415 not a PNG · 422 over 4096 px a side or 16,777,216 pixels,
 *   interlaced, truncated or corrupt · 500 a bug. Errors are `{ "error": "…" }`; nothing is cached.
 * @example export const POST = handleEncryptRequest; // in app/api/encrypt/route.node.ts
 */
export async function handleEncryptRequest(request: Request): Promise<Response> {
  try {
    if (request.method !== 'POST') {
      throw new HttpError(405, `method ${request.method} is not allowed: use POST`, { Allow: 'POST' });
    }
    const options = parseEncryptParams(new URL(request.url).searchParams);
    const body = await readLimitedBody(request);
    const { png, key, encrypted } = encryptPng(body, options);
    const headers: Record<string, string> = {
      'Content-Type': 'image/png',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Key': toHex(key),
    };
    if (encrypted.iv !== null) headers['X-Iv'] = toHex(encrypted.iv);
    if (encrypted.nonce !== null) headers['X-Nonce'] = toHex(encrypted.nonce);
    return new Response(png, { status: 200, headers });
  } catch (error) {
    if (error instanceof HttpError) return jsonError(error.status, error.message, error.headers);
    if (error instanceof PngError) return jsonError(statusOf(error), error.message);
    console.error('POST /api/encrypt failed:', error);
    return jsonError(500, 'internal error');
  }
}
