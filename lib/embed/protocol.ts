/**
 * The postMessage API between a course page and an embedded lab (`/embed` in an iframe). Every message
 * is an object `{ type: 'ecb-lens', v: 1, … }`, so a page that hosts several widgets can tell ours apart
 * and a future version can change shape without being misread. Anything else is ignored, never thrown.
 *
 * Parent → embed: `{ command: 'play' | 'pause' }`, `{ command: 'seek', seconds }`,
 * `{ command: 'step', frames? }` (default 1; negative steps back), `{ command: 'set', options }` where
 * options are the embed's URL options (`{ panels: 'ecb,gcm', bits: 3 }`).
 * Embed → parent: `{ event: 'ready', source, duration, panels }`, `{ event: 'frame', index, time }`,
 * `{ event: 'resize', height }` (content height in CSS pixels, for auto-height iframes),
 * `{ event: 'notice', problems }` (options that were ignored).
 *
 * Course platforms have their own messages. Canvas LMS grows an embedded tool's frame when the frame
 * posts `{ subject: 'lti.frameResize', height }` (https://developerdocs.instructure.com/services/canvas/external-tools/lti/file.lti_window_post_message);
 * the embed posts it beside its own `resize` unless its address says `lms=off`.
 */

export const MESSAGE_TYPE = 'ecb-lens';
export const PROTOCOL_VERSION = 1;

type Envelope = { type: typeof MESSAGE_TYPE; v: typeof PROTOCOL_VERSION };

export type EmbedCommand = Envelope &
  (
    | { command: 'play' }
    | { command: 'pause' }
    | { command: 'seek'; seconds: number }
    | { command: 'step'; frames: number }
    | { command: 'set'; options: Record<string, string> }
  );

export type EmbedEvent = Envelope &
  (
    | { event: 'ready'; source: string | null; duration: number | null; panels: string[] }
    | { event: 'frame'; index: number; time: number }
    | { event: 'resize'; height: number }
    | { event: 'notice'; problems: string[] }
  );

/** Canvas LMS's request to set the height of the frame that posts it, in CSS pixels. */
export interface LmsFrameResize {
  subject: 'lti.frameResize';
  height: number;
}

/**
 * Canvas LMS's resize message for a content height in CSS pixels.
 * @example lmsFrameResize(612) // { subject: 'lti.frameResize', height: 612 }
 */
export function lmsFrameResize(height: number): LmsFrameResize {
  if (!Number.isFinite(height) || height < 0)
    throw new RangeError(`height must be a number of pixels, 0 or more, got ${height}`);
  return { subject: 'lti.frameResize', height };
}

type Payload<T> = T extends Envelope ? Omit<T, keyof Envelope> : never;

/** Wraps a payload in the versioned envelope. */
export function embedEvent(payload: Payload<EmbedEvent>): EmbedEvent {
  return { type: MESSAGE_TYPE, v: PROTOCOL_VERSION, ...payload } as EmbedEvent;
}

/** Wraps a command in the versioned envelope (for course pages written in TypeScript). */
export function embedCommand(payload: Payload<EmbedCommand>): EmbedCommand {
  return { type: MESSAGE_TYPE, v: PROTOCOL_VERSION, ...payload } as EmbedCommand;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MAX_OPTIONS = 32;
const MAX_OPTION_LENGTH = 256;

/** Option values arrive as strings, numbers, booleans or lists of strings; all become URL-style strings. */
function optionValue(value: unknown): string | null {
  if (typeof value === 'string') return value.length <= MAX_OPTION_LENGTH ? value : null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',');
  return null;
}

/**
 * The command in a message event's data, or null when the data is not a well-formed v1 command.
 * @example parseCommand({ type: 'ecb-lens', v: 1, command: 'seek', seconds: 4 }) // the seek command
 */
export function parseCommand(data: unknown): EmbedCommand | null {
  if (!isRecord(data) || data.type !== MESSAGE_TYPE || data.v !== PROTOCOL_VERSION) return null;
  const envelope = { type: MESSAGE_TYPE, v: PROTOCOL_VERSION } as const;
  switch (data.command) {
    case 'play':
    case 'pause':
      return { ...envelope, command: data.command };
    case 'seek':
      return typeof data.seconds === 'number' && Number.isFinite(data.seconds) && data.seconds >= 0
        ? { ...envelope, command: 'seek', seconds: data.seconds }
        : null;
    case 'step': {
      const frames = data.frames === undefined ? 1 : data.frames;
      return typeof frames === 'number' && Number.isInteger(frames) && frames !== 0 && Math.abs(frames) <= 10_000
        ? { ...envelope, command: 'step', frames }
        : null;
    }
    case 'set': {
      if (!isRecord(data.options)) return null;
      const entries = Object.entries(data.options);
      if (entries.length === 0 || entries.length > MAX_OPTIONS) return null;
      const options: Record<string, string> = {};
      for (const [name, value] of entries) {
        const text = optionValue(value);
        if (text === null) return null;
        options[name] = text;
      }
      return { ...envelope, command: 'set', options };
    }
    default:
      return null;
  }
}
