/**
 * Reading the input and writing the output for the CLI. The output is written to a temporary file
 * beside it and renamed into place, so a failed or interrupted run never leaves an empty or partial
 * OUT.png, and nothing is written at all unless the command has succeeded.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CipherPictureError, PngError } from '../png';

/** The largest input file read, in bytes: far above any PNG within the pixel limits. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** A file that cannot be read or written (exit status 2). */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileError';
  }
}

function reason(error: unknown, writing: boolean): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return writing ? 'its directory does not exist' : 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOTDIR') return 'a component of the path is not a directory';
  return error instanceof Error ? error.message : String(error);
}

/**
 * The whole file at `path`; throws a {@link FileError} if it is missing, unreadable, a directory or
 * larger than {@link MAX_INPUT_BYTES}.
 */
export async function readInputFile(path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new FileError(`cannot read ${path}: ${reason(error, false)}`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new FileError(`cannot read ${path}: it is a directory`);
    if (stat.size > MAX_INPUT_BYTES) {
      throw new FileError(`cannot read ${path}: it is ${stat.size} bytes; the limit is ${MAX_INPUT_BYTES} bytes`);
    }
    const bytes = await handle.readFile();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(`cannot read ${path}: ${reason(error, false)}`);
  } finally {
    await handle.close();
  }
}

/**
 * Writes `bytes` to `path` through a temporary file in the same directory and a rename, so `path`
 * either keeps its old state or gets the complete new content. Throws a {@link FileError}.
 */
export async function writeOutputFile(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new FileError(`cannot write ${path}: ${reason(error, true)}`);
  }
}

/** Runs `action`; a PngError or CipherPictureError it throws comes back as a FileError naming `path`. */
export function aboutFile<T>(path: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof PngError || error instanceof CipherPictureError)
      throw new FileError(`${path}: ${error.message}`);
    throw error;
  }
}
