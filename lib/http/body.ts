/**
 * Reading a request body with a size limit. Route handlers have no body limit of their own, and a
 * Content-Length header can lie or be absent (chunked uploads), so bytes are counted as they arrive
 * and reading stops, cancelling the stream, the moment the count passes the limit.
 */
import { HttpError } from './errors';

/** The largest body accepted: 16 MiB. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

const MIB = 1024 * 1024;

function tooLarge(limit: number): HttpError {
  const size = limit % MIB === 0 ? `${limit / MIB} MiB (${limit} bytes)` : `${limit} bytes`;
  return new HttpError(413, `the body is larger than ${size}`);
}

/**
 * The request body as bytes, at most `limit` of them; throws an {@link HttpError} 413 at once when
 * Content-Length declares more, or as soon as more have arrived.
 * @example const png = await readLimitedBody(request) // Uint8Array of ≤ 16 MiB
 */
export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^[0-9]+$/.test(declared) && Number(declared) > limit) {
    await request.body?.cancel();
    throw tooLarge(limit);
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    parts.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.length;
  }
  return body;
}
