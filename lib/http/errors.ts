/**
 * HTTP failures as values: an {@link HttpError} carries the status and a message for the client, and
 * {@link jsonError} renders it as `{ "error": "…" }`, never cached, so every refusal looks alike.
 */

/** A request the endpoint refuses, with the HTTP status to answer and extra headers (e.g. `Allow`). */
export class HttpError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.headers = headers;
  }
}

/**
 * A JSON error response.
 * @example jsonError(400, 'bits must be an integer from 1 to 8, got 9')
 */
export function jsonError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { error: message },
    { status, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers } },
  );
}
