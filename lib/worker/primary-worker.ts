/**
 * The primary worker: reads each frame's pixels, packs them, passes the plaintext to the ECB worker,
 * and itself encrypts with AES-256-GCM (native WebCrypto where the page is a secure context), decrypts
 * with the key, and sends the original, GCM and decrypted panels to the page.
 */
import { BitmapPainter, PixelReader } from './painter';
import type { FrameRequest, PageToWorker, PlaintextMessage, PortMessage, PrimaryResult, WorkerFailure, WorkerScope } from './protocol';
import { StageClock } from './stage-clock';
import { GcmStage, PackStage } from './stages';

const scope = self as unknown as WorkerScope;

const reader = new PixelReader();
const pack = new PackStage();
const gcm = new GcmStage();
const painters = { gcm: new BitmapPainter(), decrypted: new BitmapPainter() };
const spare: ArrayBuffer[] = [];
let ecbPort: MessagePort | null = null;

const gcmEngine = typeof globalThis.crypto?.subtle?.encrypt === 'function' ? 'webcrypto' : 'noble';

function sendPlaintext(seq: number, plaintext: Uint8Array, width: number, height: number, request: FrameRequest): void {
  if (!ecbPort) throw new Error('the ECB worker is not connected');
  const found = spare.findIndex((buffer) => buffer.byteLength === plaintext.length);
  if (found < 0) spare.length = 0; // the frame size changed: the old buffers will not fit again
  const buffer = found >= 0 ? spare.splice(found, 1)[0] : new ArrayBuffer(plaintext.length);
  new Uint8Array(buffer, 0, plaintext.length).set(plaintext);
  const { layout, bits, ecbKey } = request.settings;
  const message: PlaintextMessage = { type: 'plaintext', seq, width, height, layout, bits, ecbKey, buffer, length: plaintext.length };
  ecbPort.postMessage(message, [buffer]);
}

async function process(request: FrameRequest): Promise<void> {
  const { seq, bitmap, settings } = request;
  try {
    const clock = new StageClock();
    const frame = reader.read(bitmap);
    const { width, height } = frame;
    clock.lap('read');
    const plaintext = pack.run(frame, settings.layout, settings.bits);
    sendPlaintext(seq, plaintext, width, height, request);
    clock.lap('pack');
    const result = await gcm.run(plaintext, settings.gcmKey, settings.layout, width, height);
    clock.lap('gcm');
    const bitmaps = {
      original: bitmap,
      gcm: painters.gcm.paint(result.picture, width, height),
      decrypted: painters.decrypted.paint(result.decrypted, width, height),
    };
    clock.lap('paint');
    const message: PrimaryResult = {
      type: 'primary',
      seq,
      bitmaps,
      info: {
        width,
        height,
        plaintextBytes: plaintext.length,
        nonceHex: result.nonceHex,
        tagHex: result.tagHex,
        gcmEngine,
        timings: clock.timings,
      },
    };
    scope.postMessage(message, [bitmaps.original, bitmaps.gcm, bitmaps.decrypted]);
  } catch (error) {
    bitmap.close();
    const failure: WorkerFailure = { type: 'failure', seq, message: error instanceof Error ? error.message : String(error) };
    scope.postMessage(failure);
  }
}

// Frames are handled strictly in order: the page sends the next only when this one is drawn.
let queue = Promise.resolve();

scope.onmessage = (event: MessageEvent<PageToWorker>) => {
  const message = event.data;
  if (message.type === 'connect') {
    ecbPort = message.port;
    ecbPort.onmessage = (portEvent: MessageEvent<PortMessage>) => {
      if (portEvent.data.type === 'return') spare.push(portEvent.data.buffer);
    };
    return;
  }
  queue = queue.then(() => process(message));
};
