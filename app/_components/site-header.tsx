import Link from 'next/link';
import { LockIcon } from './icons';

/** Brand mark: a 4×4 grid of blocks, four of them equal — ECB's tell. */
function Mark() {
  const cells = [0, 1, 2, 3, 4, 1, 5, 6, 7, 8, 1, 9, 10, 11, 12, 1];
  const shades = [
    '#0f172a',
    '#e11d48',
    '#334155',
    '#475569',
    '#64748b',
    '#1e293b',
    '#94a3b8',
    '#0f766e',
    '#334155',
    '#64748b',
    '#1e293b',
    '#475569',
    '#0f172a',
  ];
  return (
    <svg viewBox="0 0 16 16" className="size-6" aria-hidden="true">
      {cells.map((shade, i) => (
        <rect
          key={i}
          x={(i % 4) * 4}
          y={Math.floor(i / 4) * 4}
          width="3.6"
          height="3.6"
          rx="0.6"
          fill={shades[shade]}
        />
      ))}
    </svg>
  );
}

const NAV = [
  { href: '/', label: 'Lab' },
  { href: '/story', label: 'The Zoom story' },
  { href: '/attacks', label: 'Attacks' },
  { href: '/traffic', label: 'Traffic' },
  { href: '/embed-builder', label: 'Embed' },
];

export function SiteHeader({ current }: { current?: string }) {
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-950/80">
      <div className="mx-auto flex max-w-[1600px] flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <Link href="/" className="flex items-center gap-2 font-semibold whitespace-nowrap tracking-tight">
            <Mark />
            <span>ECB Lens</span>
          </Link>
          <nav aria-label="Site" className="flex flex-wrap gap-x-4 gap-y-1 text-sm whitespace-nowrap">
            {NAV.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                aria-current={current === item.href ? 'page' : undefined}
                className="text-slate-600 hover:text-slate-900 aria-[current=page]:font-semibold aria-[current=page]:text-slate-900 dark:text-slate-400 dark:hover:text-white dark:aria-[current=page]:text-white"
              >
                {item.label}
              </Link>
            ))}
          </nav>
        </div>
        <p className="flex items-center gap-1.5 text-sm text-slate-600 dark:text-slate-400">
          <LockIcon className="size-4 text-emerald-600 dark:text-emerald-400" />
          Everything runs in your browser. Nothing you load leaves this page.
        </p>
      </div>
    </header>
  );
}
