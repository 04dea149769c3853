/**
 * The primary worker: scales each frame and reads its pixels, packs them, passes the plaintext to the
 * GCM worker, and itself encrypts with AES-128-ECB (re-encrypting only the blocks that changed since
 * the last frame), measures the original and the ECB stream, and sends the original, ECB and ECB motion
 * panels to the page.
 */
import { toHex } from '../cipher/hex';
import { bytesPerPixel } from '../cipher/layout';
import { blockFigures, MetricsMeter } from '../metrics/frame-metrics';
import { AnalyticsStage, type AnalyticsResult } from './analytics-stage';
import { BitmapPainter, PixelReader } from './painter';
import {
  streamIdentity,
  type FrameRequest,
  type PageToWorker,
  type PlaintextMessage,
  type PortMessage,
  type PrimaryResult,
  type WorkerFailure,
  type WorkerScope,
} from './protocol';
import { StageClock } from './stage-clock';
import { EcbStage, PackStage } from './stages';

const scope = self as unknown as WorkerScope;

const reader = new PixelReader();
const pack = new PackStage();
const ecb = new EcbStage();
const ecbAnalytics = new AnalyticsStage();
const originalMeter = new MetricsMeter();
const painters = { ecb: new BitmapPainter(), motion: new BitmapPainter() };
const spare: ArrayBuffer[] = [];
let gcmPort: MessagePort | null = null;
let queue = Promise.resolve();

function sendPlaintext(request: FrameRequest, plaintext: Uint8Array): void {
  if (!gcmPort) throw new Error('the GCM worker is not connected');
  const found = spare.findIndex((buffer) => buffer.byteLength === plaintext.length);
  if (found < 0) spare.length = 0; // the frame size changed: the old buffers will not fit again
  const buffer = found >= 0 ? spare.splice(found, 1)[0] : new ArrayBuffer(plaintext.length);
  new Uint8Array(buffer, 0, plaintext.length).set(plaintext);
  const { layout, bits, gcmKey, analytics: measure, motion, motionUnderlay } = request.settings;
  const message: PlaintextMessage = {
    type: 'plaintext',
    seq: request.seq,
    index: request.index,
    width: request.width,
    height: request.height,
    layout,
    bits,
    gcmKey,
    analytics: measure,
    motion,
    motionUnderlay,
    buffer,
    length: plaintext.length,
  };
  gcmPort.postMessage(message, [buffer]);
}

/** Tells the page that frame `seq` could not be processed. */
function fail(seq: number, error: unknown): void {
  const failure: WorkerFailure = {
    type: 'failure',
    seq,
    message: error instanceof Error ? error.message : String(error),
  };
  scope.postMessage(failure);
}

async function process(request: FrameRequest): Promise<void> {
  const { seq, image, settings, index } = request;
  // Bitmaps made for this frame, closed if a later step fails before they are sent.
  const made: ImageBitmap[] = [];
  try {
    const clock = new StageClock();
    const { frame, original, path } = await reader.read(image, request.width, request.height);
    made.push(original);
    image.close();
    const { width, height } = frame;
    // 'copy': copied out with VideoFrame.copyTo and shrunk in JavaScript; 'read': drawn onto a canvas.
    clock.lap(path === 'copy' ? 'copy' : 'read');
    const plaintext = pack.run(frame, settings.layout, settings.bits);
    sendPlaintext(request, plaintext);
    clock.lap('pack');
    const { ciphertext, picture, padding } = ecb.run(plaintext, settings.ecbKey, settings.layout, width, height);
    clock.lap('ecb');
    let metrics: PrimaryResult['metrics'] = null;
    let motion: AnalyticsResult['motion'] = null;
    if (settings.analytics || settings.motion) {
      const perPixel = bytesPerPixel(settings.layout);
      const identity = streamIdentity(settings.ecbKey, settings.layout, settings.bits, width, height);
      const body = ciphertext.subarray(0, plaintext.length);
      const measuredEcb = ecbAnalytics.run(
        body,
        width,
        height,
        perPixel,
        index,
        identity,
        settings.motion,
        settings.motionUnderlay ? (frame.data as Uint8ClampedArray) : undefined,
        settings.analytics,
      );
      if (measuredEcb.metrics) {
        // AES under one key is a permutation of 16-byte blocks: two ECB blocks are equal exactly when
        // their plaintext blocks are, in one frame and across frames. So the original's repeated and
        // unchanged blocks are the ECB stream's, measured once (tests/unit/metrics/frame-metrics checks
        // the equality on real ciphertext).
        const original = {
          ...originalMeter.measureValues(plaintext, width, height, perPixel),
          ...blockFigures(measuredEcb.metrics),
        };
        metrics = { original, ecb: measuredEcb.metrics };
      }
      motion = measuredEcb.motion;
      clock.lap('metrics');
    }
    const ecbBitmap = painters.ecb.paint(picture, width, height);
    made.push(ecbBitmap);
    const bitmaps: PrimaryResult['bitmaps'] = { original, ecb: ecbBitmap };
    if (motion) {
      bitmaps.motion = painters.motion.paint(motion.picture, motion.width, motion.height);
      made.push(bitmaps.motion);
    }
    clock.lap('paint');
    const message: PrimaryResult = {
      type: 'primary',
      seq,
      bitmaps,
      info: {
        width,
        height,
        plaintextBytes: plaintext.length,
        ecbCiphertextBytes: ciphertext.length,
        paddingHex: toHex(padding),
        reusedBlocks: ecb.reusedBlocks,
        timings: clock.timings,
      },
      metrics,
    };
    scope.postMessage(message, Object.values(bitmaps));
  } catch (error) {
    image.close();
    made.forEach((bitmap) => bitmap.close());
    fail(seq, error);
  }
}

scope.onmessage = (event: MessageEvent<PageToWorker>) => {
  const message = event.data;
  if (message.type === 'connect') {
    gcmPort = message.port;
    gcmPort.onmessage = (portEvent: MessageEvent<PortMessage>) => {
      if (portEvent.data.type === 'return') spare.push(portEvent.data.buffer);
    };
    return;
  }
  // Frames are handled strictly in order, one at a time (reading a video frame may wait on copyTo);
  // process reports its own failures, and the catch keeps the queue going should even that throw.
  queue = queue.then(() => process(message)).catch((error: unknown) => fail(message.seq, error));
};
