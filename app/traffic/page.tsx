import type { Metadata } from 'next';
import { SiteFooter } from '../_components/site-footer';
import { SiteHeader } from '../_components/site-header';
import { SourceLink } from '../_components/source-link';
import { TrafficLoader } from '../_components/traffic/traffic-loader';

export const metadata: Metadata = {
  title: 'What encryption does not hide — ECB Lens',
  description:
    'A call encoded in your browser as a call would send it: every packet under AES-128-ECB and AES-256-GCM, and what their sizes and timing still say about who speaks and when something moves.',
};

export default function TrafficPage() {
  return (
    <>
      <SiteHeader current="/traffic" />
      <main className="mx-auto flex w-full max-w-[1600px] flex-col gap-6 px-4 py-6 sm:px-6">
        <div className="flex max-w-4xl flex-col gap-2">
          <h1 className="text-3xl font-bold tracking-tight">What encryption does not hide</h1>
          <p className="leading-relaxed text-slate-700 dark:text-slate-300">
            Zoom encrypted compressed packets, not raw pixels. Under any mode, a packet’s size and time go on the wire
            in the clear, and with variable-bit-rate codecs they follow the speech and the picture: packet lengths alone
            identified spoken phrases (<SourceLink id="wright2008" />) and even gave rough transcripts (
            <SourceLink id="white2011" />
            ); the IETF’s advice for such audio in SRTP is <SourceLink id="rfc6562" />. Here the sample call — or your
            own video, camera and microphone — is encoded in this tab as a call would send it.
          </p>
        </div>
        <TrafficLoader />
      </main>
      <SiteFooter />
    </>
  );
}
