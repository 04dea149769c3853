/**
 * A synthetic video meeting, drawn with flat fills only: a talking speaker, then a shared slide that
 * changes once. Flat areas are where ECB leaks most (equal pixels make equal 16-byte blocks, hence equal
 * ciphertext), so the built-in sample shows Zoom 2020's AES-128-ECB mistake without a camera.
 * Deterministic: the same time always draws the same picture. See NIST SP 800-38A §6.1 for ECB.
 */

/** Width of the design space in pixels; {@link drawMeetingFrame} scales it to any canvas. */
export const MEETING_WIDTH = 1280;
/** Height of the design space in pixels. */
export const MEETING_HEIGHT = 720;
/** Frame rate the scene boundaries are aligned to (every boundary is a whole frame at 30 fps). */
export const MEETING_FPS = 30;
/** Length of the meeting in seconds. */
export const MEETING_DURATION_S = 12;

/** What is on screen: the speaker's camera, a shared slide, or the same slide after it changed. */
export type MeetingSceneName = 'speaker' | 'slide' | 'slide-updated';

/** One scene of the meeting, `start` inclusive and `end` exclusive, in seconds. */
export interface MeetingScene {
  name: MeetingSceneName;
  start: number;
  end: number;
}

/**
 * The scenes in order. The slide is static from 5 s to 8.5 s; at 8.5 s a fourth bar and a fourth bullet
 * appear, so only that part of the picture changes. The speaker's self-view keeps moving throughout.
 */
export const MEETING_SCENES: readonly MeetingScene[] = Object.freeze([
  Object.freeze({ name: 'speaker', start: 0, end: 5 }),
  Object.freeze({ name: 'slide', start: 5, end: 8.5 }),
  Object.freeze({ name: 'slide-updated', start: 8.5, end: MEETING_DURATION_S }),
] as const);

/** The self-view thumbnail on the slide scenes, in design-space pixels. */
export const SELF_VIEW = Object.freeze({ x: 1000, y: 552, width: 256, height: 144 });

/** Moments the attack lab takes its frames at: mid-phrase, and the slide before and after its update. */
export const MEETING_MOMENTS = Object.freeze({ speaker: 2.5, slide: 6.5, slideUpdated: 10 });

/**
 * Regions the attack lab points at, in design-space pixels: the speaker's head with its sway (the hair's
 * ellipse, 124 × 128 around (640, 308), moved up to 16 px each way), and the column of the slide's first
 * bar (the chart runs from y 226 to 486; the first of four 130-px slots from x 680 has its 84-px bar at
 * 703).
 */
export const MEETING_REGIONS = Object.freeze({
  face: Object.freeze({ x: 500, y: 170, width: 280, height: 340 }),
  firstBar: Object.freeze({ x: 703, y: 226, width: 84, height: 260 }),
});

/**
 * The subset of a 2D canvas context the meeting is drawn with. A `CanvasRenderingContext2D` or an
 * `OffscreenCanvasRenderingContext2D` fits; so does a recording fake in a test.
 */
export type MeetingContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineCap'
  | 'lineJoin'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'save'
  | 'restore'
  | 'translate'
  | 'scale'
  | 'fillRect'
  | 'beginPath'
  | 'closePath'
  | 'moveTo'
  | 'lineTo'
  | 'quadraticCurveTo'
  | 'arc'
  | 'ellipse'
  | 'rect'
  | 'roundRect'
  | 'fill'
  | 'stroke'
  | 'clip'
  | 'fillText'
>;

/** Where the speaker is and what their face does at one instant. */
export interface SpeakerPose {
  /** Head offset from centre, whole pixels. */
  dx: number;
  dy: number;
  /** Mouth opening: 0 closed, 4 wide open. */
  mouth: number;
  eyesClosed: boolean;
}

const SELF_VIEW_ZOOM = 0.25;
const SELF_VIEW_CENTRE_Y = 420;
const FONT = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif';
const TAU = Math.PI * 2;

const PHRASES: readonly (readonly [number, number])[] = [
  [0.3, 1.9],
  [2.2, 3.55],
  [3.85, 4.8],
];
const PHRASE_PERIOD_S = 5;
const SYLLABLES_PER_S = 4.5;
const BLINK_PERIOD_S = 3.1;
const BLINK_PHASE_S = 1.7;
const BLINK_LENGTH_S = 0.14;

const C = {
  wall: '#E6DCCB',
  wood: '#9A6B45',
  woodEdge: '#7A5235',
  frame: '#2F3640',
  mat: '#F8F5EF',
  sky: '#A9D2EA',
  sun: '#F4C95D',
  hillFar: '#7FA3B3',
  hillNear: '#4F7A8A',
  globe: '#6FB1DE',
  land: '#5FA36E',
  pot: '#C8693C',
  potRim: '#A85530',
  leaf: '#3F8F5B',
  leafDark: '#2C6B43',
  shirt: '#3D6E9E',
  shirtEdge: '#2B5379',
  skin: '#EDB48E',
  skinShade: '#D4936A',
  hair: '#3A2A22',
  eye: '#22262B',
  eyeGlint: '#FFFFFF',
  lips: '#B4575A',
  mouth: '#6E2433',
  teeth: '#FFFFFF',
  glasses: '#22262B',
  chrome: '#1F2428',
  chromeText: '#FFFFFF',
  secure: '#3DBE6A',
  share: '#2FA84F',
  slide: '#FFFFFF',
  ink: '#1F2933',
  inkSoft: '#52606D',
  muted: '#9AA5B1',
  grid: '#E4E8EE',
  accent: '#2D6CDF',
  highlight: '#E8833A',
  letterbox: '#000000',
} as const;

const BOOKS: readonly { x: number; w: number; h: number; color: string }[] = [
  { x: 96, w: 26, h: 104, color: '#C0392B' },
  { x: 124, w: 34, h: 118, color: '#2E86AB' },
  { x: 160, w: 22, h: 92, color: '#F2C14E' },
  { x: 184, w: 30, h: 112, color: '#3B7A57' },
  { x: 216, w: 26, h: 98, color: '#6C5B7B' },
  { x: 304, w: 28, h: 100, color: '#E07A5F' },
  { x: 334, w: 24, h: 84, color: '#264653' },
];

const SLIDE_BULLETS = [
  'Active users up 18% on Q2',
  'Support tickets down a third',
  'Two new regions: EU and APAC',
] as const;
const SLIDE_FORECAST_BULLET = 'Q4 forecast: $3.9M revenue';

const BARS: readonly { label: string; value: number }[] = [
  { label: 'Q1', value: 2.1 },
  { label: 'Q2', value: 2.6 },
  { label: 'Q3', value: 3.2 },
  { label: 'Q4', value: 3.9 },
];
const WEEKLY_USERS = [31, 34, 33, 38, 41, 40, 46, 52] as const;

function checkTime(timeSeconds: number): void {
  if (typeof timeSeconds !== 'number')
    throw new TypeError(`time must be a number of seconds, got ${typeof timeSeconds}`);
  if (!Number.isFinite(timeSeconds) || timeSeconds < 0 || timeSeconds > MEETING_DURATION_S) {
    throw new RangeError(`time must be from 0 to ${MEETING_DURATION_S} seconds, got ${timeSeconds}`);
  }
}

/**
 * The scene on screen at `timeSeconds` (0 to {@link MEETING_DURATION_S}; the end belongs to the last scene).
 * @example meetingSceneAt(6).name // 'slide'
 */
export function meetingSceneAt(timeSeconds: number): MeetingScene {
  checkTime(timeSeconds);
  return MEETING_SCENES.find((scene) => timeSeconds < scene.end) ?? MEETING_SCENES[MEETING_SCENES.length - 1];
}

function syllableLoudness(index: number): number {
  const h = Math.imul(index + 1, 0x9e3779b1) >>> 0;
  return 0.45 + 0.55 * ((h >>> 8) / 0x1000000);
}

/**
 * The speaker's head offset, mouth and eyes at `timeSeconds`: talking in three phrases with pauses,
 * blinking about every three seconds, swaying a few pixels. Pure, so tests can check it without a canvas.
 * @example speakerPose(0).mouth // 0: the first phrase starts at 0.3 s
 */
export function speakerPose(timeSeconds: number): SpeakerPose {
  checkTime(timeSeconds);
  const t = timeSeconds;
  const dx = Math.round(12 * Math.sin(TAU * 0.23 * t) + 5 * Math.sin(TAU * 0.61 * t + 1.3));
  const dy = Math.round(4 * Math.sin(TAU * 0.41 * t + 0.4));
  const inPhrase = t % PHRASE_PERIOD_S;
  const talking = PHRASES.some(([from, to]) => inPhrase >= from && inPhrase < to);
  let mouth = 0;
  if (talking) {
    const phase = t * SYLLABLES_PER_S;
    const syllable = Math.floor(phase);
    mouth = Math.round(4 * syllableLoudness(syllable) * Math.sin(Math.PI * (phase - syllable)));
  }
  const eyesClosed = (t + BLINK_PHASE_S) % BLINK_PERIOD_S < BLINK_LENGTH_S;
  return { dx, dy, mouth, eyesClosed };
}

function drawRoom(ctx: MeetingContext): void {
  ctx.fillStyle = C.wall;
  ctx.fillRect(0, 0, MEETING_WIDTH, MEETING_HEIGHT);

  for (const book of BOOKS) {
    ctx.fillStyle = book.color;
    ctx.fillRect(book.x, 236 - book.h, book.w, book.h);
  }
  ctx.fillStyle = C.globe;
  ctx.beginPath();
  ctx.arc(272, 196, 26, 0, TAU);
  ctx.fill();
  ctx.fillStyle = C.land;
  ctx.beginPath();
  ctx.ellipse(264, 188, 10, 13, 0.5, 0, TAU);
  ctx.ellipse(283, 208, 8, 6, -0.3, 0, TAU);
  ctx.fill();
  ctx.fillStyle = C.frame;
  ctx.fillRect(268, 222, 8, 8);
  ctx.fillRect(256, 228, 32, 8);
  ctx.fillStyle = C.wood;
  ctx.fillRect(70, 236, 320, 16);
  ctx.fillStyle = C.woodEdge;
  ctx.fillRect(70, 252, 320, 6);

  ctx.fillStyle = C.frame;
  ctx.fillRect(930, 104, 240, 180);
  ctx.fillStyle = C.mat;
  ctx.fillRect(944, 118, 212, 152);
  ctx.fillStyle = C.sky;
  ctx.fillRect(962, 136, 176, 116);
  ctx.fillStyle = C.sun;
  ctx.beginPath();
  ctx.arc(1100, 168, 16, 0, TAU);
  ctx.fill();
  ctx.fillStyle = C.hillFar;
  ctx.beginPath();
  ctx.moveTo(962, 252);
  ctx.lineTo(1010, 184);
  ctx.lineTo(1050, 226);
  ctx.lineTo(1084, 196);
  ctx.lineTo(1138, 252);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = C.hillNear;
  ctx.beginPath();
  ctx.moveTo(962, 252);
  ctx.lineTo(962, 230);
  ctx.lineTo(1030, 214);
  ctx.lineTo(1138, 240);
  ctx.lineTo(1138, 252);
  ctx.closePath();
  ctx.fill();

  drawPlant(ctx);
}

function drawLeaf(ctx: MeetingContext, x: number, y: number, length: number, angle: number, color: string): void {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.ellipse(
    x + Math.round(Math.sin(angle) * length * 0.5),
    y - Math.round(Math.cos(angle) * length * 0.5),
    22,
    length / 2,
    angle,
    0,
    TAU,
  );
  ctx.fill();
}

function drawPlant(ctx: MeetingContext): void {
  drawLeaf(ctx, 1082, 580, 170, -0.55, C.leafDark);
  drawLeaf(ctx, 1082, 580, 190, 0.5, C.leafDark);
  drawLeaf(ctx, 1082, 580, 210, -0.15, C.leaf);
  drawLeaf(ctx, 1082, 580, 150, -0.95, C.leaf);
  drawLeaf(ctx, 1082, 580, 160, 0.95, C.leaf);
  drawLeaf(ctx, 1082, 580, 180, 0.2, C.leafDark);
  ctx.fillStyle = C.pot;
  ctx.beginPath();
  ctx.moveTo(1022, 592);
  ctx.lineTo(1142, 592);
  ctx.lineTo(1128, 720);
  ctx.lineTo(1036, 720);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = C.potRim;
  ctx.fillRect(1014, 576, 136, 22);
}

function drawPerson(ctx: MeetingContext, pose: SpeakerPose): void {
  const hx = 640 + pose.dx;
  const hy = 344 + pose.dy;
  const tx = 640 + Math.round(pose.dx * 0.4);

  ctx.fillStyle = C.shirt;
  ctx.beginPath();
  ctx.moveTo(tx - 310, 730);
  ctx.lineTo(tx - 306, 660);
  ctx.quadraticCurveTo(tx - 294, 566, tx - 150, 548);
  ctx.lineTo(tx + 150, 548);
  ctx.quadraticCurveTo(tx + 294, 566, tx + 306, 660);
  ctx.lineTo(tx + 310, 730);
  ctx.closePath();
  ctx.fill();

  ctx.fillStyle = C.skinShade;
  ctx.fillRect(hx - 40, hy + 100, 80, 460 - hy);
  ctx.fillStyle = C.shirtEdge;
  ctx.beginPath();
  ctx.moveTo(tx - 70, 544);
  ctx.lineTo(tx, 632);
  ctx.lineTo(tx + 70, 544);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = C.skinShade;
  ctx.beginPath();
  ctx.moveTo(tx - 52, 544);
  ctx.lineTo(tx, 612);
  ctx.lineTo(tx + 52, 544);
  ctx.closePath();
  ctx.fill();

  ctx.fillStyle = C.hair;
  ctx.beginPath();
  ctx.ellipse(hx, hy - 36, 124, 128, 0, 0, TAU);
  ctx.fill();

  ctx.fillStyle = C.skinShade;
  ctx.beginPath();
  ctx.ellipse(hx - 110, hy + 14, 20, 32, 0, 0, TAU);
  ctx.ellipse(hx + 110, hy + 14, 20, 32, 0, 0, TAU);
  ctx.fill();

  ctx.fillStyle = C.skin;
  ctx.beginPath();
  ctx.ellipse(hx, hy, 112, 142, 0, 0, TAU);
  ctx.fill();

  ctx.fillStyle = C.hair;
  ctx.beginPath();
  ctx.moveTo(hx - 114, hy - 4);
  ctx.quadraticCurveTo(hx - 132, hy - 168, hx + 4, hy - 170);
  ctx.quadraticCurveTo(hx + 132, hy - 166, hx + 114, hy - 4);
  ctx.quadraticCurveTo(hx + 106, hy - 64, hx + 86, hy - 84);
  ctx.quadraticCurveTo(hx + 10, hy - 70, hx - 48, hy - 112);
  ctx.quadraticCurveTo(hx - 60, hy - 76, hx - 94, hy - 64);
  ctx.quadraticCurveTo(hx - 108, hy - 40, hx - 114, hy - 4);
  ctx.closePath();
  ctx.fill();

  drawFace(ctx, hx, hy, pose);
}

function drawFace(ctx: MeetingContext, hx: number, hy: number, pose: SpeakerPose): void {
  ctx.fillStyle = C.hair;
  ctx.beginPath();
  ctx.roundRect(hx - 74, hy - 52, 50, 10, 5);
  ctx.roundRect(hx + 24, hy - 52, 50, 10, 5);
  ctx.fill();

  ctx.fillStyle = C.eye;
  if (pose.eyesClosed) {
    ctx.fillRect(hx - 54, hy - 4, 26, 5);
    ctx.fillRect(hx + 28, hy - 4, 26, 5);
  } else {
    ctx.beginPath();
    ctx.ellipse(hx - 41, hy - 4, 10, 12, 0, 0, TAU);
    ctx.ellipse(hx + 41, hy - 4, 10, 12, 0, 0, TAU);
    ctx.fill();
    ctx.fillStyle = C.eyeGlint;
    ctx.beginPath();
    ctx.arc(hx - 37, hy - 8, 3, 0, TAU);
    ctx.arc(hx + 45, hy - 8, 3, 0, TAU);
    ctx.fill();
  }

  ctx.strokeStyle = C.glasses;
  ctx.lineWidth = 5;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.roundRect(hx - 78, hy - 32, 66, 52, 14);
  ctx.roundRect(hx + 12, hy - 32, 66, 52, 14);
  ctx.moveTo(hx - 12, hy - 14);
  ctx.lineTo(hx + 12, hy - 14);
  ctx.stroke();

  ctx.fillStyle = C.skinShade;
  ctx.beginPath();
  ctx.moveTo(hx + 2, hy + 16);
  ctx.lineTo(hx - 14, hy + 54);
  ctx.quadraticCurveTo(hx - 2, hy + 62, hx + 12, hy + 56);
  ctx.closePath();
  ctx.fill();

  drawMouth(ctx, hx, hy + 92, pose.mouth);
}

function drawMouth(ctx: MeetingContext, x: number, y: number, opening: number): void {
  if (opening === 0) {
    ctx.fillStyle = C.lips;
    ctx.beginPath();
    ctx.roundRect(x - 30, y - 4, 60, 9, 4);
    ctx.fill();
    return;
  }
  const ry = 5 + opening * 5;
  ctx.save();
  ctx.fillStyle = C.mouth;
  ctx.beginPath();
  ctx.ellipse(x, y + ry - 8, 30 - opening, ry, 0, 0, TAU);
  ctx.fill();
  ctx.clip();
  if (opening >= 2) {
    ctx.fillStyle = C.teeth;
    ctx.fillRect(x - 30, y - 10, 60, 10);
  }
  ctx.restore();
}

function drawShield(ctx: MeetingContext, x: number, y: number): void {
  ctx.fillStyle = C.secure;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + 10, y - 4);
  ctx.lineTo(x + 20, y);
  ctx.lineTo(x + 20, y + 10);
  ctx.quadraticCurveTo(x + 20, y + 20, x + 10, y + 24);
  ctx.quadraticCurveTo(x, y + 20, x, y + 10);
  ctx.closePath();
  ctx.fill();
  ctx.strokeStyle = C.chromeText;
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(x + 5, y + 9);
  ctx.lineTo(x + 9, y + 13);
  ctx.lineTo(x + 15, y + 5);
  ctx.stroke();
}

function drawCallChrome(ctx: MeetingContext): void {
  ctx.fillStyle = C.chrome;
  ctx.beginPath();
  ctx.roundRect(20, 20, 154, 40, 8);
  ctx.fill();
  drawShield(ctx, 34, 28);
  ctx.fillStyle = C.chromeText;
  ctx.font = `18px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText('Encrypted', 64, 41);

  ctx.fillStyle = C.chrome;
  ctx.beginPath();
  ctx.roundRect(20, 652, 176, 48, 8);
  ctx.fill();
  drawMicrophone(ctx, 40, 664);
  ctx.fillStyle = C.chromeText;
  ctx.font = `bold 22px ${FONT}`;
  ctx.fillText('Speaker', 70, 677);
}

function drawMicrophone(ctx: MeetingContext, x: number, y: number): void {
  ctx.fillStyle = C.secure;
  ctx.beginPath();
  ctx.roundRect(x + 4, y, 12, 18, 6);
  ctx.fill();
  ctx.strokeStyle = C.secure;
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.arc(x + 10, y + 10, 10, 0, Math.PI);
  ctx.moveTo(x + 10, y + 20);
  ctx.lineTo(x + 10, y + 26);
  ctx.stroke();
}

function drawShareBanner(ctx: MeetingContext): void {
  ctx.fillStyle = C.chrome;
  ctx.fillRect(0, 0, MEETING_WIDTH, 40);
  ctx.fillStyle = C.share;
  ctx.beginPath();
  ctx.roundRect(460, 6, 360, 28, 14);
  ctx.fill();
  ctx.fillStyle = C.chromeText;
  ctx.font = `16px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText("You are viewing Speaker's screen", 640, 21);
}

function drawSlide(ctx: MeetingContext, updated: boolean): void {
  ctx.fillStyle = C.slide;
  ctx.fillRect(0, 40, MEETING_WIDTH, MEETING_HEIGHT - 40);

  ctx.fillStyle = C.ink;
  ctx.font = `bold 46px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText('Quarterly review', 80, 122);
  ctx.fillStyle = C.accent;
  ctx.fillRect(80, 142, 96, 8);
  ctx.fillStyle = C.muted;
  ctx.font = `18px ${FONT}`;
  ctx.textAlign = 'right';
  ctx.fillText(updated ? '4 / 12' : '3 / 12', 1200, 122);

  const bullets: string[] = [...SLIDE_BULLETS];
  if (updated) bullets.push(SLIDE_FORECAST_BULLET);
  ctx.textAlign = 'left';
  ctx.font = `26px ${FONT}`;
  bullets.forEach((text, i) => {
    const y = 212 + i * 46;
    ctx.fillStyle = i === 3 ? C.highlight : C.accent;
    ctx.beginPath();
    ctx.arc(92, y - 9, 6, 0, TAU);
    ctx.fill();
    ctx.fillStyle = C.ink;
    ctx.fillText(text, 112, y);
  });

  drawLineChart(ctx);
  drawBarChart(ctx, updated ? BARS.length : BARS.length - 1);

  ctx.fillStyle = C.muted;
  ctx.font = `16px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.fillText('Confidential · internal only', 80, 702);
}

function drawGrid(ctx: MeetingContext, x: number, top: number, width: number, bottom: number, lines: number): void {
  ctx.fillStyle = C.grid;
  for (let i = 0; i < lines; i++) {
    ctx.fillRect(x, top + Math.round(((bottom - top) * i) / lines), width, 2);
  }
  ctx.fillStyle = C.muted;
  ctx.fillRect(x, bottom, width, 3);
}

function drawLineChart(ctx: MeetingContext): void {
  const left = 96;
  const right = 572;
  const top = 446;
  const bottom = 654;
  ctx.fillStyle = C.inkSoft;
  ctx.font = `bold 20px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.fillText('Weekly active users (k)', 80, 420);
  drawGrid(ctx, left, top, right - left, bottom, 4);

  const step = (right - left - 24) / (WEEKLY_USERS.length - 1);
  const points = WEEKLY_USERS.map((v, i) => ({
    x: Math.round(left + 12 + i * step),
    y: Math.round(bottom - ((v - 20) / 40) * (bottom - top)),
  }));
  ctx.strokeStyle = C.highlight;
  ctx.lineWidth = 5;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  ctx.stroke();
  ctx.fillStyle = C.highlight;
  ctx.beginPath();
  for (const p of points) {
    ctx.moveTo(p.x + 7, p.y);
    ctx.arc(p.x, p.y, 7, 0, TAU);
  }
  ctx.fill();
}

function drawBarChart(ctx: MeetingContext, shown: number): void {
  const left = 680;
  const right = 1200;
  const top = 226;
  const bottom = 486;
  const max = 4;
  ctx.fillStyle = C.inkSoft;
  ctx.font = `bold 20px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.fillText('Revenue by quarter ($M)', left, 190);
  drawGrid(ctx, left, top, right - left, bottom, 4);

  const slot = (right - left) / BARS.length;
  ctx.textAlign = 'center';
  BARS.forEach((bar, i) => {
    const cx = Math.round(left + slot * i + slot / 2);
    ctx.fillStyle = C.inkSoft;
    ctx.font = `18px ${FONT}`;
    ctx.fillText(bar.label, cx, bottom + 32);
    if (i >= shown) return;
    const h = Math.round((bar.value / max) * (bottom - top));
    ctx.fillStyle = i === 3 ? C.highlight : C.accent;
    ctx.fillRect(cx - 42, bottom - h, 84, h);
    ctx.fillStyle = C.ink;
    ctx.font = `bold 18px ${FONT}`;
    ctx.fillText(bar.value.toFixed(1), cx, bottom - h - 12);
  });
}

function drawSelfView(ctx: MeetingContext, timeSeconds: number): void {
  const { x, y, width, height } = SELF_VIEW;
  ctx.save();
  ctx.fillStyle = C.chrome;
  ctx.fillRect(x - 4, y - 4, width + 8, height + 8);
  ctx.beginPath();
  ctx.rect(x, y, width, height);
  ctx.clip();
  ctx.save();
  ctx.translate(x + width / 2, y + height / 2);
  ctx.scale(SELF_VIEW_ZOOM, SELF_VIEW_ZOOM);
  ctx.translate(-MEETING_WIDTH / 2, -SELF_VIEW_CENTRE_Y);
  drawRoom(ctx);
  drawPerson(ctx, speakerPose(timeSeconds));
  ctx.restore();
  ctx.fillStyle = C.chrome;
  ctx.fillRect(x, y + height - 24, 84, 24);
  ctx.fillStyle = C.chromeText;
  ctx.font = `13px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText('Speaker', x + 8, y + height - 12);
  ctx.restore();
}

/**
 * Draws the meeting at `timeSeconds` onto a `width × height` canvas. The 16:9 picture is scaled to fit
 * and centred on black, so any size works; 1280×720 draws it 1:1.
 * @example
 * const ctx = canvas.getContext('2d')!;
 * drawMeetingFrame(ctx, 1280, 720, 6); // the shared slide, before it changes
 */
export function drawMeetingFrame(ctx: MeetingContext, width: number, height: number, timeSeconds: number): void {
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${typeof value}`);
    if (!Number.isInteger(value) || value <= 0)
      throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  const scene = meetingSceneAt(timeSeconds);
  const scale = Math.min(width / MEETING_WIDTH, height / MEETING_HEIGHT);
  const offsetX = Math.round((width - MEETING_WIDTH * scale) / 2);
  const offsetY = Math.round((height - MEETING_HEIGHT * scale) / 2);

  ctx.save();
  ctx.fillStyle = C.letterbox;
  ctx.fillRect(0, 0, width, height);
  ctx.translate(offsetX, offsetY);
  ctx.scale(scale, scale);
  if (scene.name === 'speaker') {
    drawRoom(ctx);
    drawPerson(ctx, speakerPose(timeSeconds));
    drawCallChrome(ctx);
  } else {
    drawShareBanner(ctx);
    drawSlide(ctx, scene.name === 'slide-updated');
    drawSelfView(ctx, timeSeconds);
  }
  ctx.restore();
}
