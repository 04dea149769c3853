'use client';

import { useMemo, useState, useSyncExternalStore } from 'react';
import { generateKey } from '@/lib/cipher/keys';
import { toHex } from '@/lib/cipher/hex';
import { MODES } from '@/lib/cipher/keys';
import { LAYOUTS } from '@/lib/cipher/layout';
import { embedQuery, embedSnippet, embedUrl } from '@/lib/embed/url';
import { CONTROLS, DEFAULT_PARAMS, THEMES, type LabParams } from '@/lib/lab/lab-options';
import { SAMPLES } from '@/lib/media/samples';
import { CIPHER_PANELS, PANEL_IDS, type PanelId } from '@/lib/worker/protocol';
import { MODE_COPY, panelCopy } from '@/app/_content/panels';
import { Check, DepthRange, fieldLabel as label, LabeledSelect, WIDTH_OPTIONS } from '../fields';
import { DEFAULT_SOURCE } from '../lab/use-lab-controller';
const field =
  'rounded-lg border-0 bg-white px-2 py-1.5 text-sm ring-1 ring-slate-300 ring-inset dark:bg-slate-900 dark:ring-slate-700';

const noSubscription = () => () => undefined;

/** This site's origin in the browser; empty while rendering on the server (React re-renders after hydration). */
function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => '',
  );
}

/** Pick options, see the embed live, copy the `<iframe>`. */
export function EmbedBuilder() {
  const [params, setParams] = useState<LabParams>({
    ...DEFAULT_PARAMS,
    source: DEFAULT_SOURCE,
    panels: ['original', 'ecb', 'gcm'],
    loop: true,
  });
  const [frame, setFrame] = useState({ width: '100%', height: 480, autoHeight: true });
  const [copied, setCopied] = useState(false);
  const set = (patch: Partial<LabParams>) => {
    setParams((current) => ({ ...current, ...patch }));
    setCopied(false);
  };
  const origin = useOrigin();
  const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';
  const query = embedQuery(params);
  const preview = `${basePath}/embed${query ? `?${query}` : ''}`;
  const snippet = useMemo(
    () => (origin ? embedSnippet(embedUrl(origin, params, basePath), frame) : ''),
    [origin, params, basePath, frame],
  );

  const togglePanel = (panel: PanelId, on: boolean) => {
    const next = PANEL_IDS.filter((id) => (id === panel ? on : params.panels.includes(id)));
    if (next.length > 0) set({ panels: next });
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      // No clipboard permission (e.g. an insecure origin): select the text for a manual copy instead.
      const area = document.getElementById('embed-snippet') as HTMLTextAreaElement | null;
      area?.select();
    }
  };

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <form className="flex flex-col gap-5" onSubmit={(event) => event.preventDefault()} data-testid="builder-form">
        <LabeledSelect
          id="b-source"
          label="Source"
          className={field}
          value={params.source ?? DEFAULT_SOURCE}
          options={SAMPLES.map((sample) => [sample.id, sample.title] as const)}
          onChange={(source) => set({ source })}
          testId="b-source"
        />
        <fieldset className="flex flex-col gap-2">
          <legend className={label}>Panels</legend>
          <div className="mt-2 grid grid-cols-2 gap-2">
            {PANEL_IDS.map((panel) => (
              <Check
                key={panel}
                checked={params.panels.includes(panel)}
                onChange={(on) => togglePanel(panel, on)}
                testId={`b-panel-${panel}`}
              >
                {panelCopy(panel, params.modes).title}
              </Check>
            ))}
          </div>
        </fieldset>
        <fieldset className="flex flex-col gap-2">
          <legend className={label}>Playback</legend>
          <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
            <Check checked={params.autoplay} onChange={(autoplay) => set({ autoplay })} testId="b-autoplay">
              Autoplay
            </Check>
            <Check checked={params.loop} onChange={(loop) => set({ loop })}>
              Loop
            </Check>
            <Check checked={params.muted} onChange={(muted) => set({ muted })}>
              Muted
            </Check>
          </div>
          <label className="mt-1 flex items-center gap-2 text-sm">
            Start at
            <input
              type="number"
              min={0}
              step={0.5}
              value={params.start}
              onChange={(event) => set({ start: Math.max(0, Number(event.target.value) || 0) })}
              className={`${field} w-20`}
            />
            seconds
          </label>
        </fieldset>
        <div className="grid grid-cols-2 gap-4">
          <LabeledSelect
            id="b-controls"
            label="Controls"
            className={field}
            value={params.controls}
            options={CONTROLS.map((value) => [value, value] as const)}
            onChange={(controls) => set({ controls })}
            testId="b-controls"
          />
          <LabeledSelect
            id="b-theme"
            label="Theme"
            className={field}
            value={params.theme}
            options={THEMES.map((value) => [value, value] as const)}
            onChange={(theme) => set({ theme })}
          />
          <LabeledSelect
            id="b-layout"
            label="Layout"
            className={field}
            value={params.layout}
            options={LAYOUTS.map((value) => [value, value] as const)}
            onChange={(layout) => set({ layout })}
          />
          <LabeledSelect
            id="b-width"
            label="Processing width"
            className={field}
            value={params.width}
            options={WIDTH_OPTIONS}
            onChange={(width) => set({ width })}
          />
          {CIPHER_PANELS.map((panel, index) => (
            <LabeledSelect
              key={panel}
              id={`b-mode-${panel}`}
              label={`${index === 0 ? 'First' : 'Second'} ciphertext`}
              className={field}
              value={params.modes[panel]}
              options={MODES.map((mode) => [mode, MODE_COPY[mode].title] as const)}
              onChange={(mode) => set({ modes: { ...params.modes, [panel]: mode } })}
              testId={`b-mode-${panel}`}
            />
          ))}
        </div>
        <div className="flex flex-col gap-2">
          <label htmlFor="b-bits" className={label}>
            Colour depth: {params.bits} bits
          </label>
          <DepthRange
            id="b-bits"
            value={params.bits}
            onChange={(bits) => set({ bits })}
            className="accent-slate-900 dark:accent-white"
            testId="b-bits"
          />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className={label}>Keys</legend>
          <Check
            checked={params.ecbKeyHex !== null}
            onChange={(fixed) =>
              set(
                fixed
                  ? { ecbKeyHex: toHex(generateKey('ecb')), gcmKeyHex: toHex(generateKey('gcm')) }
                  : { ecbKeyHex: null, gcmKeyHex: null },
              )
            }
            testId="b-fix-keys"
          >
            Fix the keys, so every viewing shows the same ECB picture
          </Check>
          {params.ecbKeyHex && (
            <p className="font-mono text-xs break-all text-slate-500 dark:text-slate-400">
              ECB {params.ecbKeyHex}
              <br />
              GCM {params.gcmKeyHex}
            </p>
          )}
        </fieldset>
        <fieldset className="flex flex-col gap-2">
          <legend className={label}>Frame</legend>
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
            <label className="flex items-center gap-2">
              Width{' '}
              <input
                value={frame.width}
                onChange={(event) => setFrame({ ...frame, width: event.target.value || '100%' })}
                className={`${field} w-20`}
              />
            </label>
            <label className="flex items-center gap-2">
              Height{' '}
              <input
                type="number"
                min={120}
                value={frame.height}
                onChange={(event) => setFrame({ ...frame, height: Math.max(120, Number(event.target.value) || 480) })}
                className={`${field} w-24`}
              />
            </label>
          </div>
          <Check checked={frame.autoHeight} onChange={(autoHeight) => setFrame({ ...frame, autoHeight })}>
            Grow with the content (adds a small script)
          </Check>
          <Check checked={params.lms} onChange={(lms) => set({ lms })} testId="b-lms">
            Ask Canvas LMS to fit the frame to the content (<code>lti.frameResize</code>)
          </Check>
        </fieldset>
      </form>

      <div className="flex min-w-0 flex-col gap-4">
        <h2 className="text-lg font-semibold">Live preview</h2>
        <iframe
          key={preview}
          src={preview}
          title="Embed preview"
          className="w-full rounded-xl bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
          style={{ height: frame.height }}
          data-testid="builder-preview"
        />
        <div className="flex items-center justify-between gap-4">
          <h2 id="embed-snippet-title" className="text-lg font-semibold">
            Snippet
          </h2>
          <button
            type="button"
            onClick={() => void copy()}
            className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900"
            data-testid="copy-snippet"
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
        <textarea
          id="embed-snippet"
          aria-labelledby="embed-snippet-title"
          readOnly
          value={snippet}
          rows={frame.autoHeight ? 13 : 3}
          className="w-full rounded-xl bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100"
          data-testid="snippet"
          onFocus={(event) => event.currentTarget.select()}
        />
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The embed can be framed by any site. It runs entirely in the viewer&apos;s browser. Course pages can drive it
          with <code className="rounded bg-slate-200 px-1 dark:bg-slate-800">postMessage</code>: see the README and{' '}
          <a
            href={`${basePath}/embed-example.html`}
            className="font-medium text-sky-700 hover:underline dark:text-sky-300"
          >
            the example course page
          </a>
          .
        </p>
      </div>
    </div>
  );
}
