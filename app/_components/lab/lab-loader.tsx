'use client';

import dynamic from 'next/dynamic';

function LabPlaceholder() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true" aria-label="Loading the lab">
      <div className="h-10 w-2/3 animate-pulse motion-reduce:animate-none rounded-lg bg-slate-200 dark:bg-slate-800" />
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div
            key={i}
            className="aspect-video animate-pulse motion-reduce:animate-none rounded-lg bg-slate-200 dark:bg-slate-800"
          />
        ))}
      </div>
    </div>
  );
}

/** The lab runs in the browser only (workers, canvases, the camera); the server sends a placeholder. */
export const LabLoader = dynamic(() => import('./lab').then((module) => module.Lab), {
  ssr: false,
  loading: LabPlaceholder,
});

/** The compact lab (embeds, the story's demos), also browser-only. */
export const CompactLabLoader = dynamic(() => import('./compact-lab').then((module) => module.CompactLab), {
  ssr: false,
  loading: () => (
    <div
      className="aspect-video w-full animate-pulse motion-reduce:animate-none rounded-lg bg-slate-200 dark:bg-slate-800"
      aria-busy="true"
    />
  ),
});
