import { SourceLink } from '../source-link';
import type { SourceId } from '@/app/_content/sources';

/** One demo of the attack lab: a heading, what it teaches in a sentence, its sources, and the demo. */
export function DemoSection({
  id,
  title,
  lesson,
  sources,
  children,
}: {
  id: string;
  title: string;
  lesson: React.ReactNode;
  sources: readonly SourceId[];
  children: React.ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="flex scroll-mt-20 flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6 dark:bg-slate-900 dark:ring-slate-800"
      data-testid={`demo-${id}`}
    >
      <div className="flex flex-col gap-2">
        <h2 id={`${id}-title`} className="text-xl font-bold tracking-tight">
          {title}
        </h2>
        <p className="max-w-4xl leading-relaxed text-slate-700 dark:text-slate-300">{lesson}</p>
        {sources.length > 0 && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Sources:{' '}
            {sources.map((source, i) => (
              <span key={source}>
                {i > 0 && ' · '}
                <SourceLink id={source} />
              </span>
            ))}
          </p>
        )}
      </div>
      {children}
    </section>
  );
}

/** A problem with the reader's input in a demo, worded for the page; the demo keeps working. */
export function DemoProblem({ message, testId }: { message: string | null; testId: string }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-950/60 dark:text-rose-100"
      data-testid={testId}
    >
      {message}
    </p>
  );
}
