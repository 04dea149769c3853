import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  drawMeetingFrame,
  MEETING_DURATION_S,
  MEETING_FPS,
  MEETING_SCENES,
  meetingSceneAt,
  SELF_VIEW,
  speakerPose,
  type MeetingContext,
} from '../../../lib/media/synthetic-meeting';

/**
 * A 2D context that draws nothing and writes down every call and style change, so the drawing logic can
 * be checked in node, which has no canvas. What it proves is what the code asks the canvas to do.
 */
class RecordingContext implements MeetingContext {
  readonly calls: string[] = [];
  #fillStyle: string | CanvasGradient | CanvasPattern = '#000000';
  #strokeStyle: string | CanvasGradient | CanvasPattern = '#000000';
  #lineWidth = 1;
  #lineCap: CanvasLineCap = 'butt';
  #lineJoin: CanvasLineJoin = 'miter';
  #font = '10px sans-serif';
  #textAlign: CanvasTextAlign = 'start';
  #textBaseline: CanvasTextBaseline = 'alphabetic';

  private log(name: string, args: unknown[]): void {
    this.calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(',')})`);
  }
  private set(name: string, value: unknown): void {
    this.calls.push(`${name}=${JSON.stringify(value)}`);
  }

  get fillStyle() { return this.#fillStyle; }
  set fillStyle(v) { this.#fillStyle = v; this.set('fillStyle', v); }
  get strokeStyle() { return this.#strokeStyle; }
  set strokeStyle(v) { this.#strokeStyle = v; this.set('strokeStyle', v); }
  get lineWidth() { return this.#lineWidth; }
  set lineWidth(v) { this.#lineWidth = v; this.set('lineWidth', v); }
  get lineCap() { return this.#lineCap; }
  set lineCap(v) { this.#lineCap = v; this.set('lineCap', v); }
  get lineJoin() { return this.#lineJoin; }
  set lineJoin(v) { this.#lineJoin = v; this.set('lineJoin', v); }
  get font() { return this.#font; }
  set font(v) { this.#font = v; this.set('font', v); }
  get textAlign() { return this.#textAlign; }
  set textAlign(v) { this.#textAlign = v; this.set('textAlign', v); }
  get textBaseline() { return this.#textBaseline; }
  set textBaseline(v) { this.#textBaseline = v; this.set('textBaseline', v); }

  save(...a: unknown[]) { this.log('save', a); }
  restore(...a: unknown[]) { this.log('restore', a); }
  translate(...a: unknown[]) { this.log('translate', a); }
  scale(...a: unknown[]) { this.log('scale', a); }
  fillRect(...a: unknown[]) { this.log('fillRect', a); }
  beginPath(...a: unknown[]) { this.log('beginPath', a); }
  closePath(...a: unknown[]) { this.log('closePath', a); }
  moveTo(...a: unknown[]) { this.log('moveTo', a); }
  lineTo(...a: unknown[]) { this.log('lineTo', a); }
  quadraticCurveTo(...a: unknown[]) { this.log('quadraticCurveTo', a); }
  arc(...a: unknown[]) { this.log('arc', a); }
  ellipse(...a: unknown[]) { this.log('ellipse', a); }
  rect(...a: unknown[]) { this.log('rect', a); }
  roundRect(...a: unknown[]) { this.log('roundRect', a); }
  fill(...a: unknown[]) { this.log('fill', a); }
  stroke(...a: unknown[]) { this.log('stroke', a); }
  clip(...a: unknown[]) { this.log('clip', a); }
  fillText(...a: unknown[]) { this.log('fillText', a); }
}

function record(timeS: number, width = 1280, height = 720): string[] {
  const ctx = new RecordingContext();
  drawMeetingFrame(ctx, width, height, timeS);
  return ctx.calls;
}

function frameTimes(from: number, to: number): number[] {
  const times: number[] = [];
  for (let n = Math.ceil(from * MEETING_FPS); n / MEETING_FPS < to; n++) times.push(n / MEETING_FPS);
  return times;
}

describe('meeting scenes', () => {
  it('cover the whole meeting without gaps, each boundary on a whole frame', () => {
    assert.equal(MEETING_SCENES[0].start, 0);
    assert.equal(MEETING_SCENES[MEETING_SCENES.length - 1].end, MEETING_DURATION_S);
    for (let i = 1; i < MEETING_SCENES.length; i++) assert.equal(MEETING_SCENES[i].start, MEETING_SCENES[i - 1].end);
    for (const { start } of MEETING_SCENES) assert.ok(Number.isInteger(start * MEETING_FPS), `${start} s is not a frame boundary`);
  });

  it('meetingSceneAt starts each scene on its boundary and gives the end to the last scene', () => {
    const cases: [number, string][] = [
      [0, 'speaker'],
      [4.99, 'speaker'],
      [5, 'slide'],
      [8.49, 'slide'],
      [8.5, 'slide-updated'],
      [MEETING_DURATION_S, 'slide-updated'],
    ];
    for (const [t, name] of cases) assert.equal(meetingSceneAt(t).name, name, `at ${t} s`);
  });

  it('meetingSceneAt rejects times outside the meeting', () => {
    for (const t of [-0.01, MEETING_DURATION_S + 0.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => meetingSceneAt(t), RangeError);
    }
    assert.throws(() => meetingSceneAt('1' as unknown as number), TypeError);
  });
});

describe('speakerPose', () => {
  const speaking = frameTimes(0, 5).map((t) => ({ t, pose: speakerPose(t) }));

  it('talks: the mouth takes several openings and is closed in the pauses between phrases', () => {
    const openings = new Set(speaking.map(({ pose }) => pose.mouth));
    assert.ok(openings.size >= 4, `mouth openings seen: ${[...openings].join(', ')}`);
    for (const t of [0, 0.2, 2.0, 3.7, 4.9]) assert.equal(speakerPose(t).mouth, 0, `mouth at ${t} s`);
    for (const { pose } of speaking) assert.ok(pose.mouth >= 0 && pose.mouth <= 4 && Number.isInteger(pose.mouth));
  });

  it('blinks briefly: eyes closed on a few frames, not most', () => {
    const closed = speaking.filter(({ pose }) => pose.eyesClosed).length;
    assert.ok(closed >= 2 && closed <= speaking.length / 10, `${closed} of ${speaking.length} frames with eyes closed`);
  });

  it('sways by whole pixels', () => {
    const xs = speaking.map(({ pose }) => pose.dx);
    assert.ok(Math.max(...xs) - Math.min(...xs) >= 10, `head moves ${Math.min(...xs)}..${Math.max(...xs)} px`);
    for (const { pose } of speaking) assert.ok(Number.isInteger(pose.dx) && Number.isInteger(pose.dy));
  });
});

describe('drawMeetingFrame', () => {
  it('draws the same calls for the same time', () => {
    for (const t of [0, 1.4, 2.5, 6, 9.25, MEETING_DURATION_S]) assert.deepEqual(record(t), record(t), `at ${t} s`);
  });

  it('in the speaker scene, draws differently exactly when the pose differs', () => {
    const frames = frameTimes(0, 5).map((t) => ({ t, key: JSON.stringify(speakerPose(t)), calls: record(t) }));
    let differing = 0;
    for (let i = 1; i < frames.length; i++) {
      const [a, b] = [frames[i - 1], frames[i]];
      if (a.key === b.key) {
        assert.deepEqual(a.calls, b.calls, `${a.t} s and ${b.t} s share a pose`);
      } else {
        assert.notDeepEqual(a.calls, b.calls, `${a.t} s and ${b.t} s have different poses`);
        differing++;
      }
    }
    assert.ok(differing > frames.length / 2, `${differing} of ${frames.length} consecutive frames move`);
  });

  it('keeps the slide still while it is up: only the clipped self-view changes', () => {
    const selfView = `rect(${SELF_VIEW.x},${SELF_VIEW.y},${SELF_VIEW.width},${SELF_VIEW.height})`;
    const split = (calls: string[]) => {
      const at = calls.indexOf(selfView);
      assert.ok(at > 0, 'the self-view is drawn');
      assert.equal(calls[at + 1], 'clip()');
      let depth = 0;
      for (const call of calls) depth += call === 'save()' ? 1 : call === 'restore()' ? -1 : 0;
      assert.equal(depth, 0, 'every save is restored');
      let lifted = -1;
      for (let i = at, open = 0; i < calls.length && lifted < 0; i++) {
        if (calls[i] === 'save()') open++;
        else if (calls[i] === 'restore()' && open-- === 0) lifted = i;
      }
      assert.ok(lifted > at, 'the self-view clip is lifted');
      assert.deepEqual(calls.slice(lifted + 1), ['restore()'], 'nothing is drawn after the self-view');
      return { slide: calls.slice(0, at), selfView: calls.slice(at, lifted) };
    };
    for (const [from, to] of [[5, 8.5], [8.5, MEETING_DURATION_S]]) {
      const times = frameTimes(from, to);
      const first = split(record(times[0]));
      let moved = 0;
      for (const t of times.slice(1)) {
        const frame = split(record(t));
        assert.deepEqual(frame.slide, first.slide, `slide at ${t} s`);
        if (JSON.stringify(frame.selfView) !== JSON.stringify(first.selfView)) moved++;
      }
      assert.ok(moved > times.length / 2, `the self-view moves on ${moved} of ${times.length} frames`);
    }
    assert.notDeepEqual(split(record(8.4)).slide, split(record(8.5)).slide, 'the slide changes at 8.5 s');
  });

  it('letterboxes other aspect ratios: black bars, then the meeting scaled to fit and centred', () => {
    const calls = record(6, 320, 240);
    assert.deepEqual(calls.slice(0, 5), ['save()', 'fillStyle="#000000"', 'fillRect(0,0,320,240)', 'translate(0,30)', 'scale(0.25,0.25)']);
    assert.deepEqual(record(6, 640, 360).slice(3, 5), ['translate(0,0)', 'scale(0.5,0.5)']);
  });

  it('rejects sizes and times it cannot draw', () => {
    const ctx = new RecordingContext();
    assert.throws(() => drawMeetingFrame(ctx, 0, 720, 1), RangeError);
    assert.throws(() => drawMeetingFrame(ctx, 1280, 720.5, 1), RangeError);
    assert.throws(() => drawMeetingFrame(ctx, 1280, 720, -1), RangeError);
    assert.deepEqual(ctx.calls, [], 'nothing is drawn before the inputs are checked');
  });
});
