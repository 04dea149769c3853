/**
 * “Nothing you load leaves this page”, tested: a picture carrying a random marker (in its pixels and in
 * a tEXt chunk) is opened, encrypted under every setting, re-keyed and downloaded while every request
 * the browser makes is recorded. None may carry the marker, none may go to another origin, and none
 * may send a body at all.
 */
import { randomBytes } from 'node:crypto';
import type { Request } from '@playwright/test';
import { encodePng } from '../../lib/png';
import { expect, test } from './fixtures/index';
import { rgbBytes } from './support/pixels';

/**
 * A 256×256 RGB PNG whose pixel bytes are `marker` over and over, with the marker's hex also in a
 * tEXt chunk right after IHDR — written by the project's own PNG writer (lib/png), as the CLI writes.
 */
function markedPng(marker: Buffer): Buffer {
  const size = 256;
  const rgb = new Uint8Array(size * size * 3).map((_, byte) => marker[byte % marker.length]);
  const text = { keyword: 'Comment', text: marker.toString('hex'), kind: 'tEXt' } as const;
  return Buffer.from(encodePng(rgb, size, size, 'rgb', [text]));
}

/** A URL with its %-escapes decoded, or as it is when they are malformed. */
function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

test('a picture with a planted marker never leaves the browser, whatever the user does', async ({
  lab,
  page,
  context,
}, testInfo) => {
  const marker = randomBytes(32);
  const forms = [
    marker,
    Buffer.from(marker.toString('hex')),
    Buffer.from(marker.toString('hex').toUpperCase()),
    Buffer.from(marker.toString('base64')),
  ];
  const requests: Recorded[] = [];
  const sockets: string[] = [];
  const record = (request: Request) =>
    requests.push({
      url: request.url(),
      method: request.method(),
      headers: request.headers(),
      body: request.postDataBuffer(),
    });
  context.on('request', record);
  page.on('websocket', (socket) => sockets.push(socket.url()));

  await lab.open();
  const origin = new URL(page.url()).origin;
  const loaded = requests.length;

  await test.step('the marked picture opens, and its pixels carry the marker', async () => {
    const file = markedPng(marker);
    expect(file.includes(Buffer.from(`tEXtComment\0${marker.toString('hex')}`, 'latin1')), 'the tEXt chunk').toBe(true);
    await lab.upload({ name: 'holiday.png', mimeType: 'image/png', buffer: file });
    await expect(lab.sourceStatus).toHaveText('holiday.png · 256×256 · picture');
    await lab.expectPanelSize(256, 256);
    const panels = await lab.readPanels();
    expect(
      Buffer.from(rgbBytes(panels.original.rgba)).includes(marker),
      'the marker is in the pixels the lab encrypts',
    ).toBe(true);
  });

  await test.step('it is encrypted under other settings and keys', async () => {
    await lab.setBits(3);
    await lab.setLayout('gray');
    await lab.setLayout('rgba');
    await lab.setWidth(320);
    await lab.newKeys.click();
    await lab.setLayout('rgb');
    await lab.setBits(8);
    await expect(lab.error).toBeHidden();
  });

  await test.step('a panel is downloaded as a PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), lab.download('original').click()]);
    expect(download.suggestedFilename()).toBe('ecb-lens-holiday-png-original-frame0.png');
  });

  await testInfo.attach('requests.json', {
    body: JSON.stringify(
      requests.map(({ url, method }, i) => ({ i, afterLoad: i >= loaded, method, url })),
      null,
      2,
    ),
    contentType: 'application/json',
  });

  await test.step('no request carries the marker, raw, in hex or in base64', async () => {
    const carrying = requests.filter(({ url, headers, body }) => {
      const text = Buffer.concat([
        Buffer.from(url),
        Buffer.from(decoded(url)),
        Buffer.from(JSON.stringify(headers)),
        body ?? Buffer.alloc(0),
      ]);
      return forms.some((form) => text.includes(form));
    });
    expect(carrying.map(({ method, url }) => `${method} ${url}`)).toEqual([]);
  });

  await test.step('no request leaves the origin, sends a body, or opens a socket', async () => {
    const foreign = requests.filter(
      ({ url }) => !['data:', 'blob:'].includes(new URL(url).protocol) && new URL(url).origin !== origin,
    );
    expect(foreign.map(({ url }) => url)).toEqual([]);
    const blobs = requests.filter(({ url }) => url.startsWith('blob:'));
    expect(blobs.map(({ url }) => new URL(url.slice('blob:'.length)).origin)).toEqual(blobs.map(() => origin));
    const sending = requests.filter(({ method, body }) => !['GET', 'HEAD'].includes(method) || body !== null);
    expect(sending.map(({ method, url }) => `${method} ${url}`)).toEqual([]);
    expect(sockets).toEqual([]);
  });
});

test('the page says nothing leaves it, and cites its sources with plain links', async ({ lab, page }) => {
  await lab.open();
  await expect(page.getByText('Nothing you load leaves this page')).toBeVisible();
  await expect(page.getByText('Nothing is uploaded, and the site loads nothing from any other origin.')).toBeVisible();
  const citizenLab = page.locator('a[data-source="citizenLab"]').first();
  await expect(citizenLab).toHaveAttribute('href', /^https:\/\/citizenlab\.ca\//);
  await expect(citizenLab).toHaveAttribute('rel', /noopener/);
  await expect(citizenLab).toHaveAttribute('target', '_blank');
});
