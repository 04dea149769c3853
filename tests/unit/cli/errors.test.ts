import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { gradientPng, interlacedPng, liarPng, pixels, truncate } from '../../fixtures/png/images';
import { changePixel, setText, textOf } from '../../fixtures/png/tamper';
import { cli, workspace } from './harness';

const ECB_KEY = '000102030405060708090a0b0c0d0e0f';
const GCM_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const IV = 'f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff';
const AUTH_FAILED = 'authentication failed: the GCM tag does not match this ciphertext and key';
const PADDING_REFUSED = 'the padding does not check: wrong key or altered ciphertext';
const input = gradientPng(37, 23);

describe('CLI usage errors: exit 2, one line on stderr, nothing on stdout, no output file', () => {
  // One case a line: what is wrong, the words after `npm run cli --`, and the one line on stderr.
  // prettier-ignore
  const cases: [string, string[], string][] = [
    ['no command', [], 'no command given: use encrypt, decrypt, analyze, attack, traffic or help'],
    ['unknown command', ['frobnicate'], 'unknown command "frobnicate": use encrypt, decrypt, analyze, attack, traffic or help'],
    ['option before the command', ['--verbose'], 'unknown option --verbose: the command comes first (encrypt, decrypt, analyze, attack, traffic or help)'],
    ['help on an unknown topic', ['help', 'rotate'], 'no help for "rotate": commands are encrypt, decrypt, analyze, attack and traffic'],
    ['help on two topics', ['help', 'encrypt', 'decrypt'], 'help takes at most one command, got 2'],
    ['unknown flag', ['encrypt', '--mode', 'ecb', '--colour', 'red', 'IN', 'OUT'], 'unknown option --colour for encrypt (see encrypt --help)'],
    ['unknown short flag', ['decrypt', '-k', 'ab', 'IN', 'OUT'], 'unknown option -k for decrypt (see decrypt --help)'],
    ['no mode', ['encrypt', 'IN', 'OUT'], '--mode is required: ecb, cbc, ctr or gcm'],
    ['unknown mode', ['encrypt', '--mode', 'ofb', 'IN', 'OUT'], '--mode must be ecb, cbc, ctr or gcm, got "ofb"'],
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
    ['GCM key for CBC', ['encrypt', '--mode', 'cbc', '--key', GCM_KEY, 'IN', 'OUT'], '--key must be 16 bytes (32 hex digits) for AES-128-CBC, got 32'],
    ['GCM key for CTR', ['encrypt', '--mode', 'ctr', '--key', GCM_KEY, 'IN', 'OUT'], '--key must be 16 bytes (32 hex digits) for AES-128-CTR, got 32'],
    ['IV with ECB', ['encrypt', '--mode', 'ecb', '--iv', IV, 'IN', 'OUT'], '--iv applies to cbc and ctr only; AES-128-ECB takes no IV'],
    ['IV with GCM', ['encrypt', '--mode', 'gcm', '--iv', IV, 'IN', 'OUT'], '--iv applies to cbc and ctr only; AES-256-GCM takes no IV'],
    ['short IV', ['encrypt', '--mode', 'cbc', '--iv', IV.slice(2), 'IN', 'OUT'], '--iv must be 16 bytes (32 hex digits) for AES-128-CBC, got 15'],
    ['long IV', ['encrypt', '--mode', 'ctr', '--iv', `${IV}00`, 'IN', 'OUT'], '--iv must be 16 bytes (32 hex digits) for AES-128-CTR, got 17'],
    ['GCM nonce as a CTR IV', ['encrypt', '--mode', 'ctr', '--iv', '00'.repeat(12), 'IN', 'OUT'], '--iv must be 16 bytes (32 hex digits) for AES-128-CTR, got 12'],
    ['IV not hex', ['encrypt', '--mode', 'cbc', '--iv', 'xyz', 'IN', 'OUT'], '--iv must be hex (digits 0-9 and a-f), got "xyz"'],
    ['odd IV digits', ['encrypt', '--mode', 'ctr', '--iv', 'abc', 'IN', 'OUT'], '--iv must have an even number of hex digits, got 3'],
    ['IV without a value', ['encrypt', '--mode', 'cbc', 'IN', 'OUT', '--iv'], '--iv needs a value'],
    ['nonce with CBC', ['encrypt', '--mode', 'cbc', '--nonce', '00'.repeat(12), 'IN', 'OUT'], '--nonce applies to gcm only; AES-128-CBC takes no nonce'],
    ['AAD with CTR', ['encrypt', '--mode', 'ctr', '--aad', '00', 'IN', 'OUT'], '--aad applies to gcm only; AES-128-CTR takes no AAD'],
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
    [
      'not a PNG',
      new TextEncoder().encode('GIF89a, or anything else'),
      (f) => `${f}: not a PNG: the data does not start with the PNG signature`,
    ],
    [
      'a 74-byte PNG declaring 20000×20000',
      liarPng(),
      (f) => `${f}: PNG is 20000×20000 pixels; the limit is 4096 pixels a side and 16,777,216 pixels`,
    ],
    [
      'an interlaced PNG',
      interlacedPng(),
      (f) => `${f}: interlaced (Adam7) PNGs are not supported; save the image without interlacing`,
    ],
    [
      'a truncated PNG',
      truncate(input, 60),
      (f) =>
        `${f}: corrupt PNG: truncated: chunk IDAT at byte 33 needs ${new DataView(input.buffer).getUint32(33) + 12} bytes, 27 remain`,
    ],
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

  it("decrypt refuses a key of the wrong length for the picture's mode", async (t) => {
    const { path, list } = await workspace(t, { 'plain.png': input });
    await cli('encrypt', '--mode', 'gcm', '--key', GCM_KEY, path('plain.png'), path('enc.png'));
    assert.deepEqual(await cli('decrypt', '--key', ECB_KEY, path('enc.png'), path('out.png')), {
      code: 2,
      stdout: '',
      stderr: `ecb-lens: --key must be 32 bytes (64 hex digits) for ${path('enc.png')}, an AES-256-GCM picture, got 16\n`,
    });
    await cli('encrypt', '--mode', 'ctr', '--key', ECB_KEY, path('plain.png'), path('ctr.png'));
    assert.deepEqual(await cli('decrypt', '--key', GCM_KEY, path('ctr.png'), path('out.png')), {
      code: 2,
      stdout: '',
      stderr: `ecb-lens: --key must be 16 bytes (32 hex digits) for ${path('ctr.png')}, an AES-128-CTR picture, got 32\n`,
    });
    assert.deepEqual(await list(), ['ctr.png', 'enc.png', 'plain.png']);
  });

  it('decrypt refuses an IV chunk on an ECB picture as damage', async (t) => {
    const { path } = await workspace(t, { 'plain.png': input });
    await cli('encrypt', '--mode', 'ecb', '--key', ECB_KEY, path('plain.png'), path('enc.png'));
    await writeFile(path('bad.png'), setText(new Uint8Array(await readFile(path('enc.png'))), 'ecb-lens:iv', IV));
    assert.deepEqual(await cli('decrypt', '--key', ECB_KEY, path('bad.png'), path('out.png')), {
      code: 2,
      stdout: '',
      stderr: `ecb-lens: ${path('bad.png')}: damaged ECB Lens picture: text chunk ecb-lens:iv does not belong in a picture of mode ecb and layout rgb\n`,
    });
  });
});

describe('decrypt with the wrong key or an altered picture', () => {
  // [mode, encrypt options, the wrong key, exit status, message]. The input, key and IV are fixed, so the
  // outcome is the same on every run: under the wrong key ECB's last block decrypts to d531…4abe
  // (node:crypto aes-128-ecb, setAutoPadding(false)), and a final byte of 0xbe is no PKCS#7 padding;
  // CBC's last block does not end in padding either (png/cipher-picture.test.ts checks such a case
  // with node:crypto); GCM's tag fails.
  const wrongKey: [string, string[], string, number, string][] = [
    ['ECB', ['--key', ECB_KEY], 'ff'.repeat(16), 2, 'ECB padding is invalid: wrong key or damaged ciphertext'],
    ['CBC', ['--key', ECB_KEY, '--iv', IV], 'ff'.repeat(16), 1, PADDING_REFUSED],
    ['GCM', ['--key', GCM_KEY], 'ff'.repeat(32), 1, AUTH_FAILED],
  ];
  for (const [mode, options, wrong, code, message] of wrongKey) {
    it(`${mode}, wrong key: exit ${code}, "${message.split(':')[0]}", no output`, async (t) => {
      const { path, list } = await workspace(t, { 'plain.png': input });
      await cli('encrypt', '--mode', mode.toLowerCase(), ...options, path('plain.png'), path('enc.png'));
      assert.deepEqual(await cli('decrypt', '--key', wrong, path('enc.png'), path('out.png')), {
        code,
        stdout: '',
        stderr: `ecb-lens: ${message}\n`,
      });
      assert.deepEqual(await list(), ['enc.png', 'plain.png']);
    });
  }

  it('CBC, padding chunk altered: exit 1, the padding does not check, no output', async (t) => {
    const { path, list } = await workspace(t, { 'plain.png': input });
    await cli('encrypt', '--mode', 'cbc', '--key', ECB_KEY, '--iv', IV, path('plain.png'), path('enc.png'));
    const picture = new Uint8Array(await readFile(path('enc.png')));
    // 37 × 23 × 3 = 2553 bytes, so the padding chunk holds the last 7 ciphertext bytes; flip the last one.
    const padding = textOf(picture).find((e) => e.keyword === 'ecb-lens:padding')?.text ?? '';
    assert.equal(padding.length, 14);
    const altered =
      padding.slice(0, 12) + (Number.parseInt(padding.slice(12), 16) ^ 0x01).toString(16).padStart(2, '0');
    await writeFile(path('tampered.png'), setText(picture, 'ecb-lens:padding', altered));
    assert.deepEqual(await cli('decrypt', '--key', ECB_KEY, path('tampered.png'), path('out.png')), {
      code: 1,
      stdout: '',
      stderr: `ecb-lens: ${PADDING_REFUSED}\n`,
    });
    assert.deepEqual(await list(), ['enc.png', 'plain.png', 'tampered.png']);
  });

  for (const mode of ['cbc', 'ctr'] as const) {
    it(`${mode.toUpperCase()}, one pixel changed: exit 0 and altered pixels written — ${mode} has no integrity check`, async (t) => {
      const { path } = await workspace(t, { 'plain.png': input });
      await cli('encrypt', '--mode', mode, '--key', ECB_KEY, path('plain.png'), path('enc.png'));
      await writeFile(
        path('tampered.png'),
        changePixel(new Uint8Array(await readFile(path('enc.png'))), 'rgb', 20, 11),
      );
      assert.deepEqual(await cli('decrypt', '--key', ECB_KEY, path('tampered.png'), path('out.png')), {
        code: 0,
        stdout: '',
        stderr: '',
      });
      assert.equal((await cli('decrypt', '--key', ECB_KEY, path('enc.png'), path('check.png'))).code, 0);
      const out = pixels(new Uint8Array(await readFile(path('out.png')))).data;
      const check = pixels(new Uint8Array(await readFile(path('check.png')))).data;
      const changed = [...out].flatMap((byte, i) => (byte === check[i] ? [] : [i]));
      // Pixel (20, 11) is pixel 427: its red byte is RGBA byte 1708. CTR flips exactly that bit;
      // CBC garbles that byte's block and flips the same bit 16 bytes (5⅓ pixels) further on.
      if (mode === 'ctr')
        assert.deepEqual(
          changed.map((i) => [i, out[i] ^ check[i]]),
          [[1708, 1]],
        );
      else assert.ok(changed.length > 8, `${changed.length} bytes changed`);
    });
  }

  for (const layout of ['rgb', 'rgba', 'gray'] as const) {
    it(`GCM ${layout}, one pixel changed: exit 1, authentication failed, no output file at all`, async (t) => {
      const { path, list } = await workspace(t, { 'plain.png': input });
      const encrypted = await cli(
        'encrypt',
        '--mode',
        'gcm',
        '--key',
        GCM_KEY,
        '--layout',
        layout,
        path('plain.png'),
        path('enc.png'),
      );
      assert.equal(encrypted.code, 0);
      await writeFile(
        path('tampered.png'),
        changePixel(new Uint8Array(await readFile(path('enc.png'))), layout, 20, 11),
      );
      assert.equal(
        (await cli('decrypt', '--key', GCM_KEY, path('enc.png'), path('check.png'))).code,
        0,
        'the untouched picture decrypts',
      );

      assert.deepEqual(await cli('decrypt', '--key', GCM_KEY, path('tampered.png'), path('out.png')), {
        code: 1,
        stdout: '',
        stderr: `ecb-lens: ${AUTH_FAILED}\n`,
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
