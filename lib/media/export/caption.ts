/**
 * What an export says about the frame it shows, taken from the lab's state and clock. Keys appear only
 * as fingerprints (lib/cipher/fingerprint), so a slide can show which keys made a picture without
 * handing them to the audience. Hashing is async, so it happens first; the caption itself is read in the
 * same synchronous turn as the panels, so its frame number is the frame they show.
 */
import { keyFingerprint } from '../../cipher/fingerprint';
import { parseHex } from '../../cipher/hex';
import type { LabClock, LabSettings, LabState } from '../../lab/lab-controller';
import type { CompositeCaption } from './composite';

export interface KeyFingerprints {
  ecbFingerprint: string;
  gcmFingerprint: string;
}

/** Fingerprints of the lab's two keys. */
export async function keyFingerprints(
  settings: Pick<LabSettings, 'ecbKeyHex' | 'gcmKeyHex'>,
): Promise<KeyFingerprints> {
  const [ecbFingerprint, gcmFingerprint] = await Promise.all([
    keyFingerprint(parseHex(settings.ecbKeyHex, 'ECB key')),
    keyFingerprint(parseHex(settings.gcmKeyHex, 'GCM key')),
  ]);
  return { ecbFingerprint, gcmFingerprint };
}

/**
 * The footer's facts for the frame on `clock`; pictures get no time.
 * @example labCaption(lab.state.get(), lab.clock.get(), await keyFingerprints(lab.state.get().settings))
 */
export function labCaption(state: LabState, clock: LabClock, fingerprints: KeyFingerprints): CompositeCaption {
  const { source, settings } = state;
  if (!source) throw new RangeError('the lab has no source open, so there is no frame to describe');
  if (!clock.size) throw new RangeError('no frame has been drawn yet');
  return {
    source: source.name,
    frame: clock.frame,
    time: source.kind === 'picture' ? null : clock.time,
    layout: settings.layout,
    bits: settings.bits,
    size: clock.size,
    ...fingerprints,
  };
}
