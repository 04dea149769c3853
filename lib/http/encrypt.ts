/**
 * `POST /api/encrypt`: a PNG body in, the ciphertext picture out, byte for byte what the CLI writes
 * for the same input, key and IV or nonce. Checks run cheapest first (method, parameters, a place in
 * the pool, declared length, counted length, PNG header) so nothing large is read or allocated for a
 * request that will be refused; the picture itself is made in a worker thread ({@link EncryptPool}).
 * The image is held in memory only: nothing is written to disk or logged.
 */
import { toHex } from '../cipher';
import { inspectHeader, PngError } from '../png';
import { readLimitedBody } from './body';
import type { EncryptPool } from './encrypt-pool';
import { pngErrorStatus } from './encrypt-worker';
import { HttpError, jsonError } from './errors';
import { parseEncryptParams } from './params';

function busy(pool: EncryptPool): HttpError {
  const seconds = pool.retryAfterSeconds();
  return new HttpError(
    503,
    `the server is busy: ${pool.busy} pictures are being encrypted or waiting; try again in ${seconds} s`,
    { 'Retry-After': String(seconds) },
  );
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
 *   interlaced, truncated or corrupt · 500 a bug
 * - 503 with `Retry-After` (seconds): every worker thread busy and the pool's queue full.
 * Errors are `{ "error": "…" }`; nothing is cached.
 * @example export const POST = (request: Request) => handleEncryptRequest(request, pool);
 */
export async function handleEncryptRequest(request: Request, pool: EncryptPool): Promise<Response> {
  try {
    if (request.method !== 'POST') {
      throw new HttpError(405, `method ${request.method} is not allowed: use POST`, { Allow: 'POST' });
    }
    const options = parseEncryptParams(new URL(request.url).searchParams);
    const slot = pool.take();
    if (!slot) {
      await request.body?.cancel();
      throw busy(pool);
    }
    try {
      const body = await readLimitedBody(request);
      inspectHeader(body);
      const outcome = await slot.run({ body, options });
      if (!outcome.ok) return jsonError(outcome.status, outcome.message);
      const headers: Record<string, string> = {
        'Content-Type': 'image/png',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'X-Key': toHex(outcome.key),
      };
      if (outcome.iv !== null) headers['X-Iv'] = toHex(outcome.iv);
      if (outcome.nonce !== null) headers['X-Nonce'] = toHex(outcome.nonce);
      return new Response(outcome.png as Uint8Array<ArrayBuffer>, { status: 200, headers });
    } finally {
      slot.release();
    }
  } catch (error) {
    if (error instanceof HttpError) return jsonError(error.status, error.message, error.headers);
    if (error instanceof PngError) return jsonError(pngErrorStatus(error), error.message);
    console.error('POST /api/encrypt failed:', error);
    return jsonError(500, 'internal error');
  }
}
