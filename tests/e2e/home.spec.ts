import { expect, test } from '@playwright/test';
import { countRepeatedBlocks } from '../../lib/metrics/blocks';
import { byteEntropy, readCanvas, rgbBytes } from './support/pixels';

test.describe('home page', () => {
  test('encrypts the penguin in the browser: ECB keeps its outline, GCM is noise', async ({ page }) => {
    await page.goto('/');
    const demo = page.getByTestId('still-demo');
    await expect(demo).toHaveAttribute('data-status', 'ready');

    const original = await readCanvas(page.getByTestId('panel-original'));
    const ecb = await readCanvas(page.getByTestId('panel-ecb'));
    const gcm = await readCanvas(page.getByTestId('panel-gcm'));

    await test.step('every panel is the picture’s size', async () => {
      expect(original.width).toBeGreaterThan(100);
      expect([ecb.width, ecb.height]).toEqual([original.width, original.height]);
      expect([gcm.width, gcm.height]).toEqual([original.width, original.height]);
    });

    const share = (bytes: Uint8Array) => {
      const { repeated, blocks } = countRepeatedBlocks(bytes);
      return repeated / blocks;
    };
    const originalShare = share(rgbBytes(original.rgba));
    const ecbShare = share(rgbBytes(ecb.rgba));
    const gcmShare = share(rgbBytes(gcm.rgba));

    await test.step('ECB repeats blocks exactly where the picture does', async () => {
      expect(originalShare).toBeGreaterThan(0.5);
      // AES is a permutation: equal plaintext blocks ⇔ equal ECB blocks, so the shares are identical.
      expect(ecbShare).toBe(originalShare);
    });

    await test.step('GCM repeats nothing and looks uniformly random', async () => {
      expect(gcmShare).toBe(0);
      expect(byteEntropy(rgbBytes(gcm.rgba))).toBeGreaterThan(7.99);
    });

    await test.step('new keys change the ciphertext but not its structure', async () => {
      const before = await page.getByTestId('ecb-key').textContent();
      await page.getByRole('button', { name: 'New keys' }).click();
      await expect(page.getByTestId('ecb-key')).not.toHaveText(before ?? '');
      await expect
        .poll(async () => Buffer.compare(Buffer.from((await readCanvas(page.getByTestId('panel-ecb'))).rgba), Buffer.from(ecb.rgba)))
        .not.toBe(0);
      const again = await readCanvas(page.getByTestId('panel-ecb'));
      expect(share(rgbBytes(again.rgba))).toBe(originalShare);
    });
  });

  test('says that nothing leaves the browser, and cites its sources', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('Nothing you load leaves this page')).toBeVisible();
    await expect(page.locator('a[data-source="citizenLab"]').first()).toHaveAttribute('href', /citizenlab\.ca/);
  });
});
