/**
 * Command-line parsing on node:util parseArgs, made strict by hand: parseArgs' own strict mode
 * reports problems in long multi-sentence messages and takes `--key --mode` as a key of "--mode",
 * so tokens are checked here and every problem becomes one short {@link UsageError}.
 */
import { parseArgs } from 'node:util';

/** A command line that cannot be run as given (exit status 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The options a command accepts: long name → value type (`list`: a string that may be given more than
 * once); `help` (`-h`) is always accepted.
 */
export type OptionSpec = Record<string, 'string' | 'boolean' | 'list'>;

/** A parsed command line. */
export interface ParsedCommand {
  /** String options as given; absent ones are missing. */
  values: Record<string, string | undefined>;
  /** `list` options, every value in the order given (empty when absent). */
  lists: Record<string, string[]>;
  /** `boolean` options given (absent ones are missing). */
  flags: Record<string, true>;
  help: boolean;
  files: string[];
}

/**
 * Parses `argv` (the words after the command name) for `command`.
 * @example parseCommand('decrypt', ['--key', 'ab', 'in.png', 'out.png'], { key: 'string' })
 *          // { values: { key: 'ab' }, lists: {}, flags: {}, help: false, files: ['in.png', 'out.png'] }
 */
export function parseCommand(command: string, argv: readonly string[], spec: OptionSpec): ParsedCommand {
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, type]) => [
      name,
      { type: type === 'list' ? 'string' : type, multiple: type === 'list' },
    ]),
  );
  const { tokens } = parseArgs({
    args: [...argv],
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | undefined> = {};
  const lists: Record<string, string[]> = Object.fromEntries(
    Object.entries(spec)
      .filter(([, type]) => type === 'list')
      .map(([name]) => [name, []]),
  );
  const flags: Record<string, true> = {};
  const seen = new Set<string>();
  let help = false;
  const files: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') files.push(token.value);
    if (token.kind !== 'option') continue;
    const { name, rawName, value, inlineValue } = token;
    // Own names only: `--toString` must not find Object.prototype.toString.
    const type = name === 'help' ? 'boolean' : Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!type) throw new UsageError(`unknown option ${rawName} for ${command} (see ${command} --help)`);
    if (seen.has(name) && type !== 'list') throw new UsageError(`--${name} is given more than once`);
    seen.add(name);
    if (type === 'boolean') {
      if (inlineValue) throw new UsageError(`${rawName} takes no value`);
      if (name === 'help') help = true;
      else flags[name] = true;
      continue;
    }
    if (value === undefined || (!inlineValue && value.startsWith('-')))
      throw new UsageError(`${rawName} needs a value`);
    if (type === 'list') lists[name].push(value);
    else values[name] = value;
  }
  return { values, lists, flags, help, files };
}

/** The two file operands `IN.png OUT.png`, or a {@link UsageError}. */
export function inAndOut(command: string, files: readonly string[]): [string, string] {
  if (files.length !== 2) {
    throw new UsageError(`${command} needs two files, IN.png and OUT.png; got ${files.length}`);
  }
  return [files[0], files[1]];
}
