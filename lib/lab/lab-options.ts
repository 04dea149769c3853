/**
 * Lab options from a URL query, so a lecture link or an embed shows the same thing every time:
 * `/?ecbKey=HEX&gcmKey=HEX&source=penguin&layout=gray&bits=3&width=480`. Anything unknown or invalid
 * falls back to its default and is listed in `problems`, worded for the page.
 */
import { checkBits } from '../cipher/depth';
import { MODES, type Mode } from '../cipher/keys';
import { LAYOUTS, type Layout } from '../cipher/layout';
import { DEFAULT_MODES, MAIN_PANELS, PANEL_IDS, type CipherPanel, type PanelId } from '../worker/protocol';
import { readKeyText } from './lab-keys';

export const PROCESSING_WIDTHS = [320, 480, 640, 960, 1280] as const;
export type ProcessingWidth = (typeof PROCESSING_WIDTHS)[number];
export const DEFAULT_WIDTH: ProcessingWidth = 640;

export const CONTROLS = ['full', 'minimal', 'none'] as const;
export type Controls = (typeof CONTROLS)[number];
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Every option a lab URL can carry; `null` where the URL said nothing. */
export interface LabParams {
  source: string | null;
  panels: PanelId[];
  autoplay: boolean;
  loop: boolean;
  muted: boolean;
  controls: Controls;
  layout: Layout;
  bits: number;
  width: ProcessingWidth;
  /** The modes of the two ciphertext panels (`modes=cbc,gcm`). */
  modes: Record<CipherPanel, Mode>;
  theme: Theme;
  ecbKeyHex: string | null;
  gcmKeyHex: string | null;
  start: number;
  /**
   * Whether an embed also tells a course platform its height in Canvas LMS's own message
   * (`{ subject: 'lti.frameResize', height }`); `lms=off` turns that off.
   */
  lms: boolean;
}

export const DEFAULT_PARAMS: LabParams = {
  source: null,
  panels: [...MAIN_PANELS],
  autoplay: false,
  loop: false,
  muted: true,
  controls: 'full',
  layout: 'rgb',
  bits: 8,
  width: DEFAULT_WIDTH,
  modes: { ...DEFAULT_MODES },
  theme: 'light',
  ecbKeyHex: null,
  gcmKeyHex: null,
  start: 0,
  lms: true,
};

function oneOf<T extends string>(list: readonly T[], value: string, name: string): T {
  if (!(list as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${list.join(', ')}`);
  return value as T;
}

function flag(value: string, name: string): boolean {
  if (['', '1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new Error(`${name} must be true or false`);
}

function key(mode: Mode, value: string): string {
  readKeyText(value, mode);
  return value.trim().toLowerCase();
}

const PARSERS: Record<string, (value: string, params: LabParams, sources: readonly string[]) => void> = {
  source: (value, params, sources) => void (params.source = oneOf(sources, value, 'source')),
  panels: (value, params) => {
    const list = value
      .split(',')
      .map((panel) => panel.trim())
      .filter(Boolean);
    if (list.length === 0) throw new Error('panels must name at least one panel');
    params.panels = [...new Set(list.map((panel) => oneOf(PANEL_IDS, panel, 'each panel')))];
  },
  autoplay: (value, params) => void (params.autoplay = flag(value, 'autoplay')),
  loop: (value, params) => void (params.loop = flag(value, 'loop')),
  muted: (value, params) => void (params.muted = flag(value, 'muted')),
  controls: (value, params) => void (params.controls = oneOf(CONTROLS, value, 'controls')),
  layout: (value, params) => void (params.layout = oneOf(LAYOUTS, value, 'layout')),
  bits: (value, params) => {
    if (!/^\d+$/.test(value)) throw new Error('bits must be a whole number from 1 to 8');
    const bits = Number(value);
    checkBits(bits);
    params.bits = bits;
  },
  width: (value, params) => {
    const width = (/^\d+$/.test(value) ? Number(value) : NaN) as ProcessingWidth;
    if (!PROCESSING_WIDTHS.includes(width)) throw new Error(`width must be one of ${PROCESSING_WIDTHS.join(', ')}`);
    params.width = width;
  },
  modes: (value, params) => {
    const list = value.split(',').map((mode) => mode.trim());
    if (list.length !== 2) throw new Error('modes must name two modes, for the two ciphertext panels: e.g. cbc,gcm');
    const [ecb, gcm] = list.map((mode) => oneOf(MODES, mode, 'each mode'));
    params.modes = { ecb, gcm };
  },
  theme: (value, params) => void (params.theme = oneOf(THEMES, value, 'theme')),
  ecbKey: (value, params) => void (params.ecbKeyHex = key('ecb', value)),
  gcmKey: (value, params) => void (params.gcmKeyHex = key('gcm', value)),
  start: (value, params) => {
    if (!/^\d+(\.\d+)?$/.test(value)) throw new Error('start must be a number of seconds, 0 or more');
    params.start = Number(value);
  },
  lms: (value, params) => void (params.lms = flag(value, 'lms')),
};

/** The names a lab URL understands. */
export const PARAM_NAMES = Object.keys(PARSERS);

/** The LabParams field each option name sets. */
const FIELD: Record<string, keyof LabParams> = { ecbKey: 'ecbKeyHex', gcmKey: 'gcmKeyHex' };

/**
 * The LabParams field an option name sets.
 * @example paramField('ecbKey') // 'ecbKeyHex'
 */
export function paramField(name: string): keyof LabParams {
  return FIELD[name] ?? (name as keyof LabParams);
}

/**
 * Reads the options in `entries` (name → value pairs, e.g. from a URL or a postMessage `set`) and
 * returns only the fields they change, plus a problem for each unknown, disallowed or invalid one.
 * @example parseLabChanges([['bits', '3']], ['meeting']).changes // { bits: 3 }
 */
export function parseLabChanges(
  entries: Iterable<[string, string]>,
  sources: readonly string[],
  allowed: readonly string[] = PARAM_NAMES,
): { changes: Partial<LabParams>; problems: string[] } {
  const scratch: LabParams = { ...DEFAULT_PARAMS, panels: [...DEFAULT_PARAMS.panels], modes: { ...DEFAULT_MODES } };
  const changes: Partial<LabParams> = {};
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [name, value] of entries) {
    const parse = allowed.includes(name) && Object.hasOwn(PARSERS, name) ? PARSERS[name] : undefined;
    if (!parse) {
      problems.push(`“${name}” is not an option here; ignored.`);
      continue;
    }
    if (seen.has(name)) {
      problems.push(`“${name}” is given more than once; only the first counts.`);
      continue;
    }
    seen.add(name);
    try {
      parse(value, scratch, sources);
      const field = paramField(name);
      Object.assign(changes, { [field]: scratch[field] });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const fallback = name === 'ecbKey' || name === 'gcmKey' ? 'a random key is used' : 'the default is used';
      problems.push(
        `${name}=${value.length > 80 ? `${value.slice(0, 80)}…` : value} is not valid (${reason}); ${fallback}.`,
      );
    }
  }
  return { changes, problems };
}

/**
 * Reads lab options from a query string. `allowed` limits which names count (others are reported).
 * @example parseLabParams('?layout=gray&bits=3', ['meeting', 'penguin']).params.bits // 3
 */
export function parseLabParams(
  search: string,
  sources: readonly string[],
  allowed: readonly string[] = PARAM_NAMES,
): { params: LabParams; problems: string[] } {
  const { changes, problems } = parseLabChanges(new URLSearchParams(search), sources, allowed);
  return {
    params: { ...DEFAULT_PARAMS, panels: [...DEFAULT_PARAMS.panels], modes: { ...DEFAULT_MODES }, ...changes },
    problems,
  };
}
