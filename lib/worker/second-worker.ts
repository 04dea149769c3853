/**
 * The second worker: takes each frame's packed plaintext from the primary worker, encrypts the second
 * ciphertext panel's stream (AES-256-GCM unless the panel shows another mode; GCM in the browser's native
 * WebCrypto where the page is a secure context), decrypts it again with the key (the key holder's view),
 * measures the stream, and sends the ciphertext, decrypted and motion panels to the page. The plaintext
 * buffer goes back to the primary for reuse.
 */
import { bytesPerPixel } from '../cipher/layout';
import { AnalyticsStage, type AnalyticsResult } from './analytics-stage';
import { BitmapPainter } from './painter';
import {
  streamIdentity,
  type BufferReturn,
  type PageToWorker,
  type PlaintextMessage,
  type SecondResult,
  type WorkerScope,
} from './protocol';
import { StageClock } from './stage-clock';
import { StreamStage } from './stages';
import { failure, streamInfo } from './stream-report';

const scope = self as unknown as WorkerScope;

const stream = new StreamStage();
const analytics = new AnalyticsStage();
const painters = { cipher: new BitmapPainter(), decrypted: new BitmapPainter(), motion: new BitmapPainter() };

async function process(message: PlaintextMessage, port: MessagePort): Promise<void> {
  const { seq, index, width, height, layout, bits, mode, key, buffer, length } = message;
  try {
    const clock = new StageClock();
    const plaintext = new Uint8Array(buffer, 0, length);
    const encrypted = await stream.encrypt(plaintext, mode, key, layout, width, height);
    clock.lap(mode);
    const decrypted = await stream.decrypt(encrypted, key, layout, width, height);
    clock.lap('decrypt');
    let metrics: SecondResult['metrics'] = null;
    let motion: AnalyticsResult['motion'] = null;
    if (message.analytics || message.motion || message.follow) {
      const measured = analytics.run(
        encrypted.ciphertext.subarray(0, length),
        width,
        height,
        bytesPerPixel(layout),
        index,
        streamIdentity(mode, key, layout, bits, width, height),
        message.motion,
        message.motionUnderlay ? decrypted : undefined,
        message.analytics,
      );
      metrics = measured.metrics ? { gcm: measured.metrics } : null;
      motion = measured.motion;
      clock.lap('metrics');
    }
    const bitmaps: SecondResult['bitmaps'] = {
      gcm: painters.cipher.paint(encrypted.picture, width, height),
      decrypted: painters.decrypted.paint(decrypted, width, height),
    };
    if (motion) bitmaps['motion-gcm'] = painters.motion.paint(motion.picture, motion.width, motion.height);
    clock.lap('paint');
    const reply: SecondResult = {
      type: 'second',
      seq,
      bitmaps,
      info: { stream: streamInfo(encrypted), timings: clock.timings },
      metrics,
    };
    scope.postMessage(reply, Object.values(bitmaps));
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
  if (event.data.type !== 'connect') return;
  const port = event.data.port;
  port.onmessage = (portEvent: MessageEvent<PlaintextMessage>) => {
    const message = portEvent.data;
    if (message.type === 'plaintext') queue = queue.then(() => process(message, port));
  };
};
