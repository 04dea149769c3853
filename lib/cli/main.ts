/**
 * The CLI's entry: picks the command and hands it the rest of the words. It takes argv and output
 * streams and resolves to an exit status instead of touching `process`, so tests run it in-process.
 */
import { analyzeCommand } from './analyze';
import { attackCommand } from './attack';
import { decryptCommand } from './decrypt';
import { encryptCommand } from './encrypt';
import { ANALYZE_HELP, ATTACK_HELP, DECRYPT_HELP, ENCRYPT_HELP, MAIN_HELP, TRAFFIC_HELP } from './help';
import { UsageError } from './args';
import { EXIT, guard, type CliIo, type ExitCode } from './outcome';
import { trafficCommand } from './traffic';

const COMMANDS = {
  encrypt: encryptCommand,
  decrypt: decryptCommand,
  analyze: analyzeCommand,
  attack: attackCommand,
  traffic: trafficCommand,
} as const;
const HELP: Record<string, string> = {
  encrypt: ENCRYPT_HELP,
  decrypt: DECRYPT_HELP,
  analyze: ANALYZE_HELP,
  attack: ATTACK_HELP,
  traffic: TRAFFIC_HELP,
};

function help(topics: readonly string[], io: CliIo): Promise<ExitCode> {
  return guard(io, async () => {
    if (topics.length > 1) throw new UsageError(`help takes at most one command, got ${topics.length}`);
    const topic = topics[0];
    if (topic !== undefined && !Object.hasOwn(HELP, topic)) {
      throw new UsageError(
        `no help for ${JSON.stringify(topic)}: commands are encrypt, decrypt, analyze, attack and traffic`,
      );
    }
    io.stdout.write(topic === undefined ? MAIN_HELP : HELP[topic]);
    return EXIT.ok;
  });
}

/**
 * Runs the command line `argv` (without node and the script); resolves to the exit status.
 * @example process.exitCode = await run(process.argv.slice(2), process)
 */
export function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') return help(rest, io);
  if (command !== undefined && Object.hasOwn(COMMANDS, command))
    return COMMANDS[command as keyof typeof COMMANDS](rest, io);
  return guard(io, async () => {
    if (command === undefined)
      throw new UsageError('no command given: use encrypt, decrypt, analyze, attack, traffic or help');
    if (command.startsWith('-'))
      throw new UsageError(
        `unknown option ${command}: the command comes first (encrypt, decrypt, analyze, attack, traffic or help)`,
      );
    throw new UsageError(
      `unknown command ${JSON.stringify(command)}: use encrypt, decrypt, analyze, attack, traffic or help`,
    );
  });
}
