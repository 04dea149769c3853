/**
 * `encrypt`: a PNG in, the ciphertext picture out, and a JSON line with the numbers that show ECB's
 * leak. The duplicate-block count covers the whole 16-byte blocks of the ciphertext without the GCM
 * tag, which is what the picture shows (plus the final padded block of ECB and CBC).
 */
import { toHex } from '../cipher';
import { countRepeatedBlocks } from '../metrics/blocks';
import { encryptPng, parseEncryptOptions, type EncryptedPng } from '../png';
import { inAndOut, parseCommand } from './args';
import { aboutFile, readInputFile, writeOutputFile } from './files';
import { ENCRYPT_HELP } from './help';
import { EXIT, guard, type CliIo, type ExitCode } from './outcome';

/** The JSON line `encrypt` prints. */
export interface EncryptSummary {
  mode: string;
  key: string;
  nonce: string | null;
  /** CBC's IV or CTR's initial counter block, hex; null for ECB and GCM. */
  iv: string | null;
  width: number;
  height: number;
  layout: string;
  bits: number;
  plaintextBytes: number;
  ciphertextBytes: number;
  blocks: number;
  duplicateBlocks: number;
}

/** The summary of one encryption: sizes and repeated 16-byte blocks of the ciphertext (tag excluded). */
export function summarize({ key, encrypted }: EncryptedPng): EncryptSummary {
  const { mode, nonce, iv, width, height, layout, bits, plaintextLength, ciphertext } = encrypted;
  const counted = mode === 'gcm' ? ciphertext.subarray(0, plaintextLength) : ciphertext;
  const { blocks, repeated } = countRepeatedBlocks(counted);
  return {
    mode,
    key: toHex(key),
    nonce: nonce === null ? null : toHex(nonce),
    iv: iv === null ? null : toHex(iv),
    width,
    height,
    layout,
    bits,
    plaintextBytes: plaintextLength,
    ciphertextBytes: ciphertext.length,
    blocks,
    duplicateBlocks: repeated,
  };
}

/**
 * Runs `encrypt` with `argv` (the words after "encrypt"); resolves to the exit status.
 * @example await encryptCommand(['--mode', 'ecb', 'in.png', 'out.png'], { stdout: process.stdout, stderr: process.stderr })
 */
export function encryptCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  return guard(io, async () => {
    const spec = {
      mode: 'string',
      key: 'string',
      iv: 'string',
      nonce: 'string',
      aad: 'string',
      layout: 'string',
      bits: 'string',
    } as const;
    const { values, help, files } = parseCommand('encrypt', argv, spec);
    if (help) {
      io.stdout.write(ENCRYPT_HELP);
      return EXIT.ok;
    }
    const options = parseEncryptOptions(values, (option) => `--${option}`);
    const [input, output] = inAndOut('encrypt', files);
    const bytes = await readInputFile(input);
    const result = aboutFile(input, () => encryptPng(bytes, options));
    // The file is written by libuv's thread pool while the blocks are counted here.
    const written = writeOutputFile(output, result.png);
    const summary = summarize(result);
    await written;
    io.stdout.write(`${JSON.stringify(summary)}\n`);
    return EXIT.ok;
  });
}
