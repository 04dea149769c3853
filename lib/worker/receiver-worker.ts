/**
 * The receiver: the other end of the call, holding the key. It takes each frame of the second ciphertext
 * panel's stream from the second worker, decrypts it (GCM checks every packet's tag first, so an altered
 * frame is refused, not drawn), and sends the key holder's panel to the page. The ciphertext buffer goes
 * back to the second worker for reuse. A GCM frame of several packets arrives packet by packet first, and
 * each packet is opened as it comes, while the second worker seals the next.
 */
import { gcmDecryptAsync, TAG_LENGTH } from '../cipher/gcm';
import { PicturePool } from './buffer-pool';
import {
  pictureBuffers,
  type BufferReturn,
  type CiphertextMessage,
  type PacketMessage,
  type PageToWorker,
  type ReceiverResult,
  type WorkerScope,
} from './protocol';
import { StageClock } from './stage-clock';
import { equalBytes, StreamStage } from './stages';
import { failure } from './stream-report';

const scope = self as unknown as WorkerScope;

const stream = new StreamStage();
const pictures = new PicturePool();
let joined = new Uint8Array(0);

/** GCM packets opened as they arrived, by frame, until the frame's own message comes. */
interface EarlyPackets {
  count: number;
  nonces: Uint8Array[];
  opened: Promise<Uint8Array>[];
}
const early = new Map<number, EarlyPackets>();

function openEarly(packet: PacketMessage): void {
  const entry = early.get(packet.seq) ?? { count: packet.count, nonces: [], opened: [] };
  early.set(packet.seq, entry);
  const opened = gcmDecryptAsync(packet.key, packet.nonce, new Uint8Array(packet.buffer));
  opened.catch(() => {}); // a refused packet fails its frame when the frame is handled, not here
  entry.nonces[packet.index] = packet.nonce;
  entry.opened[packet.index] = opened;
}

/**
 * The plaintext of a GCM frame whose packets were all opened as they arrived, under exactly the frame's
 * nonces; null when they were not (the frame is then opened whole).
 */
async function openedAhead(message: CiphertextMessage): Promise<Uint8Array | null> {
  const entry = early.get(message.seq);
  for (const seq of early.keys()) if (seq <= message.seq) early.delete(seq); // and any a failed frame left
  const { nonces, length } = message;
  if (!entry || message.mode !== 'gcm' || entry.count !== nonces.length || nonces.length < 2) return null;
  for (let i = 0; i < nonces.length; i++) {
    if (!entry.opened[i] || !equalBytes(entry.nonces[i], nonces[i])) return null;
  }
  const parts = await Promise.all(entry.opened);
  const plaintextLength = length - nonces.length * TAG_LENGTH;
  if (parts.reduce((sum, part) => sum + part.length, 0) !== plaintextLength)
    throw new RangeError('the packets opened do not add up to the frame');
  if (joined.length !== plaintextLength) joined = new Uint8Array(plaintextLength);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

async function process(message: CiphertextMessage, port: MessagePort): Promise<void> {
  const { seq, width, height, layout, mode, key, nonce, nonces, buffer, length } = message;
  try {
    const clock = new StageClock();
    const ahead = await openedAhead(message);
    let decrypted: Uint8ClampedArray;
    if (ahead) {
      decrypted = stream.plainPicture(ahead, layout, width, height);
      clock.lap('open');
    } else {
      const ciphertext = new Uint8Array(buffer, 0, length);
      decrypted = await stream.decrypt({ mode, ciphertext, nonce, nonces }, key, layout, width, height);
      clock.lap('decrypt');
    }
    const panels: ReceiverResult['panels'] = { decrypted: pictures.picture(decrypted, width, height) };
    clock.lap('pictures');
    const reply: ReceiverResult = { type: 'receiver', seq, panels, info: { timings: clock.timings } };
    scope.postMessage(reply, pictureBuffers(panels));
  } catch (error) {
    scope.postMessage(failure(seq, error));
  } finally {
    const back: BufferReturn = { type: 'return', buffer };
    port.postMessage(back, [buffer]);
  }
}

// Frames are handled strictly in order, one at a time.
let queue = Promise.resolve();

scope.onmessage = (event: MessageEvent<PageToWorker>) => {
  const message = event.data;
  if (message.type === 'pictures-back') message.buffers.forEach((buffer) => pictures.give(buffer));
  if (message.type !== 'connect') return;
  const port = message.port;
  port.onmessage = (portEvent: MessageEvent<CiphertextMessage | PacketMessage>) => {
    const arrived = portEvent.data;
    // A packet is opened at once, even while an earlier frame is still being handled.
    if (arrived.type === 'packet') openEarly(arrived);
    else if (arrived.type === 'ciphertext') queue = queue.then(() => process(arrived, port));
  };
};
