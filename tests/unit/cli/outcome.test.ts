import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthenticationError } from '../../../lib/cipher';
import { EXIT, guard, type ExitCode } from '../../../lib/cli/outcome';
import { PngError } from '../../../lib/png';

async function outcome(error: unknown): Promise<[ExitCode, string]> {
  let stderr = '';
  const code = await guard({ stdout: { write: () => undefined }, stderr: { write: (t: string) => (stderr += t) } }, async () => {
    throw error;
  });
  return [code, stderr];
}

describe('guard', () => {
  it('passes a command\'s own exit status through', async () => {
    assert.equal(await guard({ stdout: { write: () => undefined }, stderr: { write: () => undefined } }, async () => EXIT.ok), 0);
  });

  it('maps authentication failure to 1, bad input to 2 and anything else to 3, on one line', async () => {
    assert.deepEqual(await outcome(new AuthenticationError()), [1, 'ecb-lens: authentication failed: the GCM tag does not match this ciphertext and key\n']);
    assert.deepEqual(await outcome(new PngError('interlaced', 'no Adam7')), [2, 'ecb-lens: no Adam7\n']);
    assert.deepEqual(await outcome(new RangeError('ECB padding is invalid: wrong key or damaged ciphertext')), [2, 'ecb-lens: ECB padding is invalid: wrong key or damaged ciphertext\n']);
    assert.deepEqual(await outcome(new Error('boom\n    at somewhere (file.ts:1:1)')), [3, 'ecb-lens: internal error: boom at somewhere (file.ts:1:1)\n']);
  });
});
