import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError, MAX_BODY_BYTES, readLimitedBody } from '../../../lib/http';

/** An endless body of `chunk`-byte pieces that records how often it was pulled and whether it was cancelled. */
function endless(chunk: number) {
  const state = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulls++;
        controller.enqueue(new Uint8Array(chunk).fill(state.pulls));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request('http://localhost/api/encrypt', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

const tooLarge = (size: string) => (error: unknown) => {
  assert.ok(error instanceof HttpError);
  assert.equal(error.status, 413);
  assert.equal(error.message, `the body is larger than ${size}`);
  return true;
};

describe('readLimitedBody', () => {
  it('is 16 MiB by default', async () => {
    assert.equal(MAX_BODY_BYTES, 16 * 1024 * 1024);
    const { stream } = endless(10);
    await assert.rejects(readLimitedBody(post(stream, { 'content-length': String(MAX_BODY_BYTES + 1) })), tooLarge('16 MiB (16777216 bytes)'));
  });

  it('returns the whole body up to and including the limit', async () => {
    const body = Uint8Array.from({ length: 1024 }, (_, i) => i & 255);
    assert.deepEqual(await readLimitedBody(post(body), 1024), body);
    assert.deepEqual(await readLimitedBody(post(null), 1024), new Uint8Array(0));
  });

  it('refuses a declared Content-Length over the limit without reading a byte', async () => {
    const { stream, state } = endless(10);
    await assert.rejects(readLimitedBody(post(stream, { 'content-length': '1025' }), 1024), tooLarge('1024 bytes'));
    assert.equal(state.pulls, 0);
    assert.equal(state.cancelled, true);
  });

  it('counts an undeclared body as it streams, stops as soon as it passes the limit, and cancels it', async () => {
    const { stream, state } = endless(10);
    await assert.rejects(readLimitedBody(post(stream), 100), tooLarge('100 bytes'));
    // 10 pieces make 100 bytes, within the limit; the 11th passes it and is the last one pulled.
    assert.equal(state.pulls, 11);
    assert.equal(state.cancelled, true);
  });

  it('does not trust a Content-Length that understates the body', async () => {
    const { stream, state } = endless(64);
    await assert.rejects(readLimitedBody(post(stream, { 'content-length': '10' }), 1024), tooLarge('1024 bytes'));
    assert.equal(state.pulls, 17);
    assert.equal(state.cancelled, true);
  });
});
