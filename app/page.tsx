import { LabLoader } from './_components/lab/lab-loader';
import { SiteFooter } from './_components/site-footer';
import { SiteHeader } from './_components/site-header';
import { SourceLink } from './_components/source-link';

export default function Home() {
  return (
    <>
      <SiteHeader current="/" />
      <main className="mx-auto flex max-w-[1600px] flex-col gap-8 px-4 py-6 sm:px-6">
        <section className="flex max-w-4xl flex-col gap-3">
          <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">See what AES-ECB leaks</h1>
          <p className="text-base leading-relaxed text-slate-700 sm:text-lg dark:text-slate-300">
            In April 2020 <SourceLink id="citizenLab">The Citizen Lab</SourceLink> found that Zoom encrypted meeting
            audio and video with one AES-128 key per meeting in <strong>ECB mode</strong>. Play a call below: every
            frame is encrypted right here with AES-128-ECB and with <strong>AES-256-GCM</strong>, which Zoom 5.0 moved
            to (<SourceLink id="zoomApril22">announced 22 April 2020</SourceLink>,{' '}
            <SourceLink id="zoomJuly1">enforced 30 May 2020</SourceLink>), and the ciphertext bytes are drawn as
            pictures.
          </p>
        </section>

        <LabLoader />

        <section className="grid gap-6 rounded-2xl border border-slate-200 bg-white p-6 md:grid-cols-2 xl:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
          <div>
            <h2 className="font-semibold">How the pictures are made</h2>
            <p className="mt-1 text-sm leading-relaxed text-slate-600 dark:text-slate-400">
              Each frame&apos;s pixels are laid out row by row (red, green, blue; or with alpha; or grey) and encrypted
              as one message. The first bytes of the ciphertext are laid back out in the same order and shown as pixels.
              ECB&apos;s padding and GCM&apos;s tag have no pixel to go in.
            </p>
          </div>
          <div>
            <h2 className="font-semibold">Why ECB leaks</h2>
            <p className="mt-1 text-sm leading-relaxed text-slate-600 dark:text-slate-400">
              ECB encrypts each 16-byte block on its own with the same key. A flat area repeats the same bytes, so it
              turns into the same ciphertext blocks over and over: the area stays flat and its edges stay where they
              were. GCM mixes a counter into every block, so nothing repeats.
            </p>
          </div>
          <div>
            <h2 className="font-semibold">What the key holder sees</h2>
            <p className="mt-1 text-sm leading-relaxed text-slate-600 dark:text-slate-400">
              Both modes decrypt perfectly for whoever holds the key. In 2020 Zoom&apos;s servers handed out the meeting
              keys (<SourceLink id="citizenLab">Citizen Lab</SourceLink>), so they could see the call whatever the mode:
              this is transport encryption, not end-to-end. The fourth panel decrypts the GCM stream with its key.
            </p>
          </div>
          <div>
            <h2 className="font-semibold">Nothing leaves your browser</h2>
            <p className="mt-1 text-sm leading-relaxed text-slate-600 dark:text-slate-400">
              Your videos, pictures and webcam are decoded and encrypted in this tab, in Web Workers. Nothing is
              uploaded, and the site loads nothing from any other origin.
            </p>
          </div>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
