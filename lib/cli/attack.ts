/**
 * `attack forge`: Joux's forbidden attack from the command line. Pictures that `encrypt --mode gcm`
 * wrote under one key and one nonce give away GCM's hash key H (lib/attacks/forbidden.ts); with the
 * plaintext picture of the first, any picture of the same size can be sealed under that nonce with a
 * tag that `decrypt` — and OpenSSL — accept. No key is given, and none is printed: not even H.
 */
import { attackDegree, forge, hashKeyCandidates, narrowCandidates, type GcmMessage } from '../attacks/forbidden';
import { packFrame, toHex, type EncryptedFrame } from '../cipher';
import { decodePng, readCipherPicture, writeCipherPicture, type CipherPicture } from '../png';
import { parseCommand, UsageError } from './args';
import { aboutFile, readInputFile, writeOutputFile } from './files';
import { ATTACK_HELP } from './help';
import { EXIT, guard, type CliIo, type ExitCode } from './outcome';

/**
 * The largest polynomial the CLI will root: 1,024 (pictures of up to 1,023 blocks of 16 bytes, e.g.
 * 96×56 RGB), where the search takes about 20 s on a 2-core machine; 12×12 RGB is degree 28.
 */
export const MAX_FORGE_DEGREE = 1024;

/** The JSON line `attack forge` prints. */
export interface ForgeReport {
  width: number;
  height: number;
  layout: string;
  /** The pictures' shared nonce, hex (public: it is in every picture). */
  nonce: string;
  degree: number;
  /** Roots of the first two pictures' polynomial: the candidates for H. */
  candidates: number;
  /** Candidates the further pictures left standing. */
  remaining: number;
  /** Which remaining candidate was used (0 = the first), and why that one. */
  used: number;
  chosenBy: 'the only root' | 'the further pictures' | 'the first of several: give another --ciphertext to narrow them';
  seconds: number;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function sizeOf(picture: CipherPicture): string {
  const { width, height, layout, bits } = picture.encrypted;
  return `${width}×${height} ${layout} at ${bits} bits`;
}

/** A GCM picture as the attack sees it: ciphertext, tag and AAD. */
function message(picture: CipherPicture): GcmMessage {
  const { ciphertext, plaintextLength } = picture.encrypted;
  return {
    ciphertext: ciphertext.subarray(0, plaintextLength),
    tag: ciphertext.subarray(plaintextLength),
    aad: picture.aad,
  };
}

/** Reads the --ciphertext pictures and checks they are one kind: GCM, one nonce, one size and layout. */
async function readPictures(paths: readonly string[]): Promise<CipherPicture[]> {
  if (paths.length < 2)
    throw new UsageError(`attack forge needs two or more --ciphertext pictures under one nonce; got ${paths.length}`);
  const pictures: CipherPicture[] = [];
  for (const path of paths) {
    const bytes = await readInputFile(path);
    pictures.push(aboutFile(path, () => readCipherPicture(bytes)));
  }
  const [first] = pictures;
  pictures.forEach((picture, i) => {
    const { mode, nonce } = picture.encrypted;
    if (mode !== 'gcm')
      throw new UsageError(`${paths[i]} is an ${mode.toUpperCase()} picture: the attack needs GCM pictures`);
    if (i === 0) return;
    if (toHex(nonce as Uint8Array) !== toHex(first.encrypted.nonce as Uint8Array))
      throw new UsageError(
        `${paths[i]} was sealed under nonce ${toHex(nonce as Uint8Array)} and ${paths[0]} under ${toHex(first.encrypted.nonce as Uint8Array)}: the attack needs pictures under one nonce`,
      );
    if (sizeOf(picture) !== sizeOf(first))
      throw new UsageError(
        `${paths[i]} is ${sizeOf(picture)} but ${paths[0]} is ${sizeOf(first)}: the pictures must match`,
      );
  });
  return pictures;
}

/** A plain PNG's pixels packed as `like`'s frame was, after checking its size. */
async function plaintextLike(
  path: string,
  option: string,
  like: EncryptedFrame,
  likePath: string,
): Promise<Uint8Array> {
  const bytes = await readInputFile(path);
  const decoded = aboutFile(path, () => decodePng(bytes));
  if (decoded.width !== like.width || decoded.height !== like.height)
    throw new UsageError(
      `${option} ${path} is ${decoded.width}×${decoded.height} pixels but ${likePath} is ${like.width}×${like.height}: they must be the same size`,
    );
  return packFrame(decoded, like.layout, like.bits);
}

/**
 * Runs `attack` with `argv` (the words after "attack"); resolves to the exit status.
 * @example await attackCommand(['forge', '--ciphertext', 'a.png', '--ciphertext', 'b.png', '--known', 'a-plain.png', '--target', 't.png', 'out.png'], io)
 */
export function attackCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  return guard(io, async () => {
    const [what, ...rest] = argv;
    if (what === '--help' || what === '-h') {
      io.stdout.write(ATTACK_HELP);
      return EXIT.ok;
    }
    if (what !== 'forge')
      throw new UsageError(
        what === undefined
          ? 'attack needs what to do: attack forge …'
          : `unknown attack ${JSON.stringify(what)}: the one there is is forge`,
      );
    const spec = { ciphertext: 'list', known: 'string', target: 'string' } as const;
    const { values, lists, help, files } = parseCommand('attack forge', rest, spec);
    if (help) {
      io.stdout.write(ATTACK_HELP);
      return EXIT.ok;
    }
    if (values.known === undefined)
      throw new UsageError('attack forge needs --known PLAIN.png, the plaintext picture of the first --ciphertext');
    if (values.target === undefined) throw new UsageError('attack forge needs --target T.png, the picture to forge');
    if (files.length !== 1) throw new UsageError(`attack forge needs one output file, OUT.png; got ${files.length}`);
    const paths = lists.ciphertext;
    const pictures = await readPictures(paths);
    const first = pictures[0].encrypted;
    const degree = attackDegree(first.plaintextLength, pictures[0].aad?.length ?? 0);
    if (degree > MAX_FORGE_DEGREE)
      throw new UsageError(
        `${paths[0]} makes a polynomial of degree ${degree}: the limit is ${MAX_FORGE_DEGREE} (pictures of up to ${MAX_FORGE_DEGREE - 1} blocks of 16 bytes, e.g. 96×56 rgb)`,
      );
    const known = await plaintextLike(values.known, '--known', first, paths[0]);
    const target = await plaintextLike(values.target, '--target', first, paths[0]);

    const started = performance.now();
    const messages = pictures.map(message);
    const candidates = hashKeyCandidates(messages[0], messages[1]);
    if (candidates.length === 0)
      throw new UsageError(`${paths[0]} and ${paths[1]} give no candidate for H: were they sealed under one key?`);
    let remaining = candidates;
    for (const further of messages.slice(2)) remaining = narrowCandidates(remaining, messages[0], further);
    if (remaining.length === 0)
      throw new UsageError(`no candidate for H fits every picture: were they all sealed under one key and nonce?`);
    const forged = forge(remaining[0], messages[0], known, target, pictures[0].aad);
    const seconds = (performance.now() - started) / 1000;

    const out: EncryptedFrame = {
      ...first,
      ciphertext: concat(forged.ciphertext, forged.tag),
      plaintextLength: forged.ciphertext.length,
    };
    await writeOutputFile(files[0], writeCipherPicture(out, pictures[0].aad));
    const report: ForgeReport = {
      width: first.width,
      height: first.height,
      layout: first.layout,
      nonce: toHex(first.nonce as Uint8Array),
      degree,
      candidates: candidates.length,
      remaining: remaining.length,
      used: 0,
      chosenBy:
        candidates.length === 1
          ? 'the only root'
          : remaining.length === 1
            ? 'the further pictures'
            : 'the first of several: give another --ciphertext to narrow them',
      seconds: Math.round(seconds * 1000) / 1000,
    };
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return EXIT.ok;
  });
}
