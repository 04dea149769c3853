/**
 * The ECB worker: AES-128-ECB in pure JS is the slowest step of a frame, so it gets a thread of its
 * own. It takes packed plaintext from the primary worker, sends the ECB picture to the page, and hands
 * the plaintext buffer back to the primary for reuse.
 */
import { toHex } from '../cipher/hex';
import { BitmapPainter } from './painter';
import type { BufferReturn, EcbResult, PageToWorker, PlaintextMessage, WorkerFailure, WorkerScope } from './protocol';
import { EcbStage } from './stages';
import { StageClock } from './stage-clock';

const scope = self as unknown as WorkerScope;

const stage = new EcbStage();
const painter = new BitmapPainter();

function encrypt(message: PlaintextMessage, port: MessagePort): void {
  const { seq, width, height, layout, ecbKey, buffer, length } = message;
  try {
    const clock = new StageClock();
    const plaintext = new Uint8Array(buffer, 0, length);
    const { ciphertext, picture, padding } = stage.run(plaintext, ecbKey, layout, width, height);
    clock.lap('ecb');
    const bitmap = painter.paint(picture, width, height);
    clock.lap('paint');
    const result: EcbResult = {
      type: 'ecb',
      seq,
      bitmap,
      info: { ciphertextBytes: ciphertext.length, paddingHex: toHex(padding), timings: clock.timings },
    };
    scope.postMessage(result, [bitmap]);
  } catch (error) {
    const failure: WorkerFailure = { type: 'failure', seq, message: error instanceof Error ? error.message : String(error) };
    scope.postMessage(failure);
  } finally {
    const back: BufferReturn = { type: 'return', buffer };
    port.postMessage(back, [buffer]);
  }
}

scope.onmessage = (event: MessageEvent<PageToWorker>) => {
  if (event.data.type !== 'connect') return;
  const port = event.data.port;
  port.onmessage = (portEvent: MessageEvent<PlaintextMessage>) => {
    if (portEvent.data.type === 'plaintext') encrypt(portEvent.data, port);
  };
};
