/**
 * parseLabParams: a lab URL's query → options, and a problem line for everything it had to ignore.
 * Expected problem texts are written out from the templates in lib/lab/lab-options.ts
 * ("“NAME” is not an option here; ignored." and "NAME=VALUE is not valid (REASON); the default is used." —
 * or, for a key, "a random key is used.")
 * with the reasons of lib/cipher (checkBits, parseHex, parseKey) and of the option parsers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PARAMS, PARAM_NAMES, parseLabParams, type LabParams } from '../../../lib/lab/lab-options';

const SOURCES = ['meeting', 'penguin'];
const ECB_KEY = '000102030405060708090a0b0c0d0e0f';
const GCM_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

const DEFAULTS: LabParams = {
  source: null,
  panels: ['original', 'ecb', 'gcm', 'decrypted'],
  autoplay: false,
  loop: false,
  muted: true,
  controls: 'full',
  layout: 'rgb',
  bits: 8,
  width: 640,
  modes: { ecb: 'ecb', gcm: 'gcm' },
  theme: 'light',
  ecbKeyHex: null,
  gcmKeyHex: null,
  start: 0,
  lms: true,
};

function parse(search: string, allowed?: readonly string[]) {
  return parseLabParams(search, SOURCES, allowed);
}

function invalid(name: string, value: string, reason: string): string {
  const fallback = name === 'ecbKey' || name === 'gcmKey' ? 'a random key is used' : 'the default is used';
  return `${name}=${value} is not valid (${reason}); ${fallback}.`;
}

function unknown(name: string): string {
  return `“${name}” is not an option here; ignored.`;
}

/** Parses `search`, asserting the options equal the defaults with `changes` and that `problems` are exactly these. */
function check(search: string, changes: Partial<LabParams>, problems: string[] = []): void {
  const result = parse(search);
  assert.deepEqual(result, { params: { ...DEFAULTS, ...changes }, problems }, search);
}

describe('parseLabParams: defaults and names', () => {
  it('an empty query, "?" alone, and a query of only "&" give the defaults and no problems', () => {
    check('', {});
    check('?', {});
    check('?&&', {});
    assert.deepEqual(DEFAULT_PARAMS, DEFAULTS);
  });

  it('the names a URL understands, in this order', () => {
    assert.deepEqual(PARAM_NAMES, [
      'source',
      'panels',
      'autoplay',
      'loop',
      'muted',
      'controls',
      'layout',
      'bits',
      'width',
      'modes',
      'theme',
      'ecbKey',
      'gcmKey',
      'start',
      'lms',
    ]);
  });

  it('unknown names are each reported, in URL order, and change nothing', () => {
    check('?foo=1&layout=gray&bar&baz=', { layout: 'gray' }, [unknown('foo'), unknown('bar'), unknown('baz')]);
  });

  it('names are case-sensitive: Layout, BITS and ecbkey are unknown (only values of keys are lower-cased)', () => {
    check(`?Layout=gray&BITS=3&ecbkey=${ECB_KEY}`, {}, [unknown('Layout'), unknown('BITS'), unknown('ecbkey')]);
  });

  it('names outside `allowed` are reported like unknown ones, even when the lab knows them', () => {
    const result = parse('?theme=dark&layout=gray&autoplay=1&bits=3', ['layout', 'bits']);
    assert.deepEqual(result, {
      params: { ...DEFAULTS, layout: 'gray', bits: 3 },
      problems: [unknown('theme'), unknown('autoplay')],
    });
  });

  it('an empty `allowed` reports every name', () => {
    assert.deepEqual(parse('?layout=gray', []).problems, [unknown('layout')]);
  });

  it('names are percent-decoded before matching, and values too ("+" is a space)', () => {
    check('?l%61yout=gr%61y&source=pen+guin', { layout: 'gray' }, [
      invalid('source', 'pen guin', 'source must be one of meeting, penguin'),
    ]);
  });

  it('each call starts from fresh defaults: changing a returned panel list changes neither DEFAULT_PARAMS nor the next result', () => {
    const first = parse('').params;
    first.panels.push('ecb');
    first.panels.length = 1;
    assert.deepEqual(DEFAULT_PARAMS.panels, DEFAULTS.panels);
    assert.deepEqual(parse('').params.panels, DEFAULTS.panels);
  });
});

describe('parseLabParams: each option, valid and invalid', () => {
  it('source: one of the given sources', () => {
    check('?source=penguin', { source: 'penguin' });
    check('?source=meeting', { source: 'meeting' });
    check('?source=Penguin', {}, [invalid('source', 'Penguin', 'source must be one of meeting, penguin')]);
    check('?source=', {}, [invalid('source', '', 'source must be one of meeting, penguin')]);
    assert.deepEqual(parseLabParams('?source=webcam', ['webcam']).params.source, 'webcam');
  });

  it('autoplay, loop, muted: "", 1, true, yes, on are true; 0, false, no, off are false; anything else is a problem', () => {
    for (const value of ['', '1', 'true', 'yes', 'on']) {
      check(`?autoplay=${value}&loop=${value}&muted=${value}`, { autoplay: true, loop: true, muted: true });
    }
    for (const value of ['0', 'false', 'no', 'off']) {
      check(`?autoplay=${value}&loop=${value}&muted=${value}`, { autoplay: false, loop: false, muted: false });
    }
    check('?autoplay', { autoplay: true });
    check('?autoplay=TRUE&loop=2&muted=y', {}, [
      invalid('autoplay', 'TRUE', 'autoplay must be true or false'),
      invalid('loop', '2', 'loop must be true or false'),
      invalid('muted', 'y', 'muted must be true or false'),
    ]);
  });

  it('lms: on by default; off, false, no and 0 turn Canvas LMS’s resize message off; anything else is a problem', () => {
    for (const value of ['', '1', 'true', 'yes', 'on']) check(`?lms=${value}`, {});
    for (const value of ['0', 'false', 'no', 'off']) check(`?lms=${value}`, { lms: false });
    check('?lms=canvas', {}, [invalid('lms', 'canvas', 'lms must be true or false')]);
  });

  it('controls: full, minimal, none', () => {
    check('?controls=minimal', { controls: 'minimal' });
    check('?controls=none', { controls: 'none' });
    check('?controls=full', { controls: 'full' });
    check('?controls=some', {}, [invalid('controls', 'some', 'controls must be one of full, minimal, none')]);
  });

  it('layout: rgb, rgba, gray', () => {
    check('?layout=rgba', { layout: 'rgba' });
    check('?layout=gray', { layout: 'gray' });
    check('?layout=rgb', { layout: 'rgb' });
    check('?layout=grey', {}, [invalid('layout', 'grey', 'layout must be one of rgb, rgba, gray')]);
  });

  it('theme: light, dark', () => {
    check('?theme=dark', { theme: 'dark' });
    check('?theme=blue', {}, [invalid('theme', 'blue', 'theme must be one of light, dark')]);
  });

  it('bits: whole numbers 1 to 8 (checkBits); 0, 9 are out of range; anything not plain digits is refused', () => {
    for (let bits = 1; bits <= 8; bits++) check(`?bits=${bits}`, { bits });
    const range = (got: string) => `bits must be an integer from 1 to 8, got ${got}`;
    check('?bits=0', {}, [invalid('bits', '0', range('0'))]);
    check('?bits=9', {}, [invalid('bits', '9', range('9'))]);
    check('?bits=03', { bits: 3 });
    const digits = 'bits must be a whole number from 1 to 8';
    for (const value of ['2.5', '', 'three', 'Infinity', '-1', '+3', '3.0', '0x3', '3e0']) {
      check(`?bits=${encodeURIComponent(value)}`, {}, [invalid('bits', value, digits)]);
    }
  });

  it('width: one of 320, 480, 640, 960, 1280', () => {
    for (const width of [320, 480, 640, 960, 1280] as const) check(`?width=${width}`, { width });
    const reason = 'width must be one of 320, 480, 640, 960, 1280';
    for (const value of ['641', '0', '', '1920', '-640', 'wide', '6.4e2', '0x280', '640.0']) {
      check(`?width=${value}`, {}, [invalid('width', value, reason)]);
    }
  });

  it('modes: two of ecb, cbc, ctr, gcm, for the first and second ciphertext panels', () => {
    check('?modes=cbc,gcm', { modes: { ecb: 'cbc', gcm: 'gcm' } });
    check('?modes=ctr,%20ecb', { modes: { ecb: 'ctr', gcm: 'ecb' } });
    check('?modes=gcm,gcm', { modes: { ecb: 'gcm', gcm: 'gcm' } });
    const two = 'modes must name two modes, for the two ciphertext panels: e.g. cbc,gcm';
    for (const value of ['cbc', 'cbc,gcm,ecb', '']) check(`?modes=${value}`, {}, [invalid('modes', value, two)]);
    check('?modes=ofb,gcm', {}, [invalid('modes', 'ofb,gcm', 'each mode must be one of ecb, cbc, ctr, gcm')]);
  });

  it('start: seconds, 0 or more, fractions allowed', () => {
    check('?start=0', { start: 0 });
    check('?start=4.25', { start: 4.25 });
    check('?start=11.999', { start: 11.999 });
    const reason = 'start must be a number of seconds, 0 or more';
    for (const value of ['-1', '-0.001', 'NaN', 'Infinity', 'soon', '1e3', '', '-0', '.5', '4.']) {
      check(`?start=${value}`, {}, [invalid('start', value, reason)]);
    }
  });

  it('ecbKey and gcmKey: hex of 16 and 32 bytes, stored lower-cased', () => {
    check(`?ecbKey=${ECB_KEY}&gcmKey=${GCM_KEY}`, { ecbKeyHex: ECB_KEY, gcmKeyHex: GCM_KEY });
    check(`?ecbKey=${ECB_KEY.toUpperCase()}&gcmKey=${GCM_KEY.toUpperCase()}`, {
      ecbKeyHex: ECB_KEY,
      gcmKeyHex: GCM_KEY,
    });
    check('?ecbKey=0A0b0C0d0E0f0A0b0C0d0E0f0A0b0C0d', { ecbKeyHex: '0a0b0c0d0e0f0a0b0c0d0e0f0a0b0c0d' });
  });

  it("ecbKey and gcmKey problems carry parseKey's reasons (which show the value lower-cased)", () => {
    check(`?ecbKey=${ECB_KEY.slice(2)}`, {}, [
      invalid('ecbKey', ECB_KEY.slice(2), 'key must be 16 bytes (32 hex digits) for AES-128-ECB, got 15'),
    ]);
    check(`?ecbKey=${GCM_KEY}`, {}, [
      invalid('ecbKey', GCM_KEY, 'key must be 16 bytes (32 hex digits) for AES-128-ECB, got 32'),
    ]);
    check(`?gcmKey=${ECB_KEY}`, {}, [
      invalid('gcmKey', ECB_KEY, 'key must be 32 bytes (64 hex digits) for AES-256-GCM, got 16'),
    ]);
    check(`?gcmKey=${GCM_KEY.slice(1)}`, {}, [
      invalid('gcmKey', GCM_KEY.slice(1), 'key must have an even number of hex digits, got 63'),
    ]);
    check('?ecbKey=XYZ', {}, [invalid('ecbKey', 'XYZ', 'key must be hex (digits 0-9 and a-f), got "xyz"')]);
    check('?ecbKey=', {}, [invalid('ecbKey', '', 'key must be 16 bytes (32 hex digits) for AES-128-ECB, got 0')]);
  });

  it('a value over 80 characters is cut to 80 and "…" in the problem; 80 exactly is shown whole', () => {
    const long = 'g'.repeat(100);
    check(`?gcmKey=${long}`, {}, [
      `gcmKey=${'g'.repeat(80)}… is not valid (key must be hex (digits 0-9 and a-f), got "${'g'.repeat(40)}…"); a random key is used.`,
    ]);
    const eighty = 'z'.repeat(80);
    check(`?layout=${eighty}`, {}, [invalid('layout', eighty, 'layout must be one of rgb, rgba, gray')]);
  });

  it('every option at once', () => {
    check(
      `?source=penguin&panels=ecb,gcm&autoplay=1&loop=yes&muted=off&controls=none&layout=gray&bits=3&width=1280&theme=dark&ecbKey=${ECB_KEY}&gcmKey=${GCM_KEY}&start=2.5`,
      {
        source: 'penguin',
        panels: ['ecb', 'gcm'],
        autoplay: true,
        loop: true,
        muted: false,
        controls: 'none',
        layout: 'gray',
        bits: 3,
        width: 1280,
        theme: 'dark',
        ecbKeyHex: ECB_KEY,
        gcmKeyHex: GCM_KEY,
        start: 2.5,
      },
    );
  });
});

describe('parseLabParams: panels', () => {
  it('a comma list, trimmed, empty entries dropped, in the order given', () => {
    check('?panels=decrypted,original', { panels: ['decrypted', 'original'] });
    check('?panels=+gcm+,,ecb,', { panels: ['gcm', 'ecb'] });
    check('?panels=ecb', { panels: ['ecb'] });
    check('?panels=ecb,motion,motion-gcm', { panels: ['ecb', 'motion', 'motion-gcm'] });
  });

  it("repeats are dropped, keeping each panel's first place", () => {
    check('?panels=gcm,ecb,gcm,original,ecb', { panels: ['gcm', 'ecb', 'original'] });
  });

  it('one unknown panel rejects the whole list: all four panels stay', () => {
    check('?panels=ecb,cbc', {}, [
      invalid('panels', 'ecb,cbc', 'each panel must be one of original, ecb, gcm, decrypted, motion, motion-gcm'),
    ]);
    check('?panels=ECB', {}, [
      invalid('panels', 'ECB', 'each panel must be one of original, ecb, gcm, decrypted, motion, motion-gcm'),
    ]);
  });

  it('an empty list is a problem', () => {
    for (const value of ['', ',', ' , ,'])
      check(`?panels=${encodeURIComponent(value)}`, {}, [
        invalid('panels', value, 'panels must name at least one panel'),
      ]);
  });
});

describe('parseLabParams: a name given twice', () => {
  const twice = (name: string) => `“${name}” is given more than once; only the first counts.`;

  it('the first value counts and the repeat is reported', () => {
    check('?bits=3&bits=5', { bits: 3 }, [twice('bits')]);
    check('?layout=gray&layout=rgba', { layout: 'gray' }, [twice('layout')]);
    check('?panels=ecb&panels=gcm,original', { panels: ['ecb'] }, [twice('panels')]);
  });

  it('an invalid first value means the default, whatever follows', () => {
    check('?layout=grey&layout=gray', {}, [
      invalid('layout', 'grey', 'layout must be one of rgb, rgba, gray'),
      twice('layout'),
    ]);
  });

  it('an unknown name given twice is reported twice', () => {
    check('?x=1&x=2', {}, [unknown('x'), unknown('x')]);
  });
});
