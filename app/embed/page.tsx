import type { Metadata } from 'next';
import { EmbedLoader } from '../_components/embed/embed-loader';

export const metadata: Metadata = {
  title: 'ECB Lens (embedded)',
  description: 'AES-128-ECB next to AES-256-GCM, encrypted live in the browser.',
};

/** The lab without site chrome, for iframes in slides and course pages; see the README's Embed section. */
export default function EmbedPage() {
  return (
    <main>
      <EmbedLoader />
    </main>
  );
}
