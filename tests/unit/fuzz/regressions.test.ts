/**
 * Cases the fuzz tests found, kept by name so they stay fixed whatever the fuzz seed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli, workspace } from '../cli/harness';
import { checkOneLine } from '../helpers/fuzz-outcomes';
import { pngCase } from '../helpers/png-mutations';

describe('fuzz regressions', () => {
  it('seed 20261202 cases 50 and 1556: a first chunk type holding DEL or U+0080 is escaped on stderr', async (t) => {
    for (const [index, shown] of [
      [50, 'I\\x80DR'],
      [1556, '\\x7fHDR'],
    ] as const) {
      const c = pngCase(20261202, index);
      const { path } = await workspace(t, { 'in.png': c.bytes });
      const result = await cli('encrypt', '--mode', 'ecb', path('in.png'), path('out.png'));
      assert.equal(result.code, 2);
      assert.equal(checkOneLine(result.stderr), null);
      assert.equal(
        result.stderr,
        `ecb-lens: ${path('in.png')}: corrupt PNG: the first chunk must be IHDR, got "${shown}"\n`,
      );
    }
  });

  it('a file name holding CR, ESC or U+2028 is reported on one line without them', async () => {
    const result = await cli('encrypt', '--mode', 'ecb', 'no\rsuch\x1b[2J\u2028file.png', 'out.png');
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'ecb-lens: cannot read no\\rsuch\\x1b[2J\\u2028file.png: no such file\n');
  });
});
