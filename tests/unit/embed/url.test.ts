import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { embedQuery, embedSnippet, embedUrl } from '../../../lib/embed/url';
import { DEFAULT_PARAMS, parseLabParams, type LabParams } from '../../../lib/lab/lab-options';

const SOURCES = ['meeting', 'penguin'];

describe('embedQuery', () => {
  test('writes nothing for the defaults', () => {
    assert.equal(embedQuery(DEFAULT_PARAMS), '');
  });

  test('writes only what differs from the defaults, in a fixed order, with readable commas', () => {
    const params: LabParams = { ...DEFAULT_PARAMS, bits: 3, source: 'penguin', panels: ['ecb', 'gcm'], theme: 'dark' };
    assert.equal(embedQuery(params), 'source=penguin&panels=ecb,gcm&bits=3&theme=dark');
  });

  test('Canvas LMS’s resize message is on unless turned off, and then the query says so', () => {
    assert.equal(embedQuery({ ...DEFAULT_PARAMS, lms: true }), '');
    assert.equal(embedQuery({ ...DEFAULT_PARAMS, bits: 3, lms: false }), 'bits=3&lms=false');
  });

  test('round-trips through parseLabParams for every option', () => {
    const cases: LabParams[] = [
      {
        ...DEFAULT_PARAMS,
        source: 'meeting',
        panels: ['original', 'decrypted'],
        autoplay: true,
        loop: true,
        muted: false,
      },
      { ...DEFAULT_PARAMS, controls: 'none', layout: 'rgba', bits: 1, width: 1280, theme: 'dark', start: 7.25 },
      {
        ...DEFAULT_PARAMS,
        ecbKeyHex: '000102030405060708090a0b0c0d0e0f',
        gcmKeyHex: 'ff'.repeat(32),
        controls: 'minimal',
      },
      { ...DEFAULT_PARAMS, lms: false },
    ];
    for (const params of cases) {
      const { params: parsed, problems } = parseLabParams(`?${embedQuery(params)}`, SOURCES);
      assert.deepEqual(problems, []);
      assert.deepEqual(parsed, params);
    }
  });
});

describe('embedUrl and embedSnippet', () => {
  const params: LabParams = { ...DEFAULT_PARAMS, panels: ['ecb', 'gcm'], bits: 4 };

  test('the URL carries origin, base path and query', () => {
    assert.equal(embedUrl('https://lens.example.edu', params), 'https://lens.example.edu/embed?panels=ecb,gcm&bits=4');
    assert.equal(embedUrl('https://x.org', DEFAULT_PARAMS, '/ecb-lens'), 'https://x.org/ecb-lens/embed');
  });

  test('the iframe escapes the URL for an attribute', () => {
    const snippet = embedSnippet(embedUrl('https://x.org', params), { width: '100%', height: 480, autoHeight: false });
    assert.match(snippet, /^<iframe src="https:\/\/x\.org\/embed\?panels=ecb,gcm&amp;bits=4" /);
    assert.match(snippet, /width="100%" height="480"/);
    assert.doesNotMatch(snippet, /<script>/);
  });

  test('a width that is not a number of pixels cannot break out of its attribute', () => {
    const snippet = embedSnippet('https://x.org/embed', { width: '50%"><script>', height: 300, autoHeight: false });
    assert.match(snippet, /width="50%&quot;>&lt;script>"/);
  });

  test('auto-height adds a listener that only trusts the embed’s origin', () => {
    const snippet = embedSnippet('https://lens.example.edu/ecb/embed?bits=3', {
      width: '100%',
      height: 400,
      autoHeight: true,
    });
    assert.match(
      snippet,
      /<script>[\s\S]*event\.origin !== 'https:\/\/lens\.example\.edu'[\s\S]*data\.event !== 'resize'[\s\S]*<\/script>$/,
    );
  });
});
