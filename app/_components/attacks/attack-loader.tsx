'use client';

import dynamic from 'next/dynamic';

/** The attack lab runs in the browser only (a worker, canvases, the camera); the server sends a placeholder. */
export const AttackLabLoader = dynamic(() => import('./attack-lab').then((module) => module.AttackLab), {
  ssr: false,
  loading: () => (
    <div
      className="h-64 animate-pulse motion-reduce:animate-none rounded-2xl bg-slate-200 dark:bg-slate-800"
      aria-busy="true"
      aria-label="Loading the attack lab"
    />
  ),
});
