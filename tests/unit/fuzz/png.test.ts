/**
 * Thousands of mutated PNGs (tests/unit/helpers/png-mutations.ts) through the endpoint's handler and
 * the CLI's `encrypt`, in-process, and a sample of them through the CLI as real processes. Every case
 * must end in a refusal of the promised shape or a picture that decrypts back, within 100 ms and
 * 100 MB; the endpoint and the CLI must agree on every case. A failure names its seed, index and
 * mutation; `FUZZ_SEED=S FUZZ_ONLY=I,J` reruns just those cases, and FUZZ_CASES changes the count.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { handleEncryptRequest } from '../../../lib/http';
import { cli, cliProcess } from '../cli/harness';
import { testEncryptPool } from '../helpers/encrypt-pool';
import { withinLimits } from '../helpers/fuzz-limits';
import { checkCliPng, checkHttpPng, readAnswer, type CliAnswer, type HttpAnswer } from '../helpers/fuzz-outcomes';
import { basePng, CORPUS, describeCase, MUTATION_NAMES, pngCase, type PngCase } from '../helpers/png-mutations';
import { fuzzSeed } from '../helpers/prng';

/** The endpoint's own worker pool, as the server runs it. */
const pool = testEncryptPool();

const SEED = fuzzSeed(20261202);
const COUNT = Number(process.env.FUZZ_CASES ?? 2000);
const ONLY = process.env.FUZZ_ONLY?.split(',').map(Number);
const INDEXES = ONLY ?? Array.from({ length: COUNT }, (_, i) => i);

const MODES = ['ecb', 'cbc', 'ctr', 'gcm'] as const;
const KEY_128 = '000102030405060708090a0b0c0d0e0f';
const KEY_256 = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const IV = 'f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff';

/** Case i's mode (cycling), key and IV; all fixed, so ECB, CBC and CTR pictures are reproducible. */
function settings(index: number) {
  const mode = MODES[index % MODES.length];
  const key = mode === 'gcm' ? KEY_256 : KEY_128;
  const iv = mode === 'cbc' || mode === 'ctr' ? IV : undefined;
  return { mode, key, iv };
}

function request(c: PngCase): Request {
  const { mode, key, iv } = settings(c.index);
  const query = new URLSearchParams({ mode, layout: 'rgba', bits: '8', key, ...(iv && { iv }) });
  return new Request(`http://localhost/api/encrypt?${query}`, { method: 'POST', body: c.bytes });
}

function cliArgs(c: PngCase, input: string, output: string): string[] {
  const { mode, key, iv } = settings(c.index);
  return [
    'encrypt',
    '--mode',
    mode,
    '--key',
    key,
    ...(iv ? ['--iv', iv] : []),
    '--layout',
    'rgba',
    '--bits',
    '8',
    input,
    output,
  ];
}

interface CaseResult {
  c: PngCase;
  http: HttpAnswer;
  cli: CliAnswer;
  input: string;
}

interface Totals {
  ms: number;
  maxMs: number;
  slowest: number;
  maxGrowth: number;
}

const newTotals = (): Totals => ({ ms: 0, maxMs: 0, slowest: -1, maxGrowth: 0 });
function add(totals: Totals, index: number, ms: number, growth: number) {
  totals.ms += ms;
  if (ms > totals.maxMs) Object.assign(totals, { maxMs: ms, slowest: index });
  totals.maxGrowth = Math.max(totals.maxGrowth, growth);
}

function failureReport(failures: string[]): string {
  const shown = failures.slice(0, 25).join('\n');
  const more = failures.length > 25 ? `\n… and ${failures.length - 25} more` : '';
  return `${failures.length} fuzz case(s) failed (rerun one with FUZZ_SEED=${SEED} FUZZ_ONLY=INDEX):\n${shown}${more}`;
}

describe(`${INDEXES.length} mutated PNGs through the endpoint and the CLI (seed ${SEED})`, () => {
  const results: CaseResult[] = [];
  let dir = '';
  const path = (name: string) => join(dir, name);
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecb-lens-fuzz-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('each is refused in the promised shape or decrypts back, within 100 ms and 100 MB, and both agree', async (t) => {
    const failures: string[] = [];
    const http = newTotals();
    const command = newTotals();
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    // One unmeasured run of each front end first: the first call of a process pays for compiling and
    // initialising (Request, zlib, pngjs), up to 90 ms here, which says nothing about the input.
    const warm = pngCase(SEED, 0);
    await readAnswer(await handleEncryptRequest(request(warm), pool));
    await writeFile(path('warm-up.png'), basePng(CORPUS[0]));
    await cli(...cliArgs(warm, path('warm-up.png'), path('warm-up.out.png')));
    const start = process.hrtime.bigint();

    for (const index of INDEXES) {
      const c = pngCase(SEED, index);
      const fail = (front: string, problem: string) => failures.push(`${describeCase(c)}: ${front}: ${problem}`);
      const { key, mode } = settings(index);

      const viaHttp = await withinLimits(async () => readAnswer(await handleEncryptRequest(request(c), pool)));
      add(http, index, viaHttp.ms, viaHttp.growth);
      if (viaHttp.problem) fail('endpoint', viaHttp.problem);
      const httpProblem = checkHttpPng(viaHttp.value, c.bytes, key);
      if (httpProblem) fail('endpoint', httpProblem);

      const input = path(`case-${index}.png`);
      const output = path(`case-${index}.out.png`);
      await writeFile(input, c.bytes);
      const viaCli = await withinLimits(() => cli(...cliArgs(c, input, output)));
      add(command, index, viaCli.ms, viaCli.growth);
      if (viaCli.problem) fail('CLI', viaCli.problem);
      const cliProblem = checkCliPng(viaCli.value, c.bytes, key, output);
      if (cliProblem) fail('CLI', cliProblem);

      const accepted = viaHttp.value.status === 200;
      if (accepted !== (viaCli.value.code === 0))
        fail('both', `the endpoint answers ${viaHttp.value.status} but the CLI exits ${viaCli.value.code}`);
      else if (accepted && mode !== 'gcm' && !Buffer.from(viaHttp.value.body).equals(await readFile(output)))
        fail('both', 'the endpoint and the CLI wrote different pictures for the same key and IV');
      count(accepted ? 'accepted' : `refused ${viaHttp.value.status}`);
      results.push({ c, http: viaHttp.value, cli: viaCli.value, input });
    }

    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
    t.diagnostic(`${INDEXES.length} cases in ${seconds.toFixed(1)} s: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    t.diagnostic(
      `endpoint: ${http.ms.toFixed(0)} ms in all, slowest ${http.maxMs.toFixed(1)} ms (case ${http.slowest}), most memory added ${mb(http.maxGrowth)} MB`,
    );
    t.diagnostic(
      `CLI: ${command.ms.toFixed(0)} ms in all, slowest ${command.maxMs.toFixed(1)} ms (case ${command.slowest}), most memory added ${mb(command.maxGrowth)} MB`,
    );
    assert.deepEqual(failures, [], failureReport(failures));
  });

  it(
    'the corpus is not degenerate: every mutation is drawn, and many cases pass every check',
    { skip: ONLY !== undefined },
    () => {
      const drawn = new Set(results.flatMap(({ c }) => c.mutation.split(' + ').map((m) => m.split(':')[0])));
      assert.deepEqual(
        [...MUTATION_NAMES].filter((m) => !drawn.has(m)),
        [],
      );
      const accepted = results.filter((r) => r.http.status === 200).length;
      const refused = results.filter((r) => r.http.status === 422).length;
      // Harmless mutations (split image data, ancillary chunks, data after IEND) are a good share; the
      // rest reach the checks past the signature rather than all stopping at it.
      assert.ok(accepted >= results.length / 10, `${accepted} of ${results.length} accepted`);
      assert.ok(refused >= results.length / 2, `${refused} of ${results.length} refused with 422`);
    },
  );

  it('a sample as real processes exits and reports exactly as in-process', { skip: ONLY !== undefined }, async () => {
    // One accepted and one refused case for each of the first mutation kinds, up to 12: a process takes
    // about half a second to start, so the whole corpus runs in-process and these show the two agree.
    const sample: CaseResult[] = [];
    for (const accepted of [true, false]) {
      const kinds = new Set<string>();
      for (const r of results) {
        const kind = r.c.mutation.split(':')[0];
        if ((r.cli.code === 0) !== accepted || kinds.has(kind) || r.c.index % 4 === 3) continue;
        kinds.add(kind);
        sample.push(r);
        if (kinds.size === 6) break;
      }
    }
    assert.equal(sample.length, 12);
    for (let i = 0; i < sample.length; i += 2) {
      await Promise.all(
        sample.slice(i, i + 2).map(async ({ c, cli: inProcess, input }) => {
          const output = path(`case-${c.index}.child.png`);
          const child = await cliProcess(...cliArgs(c, input, output));
          assert.deepEqual(child, inProcess, describeCase(c));
        }),
      );
    }
  });
});
