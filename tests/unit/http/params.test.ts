import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError, parseEncryptParams } from '../../../lib/http';

const parse = (query: string) => parseEncryptParams(new URLSearchParams(query));

describe('parseEncryptParams', () => {
  it('reads mode, layout, bits and key', () => {
    assert.deepEqual(parse('mode=ecb'), { mode: 'ecb' });
    assert.deepEqual(parse('mode=gcm&layout=gray&bits=3'), { mode: 'gcm', layout: 'gray', bits: 3 });
    assert.deepEqual(parse('mode=ecb&key=000102030405060708090A0B0C0D0E0F'), {
      mode: 'ecb',
      key: Uint8Array.from({ length: 16 }, (_, i) => i),
    });
  });

  const bad: [string, string][] = [
    ['', 'mode is required: ecb or gcm'],
    ['mode=cbc', 'mode must be ecb or gcm, got "cbc"'],
    ['mode=ECB', 'mode must be ecb or gcm, got "ECB"'],
    ['mode=ecb&layout=yuv', 'layout must be rgb, rgba or gray, got "yuv"'],
    ['mode=ecb&bits=0', 'bits must be an integer from 1 to 8, got 0'],
    ['mode=ecb&bits=9', 'bits must be an integer from 1 to 8, got 9'],
    ['mode=ecb&bits=', 'bits must be an integer from 1 to 8, got ""'],
    ['mode=ecb&bits=-1', 'bits must be an integer from 1 to 8, got "-1"'],
    ['mode=ecb&key=00', 'key must be 16 bytes (32 hex digits) for AES-128-ECB, got 1'],
    ['mode=gcm&key=000102030405060708090a0b0c0d0e0f', 'key must be 32 bytes (64 hex digits) for AES-256-GCM, got 16'],
    ['mode=ecb&key=not-hex', 'key must be hex (digits 0-9 and a-f), got "not-hex"'],
    ['mode=gcm&nonce=000000000000000000000000', 'unknown parameter "nonce": accepted are mode, layout, bits, key'],
    ['mdoe=gcm', 'unknown parameter "mdoe": accepted are mode, layout, bits, key'],
    ['mode=ecb&mode=gcm', 'parameter "mode" is given more than once'],
  ];
  for (const [query, message] of bad) {
    it(`refuses ?${query} with 400: ${message}`, () => {
      assert.throws(() => parse(query), (error: unknown) => {
        assert.ok(error instanceof HttpError);
        assert.equal(error.status, 400);
        assert.equal(error.message, message);
        return true;
      });
    });
  }
});
