'use client';

import { useEffect, useRef, useState } from 'react';
import type { LabController } from '@/lib/lab/lab-controller';
import { parseLabParams } from '@/lib/lab/lab-options';
import { SAMPLE_IDS } from '@/lib/media/samples';
import { CompactLab } from '../lab/compact-lab';
import { useEmbedBridge, type EmbedView } from './use-embed-bridge';

/**
 * `/embed`: the lab without site chrome, configured by its URL and driven by the page that frames it.
 * Bad or unknown options fall back to their defaults and are listed in a dismissible notice.
 */
export function EmbedLab() {
  const [{ params, problems: initialProblems }] = useState(() => parseLabParams(window.location.search, SAMPLE_IDS));
  const [view, setView] = useState<EmbedView>({
    panels: params.panels,
    controls: params.controls,
    theme: params.theme,
    lms: params.lms,
  });
  const [problems, setProblems] = useState(initialProblems);
  const [lab, setLab] = useState<LabController | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const html = document.documentElement;
    html.classList.toggle('dark', view.theme === 'dark');
    html.classList.toggle('light', view.theme === 'light');
  }, [view.theme]);

  useEmbedBridge(lab, root, view, setView, setProblems);

  return (
    <div ref={root} className="p-2 sm:p-3" data-testid="embed" data-theme={view.theme}>
      <CompactLab params={{ ...params, ...view }} problems={problems} expose onController={setLab} />
    </div>
  );
}
