/**
 * The pure parts of image-source: fitWidth (the processing size of a frame) and checkPictureSize (the
 * lab's decode limits, 8192 px a side and 16,777,216 px = 16 × 2^20). Expected sizes are worked out by
 * hand from width' = maxWidth, height' = round(height × maxWidth / width), at least 1.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPictureSize, fitWidth, MAX_PICTURE_PIXELS, MAX_PICTURE_SIDE } from '../../../lib/media/image-source';
import { SourceError } from '../../../lib/media/source';
import { assertThrowsExactly } from '../helpers/assert-error';

describe('fitWidth', () => {
  const cases: [string, [number, number, number], { width: number; height: number }][] = [
    ['1280×720 into 640: 16:9 halves exactly', [1280, 720, 640], { width: 640, height: 360 }],
    ['1000×3 into 640: 3 × 0.64 = 1.92 rounds to 2', [1000, 3, 640], { width: 640, height: 2 }],
    ['3000×1 into 640: 0.213 rounds to 0, raised to 1', [3000, 1, 640], { width: 640, height: 1 }],
    ['1280×1 into 640: 0.5 rounds half up to 1', [1280, 1, 640], { width: 640, height: 1 }],
    ['1280×3 into 640: 1.5 rounds half up to 2', [1280, 3, 640], { width: 640, height: 2 }],
    ['1920×1080 into 480: 270', [1920, 1080, 480], { width: 480, height: 270 }],
    ['4000×3000 into 320: 4:3 gives 240', [4000, 3000, 320], { width: 320, height: 240 }],
    ['641×480 into 640: 479.25 rounds to 479', [641, 480, 640], { width: 640, height: 479 }],
    ['1001×1000 into 960: 959.04 rounds to 959', [1001, 1000, 960], { width: 960, height: 959 }],
    ['8000×8000 into 1280: square stays square', [8000, 8000, 1280], { width: 1280, height: 1280 }],
    ['700×100000 (very tall) into 640: 91428.57 rounds to 91429', [700, 100000, 640], { width: 640, height: 91429 }],
  ];
  for (const [name, [width, height, maxWidth], expected] of cases) {
    it(name, () => {
      assert.deepEqual(fitWidth(width, height, maxWidth), expected);
    });
  }

  it('never upscales: a picture at or under the width keeps its own size', () => {
    assert.deepEqual(fitWidth(640, 480, 640), { width: 640, height: 480 });
    assert.deepEqual(fitWidth(200, 150, 1280), { width: 200, height: 150 });
    assert.deepEqual(fitWidth(1, 1, 320), { width: 1, height: 1 });
    assert.deepEqual(fitWidth(320, 9000, 320), { width: 320, height: 9000 });
  });

  it('for every width 641…4000 and heights 1…50 into 640: width 640, height = max(1, round(h·640/w)), aspect error under half a pixel', () => {
    for (let width = 641; width <= 4000; width++) {
      for (let height = 1; height <= 50; height++) {
        const fitted = fitWidth(width, height, 640);
        const exact = (height * 640) / width;
        assert.equal(fitted.width, 640);
        assert.ok(Number.isInteger(fitted.height) && fitted.height >= 1, `${width}×${height}`);
        if (exact >= 0.5) assert.ok(Math.abs(fitted.height - exact) <= 0.5, `${width}×${height} → ${fitted.height}, exact ${exact}`);
        else assert.equal(fitted.height, 1, `${width}×${height}`);
      }
    }
  });
});

describe('checkPictureSize', () => {
  const tooLarge = (name: string, width: number, height: number) =>
    `“${name}” is ${width}×${height} pixels, too large to decode here: the lab takes pictures up to ` +
    '8192 px a side and 16,777,216 pixels. Scale it down first.';

  it('the limits are 8192 a side and 16,777,216 pixels', () => {
    assert.equal(MAX_PICTURE_SIDE, 8192);
    assert.equal(MAX_PICTURE_PIXELS, 16_777_216);
  });

  it('at the limits passes: 8192×2048 and 2048×8192 (side 8192, exactly 16,777,216 px), 4096×4096, 8192×1, 1×1', () => {
    for (const [width, height] of [[8192, 2048], [2048, 8192], [4096, 4096], [8192, 1], [1, 8192], [1, 1]]) {
      assert.doesNotThrow(() => checkPictureSize('edge.png', width, height), `${width}×${height}`);
    }
  });

  it('one over a side fails: 8193×1 and 1×8193', () => {
    assertThrowsExactly(() => checkPictureSize('wide.png', 8193, 1), SourceError, tooLarge('wide.png', 8193, 1));
    assertThrowsExactly(() => checkPictureSize('tall.png', 1, 8193), SourceError, tooLarge('tall.png', 1, 8193));
  });

  it('one row over the pixel count fails: 8192×2049 (16,785,408 px) and 4096×4097 (16,781,312 px)', () => {
    assertThrowsExactly(() => checkPictureSize('a.png', 8192, 2049), SourceError, tooLarge('a.png', 8192, 2049));
    assertThrowsExactly(() => checkPictureSize('b.png', 4096, 4097), SourceError, tooLarge('b.png', 4096, 4097));
  });

  it('huge-8000x8000.png (64,000,000 px) and a 20000×20000 liar fail', () => {
    assertThrowsExactly(() => checkPictureSize('huge-8000x8000.png', 8000, 8000), SourceError, tooLarge('huge-8000x8000.png', 8000, 8000));
    assertThrowsExactly(() => checkPictureSize('liar.png', 20000, 20000), SourceError, tooLarge('liar.png', 20000, 20000));
  });

  it('a header with no size (0×N, N×0, 0×0) is a damaged picture', () => {
    const damaged = (name: string) => `“${name}” is a damaged picture: its header has no size.`;
    assertThrowsExactly(() => checkPictureSize('cut.jpg', 0, 150), SourceError, damaged('cut.jpg'));
    assertThrowsExactly(() => checkPictureSize('cut.jpg', 200, 0), SourceError, damaged('cut.jpg'));
    assertThrowsExactly(() => checkPictureSize('cut.webp', 0, 0), SourceError, damaged('cut.webp'));
    assertThrowsExactly(() => checkPictureSize('0×99999.png', 0, 99999), SourceError, damaged('0×99999.png'));
  });

  it('SourceError is an Error named SourceError', () => {
    const error = new SourceError('x');
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'SourceError');
  });
});
