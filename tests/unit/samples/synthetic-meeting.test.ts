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
} from '../../../scripts/samples/synthetic-meeting';

/**
 * A 2D context that draws nothing and writes down every call and style change, in order, so the
 * drawing logic can be checked in node, which has no canvas. What it proves is what the code asks the
 * canvas to do. A style reads back as last set (the meeting code never reads one it has not set).
 */
function recordingContext(): { ctx: MeetingContext; calls: string[] } {
  const calls: string[] = [];
  const styles = new Map<string | symbol, unknown>();
  const ctx = new Proxy({} as MeetingContext, {
    get: (_, name) =>
      styles.has(name)
        ? styles.get(name)
        : (...args: unknown[]) => calls.push(`${String(name)}(${args.map((a) => JSON.stringify(a)).join(',')})`),
    set: (_, name, value) => {
      styles.set(name, value);
      calls.push(`${String(name)}=${JSON.stringify(value)}`);
      return true;
    },
  });
  return { ctx, calls };
}

function record(timeS: number, width = 1280, height = 720): string[] {
  const { ctx, calls } = recordingContext();
  drawMeetingFrame(ctx, width, height, timeS);
  return calls;
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
    for (const { start } of MEETING_SCENES)
      assert.ok(Number.isInteger(start * MEETING_FPS), `${start} s is not a frame boundary`);
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
  it('is a pure function of time: drawing other times first, on the same context, changes nothing', () => {
    const times = [0, 1.4, 2.5, 6, 9.25, MEETING_DURATION_S];
    const alone = times.map((t) => record(t));
    assert.equal(
      new Set(alone.map((calls) => JSON.stringify(calls))).size,
      times.length,
      'each time draws its own frame',
    );
    for (const [i, t] of times.entries()) {
      const { ctx, calls } = recordingContext();
      for (const other of times.toReversed()) if (other !== t) drawMeetingFrame(ctx, 1280, 720, other);
      const before = calls.length;
      drawMeetingFrame(ctx, 1280, 720, t);
      assert.deepEqual(calls.slice(before), alone[i], `at ${t} s, after the other ${times.length - 1} times`);
    }
  });

  it('in the speaker scene, puts the head, eyes and mouth where the pose says', () => {
    const TAU = 2 * Math.PI;
    // 0 s: dx = round(5 sin 1.3) = 5, dy = round(4 sin 0.4) = 2; before the first phrase (0.3 s), so the
    // mouth is shut; (0 + 1.7) mod 3.1 = 1.7 is past the 0.14 s blink. The face is centred on (640, 344).
    assert.deepEqual(speakerPose(0), { dx: 5, dy: 2, mouth: 0, eyesClosed: false });
    // 1.5 s: dx = round(9.92 + 3.47) = 13, dy = round(−3.60) = −4; in the phrase 0.3–1.9 s, syllable 6
    // at phase 0.75 gives round(4 · 0.629 · sin 0.75π) = 2; (1.5 + 1.7) mod 3.1 = 0.1 < 0.14: a blink.
    assert.deepEqual(speakerPose(1.5), { dx: 13, dy: -4, mouth: 2, eyesClosed: true });
    const open = record(0);
    const blinking = record(1.5);
    const [face0, face1] = [`ellipse(645,346,112,142,0,0,${TAU})`, `ellipse(653,340,112,142,0,0,${TAU})`];
    assert.ok(open.includes(face0) && !open.includes(face1), 'face at (645, 346) at 0 s');
    assert.ok(blinking.includes(face1) && !blinking.includes(face0), 'face at (653, 340) at 1.5 s');
    // Open eyes are ellipses 41 px either side of the face, 4 px up; closed ones 26 × 5 bars.
    assert.ok(open.includes(`ellipse(604,342,10,12,0,0,${TAU})`), 'left eye open at 0 s');
    assert.deepEqual(
      blinking.filter((call) => call.startsWith('fillRect(599,336') || call.startsWith('fillRect(681,336')),
      ['fillRect(599,336,26,5)', 'fillRect(681,336,26,5)'],
      'both eyes shut at 1.5 s',
    );
    // The mouth sits 92 px below the face's centre: shut lips at 0 s, opening 2 (teeth showing) at 1.5 s.
    assert.ok(open.includes('roundRect(615,434,60,9,4)'), 'lips shut at 0 s');
    assert.ok(blinking.includes(`ellipse(653,439,28,15,0,0,${TAU})`), 'mouth open at 1.5 s');
    assert.ok(blinking.includes('fillRect(623,422,60,10)'), 'teeth at 1.5 s');
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
    for (const [from, to] of [
      [5, 8.5],
      [8.5, MEETING_DURATION_S],
    ]) {
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
    assert.deepEqual(calls.slice(0, 5), [
      'save()',
      'fillStyle="#000000"',
      'fillRect(0,0,320,240)',
      'translate(0,30)',
      'scale(0.25,0.25)',
    ]);
    assert.deepEqual(record(6, 640, 360).slice(3, 5), ['translate(0,0)', 'scale(0.5,0.5)']);
  });

  it('rejects sizes and times it cannot draw', () => {
    const { ctx, calls } = recordingContext();
    assert.throws(() => drawMeetingFrame(ctx, 0, 720, 1), RangeError);
    assert.throws(() => drawMeetingFrame(ctx, 1280, 720.5, 1), RangeError);
    assert.throws(() => drawMeetingFrame(ctx, 1280, 720, -1), RangeError);
    assert.deepEqual(calls, [], 'nothing is drawn before the inputs are checked');
  });
});
