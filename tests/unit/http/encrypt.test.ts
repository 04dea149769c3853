import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it, type TestContext } from 'node:test';
import { packFrame, parseHex, toHex, type Layout } from '../../../lib/cipher';
import { EncryptPool, handleEncryptRequest } from '../../../lib/http';
import { decodePng, decryptCipherPicture, readCipherPicture, type CipherPicture } from '../../../lib/png';
import { cli, workspace } from '../cli/harness';
import { ENCRYPT_WORKER as WORKER, testEncryptPool } from '../helpers/encrypt-pool';
import { flatPng, gradientPng, interlacedPng, liarPng, truncate } from '../../fixtures/png/images';

const GCM_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const KEY = '000102030405060708090a0b0c0d0e0f';
const IV = 'f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff';

const pool = testEncryptPool();

const encrypt = (request: Request) => handleEncryptRequest(request, pool);

function request(query: string, body: BodyInit | null, method = 'POST'): Request {
  return new Request(`http://localhost/api/encrypt${query}`, { method, body, duplex: 'half' } as RequestInit);
}

async function expectError(response: Response, status: number, error: string): Promise<void> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await response.json(), { error });
}

/** The picture in `response`, decrypted with its X-Key, holds exactly `input`'s pixels at `bits` in `layout`. */
async function checkDecrypts(
  response: Response,
  input: Uint8Array,
  layout: Layout,
  bits: number,
): Promise<CipherPicture> {
  const picture = readCipherPicture(new Uint8Array(await response.arrayBuffer()));
  const plain = decodePng(decryptCipherPicture(picture, parseHex(response.headers.get('x-key') ?? '')));
  assert.deepEqual(packFrame(plain, layout, 8), packFrame(decodePng(input), layout, bits));
  return picture;
}

/** The picture `encrypt …options` writes for `input`. */
async function cliPicture(t: TestContext, input: Uint8Array, ...options: string[]): Promise<Uint8Array> {
  const { path } = await workspace(t, { 'in.png': input });
  const result = await cli('encrypt', ...options, path('in.png'), path('out.png'));
  assert.equal(result.code, 0);
  return new Uint8Array(await readFile(path('out.png')));
}

describe('handleEncryptRequest', () => {
  it('answers 200 with the picture, X-Key and X-Nonce, and the picture decrypts to the input', async () => {
    const input = gradientPng();
    const response = await encrypt(request('?mode=gcm&layout=rgb&bits=5', input));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(response.headers.get('x-key') ?? '', /^[0-9a-f]{64}$/);
    assert.match(response.headers.get('x-nonce') ?? '', /^[0-9a-f]{24}$/);
    await checkDecrypts(response, input, 'rgb', 5);
  });

  it('uses the key given, and sends no X-Nonce or X-Iv for ECB, no X-Iv for GCM', async () => {
    const response = await encrypt(request(`?mode=ecb&key=${KEY}`, flatPng()));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-key'), KEY);
    assert.equal(response.headers.has('x-nonce'), false);
    assert.equal(response.headers.has('x-iv'), false);
    assert.equal((await encrypt(request('?mode=gcm', flatPng()))).headers.has('x-iv'), false);
  });

  for (const mode of ['cbc', 'ctr'] as const) {
    it(`${mode}: answers 200 with X-Key and a random X-Iv (no X-Nonce), and the picture decrypts to the input`, async () => {
      const input = gradientPng();
      const first = await encrypt(request(`?mode=${mode}&layout=gray&bits=4`, input));
      const second = await encrypt(request(`?mode=${mode}&layout=gray&bits=4`, input));
      assert.equal(first.status, 200);
      const iv = first.headers.get('x-iv') ?? '';
      assert.match(first.headers.get('x-key') ?? '', /^[0-9a-f]{32}$/);
      assert.match(iv, /^[0-9a-f]{32}$/);
      assert.notEqual(second.headers.get('x-iv'), iv);
      assert.equal(first.headers.has('x-nonce'), false);
      const picture = await checkDecrypts(first, input, 'gray', 4);
      assert.equal(toHex(picture.encrypted.iv ?? new Uint8Array()), iv);
    });

    it(`${mode}: uses the key and iv given, and sends the bytes the CLI writes for them`, async (t) => {
      const input = flatPng();
      const response = await encrypt(request(`?mode=${mode}&layout=rgba&key=${KEY}&iv=${IV.toUpperCase()}`, input));
      assert.equal(response.status, 200);
      assert.deepEqual([response.headers.get('x-key'), response.headers.get('x-iv')], [KEY, IV]);
      const written = await cliPicture(t, input, '--mode', mode, '--layout', 'rgba', '--key', KEY, '--iv', IV);
      assert.deepEqual(new Uint8Array(await response.arrayBuffer()), written);
    });
  }

  it('sends the bytes the CLI writes for the same input, key and nonce', async (t) => {
    const input = gradientPng();
    const response = await encrypt(request(`?mode=gcm&layout=rgba&bits=6&key=${GCM_KEY}`, input));
    const nonce = response.headers.get('x-nonce') ?? '';
    const options = ['--layout', 'rgba', '--bits', '6', '--key', GCM_KEY, '--nonce', nonce];
    const written = await cliPicture(t, input, '--mode', 'gcm', ...options);
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), written);
  });

  it('answers 405 with Allow: POST to any other method', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await encrypt(request('?mode=ecb', method === 'GET' ? null : flatPng(), method));
      assert.equal(response.headers.get('allow'), 'POST');
      await expectError(response, 405, `method ${method} is not allowed: use POST`);
    }
  });

  it('answers 400 for bad parameters before reading the body', async () => {
    const cases: [string, string][] = [
      ['?mode=ecb&bits=9', 'bits must be an integer from 1 to 8, got 9'],
      ['?mode=gcm&nonce=00', 'unknown parameter "nonce": accepted are mode, layout, bits, key, iv'],
      [`?mode=ecb&iv=${IV}`, 'iv applies to cbc and ctr only; AES-128-ECB takes no IV'],
      [`?mode=gcm&iv=${IV}`, 'iv applies to cbc and ctr only; AES-256-GCM takes no IV'],
      ['?mode=ctr&iv=0011', 'iv must be 16 bytes (32 hex digits) for AES-128-CTR, got 2'],
      ['?mode=cbc&iv=zz', 'iv must be hex (digits 0-9 and a-f), got "zz"'],
    ];
    for (const [query, message] of cases) {
      await expectError(await encrypt(request(query, flatPng())), 400, message);
    }
  });

  it('answers 413 for a body over 16 MiB, whatever the mode', async () => {
    for (const query of ['?mode=ecb', '?mode=ctr']) {
      const body = new Uint8Array(16 * 1024 * 1024 + 1);
      await expectError(await encrypt(request(query, body)), 413, 'the body is larger than 16 MiB (16777216 bytes)');
    }
  });

  it('answers 415 for a body that is not a PNG, whatever the mode', async () => {
    const cases: [string, BodyInit | null][] = [
      ['?mode=ecb', 'GIF89a…'],
      ['?mode=ecb', null],
      [`?mode=cbc&iv=${IV}`, 'GIF89a…'],
    ];
    for (const [query, body] of cases) {
      const response = await encrypt(request(query, body));
      await expectError(response, 415, 'not a PNG: the data does not start with the PNG signature');
    }
  });

  // tests/unit/png/header.test.ts shows these are refused before any pixel is decoded.
  it('answers 422 for a PNG too large, interlaced or truncated', async () => {
    const cases: [Uint8Array<ArrayBuffer>, string][] = [
      [liarPng(20000, 20000), 'PNG is 20000×20000 pixels; the limit is 4096 pixels a side and 16,777,216 pixels'],
      [interlacedPng(), 'interlaced (Adam7) PNGs are not supported; save the image without interlacing'],
      [
        truncate(gradientPng(), 50),
        `corrupt PNG: truncated: chunk IDAT at byte 33 needs ${new DataView(gradientPng().buffer).getUint32(33) + 12} bytes, 17 remain`,
      ],
    ];
    for (const [body, message] of cases) {
      await expectError(await encrypt(request('?mode=gcm', body)), 422, message);
      await expectError(await encrypt(request('?mode=cbc', body)), 422, message);
    }
  });
});

describe('handleEncryptRequest with a full pool', () => {
  it('answers 503 with Retry-After and a JSON error when every thread is busy and the queue full', async (t) => {
    const small = new EncryptPool({ filename: WORKER, threads: 1, queue: 1 });
    t.after(() => small.close());
    // The pool's place is taken before the first await, so three requests started in one go meet a
    // pool with room for two (one running, one waiting) whatever the worker thread is doing.
    const responses = await Promise.all(
      ['ecb', 'gcm', 'ecb'].map((mode) => handleEncryptRequest(request(`?mode=${mode}`, gradientPng()), small)),
    );
    assert.deepEqual(
      responses.map((response) => response.status),
      [200, 200, 503],
    );
    const refused = responses[2];
    assert.match(refused.headers.get('retry-after') ?? '', /^[1-9][0-9]*$/);
    const seconds = refused.headers.get('retry-after');
    await expectError(
      refused,
      503,
      `the server is busy: 2 pictures are being encrypted or waiting; try again in ${seconds} s`,
    );
    assert.equal(small.busy, 0, 'every place is given back');
    assert.equal((await handleEncryptRequest(request('?mode=ecb', gradientPng()), small)).status, 200);
  });

  it('gives its place back after a refusal, so refused requests never fill the pool', async (t) => {
    const single = new EncryptPool({ filename: WORKER, threads: 1, queue: 0 });
    t.after(() => single.close());
    const refusals: [BodyInit, number][] = [
      ['GIF89a…', 415],
      [truncate(gradientPng(), 50), 422],
      [new Uint8Array(16 * 1024 * 1024 + 1), 413],
    ];
    for (const [body, status] of refusals) {
      assert.equal((await handleEncryptRequest(request('?mode=ecb', body), single)).status, status);
      assert.equal(single.busy, 0);
    }
    assert.equal((await handleEncryptRequest(request('?mode=ecb', flatPng()), single)).status, 200);
  });
});
