import type { SourceId } from '@/app/_content/sources';
import { SourceLink } from '../source-link';

interface Event {
  date: string;
  what: string;
  source: SourceId;
  cite: string;
  tone: 'ecb' | 'gcm' | 'neutral';
}

const EVENTS: Event[] = [
  {
    date: '3 Apr',
    what: 'Citizen Lab: one AES-128 key per meeting, in ECB mode',
    source: 'citizenLab',
    cite: 'Citizen Lab',
    tone: 'ecb',
  },
  {
    date: '22 Apr',
    what: 'Zoom 5.0 announced, with AES-256-GCM',
    source: 'zoomApril22',
    cite: 'Zoom, 22 April',
    tone: 'gcm',
  },
  { date: '27 Apr', what: 'Zoom 5.0 generally available', source: 'zoomMay27', cite: 'Zoom, 27 May', tone: 'neutral' },
  {
    date: '22 May',
    what: 'Draft end-to-end design published on GitHub',
    source: 'zoomE2ee',
    cite: 'whitepaper v1',
    tone: 'neutral',
  },
  {
    date: '30 May',
    what: 'GCM switched on for every account',
    source: 'zoomJuly1',
    cite: 'Zoom, July recap',
    tone: 'gcm',
  },
];

const DOT: Record<Event['tone'], string> = {
  ecb: 'bg-rose-500',
  gcm: 'bg-emerald-500',
  neutral: 'bg-slate-400 dark:bg-slate-500',
};

/** Spring 2020 in five dated steps, each with its source. */
export function ZoomTimeline() {
  return (
    <ol className="relative grid grid-cols-1 gap-6 lg:grid-cols-5 lg:gap-4" data-testid="zoom-timeline">
      <span
        aria-hidden="true"
        className="absolute top-2 bottom-2 left-[7px] w-0.5 bg-slate-200 lg:top-[7px] lg:right-2 lg:bottom-auto lg:left-2 lg:h-0.5 lg:w-auto dark:bg-slate-800"
      />
      {EVENTS.map((event) => (
        <li key={event.date} className="relative flex gap-4 lg:flex-col lg:gap-3">
          <span
            className={`relative mt-1 size-4 shrink-0 rounded-full ring-4 ring-slate-50 lg:mt-0 dark:ring-slate-950 ${DOT[event.tone]}`}
          />
          <div className="flex flex-col gap-1">
            <span className="font-mono text-xl font-semibold tabular-nums lg:text-3xl">{event.date} 2020</span>
            <span className="text-lg leading-snug lg:text-2xl">{event.what}</span>
            <span className="text-base lg:text-lg">
              <SourceLink id={event.source}>{event.cite}</SourceLink>
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}
