/**
 * The README's own command, `npm run cli -- encrypt --mode ecb …`, against the shell recipe that does
 * the same with ImageMagick and the openssl tool:
 *   convert IN.png -depth 8 rgb:- | openssl enc -aes-128-ecb -nopad -K HEX | convert -size WxH -depth 8 rgb:- OUT.png
 * on the same picture with the same key. The two run alternately, each timed by bash's `time`, which
 * gives wall time and the CPU time of every process involved (npm, node, convert, openssl), so a
 * loaded machine shows as wall time growing while CPU time stays. Both outputs are read back with
 * ImageMagick and their pixels compared: the same key must give the same ciphertext pixels.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPicture } from './fixtures';
import { ROOT } from './server';
import { relativeSpread, summarize, type Summary } from './stats';

export interface CliPlan {
  width: number;
  height: number;
  /** Timed runs of each command (after one untimed run of each). */
  runs: number;
}

export const FULL_CLI_PLAN: CliPlan = { width: 3840, height: 2160, runs: 5 };
export const QUICK_CLI_PLAN: CliPlan = { width: 1920, height: 1080, runs: 2 };

/** A side's times in milliseconds. */
export interface CommandTimes {
  command: string;
  wallMs: Summary;
  /** User + system CPU of all its processes. */
  cpuMs: Summary;
  spread: number;
  outputBytes: number;
}

export interface CliResults {
  size: string;
  inputBytes: number;
  project: CommandTimes;
  recipe: CommandTimes;
  /** Median wall time of the project's command ÷ the recipe's. */
  ratio: number;
  /** The same for the fastest run of each. */
  bestRatio: number;
  /** Median CPU time ÷ the recipe's. */
  cpuRatio: number;
  /** Whether both outputs hold the same pixels. */
  pixelsMatch: boolean;
}

const KEY = '000102030405060708090a0b0c0d0e0f';

function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Runs `script` in bash under `time`; wall and CPU milliseconds. Throws if it fails. */
function timed(script: string): { wallMs: number; cpuMs: number } {
  const wrapped = `TIMEFORMAT='%R %U %S'; { time { ${script} ; } >/dev/null 2>/tmp/ecb-lens-bench-err.$$ ; } 2>&1; status=$?; cat /tmp/ecb-lens-bench-err.$$ >&2; rm -f /tmp/ecb-lens-bench-err.$$; exit $status`;
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', wrapped], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`command failed (${result.status}): ${script}\n${result.stderr}`);
  const [wall, user, system] = result.stdout.trim().split(/\s+/).slice(-3).map(Number);
  return { wallMs: wall * 1000, cpuMs: (user + system) * 1000 };
}

function pixelHash(png: string): string {
  const result = spawnSync('convert', [png, '-depth', '8', 'rgb:-'], { maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`convert could not read ${png}: ${result.stderr.toString()}`);
  return createHash('sha256').update(result.stdout).digest('hex');
}

function sideOf(command: string, runs: { wallMs: number; cpuMs: number }[], output: string): CommandTimes {
  const wallMs = summarize(runs.map((run) => run.wallMs));
  return {
    command,
    wallMs,
    cpuMs: summarize(runs.map((run) => run.cpuMs)),
    spread: relativeSpread(wallMs),
    outputBytes: statSync(output).size,
  };
}

/** Times both commands `plan.runs` times each, alternating. */
export function runCli(plan: CliPlan, options: { log?: (line: string) => void } = {}): CliResults {
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'ecb-lens-bench-cli-'));
  try {
    const input = join(dir, 'in.png');
    const ours = join(dir, 'project.png');
    const theirs = join(dir, 'recipe.png');
    const picture = benchPicture(plan.width, plan.height);
    writeFileSync(input, picture);
    const project = `npm run cli -- encrypt --mode ecb --key ${KEY} ${quote(input)} ${quote(ours)}`;
    const recipe = `convert ${quote(input)} -depth 8 rgb:- | openssl enc -aes-128-ecb -nopad -K ${KEY} | convert -size ${plan.width}x${plan.height} -depth 8 rgb:- ${quote(theirs)}`;
    log(`bench: cli at ${plan.width}×${plan.height}, ${plan.runs} runs each (plus one untimed)`);
    timed(project);
    timed(recipe);
    const projectRuns: { wallMs: number; cpuMs: number }[] = [];
    const recipeRuns: { wallMs: number; cpuMs: number }[] = [];
    for (let run = 0; run < plan.runs; run++) {
      projectRuns.push(timed(project));
      recipeRuns.push(timed(recipe));
      log(
        `bench: cli run ${run + 1}: project ${projectRuns[run].wallMs.toFixed(0)} ms (CPU ${projectRuns[run].cpuMs.toFixed(0)}), recipe ${recipeRuns[run].wallMs.toFixed(0)} ms (CPU ${recipeRuns[run].cpuMs.toFixed(0)})`,
      );
    }
    const projectSide = sideOf(project.replaceAll(dir, '$DIR'), projectRuns, ours);
    const recipeSide = sideOf(recipe.replaceAll(dir, '$DIR'), recipeRuns, theirs);
    return {
      size: `${plan.width}×${plan.height}`,
      inputBytes: picture.length,
      project: projectSide,
      recipe: recipeSide,
      ratio: projectSide.wallMs.median / recipeSide.wallMs.median,
      bestRatio: Math.min(...projectRuns.map((r) => r.wallMs)) / Math.min(...recipeRuns.map((r) => r.wallMs)),
      cpuRatio: projectSide.cpuMs.median / recipeSide.cpuMs.median,
      pixelsMatch: pixelHash(ours) === pixelHash(theirs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
