'use client';

import { useEffect, useRef, useSyncExternalStore } from 'react';
import { currentHash, goToStep, stepFromHash, subscribeToHash } from './step-hash';
import type { StoryStep } from './story-steps';

/** Keys a presentation clicker or a keyboard sends, and where they go. */
const MOVES: Record<string, (step: number, last: number) => number> = {
  ArrowRight: (step, last) => Math.min(step + 1, last),
  PageDown: (step, last) => Math.min(step + 1, last),
  ArrowLeft: (step) => Math.max(step - 1, 0),
  PageUp: (step) => Math.max(step - 1, 0),
  Home: () => 0,
  End: (_step, last) => last,
};

/** Keys typed into a control belong to it (a range input uses the arrows, a text field uses F). */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

function toggleFullscreen(element: HTMLElement | null): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else element?.requestFullscreen?.().catch(() => undefined);
}

const navButton =
  'inline-flex items-center gap-2 rounded-full px-4 py-2.5 text-lg font-semibold sm:px-5 ring-1 ring-inset transition-colors ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 ' +
  'aria-disabled:cursor-default aria-disabled:opacity-35';

function Arrow({ back = false }: { back?: boolean }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={`size-5 ${back ? 'rotate-180' : ''}`}>
      <path
        fillRule="evenodd"
        d="M3 10a.75.75 0 0 1 .75-.75h10.64l-4.2-3.9a.75.75 0 1 1 1.02-1.1l5.5 5.1a.75.75 0 0 1 0 1.1l-5.5 5.1a.75.75 0 1 1-1.02-1.1l4.2-3.9H3.75A.75.75 0 0 1 3 10Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

/**
 * The story as a deck: one step on screen at a time (so only its demo runs), moved with the arrow keys,
 * Page Up/Down (presentation clickers), Home/End or the buttons; F toggles full screen. The step is
 * kept in the address as `#step-n`.
 */
const NO_SUBSCRIPTION = () => () => undefined;

export function StoryDeck({ steps, title }: { steps: StoryStep[]; title: string }) {
  const hash = useSyncExternalStore(subscribeToHash, currentHash, () => '');
  // False in the server's HTML, true once the deck runs here (and keys work): a hook for the tests.
  const live = useSyncExternalStore(
    NO_SUBSCRIPTION,
    () => true,
    () => false,
  );
  const index = stepFromHash(hash, steps.length);
  const last = steps.length - 1;
  const step = steps[index];
  const deck = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Whether the next step change should move focus to its heading (keys and dots do; the arrow
  // buttons keep focus on themselves so they can be pressed again).
  const focusHeading = useRef(false);

  const go = (target: number, moveFocus: boolean) => {
    if (target === index) return;
    focusHeading.current = moveFocus;
    goToStep(target);
  };

  useEffect(() => {
    if (!focusHeading.current) return;
    focusHeading.current = false;
    heading.current?.focus();
  }, [index]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || ownsKeys(event.target)) return;
      const here = stepFromHash(window.location.hash, steps.length);
      const move = MOVES[event.key];
      if (move) {
        event.preventDefault();
        const target = move(here, steps.length - 1);
        if (target !== here) {
          focusHeading.current = true;
          goToStep(target);
        }
      } else if (event.key === 'f' || event.key === 'F') {
        event.preventDefault();
        toggleFullscreen(deck.current);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [steps.length]);

  const split = step.layout === 'split';

  return (
    <section
      ref={deck}
      aria-roledescription="slide deck"
      aria-label={title}
      data-testid="story"
      data-current-step={index + 1}
      data-live={live}
      className="flex flex-1 flex-col bg-slate-50 lg:min-h-0 dark:bg-slate-950 [&:fullscreen]:overflow-y-auto"
    >
      <article
        key={index}
        data-testid="story-step"
        data-step={index + 1}
        aria-roledescription="slide"
        aria-labelledby="story-step-title"
        className={`mx-auto grid w-full max-w-[1500px] flex-1 gap-x-12 gap-y-6 px-5 pt-6 pb-8 sm:px-8 lg:min-h-0 lg:overflow-y-auto lg:pt-8 motion-safe:transition-[opacity,translate] motion-safe:duration-300 motion-safe:starting:translate-y-2 motion-safe:starting:opacity-0 ${
          split ? 'lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]' : 'content-start lg:grid-rows-[auto_minmax(0,1fr)]'
        }`}
      >
        <div className={`flex max-w-5xl flex-col gap-4 ${split ? 'lg:self-center' : ''}`}>
          <p className="text-base font-semibold tracking-wide text-rose-700 uppercase lg:text-lg dark:text-rose-300">
            {step.kicker}
          </p>
          <h2
            id="story-step-title"
            ref={heading}
            tabIndex={-1}
            className="text-3xl font-bold tracking-tight text-balance focus:outline-none sm:text-4xl xl:text-5xl"
          >
            {step.title}
          </h2>
          <div className="flex flex-col gap-3 text-xl leading-relaxed text-slate-700 lg:text-2xl lg:leading-snug xl:text-[1.7rem] dark:text-slate-200 [@media(max-height:760px)]:lg:text-xl">
            {step.body}
          </div>
        </div>
        {/* On large screens the visual gets the rest of the screen as a size container, and sizes itself from it. */}
        <div className="min-w-0 lg:min-h-0 lg:@container-size">
          <div className={split ? 'lg:flex lg:h-full lg:flex-col lg:justify-center' : ''}>{step.visual}</div>
        </div>
      </article>

      <nav
        aria-label="Story steps"
        className="sticky bottom-0 z-10 border-t border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90"
      >
        <div className="mx-auto flex max-w-[1500px] items-center justify-between gap-2 px-3 py-2 sm:gap-4 sm:px-8">
          <button
            type="button"
            className={`${navButton} text-slate-800 ring-slate-300 hover:bg-slate-100 dark:text-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800`}
            aria-label="Previous step"
            aria-disabled={index === 0}
            onClick={() => index > 0 && go(index - 1, false)}
            data-testid="story-prev"
          >
            <Arrow back />
            <span className="hidden sm:inline">Previous</span>
          </button>

          <div className="flex flex-col items-center gap-1">
            <ol className="flex items-center sm:gap-1" aria-label="Steps">
              {steps.map((item, i) => (
                <li key={item.title}>
                  <button
                    type="button"
                    className="group flex size-6 items-center justify-center rounded-full focus-visible:outline-2 focus-visible:outline-sky-500 sm:size-7"
                    aria-label={`Step ${i + 1}: ${item.title}`}
                    aria-current={i === index ? 'step' : undefined}
                    onClick={() => go(i, true)}
                    data-testid="story-dot"
                  >
                    <span
                      className={`block rounded-full transition-all motion-reduce:transition-none ${
                        i === index
                          ? 'h-2.5 w-4 bg-slate-900 sm:h-3 sm:w-6 dark:bg-white'
                          : 'size-2 bg-slate-300 sm:size-2.5 group-hover:bg-slate-500 dark:bg-slate-700 dark:group-hover:bg-slate-400'
                      }`}
                    />
                  </button>
                </li>
              ))}
            </ol>
            <p className="text-sm text-slate-600 tabular-nums dark:text-slate-400" data-testid="story-progress">
              Step {index + 1} of {steps.length}
              <span className="hidden lg:inline">
                {' '}
                · <kbd className="font-sans">←</kbd> <kbd className="font-sans">→</kbd> to move ·{' '}
                <kbd className="font-sans">F</kbd> full screen
              </span>
            </p>
          </div>

          <button
            type="button"
            className={`${navButton} bg-slate-900 text-white ring-slate-900 hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:ring-white dark:hover:bg-slate-200`}
            aria-label="Next step"
            aria-disabled={index === last}
            onClick={() => index < last && go(index + 1, false)}
            data-testid="story-next"
          >
            <span className="hidden sm:inline">Next</span>
            <Arrow />
          </button>
        </div>
      </nav>

      <p className="sr-only" aria-live="polite" data-testid="story-announcer">
        Step {index + 1} of {steps.length}: {step.title}
      </p>
    </section>
  );
}
