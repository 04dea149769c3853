'use client';

import { LAYOUTS, type Layout } from '@/lib/cipher/layout';
import { DepthRange, fieldLabel as label, LabeledSelect, WIDTH_OPTIONS } from '../fields';
import { useLab, useLabState } from './lab-context';

const LAYOUT_HELP: Record<Layout, string> = {
  rgb: '3 bytes a pixel (R, G, B), as a video carries them',
  rgba: '4 bytes a pixel: one AES block is exactly 4 pixels',
  gray: '1 byte a pixel (BT.601 luma): 16 pixels a block',
};

/** Layout, colour depth and processing width: what exactly gets encrypted. */
export function CipherControls() {
  const lab = useLab();
  const { settings } = useLabState();

  return (
    <div className="grid gap-5 sm:grid-cols-3">
      <fieldset className="flex flex-col gap-2">
        <legend className={label}>Pixel layout</legend>
        <div
          className="mt-2 inline-flex w-fit rounded-lg bg-slate-100 p-1 dark:bg-slate-800"
          role="radiogroup"
          aria-label="Pixel layout"
        >
          {LAYOUTS.map((layout) => (
            <label
              key={layout}
              className={`cursor-pointer rounded-md px-3 py-1 font-mono text-sm has-focus-visible:outline-2 has-focus-visible:outline-sky-500 ${
                settings.layout === layout
                  ? 'bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-white'
                  : 'text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white'
              }`}
            >
              <input
                type="radio"
                name="layout"
                value={layout}
                className="sr-only"
                checked={settings.layout === layout}
                onChange={() => lab.setLayout(layout)}
                data-testid={`layout-${layout}`}
              />
              {layout}
            </label>
          ))}
        </div>
        <p className="text-xs text-slate-500 dark:text-slate-400">{LAYOUT_HELP[settings.layout]}</p>
      </fieldset>

      <div className="flex flex-col gap-2">
        <label htmlFor="bits" className={label}>
          Colour depth:{' '}
          <span className="font-mono text-slate-900 normal-case dark:text-white">{settings.bits} bits</span>
        </label>
        <DepthRange
          id="bits"
          value={settings.bits}
          onChange={(bits) => lab.setBits(bits)}
          className="mt-2 accent-slate-900 dark:accent-white"
          testId="bits"
        />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Keeps the top {settings.bits} bit{settings.bits === 1 ? '' : 's'} of each byte before encrypting.
          {settings.bits === 8 ? ' Lower it to bring ECB’s leak back on noisy camera frames.' : ''}
        </p>
      </div>

      <div className="flex flex-col gap-2">
        <LabeledSelect
          id="width"
          label="Processing width"
          value={settings.width}
          options={WIDTH_OPTIONS}
          onChange={(width) => lab.setWidth(width)}
          className="mt-2 w-fit rounded-lg border-0 bg-white py-1.5 pr-8 pl-3 text-sm ring-1 ring-slate-300 ring-inset dark:bg-slate-900 dark:ring-slate-700"
          testId="width"
        />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Wider sources are scaled down to this, aspect kept.
        </p>
      </div>
    </div>
  );
}
