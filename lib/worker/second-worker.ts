/**
 * The second worker: takes each frame's packed plaintext from the primary worker, encrypts the second
 * ciphertext panel's stream (AES-256-GCM unless the panel shows another mode; GCM in the browser's native
 * WebCrypto where the page is a secure context), passes the ciphertext on to the receiver (the key
 * holder), measures the stream, and sends the ciphertext and motion panels to the page. The plaintext
 * buffer goes back to the primary for reuse, and ciphertext buffers come back from the receiver.
 */
import type { SealedPacket } from '../cipher/gcm-packets';
import { bytesPerPixel } from '../cipher/layout';
import { AnalyticsStage, type AnalyticsResult } from './analytics-stage';
import { BufferPool, PicturePool } from './buffer-pool';
import {
  pictureBuffers,
  streamIdentity,
  type BufferReturn,
  type CiphertextMessage,
  type PacketMessage,
  type PageToWorker,
  type PlaintextMessage,
  type SecondResult,
  type WorkerScope,
} from './protocol';
import { StageClock } from './stage-clock';
import { StreamStage, type StreamFrame } from './stages';
import { failure, streamInfo } from './stream-report';

const scope = self as unknown as WorkerScope;

const stream = new StreamStage();
const analytics = new AnalyticsStage();
const pictures = new PicturePool();
const buffers = new BufferPool();
let receiverPort: MessagePort | null = null;

/** Hands the frame's ciphertext to the receiver in a buffer of its own (the stage's may be reused). */
function sendCiphertext(message: PlaintextMessage, encrypted: StreamFrame): void {
  if (!receiverPort) throw new Error('the receiver is not connected');
  const { ciphertext } = encrypted;
  const buffer = buffers.copyOf(ciphertext);
  const { seq, width, height, layout, mode, key } = message;
  const out: CiphertextMessage = {
    type: 'ciphertext',
    seq,
    width,
    height,
    layout,
    mode,
    key,
    nonce: encrypted.nonce,
    nonces: encrypted.nonces,
    buffer,
    length: ciphertext.length,
  };
  receiverPort.postMessage(out, [buffer]);
}

/** Hands the receiver one sealed packet of a frame of several, as soon as it is sealed. */
function sendPacket(message: PlaintextMessage, packet: SealedPacket): void {
  if (!receiverPort) throw new Error('the receiver is not connected');
  const { message: sealed } = packet;
  const own = sealed.byteOffset === 0 && sealed.byteLength === sealed.buffer.byteLength;
  const buffer = (own ? sealed : sealed.slice()).buffer as ArrayBuffer;
  const { seq, key } = message;
  const out: PacketMessage = {
    type: 'packet',
    seq,
    index: packet.index,
    count: packet.count,
    key,
    nonce: packet.nonce,
    buffer,
  };
  receiverPort.postMessage(out, [buffer]);
}

async function process(message: PlaintextMessage, port: MessagePort): Promise<void> {
  const { seq, index, width, height, layout, bits, mode, key, buffer, length } = message;
  try {
    const clock = new StageClock();
    const plaintext = new Uint8Array(buffer, 0, length);
    const onPacket = (packet: SealedPacket) => sendPacket(message, packet);
    const encrypted = await stream.encrypt(plaintext, mode, key, layout, width, height, onPacket);
    sendCiphertext(message, encrypted);
    clock.lap(mode);
    let metrics: SecondResult['metrics'] = null;
    let motion: AnalyticsResult['motion'] = null;
    if (message.analytics || message.motion || message.follow) {
      // The map's underlay is what the key holder sees: the plaintext's pixels (the receiver decrypts
      // exactly these bytes back).
      const underlay =
        message.motion && message.motionUnderlay ? stream.plainPicture(plaintext, layout, width, height) : undefined;
      const measured = analytics.run(
        encrypted.ciphertext.subarray(0, length),
        width,
        height,
        bytesPerPixel(layout),
        index,
        streamIdentity(mode, key, layout, bits, width, height),
        message.motion,
        underlay,
        message.analytics,
      );
      metrics = measured.metrics ? { gcm: measured.metrics } : null;
      motion = measured.motion;
      clock.lap('metrics');
    }
    const panels: SecondResult['panels'] = { gcm: pictures.picture(encrypted.picture, width, height) };
    if (motion) panels['motion-gcm'] = pictures.picture(motion.picture, motion.width, motion.height);
    clock.lap('pictures');
    const reply: SecondResult = {
      type: 'second',
      seq,
      panels,
      info: { stream: streamInfo(encrypted), timings: clock.timings },
      metrics,
    };
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
  if (message.type !== 'connect' || !message.next) return;
  receiverPort = message.next;
  receiverPort.onmessage = (portEvent: MessageEvent<BufferReturn>) => {
    if (portEvent.data.type === 'return') buffers.give(portEvent.data.buffer);
  };
  const port = message.port;
  port.onmessage = (portEvent: MessageEvent<PlaintextMessage>) => {
    const plaintext = portEvent.data;
    if (plaintext.type === 'plaintext') queue = queue.then(() => process(plaintext, port));
  };
};
