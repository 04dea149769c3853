/**
 * The receiver: the other end of the call, holding the key. It takes each frame of the second ciphertext
 * panel's stream from the second worker, decrypts it (GCM checks every packet's tag first, so an altered
 * frame is refused, not drawn), and sends the key holder's panel to the page. The ciphertext buffer goes
 * back to the second worker for reuse. A GCM frame of several packets arrives packet by packet first, and
 * each packet is opened as it comes, while the second worker seals the next.
 */
import { PicturePool } from './buffer-pool';
import { EarlyPackets, type OpenedPackets } from './early-packets';
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
import { StreamStage } from './stages';
import { failure } from './stream-report';

const scope = self as unknown as WorkerScope;

const stream = new StreamStage();
const pictures = new PicturePool();
const early = new EarlyPackets();

async function process(message: CiphertextMessage, ahead: OpenedPackets | null, port: MessagePort): Promise<void> {
  const { seq, width, height, layout, mode, key, nonce, nonces, buffer, length } = message;
  try {
    const clock = new StageClock();
    const opened = await early.plaintext(ahead, message);
    let decrypted: Uint8ClampedArray;
    if (opened) {
      decrypted = stream.plainPicture(opened, layout, width, height);
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
    if (arrived.type === 'packet') early.add(arrived);
    else if (arrived.type === 'ciphertext') {
      const ahead = early.take(arrived.seq);
      queue = queue.then(() => process(arrived, ahead, port));
    }
  };
};
