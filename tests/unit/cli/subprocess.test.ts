import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { gradientPng, pixels } from '../../fixtures/png/images';
import { changePixel } from '../../fixtures/png/tamper';
import { cliProcess, workspace } from './harness';

describe('the CLI as a real process', () => {
  it('exits 0 with JSON on stdout, 1 for a tampered GCM picture, 2 for bad usage, never a stack trace', async (t) => {
    const { path, list } = await workspace(t, { 'in.png': gradientPng() });

    const encrypted = await cliProcess(
      'encrypt',
      '--mode',
      'gcm',
      '--layout',
      'rgba',
      '--bits',
      '4',
      path('in.png'),
      path('enc.png'),
    );
    assert.equal(encrypted.stderr, '');
    assert.equal(encrypted.code, 0);
    const summary = JSON.parse(encrypted.stdout) as { key: string; layout: string };
    assert.equal(summary.layout, 'rgba');
    assert.equal(encrypted.stdout.split('\n').length, 2, 'one line and its newline');

    const decrypted = await cliProcess('decrypt', '--key', summary.key, path('enc.png'), path('dec.png'));
    assert.deepEqual(decrypted, { code: 0, stdout: '', stderr: '' });
    assert.equal(pixels(new Uint8Array(await readFile(path('dec.png')))).width, 37);

    await writeFile(path('tampered.png'), changePixel(new Uint8Array(await readFile(path('enc.png'))), 'rgba'));
    assert.deepEqual(await cliProcess('decrypt', '--key', summary.key, path('tampered.png'), path('out.png')), {
      code: 1,
      stdout: '',
      stderr: 'ecb-lens: authentication failed: the GCM tag does not match this ciphertext and key\n',
    });

    assert.deepEqual(await cliProcess('encrypt', '--mode', 'ecb', '--bits', '9', path('in.png'), path('x.png')), {
      code: 2,
      stdout: '',
      stderr: 'ecb-lens: --bits must be an integer from 1 to 8, got 9\n',
    });
    assert.deepEqual(await list(), ['dec.png', 'enc.png', 'in.png', 'tampered.png']);
  });

  it("prints the CBC IV and exits 1 when a CBC picture's padding does not check", async (t) => {
    const { path, list } = await workspace(t, { 'in.png': gradientPng() });
    const key = '000102030405060708090a0b0c0d0e0f';
    const iv = 'f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff';
    const encrypted = await cliProcess(
      'encrypt',
      '--mode',
      'cbc',
      '--key',
      key,
      '--iv',
      iv,
      path('in.png'),
      path('enc.png'),
    );
    assert.equal(encrypted.code, 0);
    assert.equal((JSON.parse(encrypted.stdout) as { iv: string }).iv, iv);
    assert.deepEqual(await cliProcess('decrypt', '--key', 'ff'.repeat(16), path('enc.png'), path('out.png')), {
      code: 1,
      stdout: '',
      stderr: 'ecb-lens: the padding does not check: wrong key or altered ciphertext\n',
    });
    assert.deepEqual(await list(), ['enc.png', 'in.png']);
  });
});
