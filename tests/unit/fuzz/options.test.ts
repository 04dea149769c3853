/**
 * The options both front ends parse, fuzzed: a few hundred query strings through the endpoint's
 * handler and a few hundred command lines through the CLI, in-process. Valid options (by the contract
 * written out in tests/unit/helpers/option-fuzz.ts, not by lib/) must encrypt as asked; anything else
 * must be a 400 with `{ error }` or exit 2 with one line on stderr; each within 100 ms and 100 MB.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { handleEncryptRequest } from '../../../lib/http';
import { decryptCipherPicture, readCipherPicture } from '../../../lib/png';
import { makePng, pixels } from '../../fixtures/png/images';
import { cli } from '../cli/harness';
import { testEncryptPool } from '../helpers/encrypt-pool';
import { withinLimits } from '../helpers/fuzz-limits';
import { checkOneLine, jsonErrorOf, readAnswer, type CliAnswer } from '../helpers/fuzz-outcomes';
import { hexToBytes } from '../helpers/hex';
import { expectedValid, optionPairs, PARAMETERS, type Parameter } from '../helpers/option-fuzz';
import { casePrng, fuzzSeed, type Prng } from '../helpers/prng';

/** The endpoint's own worker pool, as the server runs it. */
const pool = testEncryptPool();

const SEED = fuzzSeed(20261203);
const CASES = 400;
const INPUT = makePng(8, 6, (x, y) => [x * 31, y * 40, (x * y * 5) & 255, 255]);

/**
 * Checks an accepted encryption against what was asked: the picture's mode, layout and bits, the key
 * and IV given (or random ones of the right length), and that it decrypts; at 8 bits in rgb or rgba
 * the decrypted colours are the input's.
 */
function checkPicture(
  picture: Uint8Array,
  options: Partial<Record<Parameter, string>>,
  keyHex: string | null,
  ivHex: string | null,
): string | null {
  const mode = options.mode as string;
  const wantKey = mode === 'gcm' ? 64 : 32;
  if (keyHex === null || !new RegExp(`^[0-9a-f]{${wantKey}}$`).test(keyHex)) return `key ${keyHex}`;
  if (options.key !== undefined && keyHex !== options.key.toLowerCase()) return `key ${keyHex}, given ${options.key}`;
  const takesIv = mode === 'cbc' || mode === 'ctr';
  if (takesIv !== (ivHex !== null)) return `iv ${ivHex} for ${mode}`;
  if (options.iv !== undefined && ivHex !== options.iv.toLowerCase()) return `iv ${ivHex}, given ${options.iv}`;
  try {
    const read = readCipherPicture(picture);
    const { layout = 'rgb', bits = '8' } = options;
    const { encrypted } = read;
    if (encrypted.mode !== mode || encrypted.layout !== layout || encrypted.bits !== Number(bits))
      return `picture is ${encrypted.mode}/${encrypted.layout}/${encrypted.bits}, asked ${mode}/${layout}/${bits}`;
    const plain = pixels(decryptCipherPicture(read, hexToBytes(keyHex)));
    if (bits === '8' && layout !== 'gray') {
      const input = pixels(INPUT);
      for (let i = 0; i < input.data.length; i++)
        if (i % 4 !== 3 && plain.data[i] !== input.data[i]) return `decrypted pixel byte ${i} differs`;
    }
    return null;
  } catch (error) {
    return `the picture does not decrypt: ${(error as Error).message}`;
  }
}

/** A query string from the pairs, sometimes with raw junk the URL parser must cope with. */
function queryOf(pairs: [string, string][], prng: Prng): string {
  const search = new URLSearchParams();
  for (const [name, value] of pairs) search.append(name, value);
  const junk = prng.chance(0.15)
    ? prng.pick(['&', '&&', '&=', '&%zz', '&%', '&mode', '=x', '&%00=1', '&bits=%38'])
    : '';
  return `${search}${junk}`;
}

describe(`fuzzed options (seed ${SEED})`, () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecb-lens-fuzz-options-'));
    await writeFile(join(dir, 'in.png'), INPUT);
    await mkdir(join(dir, 'a-directory'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it(`${CASES} query strings: 200 exactly when valid, as asked; else 400 with { error }`, async (t) => {
    const failures: string[] = [];
    let valid = 0;
    for (let index = 0; index < CASES; index++) {
      const prng = casePrng(SEED, index);
      const query = queryOf(optionPairs(prng), prng);
      const url = `http://localhost/api/encrypt?${query}`;
      const fail = (problem: string) =>
        failures.push(`seed ${SEED} case ${index} (?${query.slice(0, 200)}): ${problem}`);
      // What the server sees is what the platform's URL parser makes of the query.
      const expected = expectedValid([...new URL(url).searchParams]);
      if (expected) valid++;
      const run = await withinLimits(async () =>
        readAnswer(await handleEncryptRequest(new Request(url, { method: 'POST', body: INPUT }), pool)),
      );
      if (run.problem) fail(run.problem);
      const answer = run.value;
      if (expected) {
        if (answer.status !== 200)
          fail(`valid, but answered ${answer.status}: ${new TextDecoder().decode(answer.body)}`);
        else {
          const nonce = answer.headers.get('x-nonce');
          if ((expected.mode === 'gcm') !== (nonce !== null && /^[0-9a-f]{24}$/.test(nonce))) fail(`X-Nonce ${nonce}`);
          const problem = checkPicture(answer.body, expected, answer.headers.get('x-key'), answer.headers.get('x-iv'));
          if (problem) fail(problem);
        }
      } else if (answer.status !== 400) fail(`invalid, but answered ${answer.status}`);
      else {
        const json = jsonErrorOf(answer);
        if ('problem' in json) fail(json.problem);
      }
    }
    t.diagnostic(`${CASES} query strings, ${valid} valid`);
    assert.deepEqual(failures, []);
    assert.ok(valid >= CASES / 10 && valid <= CASES / 2, `${valid} of ${CASES} valid: the mix is off`);
  });

  it(`${CASES} encrypt command lines: exit 0 exactly when valid, as asked; else exit 2 with one line`, async (t) => {
    const failures: string[] = [];
    let valid = 0;
    const input = join(dir, 'in.png');
    const output = join(dir, 'out.png');
    for (let index = 0; index < CASES; index++) {
      const prng = casePrng(SEED ^ 0xc11, index);
      // Names the CLI knows as options of its own (nonce, aad) would change the contract; leave them out.
      const pairs = optionPairs(prng).filter(([name]) => name !== 'nonce' && name !== 'aad');
      // Words in units (an option and its value stay together); the files go in anywhere, in order.
      const units: string[][] = pairs.map(([name, value]) =>
        prng.chance(0.3) ? [`--${name}=${value}`] : [`--${name}`, value],
      );
      const files = prng.chance(0.9) ? [input, output] : prng.pick([[], [input], [input, output, output]]);
      let from = 0;
      for (const file of files) {
        from = prng.between(from, units.length);
        units.splice(from, 0, [file]);
        from++;
      }
      const argv = units.flat();
      // A value that starts with "-" in its own word reads as a missing value (`--key --mode`).
      const dashed = units.some((unit) => unit.length === 2 && unit[1].startsWith('-'));
      const expected = files.length === 2 && !dashed ? expectedValid(pairs) : null;
      if (expected) valid++;
      await rm(output, { force: true });
      const shown = JSON.stringify(argv).slice(0, 300);
      const fail = (problem: string) => failures.push(`seed ${SEED ^ 0xc11} case ${index} (${shown}): ${problem}`);
      const run = await withinLimits(() => cli('encrypt', ...argv));
      if (run.problem) fail(run.problem);
      const result: CliAnswer = run.value;
      if (expected) {
        if (result.code !== 0) fail(`valid, but exit ${result.code}: ${result.stderr}`);
        else {
          const summary = JSON.parse(result.stdout) as { key: string; iv: string | null; nonce: string | null };
          if ((expected.mode === 'gcm') !== (summary.nonce !== null)) fail(`nonce ${summary.nonce}`);
          const problem = checkPicture(readFileSync(output), expected, summary.key, summary.iv);
          if (problem) fail(problem);
        }
      } else if (result.code !== 2) fail(`invalid, but exit ${result.code}`);
      else {
        if (result.stdout !== '') fail(`stdout ${JSON.stringify(result.stdout)}`);
        if (existsSync(output)) fail('an output file was written');
        const problem = checkOneLine(result.stderr);
        if (problem) fail(problem);
      }
    }
    t.diagnostic(`${CASES} command lines, ${valid} valid`);
    assert.deepEqual(failures, []);
    assert.ok(valid >= CASES / 10 && valid <= CASES / 2, `${valid} of ${CASES} valid: the mix is off`);
  });

  it('300 command lines of any command and any words: never a crash, exit 2 with one line when refused', async (t) => {
    const failures: string[] = [];
    const codes = new Map<number, number>();
    const words = [
      'encrypt',
      'decrypt',
      'analyze',
      'attack',
      'forge',
      'traffic',
      'help',
      '--help',
      '-h',
      '-',
      '--',
      '---',
      '--mode',
      '--key',
      '--iv',
      '--nonce',
      '--aad',
      '--layout',
      '--bits',
      '--gcm-key',
      '--previous',
      '--ciphertext',
      '--known',
      '--target',
      '--pad',
      '--packets',
      '--packets=yes',
      '--toString',
      '--__proto__=x',
      '-m',
      '-hh',
      '--mode=ecb',
      '--bits=08',
      'ecb',
      'gcm',
      'rgb',
      '3',
      '0',
      '-1',
      'constant',
      'none',
      '000102030405060708090a0b0c0d0e0f',
      '00'.repeat(32),
      'zz',
      join(dir, 'in.png'),
      join(dir, 'missing.png'),
      join(dir, 'a-directory'),
      join(dir, 'out.png'),
      join(dir, 'no-such-dir', 'out.png'),
      '',
      ' ',
      '\0',
      'a\rb',
      '\x1b[31m',
      '\u2028',
      '💥',
    ];
    for (let index = 0; index < 300; index++) {
      const prng = casePrng(SEED ^ 0x5011, index);
      const argv = Array.from({ length: prng.between(0, 7) }, () => prng.pick(words));
      if (prng.chance(0.7)) argv.unshift(prng.pick(['encrypt', 'decrypt', 'analyze', 'attack', 'traffic', 'help']));
      await rm(join(dir, 'out.png'), { force: true });
      const fail = (problem: string) =>
        failures.push(`seed ${SEED ^ 0x5011} case ${index} (${JSON.stringify(argv)}): ${problem}`);
      const run = await withinLimits(() => cli(...argv));
      if (run.problem) fail(run.problem);
      const { code, stdout, stderr } = run.value;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (code === 0) {
        if (stderr !== '' || stdout === '')
          fail(`exit 0 with stdout ${JSON.stringify(stdout.slice(0, 80))}, stderr ${JSON.stringify(stderr)}`);
      } else if (code === 1 || code === 2) {
        if (stdout !== '') fail(`exit ${code} with stdout ${JSON.stringify(stdout.slice(0, 80))}`);
        const problem = checkOneLine(stderr);
        if (problem) fail(problem);
        if (code === 2 && existsSync(join(dir, 'out.png'))) fail('exit 2 but out.png was written');
      } else fail(`exit ${code}: ${stderr}`);
    }
    t.diagnostic(`exit codes: ${JSON.stringify(Object.fromEntries(codes))}`);
    assert.deepEqual(failures, []);
    assert.ok((codes.get(2) ?? 0) > 150, 'most of the soup is refused');
    assert.ok((codes.get(0) ?? 0) > 0, 'some of it asks for help, which works');
  });

  it('the contract itself: valid examples are valid, near misses are not', () => {
    const k = '000102030405060708090a0b0c0d0e0f';
    assert.deepEqual(
      expectedValid([
        ['mode', 'cbc'],
        ['iv', k.toUpperCase()],
        ['bits', '08'],
      ]),
      {
        mode: 'cbc',
        iv: k.toUpperCase(),
        bits: '08',
      },
    );
    for (const pairs of [
      [],
      [['mode', 'ECB']],
      [
        ['mode', 'ecb'],
        ['mode', 'ecb'],
      ],
      [
        ['mode', 'ecb'],
        ['iv', k],
      ],
      [
        ['mode', 'gcm'],
        ['key', k],
      ],
      [
        ['mode', 'ecb'],
        ['bits', '9'],
      ],
      [
        ['mode', 'ecb'],
        ['bits', '８'],
      ],
      [
        ['mode', 'ecb'],
        ['layout', 'grey'],
      ],
      [
        ['mode', 'ecb'],
        ['nonce', k],
      ],
    ] as [string, string][][])
      assert.equal(expectedValid(pairs), null, JSON.stringify(pairs));
    assert.deepEqual([...PARAMETERS], ['mode', 'layout', 'bits', 'key', 'iv']);
  });
});
