import { SOURCES, type SourceId } from '../_content/sources';

/** A citation: the claim's source, opened in a new tab (a plain link: nothing is fetched by the page). */
export function SourceLink({ id, children }: { id: SourceId; children?: React.ReactNode }) {
  const source = SOURCES[id];
  return (
    <a
      href={source.url}
      target="_blank"
      rel="noopener noreferrer"
      title={`${source.publisher}, ${source.date}: ${source.title}`}
      data-source={id}
      className="font-medium text-sky-700 underline decoration-sky-700/30 underline-offset-2 hover:decoration-sky-700 dark:text-sky-300 dark:decoration-sky-300/30"
    >
      {children ?? source.publisher}
    </a>
  );
}
