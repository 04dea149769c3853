/**
 * The lab's keys: typed text read by one function (spaces and upper case allowed), keys given as hex
 * kept exactly, a bad key refused with its reason while the old one stays, and fresh random keys.
 * Keys: NIST SP 800-38A F.1.1 (AES-128) and McGrew–Viega test case 16 (AES-256).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toHex } from '../../../lib/cipher/hex';
import { LabKeys, readKeyText } from '../../../lib/lab/lab-keys';

const ECB = '2b7e151628aed2a6abf7158809cf4f3c';
const GCM = 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308';

describe('readKeyText', () => {
  it('ignores surrounding spaces and reads upper-case digits', () => {
    assert.equal(toHex(readKeyText(`  ${ECB.toUpperCase()}\n`, 'ecb')), ECB);
    assert.equal(toHex(readKeyText(GCM, 'gcm')), GCM);
  });

  it('refuses a key of the wrong length or with other characters, saying why', () => {
    assert.throws(() => readKeyText(ECB.slice(2), 'ecb'), {
      name: 'RangeError',
      message: 'key must be 16 bytes (32 hex digits) for AES-128-ECB, got 15',
    });
    assert.throws(() => readKeyText(ECB, 'gcm'), {
      name: 'RangeError',
      message: 'key must be 32 bytes (64 hex digits) for AES-256-GCM, got 16',
    });
    assert.throws(() => readKeyText('2b7e 1516', 'ecb'), {
      name: 'TypeError',
      message: 'key must be hex (digits 0-9 and a-f), got "2b7e 1516"',
    });
  });
});

describe('LabKeys', () => {
  it('keeps the keys it is given, as lower-case hex', () => {
    const keys = new LabKeys(ECB.toUpperCase(), GCM);
    assert.deepEqual(keys.hex(), { ecbKeyHex: ECB, gcmKeyHex: GCM });
    assert.equal(keys.get('ecb').length, 16);
    assert.equal(keys.get('gcm').length, 32);
  });

  it('draws random keys of the right length where none is given', () => {
    const keys = new LabKeys(null, undefined);
    assert.match(keys.hex().ecbKeyHex, /^[0-9a-f]{32}$/);
    assert.match(keys.hex().gcmKeyHex, /^[0-9a-f]{64}$/);
  });

  it('set() takes typed text, or gives the reason and keeps the old key', () => {
    const keys = new LabKeys(ECB, GCM);
    assert.equal(keys.set('ecb', ' 000102030405060708090A0B0C0D0E0F '), null);
    assert.equal(keys.hex().ecbKeyHex, '000102030405060708090a0b0c0d0e0f');
    assert.equal(keys.set('gcm', 'abc'), 'key must have an even number of hex digits, got 3');
    assert.equal(keys.hex().gcmKeyHex, GCM);
  });

  it('renew() replaces both keys with fresh random ones', () => {
    const keys = new LabKeys(ECB, GCM);
    keys.renew();
    // A random 128-bit key equal to the old one has odds of 2⁻¹²⁸.
    assert.notEqual(keys.hex().ecbKeyHex, ECB);
    assert.notEqual(keys.hex().gcmKeyHex, GCM);
    assert.match(keys.hex().gcmKeyHex, /^[0-9a-f]{64}$/);
  });

  it('a key that does not read is a programming error: the constructor throws', () => {
    assert.throws(() => new LabKeys('not hex'), { name: 'TypeError' });
  });
});
