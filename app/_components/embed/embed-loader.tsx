'use client';

import dynamic from 'next/dynamic';

/** The embed reads its options from the address and runs workers: browser-only. */
export const EmbedLoader = dynamic(() => import('./embed-lab').then((module) => module.EmbedLab), {
  ssr: false,
  loading: () => (
    <div
      className="m-3 aspect-video animate-pulse motion-reduce:animate-none rounded-lg bg-slate-200 dark:bg-slate-800"
      aria-busy="true"
    />
  ),
});
