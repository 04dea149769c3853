import type { Metadata } from 'next';
import { SiteFooter } from '../_components/site-footer';
import { SiteHeader } from '../_components/site-header';
import { StoryDeck } from '../_components/story/story-deck';
import { STORY_STEPS } from '../_components/story/story-steps';

const TITLE = 'The Zoom 2020 story';

export const metadata: Metadata = {
  title: `${TITLE} — ECB Lens`,
  description:
    'How Zoom encrypted calls with AES-128-ECB in 2020, what that leaked, and the move to AES-256-GCM: a guided walkthrough with live demos, every claim sourced.',
};

export default function StoryPage() {
  return (
    <>
      <div className="flex min-h-dvh flex-col lg:h-dvh">
        <SiteHeader current="/story" />
        <main className="flex flex-1 flex-col lg:min-h-0">
          <h1 className="sr-only">{TITLE}</h1>
          <StoryDeck steps={STORY_STEPS} title={TITLE} />
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
