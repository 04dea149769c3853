import { SiteHeader } from './_components/site-header';
import { SourceLink } from './_components/source-link';
import { StillDemo } from './_components/still-demo';

export default function Home() {
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex max-w-7xl flex-col gap-10 px-4 py-10 sm:px-6">
        <section className="flex max-w-3xl flex-col gap-4">
          <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">
            Encrypted, and you can still see the picture.
          </h1>
          <p className="text-lg leading-relaxed text-slate-700 dark:text-slate-300">
            In April 2020 <SourceLink id="citizenLab">The Citizen Lab</SourceLink> found that Zoom encrypted meeting
            audio and video with a single AES-128 key per meeting in <strong>ECB mode</strong>. ECB encrypts each
            16-byte block on its own, so equal blocks of pixels become equal blocks of ciphertext and the shapes
            survive encryption. Zoom 5.0 moved to <strong>AES-256-GCM</strong> (
            <SourceLink id="zoomApril22">announced 22 April 2020</SourceLink>,{' '}
            <SourceLink id="zoomMay27">enforced 30 May 2020</SourceLink>).
          </p>
          <p className="leading-relaxed text-slate-700 dark:text-slate-300">
            Below, this page encrypts a penguin with both modes, right now, in your browser, with keys it has just
            drawn at random. The ciphertext bytes are drawn as pixels, the same size and layout as the picture.
          </p>
        </section>

        <section aria-labelledby="penguin-heading" className="flex flex-col gap-4">
          <h2 id="penguin-heading" className="text-xl font-semibold tracking-tight">
            The ECB penguin, encrypted live
          </h2>
          <StillDemo src="/samples/penguin.png" alt="A flat-coloured penguin standing on an ice floe." />
        </section>

        <section className="grid gap-6 rounded-xl border border-slate-200 bg-white p-6 sm:grid-cols-3 dark:border-slate-800 dark:bg-slate-900">
          <div>
            <h2 className="font-semibold">How the pictures are made</h2>
            <p className="mt-1 text-sm leading-relaxed text-slate-600 dark:text-slate-400">
              Each pixel&apos;s red, green and blue bytes are laid out row by row and encrypted as one message. The
              first bytes of the ciphertext are laid back out in the same order and shown as pixels.
            </p>
          </div>
          <div>
            <h2 className="font-semibold">Why ECB leaks</h2>
            <p className="mt-1 text-sm leading-relaxed text-slate-600 dark:text-slate-400">
              A flat area repeats the same 16 bytes over and over; ECB turns each repeat into the same ciphertext
              block, so the area stays flat and its edges stay where they were.
            </p>
          </div>
          <div>
            <h2 className="font-semibold">Nothing leaves your browser</h2>
            <p className="mt-1 text-sm leading-relaxed text-slate-600 dark:text-slate-400">
              The encryption runs in Web Workers on this device. No picture, frame or key is uploaded, and the site
              loads nothing from any other origin.
            </p>
          </div>
        </section>
      </main>
    </>
  );
}
