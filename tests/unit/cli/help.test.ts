import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DECRYPT_HELP, ENCRYPT_HELP, MAIN_HELP } from '../../../lib/cli/help';
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

  it('fits in 100 columns', () => {
    for (const text of [MAIN_HELP, ENCRYPT_HELP, DECRYPT_HELP]) {
      for (const line of text.split('\n')) assert.ok(line.length <= 100, line);
    }
  });
});
