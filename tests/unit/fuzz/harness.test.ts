/**
 * The fuzz harness can fail: its limits catch a slow or greedy case, its checks catch answers of the
 * wrong shape, and its PRNG and cases are the same for the same seed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonError } from '../../../lib/http';
import { withinLimits } from '../helpers/fuzz-limits';
import { checkCliPng, checkHttpPng, checkOneLine, readAnswer } from '../helpers/fuzz-outcomes';
import { basePng, CORPUS, pngCase } from '../helpers/png-mutations';
import { mulberry32 } from '../helpers/prng';

const KEY = '000102030405060708090a0b0c0d0e0f';

describe('the fuzz harness', () => {
  it('mulberry32 gives the published first outputs for seed 0, and a case is rebuilt exactly from its seed and index', () => {
    // mulberry32(0)'s first three outputs × 2^32: the gist's one-line reference function (linked in
    // prng.ts, returning t / 2^32), run under Node 20.
    const prng = mulberry32(0);
    assert.deepEqual([prng.next(), prng.next(), prng.next()], [1144304738, 1416247, 958946056]);
    assert.deepEqual(pngCase(1, 42), pngCase(1, 42));
    assert.notDeepEqual(pngCase(1, 42).bytes, pngCase(2, 42).bytes);
  });

  it('flags a case over the time limit, best of three', async () => {
    let runs = 0;
    const slow = await withinLimits(
      async () => {
        runs++;
        const until = performance.now() + 30;
        while (performance.now() < until);
      },
      { ms: 10, bytes: 1e9 },
    );
    assert.equal(runs, 3);
    assert.match(slow.problem ?? '', /^took \d+\.\d ms \(limit 10 ms, best of 3\)$/);
  });

  it('flags a case over the memory limit', async () => {
    const held: Uint8Array[] = [];
    const greedy = await withinLimits(
      async () => {
        held.push(new Uint8Array(20_000_000).fill(1));
      },
      { ms: 1e6, bytes: 10_000_000 },
    );
    assert.match(greedy.problem ?? '', /^added \d+\.\d MB of memory \(limit 10 MB, best of 3\)$/);
    assert.equal(held.length, 3);
  });

  it('rejects a 500, a 400 for a PNG, a 422 without { error }, and a 200 that does not decrypt back', async () => {
    const png = basePng(CORPUS[0]);
    assert.match(checkHttpPng(await readAnswer(jsonError(500, 'internal error')), png, KEY) ?? '', /status 500/);
    assert.match(
      checkHttpPng(await readAnswer(jsonError(400, 'no')), png, KEY) ?? '',
      /status 400, expected 200 or 422/,
    );
    assert.match(
      checkHttpPng(
        await readAnswer(
          new Response('{"message":"x"}', { status: 422, headers: { 'content-type': 'application/json' } }),
        ),
        png,
        KEY,
      ) ?? '',
      /not \{ "error"/,
    );
    const notPicture = new Response(png, { status: 200, headers: { 'content-type': 'image/png', 'x-key': KEY } });
    assert.match(checkHttpPng(await readAnswer(notPicture), png, KEY) ?? '', /does not decrypt/);
    assert.equal(checkHttpPng(await readAnswer(jsonError(415, 'not a PNG')), Uint8Array.of(1, 2, 3), KEY), null);
  });

  it('rejects a CLI refusal with two lines, a control character, output on stdout, or exit 3', () => {
    const png = basePng(CORPUS[0]);
    const out = '/nonexistent/out.png';
    assert.match(
      checkCliPng({ code: 3, stdout: '', stderr: 'ecb-lens: internal error: x\n' }, png, KEY, out) ?? '',
      /exit 3/,
    );
    assert.match(checkCliPng({ code: 2, stdout: 'x', stderr: 'ecb-lens: x\n' }, png, KEY, out) ?? '', /stdout/);
    assert.match(checkOneLine('ecb-lens: a\nb\n') ?? '', /not one/);
    assert.match(checkOneLine('ecb-lens: a\rb\n') ?? '', /control character/);
    assert.match(checkOneLine('ecb-lens: a\x1b[2Jb\n') ?? '', /control character/);
    assert.equal(checkCliPng({ code: 2, stdout: '', stderr: 'ecb-lens: x.png: corrupt PNG\n' }, png, KEY, out), null);
  });
});
