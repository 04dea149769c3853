import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { embedCommand, embedEvent, lmsFrameResize, parseCommand } from '../../../lib/embed/protocol';

const v1 = { type: 'ecb-lens', v: 1 } as const;

describe('parseCommand: well-formed v1 commands', () => {
  test('play and pause', () => {
    assert.deepEqual(parseCommand({ ...v1, command: 'play' }), { ...v1, command: 'play' });
    assert.deepEqual(parseCommand({ ...v1, command: 'pause' }), { ...v1, command: 'pause' });
  });

  test('seek keeps its seconds, and extra fields are dropped', () => {
    assert.deepEqual(parseCommand({ ...v1, command: 'seek', seconds: 4.5, extra: 'x' }), {
      ...v1,
      command: 'seek',
      seconds: 4.5,
    });
    assert.deepEqual(parseCommand({ ...v1, command: 'seek', seconds: 0 }), { ...v1, command: 'seek', seconds: 0 });
  });

  test('step defaults to one frame forward; negative steps go back', () => {
    assert.deepEqual(parseCommand({ ...v1, command: 'step' }), { ...v1, command: 'step', frames: 1 });
    assert.deepEqual(parseCommand({ ...v1, command: 'step', frames: -3 }), { ...v1, command: 'step', frames: -3 });
  });

  test('set turns numbers, booleans and string lists into URL-style strings', () => {
    assert.deepEqual(
      parseCommand({
        ...v1,
        command: 'set',
        options: { bits: 3, autoplay: true, panels: ['ecb', 'gcm'], layout: 'gray' },
      }),
      {
        ...v1,
        command: 'set',
        options: { bits: '3', autoplay: 'true', panels: 'ecb,gcm', layout: 'gray' },
      },
    );
  });

  test('the helpers build the same envelope', () => {
    assert.deepEqual(embedCommand({ command: 'seek', seconds: 2 }), { ...v1, command: 'seek', seconds: 2 });
    assert.deepEqual(embedEvent({ event: 'frame', index: 3, time: 0.1 }), {
      ...v1,
      event: 'frame',
      index: 3,
      time: 0.1,
    });
  });
});

describe('parseCommand: anything else is ignored (null), never thrown', () => {
  const junk: [string, unknown][] = [
    ['a string', 'play'],
    ['null', null],
    ['undefined', undefined],
    ['an array', [v1]],
    ['another type', { type: 'other', v: 1, command: 'play' }],
    ['another version', { type: 'ecb-lens', v: 2, command: 'play' }],
    ['a version as text', { type: 'ecb-lens', v: '1', command: 'play' }],
    ['no command', { ...v1 }],
    ['an unknown command', { ...v1, command: 'explode' }],
    ['an event, not a command', { ...v1, event: 'ready' }],
    ['seek without seconds', { ...v1, command: 'seek' }],
    ['seek to text', { ...v1, command: 'seek', seconds: '4' }],
    ['seek to a negative time', { ...v1, command: 'seek', seconds: -1 }],
    ['seek to infinity', { ...v1, command: 'seek', seconds: Infinity }],
    ['seek to NaN', { ...v1, command: 'seek', seconds: NaN }],
    ['step by zero', { ...v1, command: 'step', frames: 0 }],
    ['step by a fraction', { ...v1, command: 'step', frames: 1.5 }],
    ['step too far', { ...v1, command: 'step', frames: 10_001 }],
    ['set without options', { ...v1, command: 'set' }],
    ['set with empty options', { ...v1, command: 'set', options: {} }],
    ['set with a list of options', { ...v1, command: 'set', options: ['bits'] }],
    ['set with an object value', { ...v1, command: 'set', options: { bits: { n: 3 } } }],
    ['set with a mixed list', { ...v1, command: 'set', options: { panels: ['ecb', 1] } }],
    ['set with a huge value', { ...v1, command: 'set', options: { ecbKey: 'a'.repeat(257) } }],
    [
      'set with too many options',
      { ...v1, command: 'set', options: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`o${i}`, '1'])) },
    ],
  ];
  for (const [name, data] of junk) {
    test(name, () => assert.equal(parseCommand(data), null));
  }
});

describe('lmsFrameResize: Canvas LMS’s resize message', () => {
  // The shape Canvas documents for window.postMessage from framed content:
  // https://developerdocs.instructure.com/services/canvas/external-tools/lti/file.lti_window_post_message
  test('is the subject lti.frameResize and the height in CSS pixels, as a number, and nothing else', () => {
    assert.deepEqual(lmsFrameResize(612), { subject: 'lti.frameResize', height: 612 });
    assert.deepEqual(lmsFrameResize(0), { subject: 'lti.frameResize', height: 0 });
  });

  test('a height that is not a number of pixels is a RangeError', () => {
    for (const height of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => lmsFrameResize(height), {
        name: 'RangeError',
        message: `height must be a number of pixels, 0 or more, got ${height}`,
      });
    }
  });
});
