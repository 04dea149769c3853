const STREAMS = ['Ana · audio', 'Ana · video', 'Ben · screen share'];

const KEYS: { label: string; why: string }[] = [
  { label: 'key 1', why: 'the meeting starts' },
  { label: 'key 2', why: 'Cai joins' },
  { label: 'key 3', why: 'Ben leaves' },
  { label: 'key 4', why: 'five minutes pass' },
];

const box =
  'rounded-xl px-4 py-3 text-lg font-medium ring-1 ring-inset lg:text-xl ' +
  'bg-white ring-slate-200 dark:bg-slate-900 dark:ring-slate-800';

/**
 * Two pictures of the whitepaper's meeting design: one meeting key turned into a key per stream, and
 * the end-to-end meeting key replaced as people come and go. A sketch, not a protocol trace.
 */
export function KeyDiagram() {
  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-2 lg:gap-12" data-testid="key-diagram">
      <figure className="flex flex-col gap-4">
        <figcaption className="text-xl font-semibold lg:text-2xl">A key per stream</figcaption>
        <div className="flex items-center gap-4">
          <div className={`${box} shrink-0 text-center`}>
            meeting
            <br />
            key
          </div>
          <span aria-hidden="true" className="text-3xl text-slate-400">
            →
          </span>
          <ul className="flex min-w-0 flex-1 flex-col gap-2">
            {STREAMS.map((stream) => (
              <li
                key={stream}
                className="flex flex-wrap items-baseline justify-between gap-x-3 rounded-xl bg-emerald-50 px-4 py-2 text-lg ring-1 ring-emerald-200 ring-inset lg:text-xl dark:bg-emerald-950/50 dark:ring-emerald-900"
              >
                <span className="font-medium">{stream}</span>
                <span className="text-base text-emerald-800 dark:text-emerald-300">its own AES-256-GCM key</span>
              </li>
            ))}
          </ul>
        </div>
        <p className="text-base text-slate-600 lg:text-lg dark:text-slate-400">
          Each stream key is derived from the meeting key and the stream’s (public) identifier.
        </p>
      </figure>
      <figure className="flex flex-col gap-4">
        <figcaption className="text-xl font-semibold lg:text-2xl">
          End-to-end: a new key when people come and go
        </figcaption>
        <ol className="flex flex-col gap-2">
          {KEYS.map((key) => (
            <li key={key.label} className="flex items-center gap-4 text-lg lg:text-xl">
              <span className="rounded-xl bg-amber-50 px-3 py-1.5 font-mono font-semibold ring-1 ring-amber-200 ring-inset dark:bg-amber-950/50 dark:ring-amber-900">
                {key.label}
              </span>
              <span className="text-slate-700 dark:text-slate-300">{key.why}</span>
            </li>
          ))}
        </ol>
        <p className="text-base text-slate-600 lg:text-lg dark:text-slate-400">
          Made by a participant’s client, not by Zoom’s servers. Someone who left cannot read what comes after the next
          key.
        </p>
      </figure>
    </div>
  );
}
