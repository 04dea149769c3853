import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { LAYOUTS, MODES, packFrame, unpackFrame } from '../../../lib/cipher';
import { inspectHeader } from '../../../lib/png';
import { gradientPng, pixels } from '../../fixtures/png/images';
import { cli, workspace } from './harness';

const COLOR_TYPE = { rgb: 2, rgba: 6, gray: 0 } as const;

describe('encrypt then decrypt', () => {
  const input = gradientPng(37, 23);
  const original = pixels(input);

  for (const mode of MODES) {
    for (const layout of LAYOUTS) {
      for (const bits of [1, 3, 8]) {
        it(`${mode} ${layout} ${bits}-bit gives back exactly the quantized pixels`, async (t) => {
          const { path } = await workspace(t, { 'in.png': input });
          const encrypted = await cli('encrypt', '--mode', mode, '--layout', layout, '--bits', String(bits), path('in.png'), path('enc.png'));
          assert.deepEqual([encrypted.code, encrypted.stderr], [0, '']);
          const { key } = JSON.parse(encrypted.stdout) as { key: string };

          const picture = new Uint8Array(await readFile(path('enc.png')));
          assert.deepEqual(inspectHeader(picture), { width: 37, height: 23, bitDepth: 8, colorType: COLOR_TYPE[layout] });
          if (layout === 'rgba') assert.ok(pixels(picture).data.every((v, i) => i % 4 !== 3 || v === 255), 'alpha 255');

          const decrypted = await cli('decrypt', '--key', key, path('enc.png'), path('dec.png'));
          assert.deepEqual(decrypted, { code: 0, stdout: '', stderr: '' });
          const output = new Uint8Array(await readFile(path('dec.png')));
          assert.deepEqual(inspectHeader(output), { width: 37, height: 23, bitDepth: 8, colorType: COLOR_TYPE[layout] });

          const quantized = packFrame(original, layout, bits);
          assert.deepEqual(packFrame(pixels(output), layout, 8), quantized);
          assert.deepEqual(pixels(output).data, new Uint8Array(unpackFrame(quantized, layout, 37, 23).data));
        });
      }
    }
  }
});
