/**
 * Embed URLs and snippets from lab options: the inverse of `parseLabParams`. Only options that differ
 * from the defaults are written, in a fixed order, so the same choices always give the same snippet.
 */
import { DEFAULT_PARAMS, PARAM_NAMES, paramField, type LabParams } from '../lab/lab-options';

function text(value: LabParams[keyof LabParams]): string {
  if (Array.isArray(value)) return value.join(',');
  // The ciphertext panels' modes, left then right: modes=cbc,gcm.
  if (typeof value === 'object' && value !== null) return `${value.ecb},${value.gcm}`;
  return String(value);
}

/**
 * The query string (without `?`) for these options.
 * @example embedQuery({ ...DEFAULT_PARAMS, bits: 3 }) // 'bits=3'
 */
export function embedQuery(params: LabParams): string {
  const query = new URLSearchParams();
  // In the order the lab reads them (PARAM_NAMES), so the same choices always give the same snippet.
  for (const name of PARAM_NAMES) {
    const field = paramField(name);
    const value = params[field];
    if (value === null || text(value) === text(DEFAULT_PARAMS[field] as LabParams[keyof LabParams])) continue;
    query.set(name, text(value));
  }
  return query.toString().replaceAll('%2C', ',');
}

/** The full embed URL on `origin` (e.g. `https://lens.example.edu`), with an optional base path. */
export function embedUrl(origin: string, params: LabParams, basePath = ''): string {
  const query = embedQuery(params);
  return `${origin}${basePath}/embed${query ? `?${query}` : ''}`;
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** Options for the `<iframe>` itself. */
export interface FrameOptions {
  /** CSS width, e.g. `100%` or `800`. */
  width: string;
  /** Height in pixels (the starting height when `autoHeight`). */
  height: number;
  /** Adds a script that resizes the frame from the embed's `resize` events. */
  autoHeight: boolean;
}

/**
 * The HTML to paste into a course page or a slide; `url` must be absolute (see {@link embedUrl}).
 * @example embedSnippet('https://lens.example.edu/embed?bits=3', { width: '100%', height: 480, autoHeight: false })
 */
export function embedSnippet(url: string, frame: FrameOptions): string {
  const width = /^\d+$/.test(frame.width) ? frame.width : escapeAttribute(frame.width);
  const iframe =
    `<iframe src="${escapeAttribute(url)}" title="ECB Lens: AES-128-ECB and AES-256-GCM side by side"\n` +
    `  width="${width}" height="${frame.height}" style="border:0" allow="fullscreen" loading="lazy"></iframe>`;
  if (!frame.autoHeight) return iframe;
  const origin = new URL(url).origin;
  return (
    `${iframe}\n<script>\n` +
    `  // Grows the frame with its content: ECB Lens posts { type: 'ecb-lens', v: 1, event: 'resize', height }.\n` +
    `  addEventListener('message', (event) => {\n` +
    `    const data = event.data;\n` +
    `    if (event.origin !== '${origin}' || data?.type !== 'ecb-lens' || data.v !== 1 || data.event !== 'resize') return;\n` +
    `    for (const frame of document.querySelectorAll('iframe')) {\n` +
    `      if (frame.contentWindow === event.source) frame.style.height = data.height + 'px';\n` +
    `    }\n` +
    `  });\n</script>`
  );
}
