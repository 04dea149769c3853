import Link from 'next/link';
import { SOURCES, type SourceId } from '@/app/_content/sources';
import { SourceLink } from '../source-link';
import { BlockDiagram, SpliceDiagram } from './block-diagram';
import { KeyDiagram } from './key-diagram';
import { PacketDiagram } from './packet-diagram';
import { MeetingDemo, NoiseDemo, PenguinDemo } from './story-demos';
import { ZoomTimeline } from './zoom-timeline';

/** One step of the walkthrough: a few sentences readable from the back of a room, and what to show. */
export interface StoryStep {
  /** A short line above the title: a date or a theme. */
  kicker: string;
  title: string;
  body: React.ReactNode;
  /** A live demo or a diagram; the deck mounts it only while its step is shown. */
  visual: React.ReactNode;
  /** `split`: text beside the visual on wide screens; `stacked`: text above a full-width visual. */
  layout: 'split' | 'stacked';
}

const link = 'font-medium text-sky-700 underline decoration-sky-700/30 underline-offset-2 dark:text-sky-300';

/** Every source the story cites, listed on its last step. */
const CITED: SourceId[] = [
  'citizenLab',
  'zoomEncryptionFacts',
  'zoomMessage',
  'zoomApril22',
  'zoomMay27',
  'zoomJuly1',
  'bbcApril2020',
  'zoomE2ee',
  'guardianFbi',
  'zoomE2eeUpdate',
  'zoomE2eePreview',
  'zoomWhitepaper',
  'sp80038a',
  'sp80038d',
  'wright2008',
  'white2011',
  'rfc6562',
];

export const STORY_STEPS: StoryStep[] = [
  {
    kicker: 'Spring 2020',
    title: 'A call, like millions of others',
    body: (
      <>
        <p>
          Schools, offices and families moved onto video calls. By 22 April 2020, Zoom said it had passed{' '}
          <SourceLink id="zoomApril22">300 million daily meeting participants</SourceLink>.
        </p>
        <p>
          Here is one call, played in your browser. Every frame travels over the Internet, encrypted. What would someone
          who captured it see?
        </p>
      </>
    ),
    visual: <MeetingDemo panels={['original']} />,
    layout: 'split',
  },
  {
    kicker: 'The mode',
    title: 'What ECB does',
    body: (
      <>
        <p>
          AES encrypts 16 bytes at a time. In ECB mode each 16-byte block is encrypted on its own with the same key, so
          a given block always turns into the same ciphertext (
          <SourceLink id="sp80038a">NIST SP 800-38A, §6.1</SourceLink>).
        </p>
        <p>Each tile below is one block, encrypted with real AES: equal tiles stay equal, and the shape survives.</p>
      </>
    ),
    visual: <BlockDiagram />,
    layout: 'stacked',
  },
  {
    kicker: '3 April 2020',
    title: 'What the Citizen Lab found',
    body: (
      <>
        <p>
          Zoom’s documentation spoke of “AES-256”. Bill Marczak and John Scott-Railton found{' '}
          <SourceLink id="citizenLab">one AES-128 key per meeting</SourceLink>, shared by everyone in it and used in ECB
          mode to encrypt audio and video.
        </p>
        <p>
          AES-128 itself was not the flaw. The flaws were ECB, which, they warned, preserves “patterns present in the
          plaintext”; where the keys came from (next); and a claim of AES-256 that did not hold. Left: the call. Right:
          the same frames under AES-128-ECB.
        </p>
      </>
    ),
    visual: <MeetingDemo panels={['original', 'ecb']} />,
    layout: 'stacked',
  },
  {
    kicker: 'Who holds the key',
    title: 'What the key holder sees',
    body: (
      <>
        <p>
          The keys appeared to come from Zoom’s servers — in some North American test calls,{' '}
          <SourceLink id="citizenLab">through servers in China</SourceLink> — and a key was{' '}
          <SourceLink id="citizenLab">enough to decrypt Zoom packets</SourceLink> captured on the Internet.
        </p>
        <p>
          With the key, the mode does not matter: the right panel decrypts the stream. That is transport encryption,
          which Zoom had called end-to-end. On 1 April 2020 it admitted{' '}
          <SourceLink id="zoomEncryptionFacts">“a discrepancy”</SourceLink> between the accepted meaning and its own,
          and its CEO <SourceLink id="zoomMessage">apologised</SourceLink>.
        </p>
      </>
    ),
    visual: <MeetingDemo panels={['ecb', 'decrypted']} />,
    layout: 'stacked',
  },
  {
    kicker: 'Not only secrecy',
    title: 'Anyone on the path could edit the call',
    body: (
      <>
        <p>
          ECB is one of NIST’s <SourceLink id="sp80038a">confidentiality modes</SourceLink>: it hides, it does not
          protect. In ECB, as Zoom used it in 2020 (<SourceLink id="citizenLab">The Citizen Lab</SourceLink>), every
          block decrypts on its own, so someone on the path can paste blocks from elsewhere, replay old ones or flip
          bits, and the receiver decrypts a doctored picture without complaint. No key is needed.
        </p>
        <p>
          See it done on the call in{' '}
          <Link href="/attacks" className={link} data-testid="story-attacks-link">
            the attack lab
          </Link>
          .
        </p>
      </>
    ),
    visual: <SpliceDiagram />,
    layout: 'stacked',
  },
  {
    kicker: 'To be fair',
    title: 'When ECB does not show the picture',
    body: (
      <>
        <p>
          Camera noise flips the low bits of most pixels, so in 8-bit webcam frames equal blocks are rare and ECB can
          look like noise. That is luck, not security: flat screen shares and fewer colour bits bring the picture back,
          and ECB still shows when and where the picture changed (watch the slide at 8.5 s).
        </p>
      </>
    ),
    visual: <NoiseDemo />,
    layout: 'stacked',
  },
  {
    kicker: 'The fix',
    title: 'GCM: no block looks like another',
    body: (
      <>
        <p>
          GCM encrypts a counter (a nonce plus the block’s number) and mixes it into the data, so equal blocks come out
          different. A 16-byte tag makes any tampering fail to decrypt (
          <SourceLink id="sp80038d">NIST SP 800-38D</SourceLink>).
        </p>
        <p>
          It needs a fresh nonce for every frame: one nonce used twice{' '}
          <Link href="/attacks#nonce" className={link}>
            gives both pictures away
          </Link>{' '}
          and lets an attacker{' '}
          <Link href="/attacks#forbidden" className={link}>
            forge frames
          </Link>
          . Left: ECB. Right: GCM, on the same frames.
        </p>
      </>
    ),
    visual: <MeetingDemo panels={['ecb', 'gcm']} />,
    layout: 'stacked',
  },
  {
    kicker: 'April – May 2020',
    title: 'Zoom 5.0 moves to AES-256-GCM',
    body: (
      <>
        <p>
          On 22 April Zoom announced Zoom 5.0 with{' '}
          <SourceLink id="zoomApril22">AES-256-GCM, for more protection and resistance to tampering</SourceLink>. It
          shipped on 27 April, and users had to <SourceLink id="zoomMay27">update before 30 May</SourceLink>, when{' '}
          <SourceLink id="zoomJuly1">every account switched to GCM</SourceLink>.
        </p>
      </>
    ),
    visual: <ZoomTimeline />,
    layout: 'stacked',
  },
  {
    kicker: 'Still on the wire',
    title: 'What GCM does not hide',
    body: (
      <>
        <p>
          GCM hides what a packet says, not its size or timing (<SourceLink id="sp80038d">SP 800-38D</SourceLink>).
          Calls are compressed, so speech and movement make bigger packets.
        </p>
        <p>
          From the sizes of variable-bit-rate speech packets, <SourceLink id="wright2008">Wright et al.</SourceLink>{' '}
          spotted phrases with 50 % accuracy on average, over 90 % for some;{' '}
          <SourceLink id="white2011">White et al.</SourceLink> rebuilt rough transcripts;{' '}
          <SourceLink id="rfc6562">RFC 6562</SourceLink> says how to limit it.
        </p>
        <p>
          The <SourceLink id="bbcApril2020">BBC</SourceLink> said in 2020 that Zoom calls could be partly unscrambled
          for “roughly, what was said and what was seen”. GCM hides that, not who speaks or when things move:{' '}
          <Link href="/traffic" className={link} data-testid="story-traffic-link">
            see the traffic page
          </Link>
          .
        </p>
      </>
    ),
    visual: <PacketDiagram />,
    layout: 'split',
  },
  {
    kicker: 'May – October 2020',
    title: 'End-to-end: a key Zoom’s servers never see',
    body: (
      <>
        <p>
          Zoom published a <SourceLink id="zoomE2ee">draft end-to-end design</SourceLink> on 22 May 2020. In June its
          CEO said free users would not get it,{' '}
          <SourceLink id="guardianFbi">
            “because we also want to work together with FBI, with local law enforcement”
          </SourceLink>
          ; after criticism, Zoom <SourceLink id="zoomE2eeUpdate">reversed that on 17 June</SourceLink>. End-to-end
          meetings arrived as a <SourceLink id="zoomE2eePreview">technical preview</SourceLink> in late October.
        </p>
        <p>
          Zoom’s whitepaper says every stream has had its own AES-256-GCM key since client 5.0, derived from a meeting
          key that Zoom’s server still makes in ordinary meetings (<SourceLink id="zoomWhitepaper">§7.2</SourceLink>).
          In end-to-end meetings a participant’s client makes it, and a new one whenever someone joins or leaves (
          <SourceLink id="zoomWhitepaper">§7.6.6</SourceLink>).
        </p>
      </>
    ),
    visual: <KeyDiagram />,
    layout: 'stacked',
  },
  {
    kicker: 'Your turn',
    title: 'Try it yourself',
    body: (
      <>
        <p>
          Open{' '}
          <Link href="/" className={link} data-testid="story-lab-link">
            the lab
          </Link>{' '}
          with your own videos, pictures or webcam, try{' '}
          <Link href="/attacks" className={link}>
            the attack lab
          </Link>
          , see what a call’s packets give away on{' '}
          <Link href="/traffic" className={link}>
            the traffic page
          </Link>
          , or put a demo in your slides with{' '}
          <Link href="/embed-builder" className={link} data-testid="story-embed-link">
            the embed builder
          </Link>
          . Everything runs in your browser.
        </p>
        <details className="text-base lg:text-lg">
          <summary className="cursor-pointer font-medium">Sources</summary>
          <ul className="mt-2 flex flex-col gap-1.5">
            {CITED.map((id) => (
              <li key={id}>
                <SourceLink id={id}>{SOURCES[id].title}</SourceLink> — {SOURCES[id].publisher}, {SOURCES[id].date}.
              </li>
            ))}
          </ul>
        </details>
      </>
    ),
    visual: <PenguinDemo />,
    layout: 'stacked',
  },
];
