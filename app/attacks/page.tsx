import type { Metadata } from 'next';
import { AttackLabLoader } from '../_components/attacks/attack-loader';
import { SiteFooter } from '../_components/site-footer';
import { SiteHeader } from '../_components/site-header';

export const metadata: Metadata = {
  title: 'The attack lab — ECB Lens',
  description:
    'What someone on the path can do to an encrypted call without the key: splice and replay, flip bits, exploit a repeated nonce, forge GCM, find the width — on the call itself.',
};

export default function AttacksPage() {
  return (
    <>
      <SiteHeader current="/attacks" />
      <main className="mx-auto flex w-full max-w-[1600px] flex-col gap-6 px-4 py-6 sm:px-6">
        <div className="flex max-w-4xl flex-col gap-2">
          <h1 className="text-3xl font-bold tracking-tight">The attack lab</h1>
          <p className="leading-relaxed text-slate-700 dark:text-slate-300">
            Encryption that only hides is not enough. Here the sender and the receiver hold the key; the attacker in the
            middle does not, and still splices, replays, flips bits, reads frames sent under a repeated nonce, forges
            GCM and finds a picture’s width — on frames of the call, a picture, your own video or your webcam.
            Everything runs in this tab.
          </p>
        </div>
        <AttackLabLoader />
      </main>
      <SiteFooter />
    </>
  );
}
