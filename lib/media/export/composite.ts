/**
 * The side-by-side picture a lecturer pastes into a slide: each visible panel's picture at its native
 * pixels (all scaled down by one factor only when they would pass the maximum width), its title and badge
 * above it, and a footer saying exactly what is shown — source, frame, time, layout, colour depth and key
 * fingerprints (never the keys). Four panels go two by two, as in presenter mode, so they stay at native
 * size on a 16:9 slide. The maths ({@link compositeLayout}, {@link footerText}) is pure and unit-tested;
 * {@link drawComposite} only paints it, so the PNG and every frame of a clip come out the same.
 */
import type { Layout } from '../../cipher/layout';
import { clockTime } from '../../lab/frame-time';
import type { PanelId } from '../../worker/protocol';

/** Default and largest width of a composite: a 1080p slide. */
export const MAX_COMPOSITE_WIDTH = 1920;

/**
 * Spacing in composite pixels. The header is a title line, then the badge, then a gap; the footer is a
 * hairline rule and three lines of text.
 */
export const COMPOSITE_METRICS = {
  margin: 40,
  gap: 32,
  titleLine: 36,
  titleToBadge: 8,
  badge: 30,
  badgeToPicture: 14,
  footerGap: 32,
  rule: 1,
  ruleToText: 18,
  footerLine: 30,
  footerLines: 3,
  /** The footer's text needs about this much room; narrower panels are centred on it. */
  minContentWidth: 640,
} as const;

const M = COMPOSITE_METRICS;
const HEADER = M.titleLine + M.titleToBadge + M.badge + M.badgeToPicture;
const FOOTER = M.footerGap + M.rule + M.ruleToText + M.footerLines * M.footerLine;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where one panel goes: its title line, its badge line (the pill is as wide as its text) and its picture. */
export interface PanelSlot {
  title: Rect;
  badge: Rect;
  picture: Rect;
}

export interface CompositeLayout {
  /** Size of the whole picture; always even, as 4:2:0 video encoders need. */
  width: number;
  height: number;
  columns: number;
  rows: number;
  /** The factor every picture is drawn at (1 = native pixels). */
  scale: number;
  /** One slot per panel, left to right, then top to bottom. */
  panels: PanelSlot[];
  /** The hairline above the footer and the footer's three text lines. */
  footer: { rule: Rect; lines: Rect[] };
}

/** Panels side by side up to three; four as two rows of two (the presenter grid). */
export function compositeColumns(count: number): number {
  return count === 4 ? 2 : count;
}

const even = (value: number) => value + (value % 2);

function checkSize(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

/**
 * Where everything goes for `count` panels of `width` × `height` pixels. Pictures keep their native size
 * unless the row would pass `maxWidth`; then all shrink by the same factor, to whole pixels.
 * @example compositeLayout({ count: 4, width: 640, height: 360 }) // { width: 1392, height: 1150, scale: 1, … }
 */
export function compositeLayout(options: {
  count: number;
  width: number;
  height: number;
  maxWidth?: number;
}): CompositeLayout {
  const { count, width, height, maxWidth = MAX_COMPOSITE_WIDTH } = options;
  if (!Number.isInteger(count) || count < 1 || count > 4)
    throw new RangeError(`count must be 1 to 4 panels, got ${count}`);
  checkSize(width, 'width');
  checkSize(height, 'height');
  const narrowest = 2 * M.margin + M.minContentWidth;
  if (!Number.isInteger(maxWidth) || maxWidth < narrowest || maxWidth > MAX_COMPOSITE_WIDTH)
    throw new RangeError(`maxWidth must be an integer from ${narrowest} to ${MAX_COMPOSITE_WIDTH}, got ${maxWidth}`);

  const columns = compositeColumns(count);
  const rows = Math.ceil(count / columns);
  const room = maxWidth - 2 * M.margin - (columns - 1) * M.gap;
  // Whole-number arithmetic, so 640 × 0.925 is 592 and never 591.99… floored to 591.
  const pictureWidth = Math.min(width, Math.floor(room / columns));
  const pictureHeight = Math.max(1, Math.floor((height * pictureWidth) / width));
  const scale = pictureWidth / width;

  const contentWidth = columns * pictureWidth + (columns - 1) * M.gap;
  const totalWidth = even(Math.max(contentWidth, M.minContentWidth) + 2 * M.margin);
  const left = Math.floor((totalWidth - contentWidth) / 2);
  const rowHeight = HEADER + pictureHeight;

  const panels: PanelSlot[] = [];
  for (let index = 0; index < count; index++) {
    const x = left + (index % columns) * (pictureWidth + M.gap);
    const y = M.margin + Math.floor(index / columns) * (rowHeight + M.gap);
    panels.push({
      title: { x, y, width: pictureWidth, height: M.titleLine },
      badge: { x, y: y + M.titleLine + M.titleToBadge, width: pictureWidth, height: M.badge },
      picture: { x, y: y + HEADER, width: pictureWidth, height: pictureHeight },
    });
  }

  const contentBottom = M.margin + rows * rowHeight + (rows - 1) * M.gap;
  const textWidth = totalWidth - 2 * M.margin;
  const rule = { x: M.margin, y: contentBottom + M.footerGap, width: textWidth, height: M.rule };
  const firstLine = rule.y + M.rule + M.ruleToText;
  const lines = Array.from({ length: M.footerLines }, (_, i) => ({
    x: M.margin,
    y: firstLine + i * M.footerLine,
    width: textWidth,
    height: M.footerLine,
  }));
  const totalHeight = even(contentBottom + FOOTER + M.margin);
  return { width: totalWidth, height: totalHeight, columns, rows, scale, panels, footer: { rule, lines } };
}

/** What the footer says about the frame; fingerprints come from lib/cipher/fingerprint. */
export interface CompositeCaption {
  source: string;
  frame: number;
  /** Seconds into the source; null for a picture. */
  time: number | null;
  layout: Layout;
  bits: number;
  /** Size of each panel's picture as encrypted (before any scaling). */
  size: { width: number; height: number };
  ecbFingerprint: string;
  gcmFingerprint: string;
}

const LAYOUT_NAMES: Record<Layout, string> = {
  rgb: 'RGB layout (3 bytes a pixel)',
  rgba: 'RGBA layout (4 bytes a pixel)',
  gray: 'grey layout (BT.601 luma, 1 byte a pixel)',
};

/**
 * The footer's words: a headline (source, frame, time), the cipher settings, the key fingerprints and
 * the site's name.
 * @example footerText(caption).keys // 'ECB key fp 6ec6 … · GCM key fp 9f3c …'
 */
export function footerText(caption: CompositeCaption): {
  headline: string;
  settings: string;
  keys: string;
  brand: string;
} {
  const { source, frame, time, layout, bits, size } = caption;
  return {
    headline: `${source} — frame ${frame}${time === null ? '' : ` · ${clockTime(time)}`}`,
    settings: `${LAYOUT_NAMES[layout]} · colour depth ${bits} bit${bits === 1 ? '' : 's'} · ${size.width}×${size.height} px per panel`,
    keys: `ECB key fp ${caption.ecbFingerprint}  ·  GCM key fp ${caption.gcmFingerprint}`,
    brand: 'ECB Lens',
  };
}

/** One panel to draw: what it shows (a panel canvas) and its words. */
export interface CompositePanel {
  id: PanelId;
  title: string;
  badge: string;
  image: HTMLCanvasElement | OffscreenCanvas | ImageBitmap;
}

/** CSS font families; the page's own (already loaded) fonts keep the export looking like the site. */
export interface CompositeFonts {
  sans: string;
  mono: string;
}

export const SYSTEM_FONTS: CompositeFonts = { sans: 'system-ui, sans-serif', mono: 'ui-monospace, monospace' };

/** Flat colours of the page's light theme (Tailwind slate, and each panel's badge accent). */
const INK = { page: '#ffffff', text: '#0f172a', muted: '#475569', faint: '#64748b', rule: '#e2e8f0', frame: '#cbd5e1' };
const BADGE: Record<PanelId, { fill: string; text: string }> = {
  original: { fill: '#e2e8f0', text: '#334155' },
  ecb: { fill: '#ffe4e6', text: '#9f1239' },
  gcm: { fill: '#d1fae5', text: '#065f46' },
  decrypted: { fill: '#fef3c7', text: '#92400e' },
  motion: { fill: '#fef3c7', text: '#92400e' },
  'motion-gcm': { fill: '#d1fae5', text: '#065f46' },
};

/** Panels whose pixels are ciphertext bytes. */
const CIPHERTEXT: ReadonlySet<PanelId> = new Set(['ecb', 'gcm']);

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Sets the largest font from `size` down to `min` px at which `text` fits `width`, and returns the text,
 * cut with an ellipsis if it does not fit even at `min`.
 */
function fitText(ctx: Context2D, text: string, width: number, font: (px: number) => string, size: number, min: number) {
  for (let px = size; px >= min; px--) {
    ctx.font = font(px);
    if (ctx.measureText(text).width <= width) return text;
  }
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Paints the composite onto `ctx` (a canvas of `layout.width` × `layout.height`): white page, each
 * panel's title, badge and picture (ciphertext nearest-neighbour, so its pixels stay sharp), and the
 * footer.
 */
export function drawComposite(
  ctx: Context2D,
  layout: CompositeLayout,
  panels: readonly CompositePanel[],
  caption: CompositeCaption,
  fonts: CompositeFonts = SYSTEM_FONTS,
): void {
  if (panels.length !== layout.panels.length)
    throw new RangeError(`the layout has ${layout.panels.length} panel slots, got ${panels.length} panels`);
  const sans = (weight: number) => (px: number) => `${weight} ${px}px ${fonts.sans}`;
  const mono = (px: number) => `400 ${px}px ${fonts.mono}`;

  ctx.save();
  ctx.fillStyle = INK.page;
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';

  panels.forEach((panel, index) => {
    const { title, badge, picture } = layout.panels[index];
    ctx.fillStyle = INK.text;
    const shownTitle = fitText(ctx, panel.title, title.width, sans(600), 28, 16);
    ctx.fillText(shownTitle, title.x, title.y + title.height / 2);

    const padding = 12;
    const label = fitText(ctx, panel.badge, badge.width - 2 * padding, sans(500), 17, 12);
    const pill = Math.ceil(ctx.measureText(label).width) + 2 * padding;
    ctx.fillStyle = BADGE[panel.id].fill;
    ctx.beginPath();
    ctx.roundRect(badge.x, badge.y, pill, badge.height, badge.height / 2);
    ctx.fill();
    ctx.fillStyle = BADGE[panel.id].text;
    ctx.fillText(label, badge.x + padding, badge.y + badge.height / 2);

    ctx.strokeStyle = INK.frame;
    ctx.lineWidth = 1;
    ctx.strokeRect(picture.x - 0.5, picture.y - 0.5, picture.width + 1, picture.height + 1);
    // Ciphertext is drawn nearest-neighbour, so its pixels stay sharp at any scale; the plaintext
    // panels, when shrunk, are smoothed, or dropped pixel columns would turn an 8 in the slide into a 0.
    ctx.imageSmoothingEnabled = layout.scale < 1 && !CIPHERTEXT.has(panel.id);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(panel.image, picture.x, picture.y, picture.width, picture.height);
  });

  const { rule, lines } = layout.footer;
  ctx.fillStyle = INK.rule;
  ctx.fillRect(rule.x, rule.y, rule.width, rule.height);

  const words = footerText(caption);
  const [headline, settings, keys] = lines;
  ctx.font = sans(600)(20);
  const brandWidth = ctx.measureText(words.brand).width;
  ctx.textAlign = 'right';
  ctx.fillStyle = INK.faint;
  ctx.fillText(words.brand, headline.x + headline.width, headline.y + headline.height / 2);
  ctx.textAlign = 'left';
  ctx.fillStyle = INK.text;
  const shownHeadline = fitText(ctx, words.headline, headline.width - brandWidth - 24, sans(600), 22, 14);
  ctx.fillText(shownHeadline, headline.x, headline.y + headline.height / 2);
  ctx.fillStyle = INK.muted;
  ctx.fillText(
    fitText(ctx, words.settings, settings.width, sans(400), 18, 12),
    settings.x,
    settings.y + settings.height / 2,
  );
  ctx.fillText(fitText(ctx, words.keys, keys.width, mono, 18, 12), keys.x, keys.y + keys.height / 2);
  ctx.restore();
}

/**
 * The composite on a new canvas. The layout comes from the first panel's size: the lab draws every
 * panel at the same size, and a mismatch is refused rather than stretched.
 */
export function renderComposite(
  panels: readonly CompositePanel[],
  caption: CompositeCaption,
  fonts: CompositeFonts = SYSTEM_FONTS,
  maxWidth = MAX_COMPOSITE_WIDTH,
): OffscreenCanvas {
  const layout = compositeLayout({ count: panels.length, ...imageSize(panels), maxWidth });
  const canvas = new OffscreenCanvas(layout.width, layout.height);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('this browser has no 2D OffscreenCanvas');
  drawComposite(ctx, layout, panels, caption, fonts);
  return canvas;
}

/** The common size of the panels' pictures; throws when they differ. */
export function imageSize(panels: readonly CompositePanel[]): { width: number; height: number } {
  const [first] = panels;
  if (!first) throw new RangeError('a composite needs at least one panel, got 0');
  const { width, height } = first.image;
  const odd = panels.find(({ image }) => image.width !== width || image.height !== height);
  if (odd)
    throw new RangeError(
      `every panel must have the same size, got ${width}×${height} and ${odd.image.width}×${odd.image.height}`,
    );
  return { width, height };
}
