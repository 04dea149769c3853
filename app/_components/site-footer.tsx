import { SOURCES } from '../_content/sources';

/** Sources for the site's claims, and what the site does with your data (nothing). */
export function SiteFooter() {
  const cited = [
    SOURCES.citizenLab,
    SOURCES.zoomApril22,
    SOURCES.zoomMay27,
    SOURCES.zoomJuly1,
    SOURCES.sp80038a,
    SOURCES.sp80038d,
  ];
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <div className="mx-auto grid max-w-[1600px] gap-8 px-4 py-8 text-sm text-slate-600 sm:px-6 md:grid-cols-2 dark:text-slate-400">
        <div>
          <h2 className="font-semibold text-slate-900 dark:text-slate-100">Sources</h2>
          <ul className="mt-2 flex flex-col gap-1.5">
            {cited.map((source) => (
              <li key={source.url}>
                <a
                  href={source.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-sky-700 hover:underline dark:text-sky-300"
                >
                  {source.title}
                </a>{' '}
                — {source.publisher}, {source.date}.
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h2 className="font-semibold text-slate-900 dark:text-slate-100">Privacy</h2>
          <p className="mt-2 leading-relaxed">
            ECB Lens is a static teaching site. Videos, pictures, webcam frames and keys are processed in this browser
            tab, in Web Workers, and are never uploaded. The site loads nothing from other origins and keeps no
            analytics.
          </p>
          <p className="mt-2 leading-relaxed">
            Ciphers by <span className="font-medium">@noble/ciphers</span> and the browser&apos;s WebCrypto.
          </p>
        </div>
      </div>
    </footer>
  );
}
