import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { gradientPng, interlacedPng, liarPng, truncate } from '../../fixtures/png/images';
import { changePixel, setText } from '../../fixtures/png/tamper';
import { cli, workspace } from './harness';

const ECB_KEY = '000102030405060708090a0b0c0d0e0f';
const GCM_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const input = gradientPng(37, 23);

describe('CLI usage errors: exit 2, one line on stderr, nothing on stdout, no output file', () => {
  const cases: [string, string[], string][] = [
    ['no command', [], 'no command given: use encrypt, decrypt, analyze or help'],
    ['unknown command', ['frobnicate'], 'unknown command "frobnicate": use encrypt, decrypt, analyze or help'],
    ['option before the command', ['--verbose'], 'unknown option --verbose: the command comes first (encrypt, decrypt, analyze or help)'],
    ['help on an unknown topic', ['help', 'rotate'], 'no help for "rotate": commands are encrypt, decrypt and analyze'],
    ['help on two topics', ['help', 'encrypt', 'decrypt'], 'help takes at most one command, got 2'],
    ['unknown flag', ['encrypt', '--mode', 'ecb', '--colour', 'red', 'IN', 'OUT'], 'unknown option --colour for encrypt (see encrypt --help)'],
    ['unknown short flag', ['decrypt', '-k', 'ab', 'IN', 'OUT'], 'unknown option -k for decrypt (see decrypt --help)'],
    ['no mode', ['encrypt', 'IN', 'OUT'], '--mode is required: ecb or gcm'],
    ['unknown mode', ['encrypt', '--mode', 'cbc', 'IN', 'OUT'], '--mode must be ecb or gcm, got "cbc"'],
    ['bits too high', ['encrypt', '--mode', 'ecb', '--bits', '9', 'IN', 'OUT'], '--bits must be an integer from 1 to 8, got 9'],
    ['bits zero', ['encrypt', '--mode', 'ecb', '--bits', '0', 'IN', 'OUT'], '--bits must be an integer from 1 to 8, got 0'],
    ['bits fractional', ['encrypt', '--mode', 'ecb', '--bits', '2.5', 'IN', 'OUT'], '--bits must be an integer from 1 to 8, got "2.5"'],
    ['unknown layout', ['encrypt', '--mode', 'ecb', '--layout', 'cmyk', 'IN', 'OUT'], '--layout must be rgb, rgba or gray, got "cmyk"'],
    ['short ECB key', ['encrypt', '--mode', 'ecb', '--key', ECB_KEY.slice(2), 'IN', 'OUT'], '--key must be 16 bytes (32 hex digits) for AES-128-ECB, got 15'],
    ['GCM key for ECB', ['encrypt', '--mode', 'ecb', '--key', GCM_KEY, 'IN', 'OUT'], '--key must be 16 bytes (32 hex digits) for AES-128-ECB, got 32'],
    ['ECB key for GCM', ['encrypt', '--mode', 'gcm', '--key', ECB_KEY, 'IN', 'OUT'], '--key must be 32 bytes (64 hex digits) for AES-256-GCM, got 16'],
    ['key not hex', ['encrypt', '--mode', 'ecb', '--key', 'xyz', 'IN', 'OUT'], '--key must be hex (digits 0-9 and a-f), got "xyz"'],
    ['odd key digits', ['encrypt', '--mode', 'ecb', '--key', 'abc', 'IN', 'OUT'], '--key must have an even number of hex digits, got 3'],
    ['nonce with ECB', ['encrypt', '--mode', 'ecb', '--nonce', '00'.repeat(12), 'IN', 'OUT'], '--nonce applies to gcm only; AES-128-ECB takes no nonce'],
    ['AAD with ECB', ['encrypt', '--mode', 'ecb', '--aad', '00', 'IN', 'OUT'], '--aad applies to gcm only; AES-128-ECB takes no AAD'],
    ['short nonce', ['encrypt', '--mode', 'gcm', '--nonce', '0011223344', 'IN', 'OUT'], '--nonce must be 12 bytes (24 hex digits) for AES-256-GCM, got 5'],
    ['key without a value', ['encrypt', '--mode', 'ecb', 'IN', 'OUT', '--key'], '--key needs a value'],
    ['key swallowing a flag', ['encrypt', '--key', '--mode', 'ecb', 'IN', 'OUT'], '--key needs a value'],
    ['mode twice', ['encrypt', '--mode', 'ecb', '--mode', 'gcm', 'IN', 'OUT'], '--mode is given more than once'],
    ['help with a value', ['encrypt', '--help=yes'], '--help takes no value'],
    ['one file', ['encrypt', '--mode', 'ecb', 'IN'], 'encrypt needs two files, IN.png and OUT.png; got 1'],
    ['three files', ['decrypt', '--key', ECB_KEY, 'A', 'B', 'C'], 'decrypt needs two files, IN.png and OUT.png; got 3'],
    ['decrypt without key', ['decrypt', 'IN', 'OUT'], 'decrypt needs --key HEX, the key encrypt printed'],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async (t) => {
      const { path, list } = await workspace(t, { IN: input });
      const resolved = argv.map((a) => (['IN', 'OUT', 'A', 'B', 'C'].includes(a) ? path(a) : a));
      assert.deepEqual(await cli(...resolved), { code: 2, stdout: '', stderr: `ecb-lens: ${message}\n` });
      assert.deepEqual(await list(), ['IN']);
    });
  }
});

describe('CLI input errors: exit 2 with the file named', () => {
  const cases: [string, Uint8Array, (file: string) => string][] = [
    ['not a PNG', new TextEncoder().encode('GIF89a, or anything else'), (f) => `${f}: not a PNG: the data does not start with the PNG signature`],
    ['a 74-byte PNG declaring 20000×20000', liarPng(), (f) => `${f}: PNG is 20000×20000 pixels; the limit is 4096 pixels a side and 16,777,216 pixels`],
    ['an interlaced PNG', interlacedPng(), (f) => `${f}: interlaced (Adam7) PNGs are not supported; save the image without interlacing`],
    ['a truncated PNG', truncate(input, 60), (f) => `${f}: corrupt PNG: truncated: chunk IDAT at byte 33 needs ${new DataView(input.buffer).getUint32(33) + 12} bytes, 27 remain`],
  ];
  for (const [what, bytes, message] of cases) {
    it(`encrypt refuses ${what}`, async (t) => {
      const { path, list } = await workspace(t, { 'in.png': bytes });
      const result = await cli('encrypt', '--mode', 'gcm', path('in.png'), path('out.png'));
      assert.deepEqual(result, { code: 2, stdout: '', stderr: `ecb-lens: ${message(path('in.png'))}\n` });
      assert.deepEqual(await list(), ['in.png']);
    });
  }

  it('a missing input, a directory as input, and a missing output directory', async (t) => {
    const { path, dir } = await workspace(t, { 'in.png': input });
    assert.deepEqual(await cli('encrypt', '--mode', 'ecb', path('nope.png'), path('out.png')), {
      code: 2,
      stdout: '',
      stderr: `ecb-lens: cannot read ${path('nope.png')}: no such file\n`,
    });
    assert.deepEqual(await cli('encrypt', '--mode', 'ecb', dir, path('out.png')), {
      code: 2,
      stdout: '',
      stderr: `ecb-lens: cannot read ${dir}: it is a directory\n`,
    });
    assert.deepEqual(await cli('encrypt', '--mode', 'ecb', path('in.png'), path('no/such/dir/out.png')), {
      code: 2,
      stdout: '',
      stderr: `ecb-lens: cannot write ${path('no/such/dir/out.png')}: its directory does not exist\n`,
    });
  });

  it('decrypt refuses a PNG that is not a ciphertext picture, and one with damaged chunks', async (t) => {
    const { path } = await workspace(t, { 'plain.png': input });
    await cli('encrypt', '--mode', 'ecb', '--key', ECB_KEY, path('plain.png'), path('enc.png'));
    await writeFile(path('bad.png'), setText(new Uint8Array(await readFile(path('enc.png'))), 'ecb-lens:bits', 'lots'));
    assert.deepEqual(await cli('decrypt', '--key', ECB_KEY, path('plain.png'), path('out.png')), {
      code: 2,
      stdout: '',
      stderr: `ecb-lens: ${path('plain.png')}: not an ECB Lens ciphertext picture: it has no ecb-lens: text chunks\n`,
    });
    assert.deepEqual(await cli('decrypt', '--key', ECB_KEY, path('bad.png'), path('out.png')), {
      code: 2,
      stdout: '',
      stderr: `ecb-lens: ${path('bad.png')}: damaged ECB Lens picture: ecb-lens:bits must be an integer from 1 to 8, got "lots"\n`,
    });
  });

  it('decrypt refuses a key of the wrong length for the picture\'s mode', async (t) => {
    const { path, list } = await workspace(t, { 'plain.png': input });
    await cli('encrypt', '--mode', 'gcm', '--key', GCM_KEY, path('plain.png'), path('enc.png'));
    assert.deepEqual(await cli('decrypt', '--key', ECB_KEY, path('enc.png'), path('out.png')), {
      code: 2,
      stdout: '',
      stderr: `ecb-lens: --key must be 32 bytes (64 hex digits) for ${path('enc.png')}, an AES-256-GCM picture, got 16\n`,
    });
    assert.deepEqual(await list(), ['enc.png', 'plain.png']);
  });
});

describe('decrypt with the wrong key or an altered picture', () => {
  it('ECB, wrong key: exit 2, invalid padding, no output', async (t) => {
    const { path, list } = await workspace(t, { 'plain.png': input });
    await cli('encrypt', '--mode', 'ecb', '--key', ECB_KEY, path('plain.png'), path('enc.png'));
    // Under the wrong key the last block decrypts to d531…4abe (node:crypto aes-128-ecb,
    // setAutoPadding(false)): a final byte of 0xbe is no PKCS#7 padding, the same on every run.
    const wrong = 'ffffffffffffffffffffffffffffffff';
    assert.deepEqual(await cli('decrypt', '--key', wrong, path('enc.png'), path('out.png')), {
      code: 2,
      stdout: '',
      stderr: 'ecb-lens: ECB padding is invalid: wrong key or damaged ciphertext\n',
    });
    assert.deepEqual(await list(), ['enc.png', 'plain.png']);
  });

  it('GCM, wrong key: exit 1, authentication failed, no output', async (t) => {
    const { path, list } = await workspace(t, { 'plain.png': input });
    await cli('encrypt', '--mode', 'gcm', '--key', GCM_KEY, path('plain.png'), path('enc.png'));
    assert.deepEqual(await cli('decrypt', '--key', 'ff'.repeat(32), path('enc.png'), path('out.png')), {
      code: 1,
      stdout: '',
      stderr: 'ecb-lens: authentication failed: the GCM tag does not match this ciphertext and key\n',
    });
    assert.deepEqual(await list(), ['enc.png', 'plain.png']);
  });

  for (const layout of ['rgb', 'rgba', 'gray'] as const) {
    it(`GCM ${layout}, one pixel changed: exit 1, authentication failed, no output file at all`, async (t) => {
      const { path, list } = await workspace(t, { 'plain.png': input });
      const encrypted = await cli('encrypt', '--mode', 'gcm', '--key', GCM_KEY, '--layout', layout, path('plain.png'), path('enc.png'));
      assert.equal(encrypted.code, 0);
      await writeFile(path('tampered.png'), changePixel(new Uint8Array(await readFile(path('enc.png'))), layout, 20, 11));
      assert.equal((await cli('decrypt', '--key', GCM_KEY, path('enc.png'), path('check.png'))).code, 0, 'the untouched picture decrypts');

      assert.deepEqual(await cli('decrypt', '--key', GCM_KEY, path('tampered.png'), path('out.png')), {
        code: 1,
        stdout: '',
        stderr: 'ecb-lens: authentication failed: the GCM tag does not match this ciphertext and key\n',
      });
      assert.deepEqual(await list(), ['check.png', 'enc.png', 'plain.png', 'tampered.png']);
    });
  }

  it('GCM, one pixel changed: an existing OUT.png is left as it was', async (t) => {
    const { path } = await workspace(t, { 'plain.png': input });
    await mkdir(path('sub'));
    await writeFile(path('sub/out.png'), 'previous content');
    await cli('encrypt', '--mode', 'gcm', '--key', GCM_KEY, path('plain.png'), path('enc.png'));
    await writeFile(path('tampered.png'), changePixel(new Uint8Array(await readFile(path('enc.png'))), 'rgb'));
    assert.equal((await cli('decrypt', '--key', GCM_KEY, path('tampered.png'), path('sub/out.png'))).code, 1);
    assert.equal(await readFile(path('sub/out.png'), 'utf8'), 'previous content');
  });
});
