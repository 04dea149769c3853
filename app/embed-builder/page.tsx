import type { Metadata } from 'next';
import { EmbedBuilder } from '../_components/embed/embed-builder';
import { SiteFooter } from '../_components/site-footer';
import { SiteHeader } from '../_components/site-header';

export const metadata: Metadata = {
  title: 'Embed ECB Lens — ECB Lens',
  description: 'Put a live AES-128-ECB vs AES-256-GCM demo in your slides or course page.',
};

export default function EmbedBuilderPage() {
  return (
    <>
      <SiteHeader current="/embed-builder" />
      <main className="mx-auto flex max-w-[1600px] flex-col gap-6 px-4 py-6 sm:px-6">
        <section className="flex max-w-3xl flex-col gap-2">
          <h1 className="text-3xl font-bold tracking-tight">Embed ECB Lens in a course page or slides</h1>
          <p className="text-slate-700 dark:text-slate-300">
            Choose what the embed shows, check it in the preview, and copy the snippet. Fixed keys make every viewing
            draw the same pictures, so a lecture looks the same every time.
          </p>
        </section>
        <EmbedBuilder />
      </main>
      <SiteFooter />
    </>
  );
}
