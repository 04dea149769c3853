/**
 * Runs browser-entry.ts in headless Chromium. The bundle is injected into a file:// page (a secure
 * context, so WebCodecs exists) and nothing is served over the network.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../find-chromium.mjs';
import type { SamplesApi } from './browser-entry';

const ENTRY = fileURLToPath(new URL('./browser-entry.ts', import.meta.url));

type Method = keyof SamplesApi;

/** A Chromium page with the sample API loaded. */
export interface SamplesPage {
  call<K extends Method>(name: K, ...args: Parameters<SamplesApi[K]>): Promise<Awaited<ReturnType<SamplesApi[K]>>>;
  close(): Promise<void>;
}

async function bundleEntry(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/**
 * Launches Chromium headless and loads the sample API into a blank file:// page.
 * @example const page = await openSamplesPage(); await page.call('drawMeeting', 1280, 720, 0);
 */
export async function openSamplesPage(): Promise<SamplesPage> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const [bundle, dir] = await Promise.all([bundleEntry(), mkdtemp(join(tmpdir(), 'ecb-lens-samples-'))]);
  const blank = join(dir, 'blank.html');
  await writeFile(blank, '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');

  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    page.on('pageerror', (error) => console.error(`[chromium] ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') console.error(`[chromium] ${message.text()}`);
    });
    await page.goto(pathToFileURL(blank).href);
    if (!(await page.evaluate(() => 'VideoEncoder' in globalThis))) {
      throw new Error('this Chromium has no WebCodecs VideoEncoder; the samples cannot be encoded');
    }
    await page.addScriptTag({ content: bundle });
    return {
      call: (name, ...args) =>
        page.evaluate(
          ({ name, args }) => {
            const samples = (globalThis as unknown as { ecbLensSamples: Record<string, (...a: unknown[]) => unknown> })
              .ecbLensSamples;
            return samples[name](...args);
          },
          { name, args: args as unknown[] },
        ) as Promise<Awaited<ReturnType<SamplesApi[typeof name]>>>,
      close: async () => {
        try {
          await browser.close();
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    try {
      await browser.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    throw error;
  }
}
