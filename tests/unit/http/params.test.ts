import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError, parseEncryptParams } from '../../../lib/http';

const parse = (query: string) => parseEncryptParams(new URLSearchParams(query));

describe('parseEncryptParams', () => {
  it('reads mode, layout, bits, key and iv', () => {
    assert.deepEqual(parse('mode=ecb'), { mode: 'ecb' });
    assert.deepEqual(parse('mode=gcm&layout=gray&bits=3'), { mode: 'gcm', layout: 'gray', bits: 3 });
    assert.deepEqual(parse('mode=ecb&key=000102030405060708090A0B0C0D0E0F'), {
      mode: 'ecb',
      key: Uint8Array.from({ length: 16 }, (_, i) => i),
    });
    assert.deepEqual(parse('mode=ctr&iv=F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF&layout=rgba'), {
      mode: 'ctr',
      layout: 'rgba',
      iv: Uint8Array.from({ length: 16 }, (_, i) => 0xf0 + i),
    });
    assert.deepEqual(parse('mode=cbc'), { mode: 'cbc' });
  });

  const bad: [string, string][] = [
    ['', 'mode is required: ecb, cbc, ctr or gcm'],
    ['mode=ofb', 'mode must be ecb, cbc, ctr or gcm, got "ofb"'],
    ['mode=ECB', 'mode must be ecb, cbc, ctr or gcm, got "ECB"'],
    ['mode=ecb&layout=yuv', 'layout must be rgb, rgba or gray, got "yuv"'],
    ['mode=ecb&bits=0', 'bits must be an integer from 1 to 8, got 0'],
    ['mode=ecb&bits=9', 'bits must be an integer from 1 to 8, got 9'],
    ['mode=ecb&bits=', 'bits must be an integer from 1 to 8, got ""'],
    ['mode=ecb&bits=-1', 'bits must be an integer from 1 to 8, got "-1"'],
    ['mode=ecb&key=00', 'key must be 16 bytes (32 hex digits) for AES-128-ECB, got 1'],
    ['mode=gcm&key=000102030405060708090a0b0c0d0e0f', 'key must be 32 bytes (64 hex digits) for AES-256-GCM, got 16'],
    ['mode=ecb&key=not-hex', 'key must be hex (digits 0-9 and a-f), got "not-hex"'],
    [
      'mode=cbc&key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
      'key must be 16 bytes (32 hex digits) for AES-128-CBC, got 32',
    ],
    ['mode=ecb&iv=f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff', 'iv applies to cbc and ctr only; AES-128-ECB takes no IV'],
    ['mode=gcm&iv=f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff', 'iv applies to cbc and ctr only; AES-256-GCM takes no IV'],
    ['mode=cbc&iv=00', 'iv must be 16 bytes (32 hex digits) for AES-128-CBC, got 1'],
    ['mode=ctr&iv=000000000000000000000000', 'iv must be 16 bytes (32 hex digits) for AES-128-CTR, got 12'],
    ['mode=ctr&iv=', 'iv must be 16 bytes (32 hex digits) for AES-128-CTR, got 0'],
    ['mode=ctr&iv=not-hex', 'iv must be hex (digits 0-9 and a-f), got "not-hex"'],
    ['mode=cbc&iv=00&iv=00', 'parameter "iv" is given more than once'],
    ['mode=gcm&nonce=000000000000000000000000', 'unknown parameter "nonce": accepted are mode, layout, bits, key, iv'],
    ['mode=ctr&counter=00', 'unknown parameter "counter": accepted are mode, layout, bits, key, iv'],
    ['mdoe=gcm', 'unknown parameter "mdoe": accepted are mode, layout, bits, key, iv'],
    ['mode=ecb&mode=gcm', 'parameter "mode" is given more than once'],
  ];
  for (const [query, message] of bad) {
    it(`refuses ?${query} with 400: ${message}`, () => {
      assert.throws(
        () => parse(query),
        (error: unknown) => {
          assert.ok(error instanceof HttpError);
          assert.equal(error.status, 400);
          assert.equal(error.message, message);
          return true;
        },
      );
    });
  }
});
