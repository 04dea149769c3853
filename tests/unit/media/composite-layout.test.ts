/**
 * compositeLayout and footerText: where the side-by-side export puts each panel's title, badge and
 * picture, and what its footer says. Expected rectangles are worked out by hand from the spacing the
 * module documents (margin 40, gap 32, header 36 + 8 + 30 + 14 = 88, footer 32 + 1 + 18 + 3 × 30 = 141,
 * sizes rounded up to even); the properties below then hold for every panel count and lab width.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compositeLayout,
  footerText,
  type CompositeCaption,
  type CompositeLayout,
  type Rect,
} from '../../../lib/media/export/composite';
import { PROCESSING_WIDTHS } from '../../../lib/lab/lab-options';
import { assertThrowsExactly } from '../helpers/assert-error';

const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });

describe('worked examples', () => {
  it('four 640×360 panels: two rows of two at native size, 1392×1150', () => {
    const layout = compositeLayout({ count: 4, width: 640, height: 360 });
    assert.deepEqual([layout.width, layout.height, layout.columns, layout.rows, layout.scale], [1392, 1150, 2, 2, 1]);
    assert.deepEqual(layout.panels[0], {
      title: rect(40, 40, 640, 36),
      badge: rect(40, 84, 640, 30),
      picture: rect(40, 128, 640, 360),
    });
    assert.deepEqual(layout.panels[1].picture, rect(712, 128, 640, 360));
    assert.deepEqual(layout.panels[2].picture, rect(40, 608, 640, 360));
    assert.deepEqual(layout.panels[3].title, rect(712, 520, 640, 36));
    // Content ends at 40 + 2 × 448 + 32 = 968; the rule 32 below it, text 18 below the rule.
    assert.deepEqual(layout.footer.rule, rect(40, 1000, 1312, 1));
    assert.deepEqual(layout.footer.lines, [
      rect(40, 1019, 1312, 30),
      rect(40, 1049, 1312, 30),
      rect(40, 1079, 1312, 30),
    ]);
  });

  it('three 640×360 panels: one row, all shrunk to 592×333 to fit 1920 (1776 px of room / 3)', () => {
    const layout = compositeLayout({ count: 3, width: 640, height: 360 });
    assert.deepEqual([layout.width, layout.height, layout.columns, layout.rows], [1920, 642, 3, 1]);
    assert.equal(layout.scale, 592 / 640);
    assert.deepEqual(
      layout.panels.map(({ picture }) => picture),
      [rect(40, 128, 592, 333), rect(664, 128, 592, 333), rect(1288, 128, 592, 333)],
    );
  });

  it('two 1280×720 panels: 904×508 each (1808 / 2, height floored), 1920 wide', () => {
    const layout = compositeLayout({ count: 2, width: 1280, height: 720 });
    assert.deepEqual([layout.width, layout.height], [1920, 817 + 1]);
    assert.deepEqual(layout.panels[1].picture, rect(976, 128, 904, 508));
  });

  it('one 320×180 panel: native, centred on the 640 px the footer needs; 720×490', () => {
    const layout = compositeLayout({ count: 1, width: 320, height: 180 });
    assert.deepEqual([layout.width, layout.height, layout.scale], [720, 490, 1]);
    assert.deepEqual(layout.panels[0].picture, rect(200, 128, 320, 180));
  });

  it('odd sizes are rounded up to even for the video encoder: one 641×361 panel → 722×670', () => {
    const layout = compositeLayout({ count: 1, width: 641, height: 361 });
    assert.deepEqual([layout.width, layout.height], [722, 670]);
    assert.deepEqual(layout.panels[0].picture, rect(40, 128, 641, 361));
  });

  it('a smaller maxWidth shrinks the pictures to fit it', () => {
    const layout = compositeLayout({ count: 2, width: 640, height: 480, maxWidth: 1024 });
    assert.deepEqual([layout.width, layout.panels[0].picture.width, layout.panels[0].picture.height], [1024, 456, 342]);
  });
});

function inside(inner: Rect, outer: { width: number; height: number }): boolean {
  return inner.x >= 0 && inner.y >= 0 && inner.x + inner.width <= outer.width && inner.y + inner.height <= outer.height;
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function allRects(layout: CompositeLayout): Rect[] {
  return [
    ...layout.panels.flatMap(({ title, badge, picture }) => [title, badge, picture]),
    layout.footer.rule,
    ...layout.footer.lines,
  ];
}

describe('properties, for 1–4 panels at every lab width and three aspect ratios', () => {
  const cases = [1, 2, 3, 4].flatMap((count) =>
    PROCESSING_WIDTHS.flatMap((width) =>
      [9 / 16, 3 / 4, 1].map((aspect) => ({ count, width, height: Math.round(width * aspect) })),
    ),
  );

  it('never wider than 1920, always even, every rect inside and none overlapping', () => {
    for (const { count, width, height } of cases) {
      const layout = compositeLayout({ count, width, height });
      const label = `${count} × ${width}×${height}`;
      assert.ok(layout.width <= 1920, label);
      assert.equal(layout.width % 2, 0, label);
      assert.equal(layout.height % 2, 0, label);
      const rects = allRects(layout);
      for (const [i, a] of rects.entries()) {
        assert.ok(inside(a, layout), `${label}: rect ${i} lies outside`);
        for (const b of rects.slice(i + 1)) assert.ok(!overlap(a, b), `${label}: rects overlap`);
      }
    }
  });

  it('pictures are native when they fit, else all shrink by one factor keeping their shape to a pixel', () => {
    for (const { count, width, height } of cases) {
      const layout = compositeLayout({ count, width, height });
      const label = `${count} × ${width}×${height}`;
      const columns = count === 4 ? 2 : count;
      const fits = columns * width + (columns - 1) * 32 + 80 <= 1920;
      assert.equal(layout.scale === 1, fits, label);
      for (const { picture } of layout.panels) {
        assert.equal(picture.width, layout.panels[0].picture.width, label);
        assert.equal(picture.height, layout.panels[0].picture.height, label);
        assert.ok(Math.abs(picture.height - height * (picture.width / width)) < 1, label);
      }
      assert.equal(layout.panels[0].picture.width, Math.round(width * layout.scale), label);
    }
  });

  it('hiding a panel changes the width whenever the panels sit in one row', () => {
    for (const width of PROCESSING_WIDTHS) {
      const sizes = [1, 2, 3].map((count) => compositeLayout({ count, width, height: (width * 9) / 16 }).width);
      assert.ok(sizes[0] < sizes[1] || sizes[0] === 720, `${width}: ${sizes.join(', ')}`);
      assert.ok(sizes[1] < sizes[2] || sizes[2] === 1920, `${width}: ${sizes.join(', ')}`);
    }
  });
});

describe('input checks', () => {
  it('rejects a panel count outside 1–4, sizes that are not positive integers, and a maxWidth it cannot fit', () => {
    assertThrowsExactly(
      () => compositeLayout({ count: 5, width: 640, height: 360 }),
      RangeError,
      'count must be 1 to 4 panels, got 5',
    );
    assertThrowsExactly(
      () => compositeLayout({ count: 0, width: 640, height: 360 }),
      RangeError,
      'count must be 1 to 4 panels, got 0',
    );
    assertThrowsExactly(
      () => compositeLayout({ count: 1, width: 640.5, height: 360 }),
      RangeError,
      'width must be a positive integer, got 640.5',
    );
    assertThrowsExactly(
      () => compositeLayout({ count: 1, width: 640, height: 0 }),
      RangeError,
      'height must be a positive integer, got 0',
    );
    assertThrowsExactly(
      () => compositeLayout({ count: 1, width: 640, height: 360, maxWidth: 700 }),
      RangeError,
      'maxWidth must be an integer from 720 to 1920, got 700',
    );
  });
});

describe('footerText', () => {
  const caption: CompositeCaption = {
    source: 'A video meeting',
    frame: 180,
    time: 6,
    layout: 'rgb',
    bits: 8,
    size: { width: 640, height: 360 },
    ecbFingerprint: '6ec6 3f7c 5c1a 0d25',
    gcmFingerprint: '9f3c 0b1e 77a2 41d0',
  };

  it('says source, frame and time; layout, depth and size; both fingerprints; and the site', () => {
    assert.deepEqual(footerText(caption), {
      headline: 'A video meeting — frame 180 · 0:06.00',
      settings: 'RGB layout (3 bytes a pixel) · colour depth 8 bits · 640×360 px per panel',
      keys: 'ECB key fp 6ec6 3f7c 5c1a 0d25  ·  GCM key fp 9f3c 0b1e 77a2 41d0',
      brand: 'ECB Lens',
    });
  });

  it('a picture has no time; one bit is singular; minutes roll over', () => {
    assert.equal(footerText({ ...caption, time: null, frame: 0 }).headline, 'A video meeting — frame 0');
    assert.match(
      footerText({ ...caption, layout: 'gray', bits: 1 }).settings,
      /^grey layout \(BT\.601 luma, 1 byte a pixel\) · colour depth 1 bit · /,
    );
    assert.equal(footerText({ ...caption, time: 61.999 }).headline, 'A video meeting — frame 180 · 1:02.00');
  });
});
