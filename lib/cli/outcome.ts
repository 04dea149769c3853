/**
 * Exit statuses and the one-line error report. Scripts tell outcomes apart by status alone: 1 means
 * the ciphertext was tampered with (or the key is wrong) and must not be trusted: a GCM tag or a CBC
 * padding did not check. 2 means the command line or the input was wrong, 3 means a bug. A stack
 * trace never reaches the user.
 */
import { AuthenticationError, PaddingError } from '../cipher';
import { CipherPictureError, OptionError, PngError } from '../png';
import { UsageError } from './args';
import { FileError } from './files';

/** The process exit statuses, as documented in the main help. */
export const EXIT = { ok: 0, authentication: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a command writes: `process.stdout`/`process.stderr`, or a string collector in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/** A command's output streams. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
}

/** Prefix of every line written to stderr. */
export const PROGRAM = 'ecb-lens';

const BAD_INPUT = [UsageError, OptionError, FileError, PngError, CipherPictureError, RangeError, TypeError];

function classify(error: unknown): { code: ExitCode; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof AuthenticationError || error instanceof PaddingError)
    return { code: EXIT.authentication, message };
  if (BAD_INPUT.some((kind) => error instanceof kind)) return { code: EXIT.usage, message };
  return { code: EXIT.internal, message: `internal error: ${message}` };
}

/**
 * The message as one line a terminal shows as it is: line breaks (and the blanks around them) become a
 * space, and any other control character (C0, DEL, C1, U+2028/9), which a file name or a damaged
 * file's bytes can carry, is written as an escape such as `\x1b`.
 */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/**
 * Runs a command and turns what it throws into its exit status and one line on stderr. RangeError and
 * TypeError are the cipher core's bad-input errors (a wrong key length, ECB padding that does not
 * verify), so they count as bad input; CBC padding that does not check is a PaddingError, status 1.
 * @example return guard(io, async () => { …; return EXIT.ok; });
 */
export async function guard(io: CliIo, command: () => Promise<ExitCode>): Promise<ExitCode> {
  try {
    return await command();
  } catch (error) {
    const { code, message } = classify(error);
    io.stderr.write(`${PROGRAM}: ${oneLine(message)}\n`);
    return code;
  }
}
