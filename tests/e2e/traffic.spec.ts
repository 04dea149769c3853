/**
 * /traffic as its users find it: the sample call encoded in the browser, what its GCM packet sizes give
 * away (the sentences, found within a few tenths of a second of when they are spoken), padding that
 * hides it, "Hear it" measured from the samples it plays, a file's own packets, the camera and
 * microphone, and bad files refused with the page still working.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { mediaFixture } from './fixtures/media';
import type { Interval } from './fixtures/traffic-page';

const MANIFEST: { id: string; file: string; speech?: Interval[] }[] = JSON.parse(
  readFileSync(new URL('../../public/samples/samples.json', import.meta.url), 'utf8'),
);
const MEETING = MANIFEST.find((entry) => entry.id === 'meeting');
if (!MEETING?.speech) throw new Error('samples.json: the meeting has no speech');
/** When the sample call's four sentences are spoken, as measured from its audio by scripts/samples/make-voice.ts. */
const SPEECH: Interval[] = MEETING.speech;
const MEETING_FILE = fileURLToPath(new URL(`../../public${MEETING.file}`, import.meta.url));

/**
 * "Within a few tenths of a second, and none where there was none": every sentence's start and end
 * within 0.3 s of a found interval's, every found interval inside a sentence (give or take 0.3 s), and
 * most of the speech covered. A pause inside a sentence (the comma in "Good morning, everyone") may
 * be read as a short silence. Padded to buckets, a soft first word can fall into the quiet bucket, so
 * there every sentence is still found, but within half a second and with two thirds of the speech covered.
 */
function expectNear(found: Interval[], truth: Interval[], { within = 0.3, share = 0.8 } = {}): void {
  const near = (a: number, b: number) => Math.abs(a - b) <= within;
  const shown = JSON.stringify(found);
  for (const [start, end] of truth) {
    expect(
      found.some(([a]) => near(a, start)),
      `a found interval starts near ${start}: ${shown}`,
    ).toBe(true);
    expect(
      found.some(([, b]) => near(b, end)),
      `a found interval ends near ${end}: ${shown}`,
    ).toBe(true);
  }
  for (const [a, b] of found)
    expect(
      truth.some(([start, end]) => a >= start - within && b <= end + within),
      `${a}–${b} lies in a sentence`,
    ).toBe(true);
  const spoken = truth.reduce((sum, [start, end]) => sum + end - start, 0);
  const covered = found.reduce((sum, [a, b]) => sum + b - a, 0);
  expect(covered / spoken, `share of the speech found: ${shown}`).toBeGreaterThan(share);
}

/** Seconds between the sentences, less 0.15 s at each edge (Opus's frames and the smoothing straddle them). */
function silences(): Interval[] {
  const gaps: Interval[] = [[0, SPEECH[0][0]]];
  for (let i = 1; i < SPEECH.length; i++) gaps.push([SPEECH[i - 1][1], SPEECH[i][0]]);
  gaps.push([SPEECH[SPEECH.length - 1][1], 12]);
  return gaps.map(([a, b]): Interval => [a + 0.15, b - 0.15]).filter(([a, b]) => b - a > 0.1);
}

/** Of the samples in `span` (s), the share equal to the sample 16 before: 1 for ECB's one repeated block. */
function period16Share(samples: number[], rate: number, [from, to]: Interval): number {
  let same = 0;
  let count = 0;
  for (let i = Math.ceil(from * rate) + 16; i < Math.min(samples.length, to * rate); i++, count++)
    if (samples[i] === samples[i - 16]) same++;
  return same / count;
}

/** The largest magnitude among the samples. */
function peak(samples: number[]): number {
  return samples.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
}

/** Parses "601 packets, 34,327 bytes of payload; 43,943 bytes under GCM" from a totals line. */
function totals(text: string): { packets: number; payload: number; gcm: number } {
  const match = /([\d,]+) packets, ([\d,]+) bytes of payload; ([\d,]+) bytes under GCM/.exec(text);
  if (!match) throw new Error(`no totals in “${text}”`);
  const [packets, payload, gcm] = match.slice(1).map((value) => Number(value.replaceAll(',', '')));
  return { packets, payload, gcm };
}

test.describe('the traffic view', () => {
  test.describe.configure({ timeout: 120_000 });

  test('the sample call encoded here: its sentences read from GCM sizes alone, and padding to a constant size hides them', async ({
    traffic,
    page,
  }) => {
    await traffic.open();
    await traffic.playSample();
    await expect(traffic.status).toContainText(
      /encoded 12\.0 s of 12\.0 s as VP[89] video, 640×360, and Opus sound in 20 ms packets/,
    );

    // 20 ms Opus packets over 12 s, and the eavesdropper's reading next to the truth.
    expect(await traffic.packets('audio')).toBeGreaterThanOrEqual(595);
    // Frames the encoder cannot keep up with are dropped, as in a call (how many are kept: npm run bench).
    expect(await traffic.packets('video')).toBeGreaterThan(100);
    expectNear(await traffic.band('audio', 0), SPEECH);
    expect(await traffic.band('audio', 1)).toEqual(SPEECH);
    expect((await traffic.band('video', 0)).length, 'something moves while the speaker is on camera').toBeGreaterThan(
      0,
    );

    // GCM adds 16 bytes of tag to every packet: the totals on the page obey it.
    const [sound, picture] = await Promise.all(
      ['Sound', 'Picture'].map((name) => traffic.totals.getByText(name).locator('..').textContent()),
    );
    for (const line of [sound, picture]) {
      const { packets, payload, gcm } = totals(line ?? '');
      expect(gcm).toBe(payload + 16 * packets);
    }

    // Small buckets keep the shape; a constant size hides it, at a cost in bandwidth the page states.
    await traffic.padding('bucket');
    expectNear(await traffic.band('audio', 0), SPEECH, { within: 0.5, share: 2 / 3 });
    await traffic.padding('constant');
    await expect(traffic.timeline('audio')).toHaveAttribute('data-band-0', '[]');
    await expect(traffic.timeline('video')).toHaveAttribute('data-band-0', '[]');
    await expect(page.getByTestId('overhead-audio')).toHaveText(/^\d+(\.\d)? %$/);
    const padded = totals((await traffic.totals.getByText('Sound').locator('..').textContent()) ?? '');
    expect(padded.gcm).toBeGreaterThan(totals(sound ?? '').gcm);
    await traffic.padding('none');
    expectNear(await traffic.band('audio', 0), SPEECH);

    // Codec data almost never repeats a 16-byte block, so ECB draws no picture of it.
    const blocks = Number(await traffic.repeats.getAttribute('data-blocks'));
    const repeated =
      Number(await traffic.repeats.getAttribute('data-within')) +
      Number(await traffic.repeats.getAttribute('data-across'));
    expect(blocks).toBeGreaterThan(10_000);
    expect(repeated / blocks).toBeLessThan(0.02);
  });

  test('hear it: nothing plays until pressed; ECB plays a 16-sample tone in the silences and noise in speech, GCM noise, quietly', async ({
    traffic,
    page,
  }) => {
    await traffic.open();
    await traffic.playSample();
    await expect(page.getByTestId('hear-ecb')).toBeEnabled();
    await expect(page.getByRole('note').filter({ hasText: 'Mind your ears' })).toBeVisible();
    expect(await traffic.soundsStarted(), 'nothing plays by itself').toBe(0);

    const ecb = await traffic.hear('ecb');
    expect(ecb.sampleRate).toBe(48_000);
    expect(ecb.samples.length).toBeGreaterThan(11.5 * 48_000);
    expect(peak(ecb.samples), 'a gentle level').toBeLessThanOrEqual(0.1);
    for (const gap of silences()) {
      expect(period16Share(ecb.samples, 48_000, gap), `ECB in the silence ${gap}`).toBeGreaterThan(0.95);
      const span = ecb.samples.slice(gap[0] * 48_000, gap[1] * 48_000);
      expect(peak(span), 'a tone, not silence').toBeGreaterThan(0.01);
    }
    for (const [start, end] of SPEECH)
      expect(period16Share(ecb.samples, 48_000, [start + 0.1, end - 0.1]), 'ECB in speech').toBeLessThan(0.5);

    // Stop ends the sound: pressed while GCM plays.
    const gcm = await traffic.hear('gcm', { thenStop: true });
    for (const gap of silences())
      expect(period16Share(gcm.samples, 48_000, gap), 'GCM in the silence').toBeLessThan(0.05);
    await expect(traffic.hearMeasure).toHaveAttribute('data-silence', /^0\.9\d\d|^1\.000/);
  });

  test("a file's own packets: the sample's Opus packets give its sentences away; an MP4's H.264 and AAC packets as the container holds them", async ({
    traffic,
  }) => {
    await traffic.open();
    await traffic.readPackets(MEETING_FILE);
    await expect(traffic.status).toContainText('meeting.webm: its own 961 packets');
    // ffprobe -count_packets: 360 VP9 frames and 601 Opus packets.
    expect([await traffic.packets('video'), await traffic.packets('audio')]).toEqual([360, 601]);
    expectNear(await traffic.band('audio', 0), SPEECH);
    await expect(traffic.timeline('audio')).not.toHaveAttribute('data-band-1', /.*/);

    await traffic.readPackets(mediaFixture('clip-voice.mp4'));
    await expect(traffic.status).toContainText('clip-voice.mp4: its own 78 packets (video avc, audio aac)');
    expect([await traffic.packets('video'), await traffic.packets('audio')]).toEqual([30, 48]);
  });

  test('bad files get a clear message, and the page goes on working', async ({ traffic, page }) => {
    await traffic.open();
    await traffic.page.getByTestId('traffic-packets').setInputFiles(mediaFixture('not-media.webm'));
    await expect(traffic.error).toContainText('“not-media.webm” has no packets to read: not a media file');
    await expect(traffic.lab).toHaveAttribute('data-running', 'false');

    await page.getByTestId('traffic-file').setInputFiles(mediaFixture('picture.png'));
    await expect(traffic.error).toContainText('“picture.png” is a picture: a call needs a video.');
    await expect(traffic.lab).toHaveAttribute('data-running', 'false');

    await traffic.readPackets(mediaFixture('clip-voice.mp4'));
    await expect(traffic.error).toBeHidden();
    expect(await traffic.packets('video')).toBe(30);
  });

  test('the camera and microphone, encoded live until Stop', async ({ traffic, page }) => {
    await traffic.open();
    await page.getByTestId('traffic-webcam').click();
    await expect(traffic.lab).toHaveAttribute('data-running', 'true');
    await expect.poll(() => traffic.packets('audio'), { timeout: 30_000 }).toBeGreaterThan(50);
    await expect.poll(() => traffic.packets('video'), { timeout: 30_000 }).toBeGreaterThan(10);
    await page.getByTestId('traffic-stop').click();
    await traffic.finished(15_000);
    await expect(traffic.status).toContainText('Your camera and microphone: encoded');
    await expect(traffic.timeline('audio')).not.toHaveAttribute('data-band-1', /.*/);
  });

  test('the header and the lab both lead here', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('principle-note').getByRole('link', { name: 'the traffic page' }).click();
    await expect(page).toHaveURL(/\/traffic$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What encryption does not hide');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Traffic' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});
