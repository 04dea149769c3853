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

  it('seed 20261202 case 1219: image data that goes on past the end of its zlib stream (a repeated IDAT) is refused', async (t) => {
    const c = pngCase(20261202, 1219);
    const { path } = await workspace(t, { 'in.png': c.bytes });
    const result = await cli('encrypt', '--mode', 'ecb', path('in.png'), path('out.png'));
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /^ecb-lens: .*in\.png: corrupt PNG: \d+ bytes of image data follow the end of its zlib stream\n$/,
    );
  });

  it('a file name holding CR, ESC or U+2028 is reported on one line without them', async () => {
    const result = await cli('encrypt', '--mode', 'ecb', 'no\rsuch\x1b[2J\u2028file.png', 'out.png');
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'ecb-lens: cannot read no\\rsuch\\x1b[2J\\u2028file.png: no such file\n');
  });
});

describe('fuzz regressions: option names', () => {
  // seed 20260162 case 87 of the encrypt command lines (tests/unit/fuzz/options.test.ts): `--toString= `
  // was taken as an option, because Object.prototype.toString answered the spec lookup.
  for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
    it(`--${name} is an unknown option, not one inherited from Object.prototype`, async (t) => {
      const { path } = await workspace(t, { 'in.png': pngCase(20261202, 5).bytes });
      for (const word of [[`--${name}= `], [`--${name}`, 'x']]) {
        const result = await cli('encrypt', '--mode', 'ecb', ...word, path('in.png'), path('out.png'));
        assert.deepEqual(result, {
          code: 2,
          stdout: '',
          stderr: `ecb-lens: unknown option --${name} for encrypt (see encrypt --help)\n`,
        });
      }
    });
  }
});
