/**
 * The GCM worker: takes each frame's packed plaintext from the primary worker, encrypts it with
 * AES-256-GCM (native WebCrypto where the page is a secure context), decrypts it again with the key (the
 * key holder's view), measures the GCM stream, and sends the GCM, decrypted and GCM motion panels to the
 * page. The plaintext buffer goes back to the primary for reuse.
 */
import { bytesPerPixel } from '../cipher/layout';
import { AnalyticsStage, type AnalyticsResult } from './analytics-stage';
import { BitmapPainter } from './painter';
import {
  streamIdentity,
  type BufferReturn,
  type GcmResult,
  type PageToWorker,
  type PlaintextMessage,
  type WorkerFailure,
  type WorkerScope,
} from './protocol';
import { StageClock } from './stage-clock';
import { GcmStage } from './stages';

const scope = self as unknown as WorkerScope;

const gcm = new GcmStage();
const analytics = new AnalyticsStage();
const painters = { gcm: new BitmapPainter(), decrypted: new BitmapPainter(), motion: new BitmapPainter() };
const gcmEngine = typeof globalThis.crypto?.subtle?.encrypt === 'function' ? 'webcrypto' : 'noble';

async function process(message: PlaintextMessage, port: MessagePort): Promise<void> {
  const { seq, index, width, height, layout, bits, gcmKey, buffer, length } = message;
  try {
    const clock = new StageClock();
    const plaintext = new Uint8Array(buffer, 0, length);
    const result = await gcm.run(plaintext, gcmKey, layout, width, height);
    clock.lap('gcm');
    let metrics: GcmResult['metrics'] = null;
    let motion: AnalyticsResult['motion'] = null;
    if (message.analytics || message.motion) {
      const identity = streamIdentity(gcmKey, layout, bits, width, height);
      const body = result.sealed.subarray(0, length);
      const measured = analytics.run(
        body,
        width,
        height,
        bytesPerPixel(layout),
        index,
        identity,
        message.motion,
        message.motionUnderlay ? result.decrypted : undefined,
        message.analytics,
      );
      metrics = measured.metrics ? { gcm: measured.metrics } : null;
      motion = measured.motion;
      clock.lap('metrics');
    }
    const bitmaps: GcmResult['bitmaps'] = {
      gcm: painters.gcm.paint(result.picture, width, height),
      decrypted: painters.decrypted.paint(result.decrypted, width, height),
    };
    if (motion) bitmaps['motion-gcm'] = painters.motion.paint(motion.picture, motion.width, motion.height);
    clock.lap('paint');
    const reply: GcmResult = {
      type: 'gcm',
      seq,
      bitmaps,
      info: { nonceHex: result.nonceHex, tagHex: result.tagHex, gcmEngine, timings: clock.timings },
      metrics,
    };
    scope.postMessage(reply, Object.values(bitmaps));
  } catch (error) {
    const failure: WorkerFailure = {
      type: 'failure',
      seq,
      message: error instanceof Error ? error.message : String(error),
    };
    scope.postMessage(failure);
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
