import type { APIRequestContext, APIResponse } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packFrame, parseHex } from '../../lib/cipher';
import { decodePng, decryptCipherPicture, readCipherPicture } from '../../lib/png';
import { flatPng, gradientPng, interlacedPng, liarPng, truncate } from '../fixtures/png/images';
import { expect, test } from './fixtures/index';
import { ECB_KEY, GCM_KEY } from './fixtures/keys';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MIB = 1024 * 1024;

function post(request: APIRequestContext, query: string, body: Uint8Array | string) {
  return request.post(`/api/encrypt${query}`, {
    data: typeof body === 'string' ? body : Buffer.from(body),
    headers: { 'Content-Type': 'image/png' },
  });
}

async function expectError(response: APIResponse, status: number, error: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toBe('application/json');
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(await response.json()).toEqual({ error });
}

/** `npm run cli -- encrypt …` on `input`, as a real process; resolves to the picture it wrote. */
async function cliEncrypt(input: Uint8Array, args: string[]): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'ecb-lens-api-'));
  try {
    await writeFile(join(dir, 'in.png'), input);
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'scripts/cli.ts', 'encrypt', ...args, join(dir, 'in.png'), join(dir, 'out.png')],
        {
          cwd: ROOT,
          stdio: 'ignore',
        },
      );
      child.on('error', reject);
      child.on('close', resolve);
    });
    expect(code).toBe(0);
    return await readFile(join(dir, 'out.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test.describe('POST /api/encrypt', () => {
  test('answers 200 with a picture that decrypts to the input’s pixels', async ({ request }) => {
    const input = gradientPng();
    const response = await post(request, '?mode=gcm&layout=rgba&bits=4', input);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-type']).toBe('image/png');
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['x-key']).toMatch(/^[0-9a-f]{64}$/);
    expect(headers['x-nonce']).toMatch(/^[0-9a-f]{24}$/);

    const picture = readCipherPicture(new Uint8Array(await response.body()));
    expect(picture.encrypted.nonce).toEqual(parseHex(headers['x-nonce']));
    const plain = decodePng(decryptCipherPicture(picture, parseHex(headers['x-key'])));
    expect(packFrame(plain, 'rgba', 8)).toEqual(packFrame(decodePng(input), 'rgba', 4));
  });

  test('sends the same bytes as the CLI for the same input, key and nonce', async ({ request }) => {
    const input = gradientPng();
    await test.step('GCM: the CLI given the returned X-Nonce', async () => {
      const response = await post(request, `?mode=gcm&layout=gray&bits=3&key=${GCM_KEY}`, input);
      expect(response.headers()['x-key']).toBe(GCM_KEY);
      const nonce = response.headers()['x-nonce'];
      const cli = await cliEncrypt(input, [
        '--mode',
        'gcm',
        '--layout',
        'gray',
        '--bits',
        '3',
        '--key',
        GCM_KEY,
        '--nonce',
        nonce,
      ]);
      expect(await response.body()).toEqual(cli);
    });
    for (const mode of ['cbc', 'ctr'] as const) {
      await test.step(`${mode.toUpperCase()}: the IV comes back in X-Iv, and the CLI given it writes the same picture`, async () => {
        const response = await post(request, `?mode=${mode}&layout=rgb&key=${ECB_KEY}`, input);
        expect(response.status()).toBe(200);
        const iv = response.headers()['x-iv'];
        expect(iv).toMatch(/^[0-9a-f]{32}$/);
        expect(response.headers()['x-nonce']).toBeUndefined();
        expect(await response.body()).toEqual(await cliEncrypt(input, ['--mode', mode, '--key', ECB_KEY, '--iv', iv]));
      });
    }
    await test.step('ECB: no X-Nonce at all', async () => {
      const response = await post(request, `?mode=ecb&key=${ECB_KEY}`, flatPng());
      expect(response.headers()['x-nonce']).toBeUndefined();
      expect(await response.body()).toEqual(await cliEncrypt(flatPng(), ['--mode', 'ecb', '--key', ECB_KEY]));
    });
  });

  test('answers 400 for bad or unknown parameters', async ({ request }) => {
    const body = flatPng();
    await expectError(await post(request, '', body), 400, 'mode is required: ecb, cbc, ctr or gcm');
    await expectError(await post(request, '?mode=ofb', body), 400, 'mode must be ecb, cbc, ctr or gcm, got "ofb"');
    await expectError(
      await post(request, '?mode=ecb&layout=cmyk', body),
      400,
      'layout must be rgb, rgba or gray, got "cmyk"',
    );
    await expectError(await post(request, '?mode=ecb&bits=9', body), 400, 'bits must be an integer from 1 to 8, got 9');
    await expectError(
      await post(request, '?mode=ecb&key=zz', body),
      400,
      'key must be hex (digits 0-9 and a-f), got "zz"',
    );
    await expectError(
      await post(request, `?mode=gcm&key=${ECB_KEY}`, body),
      400,
      'key must be 32 bytes (64 hex digits) for AES-256-GCM, got 16',
    );
    await expectError(
      await post(request, '?mode=gcm&nonce=00', body),
      400,
      'unknown parameter "nonce": accepted are mode, layout, bits, key, iv',
    );
  });

  test('answers 405 with Allow: POST to other methods', async ({ request }) => {
    const response = await request.get('/api/encrypt?mode=ecb');
    expect(response.headers()['allow']).toBe('POST');
    await expectError(response, 405, 'method GET is not allowed: use POST');
    for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const other = await request.fetch('/api/encrypt?mode=ecb', { method, data: Buffer.from(flatPng()) });
      expect(other.headers()['allow']).toBe('POST');
      await expectError(other, 405, `method ${method} is not allowed: use POST`);
    }
  });

  test('answers 413 for a body over 16 MiB', async ({ request }) => {
    const response = await post(request, '?mode=ecb', new Uint8Array(16 * MIB + 1));
    await expectError(response, 413, 'the body is larger than 16 MiB (16777216 bytes)');
  });

  test('answers 413 for a chunked body that passes 16 MiB without declaring its length', async ({ baseURL }) => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(new URL('/api/encrypt?mode=ecb', baseURL), {
        method: 'POST',
        headers: { 'Content-Type': 'image/png', 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      const piece = Buffer.alloc(MIB, 0x41);
      let sent = 0;
      const pump = () => {
        while (sent < 64 && !req.destroyed) {
          sent++;
          if (!req.write(piece)) return void req.once('drain', pump);
        }
        if (!req.destroyed) req.end();
      };
      pump();
    });
    expect(status).toBe(413);
  });

  test('answers 415 for a body that is not a PNG', async ({ request }) => {
    await expectError(
      await post(request, '?mode=ecb', 'GIF89a, not a PNG'),
      415,
      'not a PNG: the data does not start with the PNG signature',
    );
  });

  test('answers 422 for PNGs it will not decode', async ({ request }) => {
    await test.step('a 74-byte PNG declaring 20000×20000', async () => {
      await expectError(
        await post(request, '?mode=gcm', liarPng(20000, 20000)),
        422,
        'PNG is 20000×20000 pixels; the limit is 4096 pixels a side and 16,777,216 pixels',
      );
    });
    await test.step('an interlaced PNG', async () => {
      await expectError(
        await post(request, '?mode=gcm', interlacedPng()),
        422,
        'interlaced (Adam7) PNGs are not supported; save the image without interlacing',
      );
    });
    await test.step('a truncated PNG', async () => {
      const png = gradientPng();
      const idat = new DataView(png.buffer).getUint32(33);
      await expectError(
        await post(request, '?mode=gcm', truncate(png, 80)),
        422,
        `corrupt PNG: truncated: chunk IDAT at byte 33 needs ${idat + 12} bytes, 47 remain`,
      );
    });
  });
});
