/**
 * Damaged videos uploaded while the sample plays (tests/e2e/support/mutated-media.ts, fixed seed):
 * each gets a clear message naming the file while the sample keeps playing, or, if the damage is
 * harmless, opens and plays (or says when it stops); the page never freezes or throws.
 */
import { expect, test } from './fixtures';
import { sample } from './fixtures/media';
import { mutatedClips } from './support/mutated-media';

const meeting = sample('meeting');

// The page loads anew for each file, and opening a file can take seconds on a busy machine.
test.describe.configure({ timeout: 120_000 });

for (const clip of mutatedClips()) {
  test(`${clip.name}: ${clip.mutation}`, async ({ lab, mediaFuzz }) => {
    await test.step('the sample plays', async () => {
      await mediaFuzz.openPlayingSample();
      await mediaFuzz.expectFramesAdvance();
    });

    await mediaFuzz.upload(clip);
    const outcome = await mediaFuzz.outcome(clip);
    test.info().annotations.push({ type: 'outcome', description: JSON.stringify(outcome) });

    await test.step('the sample kept drawing frames while the damaged file was opening', async () => {
      const playback = await mediaFuzz.playbackWhileOpening();
      test.info().annotations.push({ type: 'while opening', description: JSON.stringify(playback) });
      // 30 fps is a frame every 33 ms; two seconds without one means playback or the page stalled.
      expect(playback.longestGap, JSON.stringify(playback)).toBeLessThan(2_000);
    });

    if (outcome.kind === 'refused') {
      await test.step('the message names the file, and the sample is still the source and still plays', async () => {
        expect(outcome.message).toContain(clip.name);
        await expect(lab.sourceStatus).toContainText(`${meeting.title} · ${meeting.width}×${meeting.height}`);
        await mediaFuzz.expectFramesAdvance();
      });
    } else {
      await test.step('it opened under its name and plays, or says when it cannot go on', async () => {
        expect(outcome.status).toContain(clip.name);
        const played = await mediaFuzz.playOpened(clip);
        test.info().annotations.push({ type: 'played', description: played });
      });
    }

    await test.step('the page still responds and raised no uncaught error', async () => {
      await mediaFuzz.expectResponsive();
      expect(mediaFuzz.pageErrors).toEqual([]);
    });
  });
}
