/**
 * `decrypt`: a ciphertext picture and its key in, the encrypted pixels out. Everything is decrypted
 * and verified in memory first; OUT.png is written only after GCM authentication (or ECB or CBC
 * unpadding) has succeeded, so tampering GCM detects leaves no file behind. ECB, CBC and CTR cannot
 * detect most tampering: their altered pictures decrypt to altered pixels.
 */
import { MODE_INFO, parseHex } from '../cipher';
import { decryptCipherPicture, OptionError, readCipherPicture } from '../png';
import { inAndOut, parseCommand, UsageError } from './args';
import { aboutFile, readInputFile, writeOutputFile } from './files';
import { DECRYPT_HELP } from './help';
import { EXIT, guard, type CliIo, type ExitCode } from './outcome';

function keyBytes(text: string): Uint8Array {
  try {
    return parseHex(text, '--key');
  } catch (error) {
    throw new OptionError((error as Error).message);
  }
}

/**
 * Runs `decrypt` with `argv` (the words after "decrypt"); resolves to the exit status.
 * @example await decryptCommand(['--key', keyHex, 'out.png', 'back.png'], io) // 0, 1 or 2
 */
export function decryptCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  return guard(io, async () => {
    const { values, help, files } = parseCommand('decrypt', argv, { key: 'string' });
    if (help) {
      io.stdout.write(DECRYPT_HELP);
      return EXIT.ok;
    }
    if (values.key === undefined) throw new UsageError('decrypt needs --key HEX, the key encrypt printed');
    const key = keyBytes(values.key);
    const [input, output] = inAndOut('decrypt', files);
    const bytes = await readInputFile(input);
    const picture = aboutFile(input, () => readCipherPicture(bytes));
    const { keyLength, name } = MODE_INFO[picture.encrypted.mode];
    if (key.length !== keyLength) {
      throw new OptionError(
        `--key must be ${keyLength} bytes (${2 * keyLength} hex digits) for ${input}, an ${name} picture, got ${key.length}`,
      );
    }
    await writeOutputFile(output, decryptCipherPicture(picture, key));
    return EXIT.ok;
  });
}
