/**
 * `attack forge` end to end: three 12×12 pictures sealed by `encrypt --mode gcm` under one key and one
 * nonce, the first one's plaintext, and a target; the forged picture must decrypt — with the CLI's own
 * decrypt and with OpenSSL — to the target's pixels, though the key was never given to the attack.
 */
import assert from 'node:assert/strict';
import { createDecipheriv } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { packFrame } from '../../../lib/cipher';
import { readCipherPicture } from '../../../lib/png';
import { ATTACK_HELP, MAIN_HELP } from '../../../lib/cli/help';
import { makePng, pixels } from '../../fixtures/png/images';
import { seededBytes } from '../helpers/seeded-bytes';
import { cli, workspace } from './harness';

const KEY = '603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4';
const NONCE = 'cafebabefacedbaddecaf888';

/** A seeded 12×12 picture. */
function picture(seed: string, size = 12): Uint8Array {
  const noise = seededBytes(seed, size * size * 3);
  return makePng(size, size, (x, y) => {
    const at = (y * size + x) * 3;
    return [noise[at], noise[at + 1], noise[at + 2], 255];
  });
}

/** `encrypt --mode gcm` of IN.png into OUT.png under the fixed key and nonce; fails the test if it fails. */
async function seal(input: string, output: string): Promise<void> {
  const result = await cli('encrypt', '--mode', 'gcm', '--key', KEY, '--nonce', NONCE, input, output);
  assert.equal(result.code, 0, result.stderr);
}

/** `attack forge` over the named sealed pictures (a-gcm.png …), with a.png known and t.png the target. */
function forge(path: (name: string) => string, names: readonly string[], out = 'forged.png') {
  const pictures = names.flatMap((name) => ['--ciphertext', path(`${name}-gcm.png`)]);
  return cli('attack', 'forge', ...pictures, '--known', path('a.png'), '--target', path('t.png'), path(out));
}

async function sealed(t: Parameters<typeof workspace>[0]) {
  const files = {
    'a.png': picture('forge a'),
    'b.png': picture('forge b'),
    'c.png': picture('forge c'),
    't.png': picture('forge target'),
  };
  const space = await workspace(t, files);
  for (const name of ['a', 'b', 'c']) await seal(space.path(`${name}.png`), space.path(`${name}-gcm.png`));
  return space;
}

describe('attack forge', () => {
  it('forges a 12×12 rgb picture that decrypt and OpenSSL accept, printing no key', async (t) => {
    const { path } = await sealed(t);
    const result = await forge(path, ['a', 'b', 'c']);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    const report = JSON.parse(result.stdout);
    // 12·12·3 = 432 bytes = 27 blocks, and the lengths block: degree 28.
    assert.deepEqual(
      [report.width, report.height, report.layout, report.nonce, report.degree],
      [12, 12, 'rgb', NONCE, 28],
    );
    assert.ok(report.candidates >= 1 && report.candidates <= 28);
    assert.equal(report.remaining, 1);
    assert.equal(report.used, 0);
    assert.ok(['the only root', 'the further pictures'].includes(report.chosenBy), report.chosenBy);
    assert.ok(!result.stdout.includes(KEY.slice(0, 16)), 'no key in the output');

    const decrypted = await cli('decrypt', '--key', KEY, path('forged.png'), path('back.png'));
    assert.deepEqual(decrypted, { code: 0, stdout: '', stderr: '' });
    const target = pixels(await readFile(path('t.png')));
    assert.deepEqual(pixels(await readFile(path('back.png'))).data, target.data);

    const forged = readCipherPicture(new Uint8Array(await readFile(path('forged.png')))).encrypted;
    const body = forged.ciphertext.subarray(0, forged.plaintextLength);
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(KEY, 'hex'), Buffer.from(NONCE, 'hex'));
    decipher.setAuthTag(forged.ciphertext.subarray(forged.plaintextLength));
    const opened = Buffer.concat([decipher.update(body), decipher.final()]);
    assert.deepEqual(new Uint8Array(opened), packFrame(target, 'rgb', 8));
  });

  it('with two pictures uses the first root and says how it chose', async (t) => {
    const { path } = await sealed(t);
    const result = await forge(path, ['a', 'b']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.remaining, report.candidates);
    assert.equal(
      report.chosenBy,
      report.candidates === 1 ? 'the only root' : 'the first of several: give another --ciphertext to narrow them',
    );
  });

  it('refuses what it cannot attack: exit 2, one line, no output file', async (t) => {
    const space = await sealed(t);
    const { path } = space;
    const other = await cli('encrypt', '--mode', 'gcm', '--key', KEY, path('b.png'), path('b-other.png'));
    assert.equal(other.code, 0);
    const otherNonce = JSON.parse(other.stdout).nonce;
    await cli('encrypt', '--mode', 'ecb', path('b.png'), path('b-ecb.png'));
    const small = await workspace(t, { 's.png': picture('small', 8) });
    const base = ['--known', path('a.png'), '--target', path('t.png'), path('forged.png')];
    // One case a line: the words after `npm run cli --`, and the one line on stderr.
    // prettier-ignore
    const cases: [string[], string][] = [
      [['attack'], 'attack needs what to do: attack forge …'],
      [['attack', 'decrypt'], 'unknown attack "decrypt": the one there is is forge'],
      [['attack', 'forge', '--ciphertext', path('a-gcm.png'), ...base], 'attack forge needs two or more --ciphertext pictures under one nonce; got 1'],
      [['attack', 'forge', '--ciphertext', path('a-gcm.png'), '--ciphertext', path('b-other.png'), ...base], `${path('b-other.png')} was sealed under nonce ${otherNonce} and ${path('a-gcm.png')} under ${NONCE}: the attack needs pictures under one nonce`],
      [['attack', 'forge', '--ciphertext', path('a-gcm.png'), '--ciphertext', path('b-ecb.png'), ...base], `${path('b-ecb.png')} is an ECB picture: the attack needs GCM pictures`],
      [['attack', 'forge', '--ciphertext', path('a-gcm.png'), '--ciphertext', path('b-gcm.png'), '--known', path('a.png'), '--target', small.path('s.png'), path('forged.png')], `--target ${small.path('s.png')} is 8×8 pixels but ${path('a-gcm.png')} is 12×12: they must be the same size`],
      [['attack', 'forge', '--ciphertext', path('a-gcm.png'), '--ciphertext', path('b-gcm.png'), '--target', path('t.png'), path('forged.png')], 'attack forge needs --known PLAIN.png, the plaintext picture of the first --ciphertext'],
    ];
    for (const [argv, message] of cases) {
      assert.deepEqual(await cli(...argv), { code: 2, stdout: '', stderr: `ecb-lens: ${message}\n` }, argv.join(' '));
    }
    assert.ok(!(await space.list()).includes('forged.png'));
  });

  it('refuses pictures over the limit, and says the limit in its help', async (t) => {
    // 80·80·3 = 19200 bytes: 1200 blocks and the lengths block, degree 1201.
    const huge = await workspace(t, { 'h.png': picture('huge', 80), 'h2.png': picture('huge2', 80) });
    for (const name of ['h', 'h2']) await seal(huge.path(`${name}.png`), huge.path(`${name}-gcm.png`));
    const result = await cli(
      'attack',
      'forge',
      '--ciphertext',
      huge.path('h-gcm.png'),
      '--ciphertext',
      huge.path('h2-gcm.png'),
      '--known',
      huge.path('h.png'),
      '--target',
      huge.path('h2.png'),
      huge.path('out.png'),
    );
    assert.deepEqual(result, {
      code: 2,
      stdout: '',
      stderr: `ecb-lens: ${huge.path('h-gcm.png')} makes a polynomial of degree 1201: the limit is 1024 (pictures of up to 1023 blocks of 16 bytes, e.g. 96×56 rgb)\n`,
    });
    assert.match(ATTACK_HELP, /up to degree 1024 is taken/);
    assert.match(MAIN_HELP, /^ {2}attack forge --ciphertext A\.png --ciphertext B\.png/m);
    for (const line of ATTACK_HELP.split('\n')) assert.ok(line.length <= 100, line);
    assert.deepEqual(await cli('attack', '--help'), { code: 0, stdout: ATTACK_HELP, stderr: '' });
    assert.deepEqual(await cli('help', 'attack'), { code: 0, stdout: ATTACK_HELP, stderr: '' });
  });
});
