import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { packFrame, parseHex } from '../../../lib/cipher';
import { handleEncryptRequest } from '../../../lib/http';
import { decodePng, decryptCipherPicture, readCipherPicture } from '../../../lib/png';
import { cli, workspace } from '../cli/harness';
import { flatPng, gradientPng, interlacedPng, liarPng, truncate } from '../../fixtures/png/images';
import { pngjsReadsAsync } from '../png/pngjs-spy';

const GCM_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

function request(query: string, body: BodyInit | null, method = 'POST'): Request {
  return new Request(`http://localhost/api/encrypt${query}`, { method, body, duplex: 'half' } as RequestInit);
}

async function expectError(response: Response, status: number, error: string): Promise<void> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await response.json(), { error });
}

describe('handleEncryptRequest', () => {
  it('answers 200 with the picture, X-Key and X-Nonce, and the picture decrypts to the input', async () => {
    const input = gradientPng();
    const response = await handleEncryptRequest(request('?mode=gcm&layout=rgb&bits=5', input));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const key = response.headers.get('x-key') ?? '';
    assert.match(key, /^[0-9a-f]{64}$/);
    assert.match(response.headers.get('x-nonce') ?? '', /^[0-9a-f]{24}$/);
    const picture = readCipherPicture(new Uint8Array(await response.arrayBuffer()));
    const plain = decodePng(decryptCipherPicture(picture, parseHex(key)));
    assert.deepEqual(packFrame(plain, 'rgb', 8), packFrame(decodePng(input), 'rgb', 5));
  });

  it('uses the key given, and sends no X-Nonce for ECB', async () => {
    const key = '000102030405060708090a0b0c0d0e0f';
    const response = await handleEncryptRequest(request(`?mode=ecb&key=${key}`, flatPng()));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-key'), key);
    assert.equal(response.headers.has('x-nonce'), false);
  });

  it('sends the bytes the CLI writes for the same input, key and nonce', async (t) => {
    const input = gradientPng();
    const response = await handleEncryptRequest(request(`?mode=gcm&layout=rgba&bits=6&key=${GCM_KEY}`, input));
    const nonce = response.headers.get('x-nonce') ?? '';
    const { path } = await workspace(t, { 'in.png': input });
    const result = await cli('encrypt', '--mode', 'gcm', '--layout', 'rgba', '--bits', '6', '--key', GCM_KEY, '--nonce', nonce, path('in.png'), path('out.png'));
    assert.equal(result.code, 0);
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), new Uint8Array(await readFile(path('out.png'))));
  });

  it('answers 405 with Allow: POST to any other method', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await handleEncryptRequest(request('?mode=ecb', method === 'GET' ? null : flatPng(), method));
      assert.equal(response.headers.get('allow'), 'POST');
      await expectError(response, 405, `method ${method} is not allowed: use POST`);
    }
  });

  it('answers 400 for bad parameters before reading the body', async () => {
    await expectError(await handleEncryptRequest(request('?mode=ecb&bits=9', flatPng())), 400, 'bits must be an integer from 1 to 8, got 9');
    await expectError(await handleEncryptRequest(request('?mode=gcm&nonce=00', flatPng())), 400, 'unknown parameter "nonce": accepted are mode, layout, bits, key');
  });

  it('answers 413 for a body over 16 MiB', async () => {
    await expectError(await handleEncryptRequest(request('?mode=ecb', new Uint8Array(16 * 1024 * 1024 + 1))), 413, 'the body is larger than 16 MiB (16777216 bytes)');
  });

  it('answers 415 for a body that is not a PNG', async () => {
    await expectError(await handleEncryptRequest(request('?mode=ecb', 'GIF89a…')), 415, 'not a PNG: the data does not start with the PNG signature');
    await expectError(await handleEncryptRequest(request('?mode=ecb', null)), 415, 'not a PNG: the data does not start with the PNG signature');
  });

  it('answers 422 for a PNG too large, interlaced or truncated, deciding before pngjs runs', async () => {
    const cases: [Uint8Array<ArrayBuffer>, string][] = [
      [liarPng(20000, 20000), 'PNG is 20000×20000 pixels; the limit is 4096 pixels a side and 16,777,216 pixels'],
      [interlacedPng(), 'interlaced (Adam7) PNGs are not supported; save the image without interlacing'],
      [truncate(gradientPng(), 50), `corrupt PNG: truncated: chunk IDAT at byte 33 needs ${new DataView(gradientPng().buffer).getUint32(33) + 12} bytes, 17 remain`],
    ];
    for (const [body, message] of cases) {
      const reads = await pngjsReadsAsync(async () => {
        await expectError(await handleEncryptRequest(request('?mode=gcm', body)), 422, message);
      });
      assert.equal(reads, 0, message);
    }
    const control = await pngjsReadsAsync(async () => {
      assert.equal((await handleEncryptRequest(request('?mode=gcm', gradientPng()))).status, 200);
    });
    assert.equal(control, 1, 'a good PNG reaches pngjs once');
  });
});
