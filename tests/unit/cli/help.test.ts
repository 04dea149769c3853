import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DECRYPT_HELP, ENCRYPT_HELP, MAIN_HELP, TRAFFIC_HELP } from '../../../lib/cli/help';
import { cli } from './harness';

describe('help', () => {
  const cases: [string[], string][] = [
    [['--help'], MAIN_HELP],
    [['-h'], MAIN_HELP],
    [['help'], MAIN_HELP],
    [['help', 'encrypt'], ENCRYPT_HELP],
    [['encrypt', '--help'], ENCRYPT_HELP],
    [['encrypt', '--mode', 'ecb', '-h'], ENCRYPT_HELP],
    [['help', 'decrypt'], DECRYPT_HELP],
    [['decrypt', '--help'], DECRYPT_HELP],
    [['help', 'traffic'], TRAFFIC_HELP],
    [['traffic', '--help'], TRAFFIC_HELP],
    [['traffic', '--pad', 'constant', '-h'], TRAFFIC_HELP],
  ];
  for (const [argv, text] of cases) {
    it(`${argv.join(' ')} prints it to stdout and exits 0`, async () => {
      assert.deepEqual(await cli(...argv), { code: 0, stdout: text, stderr: '' });
    });
  }

  it('documents every exit status, and what the duplicate-block count counts', () => {
    assert.match(MAIN_HELP, /^ {2}0 {2}done$/m);
    assert.match(MAIN_HELP, /^ {2}1 {2}authentication failed/m);
    assert.match(MAIN_HELP, /^ {2}2 {2}usage error or bad input/m);
    assert.match(MAIN_HELP, /a wrong key for an ECB picture\n\s+\(it shows as invalid padding\)/);
    assert.match(ENCRYPT_HELP, /duplicateBlocks {2}how many of those blocks have a value that occurs more than once/);
    assert.match(ENCRYPT_HELP, /blocks {11}whole 16-byte ciphertext blocks counted \(the GCM tag is left out\)/);
  });

  it('names the four modes and --iv, and says CBC and CTR have no integrity check', () => {
    assert.match(MAIN_HELP, /encrypt --mode ecb\|cbc\|ctr\|gcm \[--key HEX\] \[--iv HEX\]/);
    assert.match(
      MAIN_HELP,
      /or the padding\n\s+of a CBC picture does not check: wrong key or altered ciphertext \(CBC has no integrity check/,
    );
    assert.match(ENCRYPT_HELP, /--iv HEX {16}cbc and ctr only: 16 bytes \(32 hex digits\)/);
    assert.match(ENCRYPT_HELP, /cbc and ctr hide the picture but have no integrity check/);
    assert.match(ENCRYPT_HELP, /iv \(hex for cbc and ctr, otherwise null\)/);
    assert.match(DECRYPT_HELP, /exit 1, "the padding does not check", no OUT\.png/);
    assert.match(DECRYPT_HELP, /CTR checks nothing/);
  });

  it('fits in 100 columns', () => {
    for (const text of [MAIN_HELP, ENCRYPT_HELP, DECRYPT_HELP, TRAFFIC_HELP]) {
      for (const line of text.split('\n')) assert.ok(line.length <= 100, line);
    }
  });
});
