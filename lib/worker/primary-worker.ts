/**
 * The primary worker: scales each frame and reads its pixels, packs them, passes the plaintext to the
 * second worker, and itself encrypts the first ciphertext panel's stream (AES-128-ECB unless the panel
 * shows another mode; ECB re-encrypts only the blocks that changed since the last frame), measures the
 * original and that stream, and sends the original, first ciphertext and its motion panels to the page.
 */
import { bytesPerPixel } from '../cipher/layout';
import { blockFigures, MetricsMeter } from '../metrics/frame-metrics';
import { AnalyticsStage, type AnalyticsResult } from './analytics-stage';
import { BufferPool, PicturePool } from './buffer-pool';
import { PixelReader } from './pixel-reader';
import {
  keyFor,
  pictureBuffers,
  streamIdentity,
  type FrameRequest,
  type PageToWorker,
  type PlaintextMessage,
  type PortMessage,
  type PrimaryResult,
  type WorkerScope,
} from './protocol';
import { StageClock } from './stage-clock';
import { PackStage, StreamStage } from './stages';
import { failure, streamInfo } from './stream-report';

const scope = self as unknown as WorkerScope;

const reader = new PixelReader();
const pack = new PackStage();
const stream = new StreamStage();
const streamAnalytics = new AnalyticsStage();
/** The plaintext's own repeated and unchanged blocks, when the first panel is not ECB (see below). */
const originalAnalytics = new AnalyticsStage();
const originalMeter = new MetricsMeter();
const buffers = new BufferPool();
const pictures = new PicturePool();
let secondPort: MessagePort | null = null;
let queue = Promise.resolve();

function sendPlaintext(request: FrameRequest, plaintext: Uint8Array): void {
  if (!secondPort) throw new Error('the second worker is not connected');
  const buffer = buffers.copyOf(plaintext);
  const { layout, bits, modes, analytics: measure, motion, follow, motionUnderlay } = request.settings;
  const message: PlaintextMessage = {
    type: 'plaintext',
    seq: request.seq,
    index: request.index,
    width: request.width,
    height: request.height,
    layout,
    bits,
    mode: modes.gcm,
    key: keyFor(modes.gcm, request.settings),
    analytics: measure,
    motion,
    follow,
    motionUnderlay,
    buffer,
    length: plaintext.length,
  };
  secondPort.postMessage(message, [buffer]);
}

async function process(request: FrameRequest): Promise<void> {
  const { seq, image, settings, index } = request;
  try {
    const clock = new StageClock();
    const { frame, path, reads } = await reader.read(image, request.width, request.height);
    image.close();
    const { width, height } = frame;
    // 'copy': copied out with VideoFrame.copyTo and shrunk in JavaScript; 'read': drawn onto a canvas.
    clock.lap(path === 'copy' ? 'copy' : 'read');
    const { layout, bits, modes } = settings;
    const plaintext = pack.run(frame, layout, bits);
    sendPlaintext(request, plaintext);
    clock.lap('pack');
    const mode = modes.ecb;
    const key = keyFor(mode, settings);
    const encrypted = await stream.encrypt(plaintext, mode, key, layout, width, height);
    clock.lap(mode);
    let metrics: PrimaryResult['metrics'] = null;
    let motion: AnalyticsResult['motion'] = null;
    if (settings.analytics || settings.motion || settings.follow) {
      const perPixel = bytesPerPixel(layout);
      const body = encrypted.ciphertext.subarray(0, plaintext.length);
      const identity = streamIdentity(mode, key, layout, bits, width, height);
      const underlay = settings.motionUnderlay ? (frame.data as Uint8ClampedArray) : undefined;
      const measured = streamAnalytics.run(
        body,
        width,
        height,
        perPixel,
        index,
        identity,
        settings.motion,
        underlay,
        settings.analytics,
      );
      if (measured.metrics) {
        // AES under one key is a permutation of 16-byte blocks: two ECB blocks are equal exactly when
        // their plaintext blocks are, in one frame and across frames. So under ECB the original's
        // repeated and unchanged blocks are the stream's, measured once (tests/unit/metrics/frame-metrics
        // checks the equality on real ciphertext); under another mode they are measured on their own.
        const plain =
          mode === 'ecb'
            ? measured.metrics
            : originalAnalytics.run(plaintext, width, height, perPixel, index, `plain|${identity}`, false).metrics;
        const original = {
          ...originalMeter.measureValues(plaintext, width, height, perPixel),
          ...blockFigures(plain ?? measured.metrics),
        };
        metrics = { original, ecb: measured.metrics };
      }
      motion = measured.motion;
      clock.lap('metrics');
    }
    const panels: PrimaryResult['panels'] = {
      original: pictures.picture(frame.data, width, height),
      ecb: pictures.picture(encrypted.picture, width, height),
    };
    if (motion) panels.motion = pictures.picture(motion.picture, motion.width, motion.height);
    clock.lap('pictures');
    const message: PrimaryResult = {
      type: 'primary',
      seq,
      panels,
      info: {
        width,
        height,
        reads,
        plaintextBytes: plaintext.length,
        stream: streamInfo(encrypted),
        timings: clock.timings,
      },
      metrics,
    };
    scope.postMessage(message, pictureBuffers(panels));
  } catch (error) {
    image.close();
    scope.postMessage(failure(seq, error));
  }
}

scope.onmessage = (event: MessageEvent<PageToWorker>) => {
  const message = event.data;
  if (message.type === 'connect') {
    secondPort = message.port;
    secondPort.onmessage = (portEvent: MessageEvent<PortMessage>) => {
      if (portEvent.data.type === 'return') buffers.give(portEvent.data.buffer);
    };
    return;
  }
  if (message.type === 'pictures-back') {
    message.buffers.forEach((buffer) => pictures.give(buffer));
    return;
  }
  if (message.type !== 'frame') return;
  // Frames are handled strictly in order, one at a time (reading a video frame may wait on copyTo);
  // process reports its own failures, and the catch keeps the queue going should even that throw.
  queue = queue.then(() => process(message)).catch((error: unknown) => scope.postMessage(failure(message.seq, error)));
};
