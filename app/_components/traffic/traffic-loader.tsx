'use client';

import dynamic from 'next/dynamic';

/** The traffic view encodes in the browser (WebCodecs, a worker, the camera): browser-only. */
export const TrafficLoader = dynamic(() => import('./traffic-lab').then((module) => module.TrafficLab), {
  ssr: false,
  loading: () => (
    <div
      className="h-64 animate-pulse motion-reduce:animate-none rounded-2xl bg-slate-200 dark:bg-slate-800"
      aria-busy="true"
      aria-label="Loading the traffic view"
    />
  ),
});
