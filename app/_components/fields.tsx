'use client';

import { MAX_BITS, MIN_BITS } from '@/lib/cipher/depth';
import { PROCESSING_WIDTHS, type ProcessingWidth } from '@/lib/lab/lab-options';

/**
 * The form pieces the lab, the compact lab and the embed builder share: button styles, a labelled
 * checkbox, a labelled select, and the colour-depth and processing-width inputs (their ranges come from
 * lib, so the three places cannot disagree).
 */

export const primaryButton =
  'rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-40 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200';
export const secondaryButton =
  'rounded-lg px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 ring-inset hover:bg-slate-100 dark:ring-slate-600 dark:hover:bg-slate-800';
/** A small-caps field label. */
export const fieldLabel = 'text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400';

/** A checkbox with its label. */
export function Check({
  checked,
  onChange,
  children,
  testId,
  className = 'flex items-center gap-2 text-sm',
}: {
  checked: boolean;
  onChange: (value: boolean) => void;
  children: React.ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <label className={className}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="size-4 accent-slate-900 dark:accent-white"
        data-testid={testId}
      />
      {children}
    </label>
  );
}

/** A select with its label above it; `options` are [value, text] pairs. */
export function LabeledSelect<T extends string | number>({
  id,
  label,
  value,
  options,
  onChange,
  className,
  testId,
}: {
  id: string;
  label: React.ReactNode;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
  className: string;
  testId?: string;
}) {
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className={fieldLabel}>
        {label}
      </label>
      <select
        id={id}
        className={className}
        value={value}
        onChange={(event) => {
          const chosen = options.find(([option]) => String(option) === event.target.value);
          if (chosen) onChange(chosen[0]);
        }}
        data-testid={testId}
      >
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The processing widths as select options: [640, '640 px'], … */
export const WIDTH_OPTIONS: readonly (readonly [ProcessingWidth, string])[] = PROCESSING_WIDTHS.map(
  (width) => [width, `${width} px`] as const,
);

/** The colour-depth slider, 1 to 8 bits. */
export function DepthRange({
  value,
  onChange,
  id,
  className,
  testId,
}: {
  value: number;
  onChange: (bits: number) => void;
  id?: string;
  className: string;
  testId: string;
}) {
  return (
    <input
      id={id}
      type="range"
      min={MIN_BITS}
      max={MAX_BITS}
      step={1}
      value={value}
      onChange={(event) => onChange(Number(event.target.value))}
      className={className}
      data-testid={testId}
    />
  );
}
