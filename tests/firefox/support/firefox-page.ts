/**
 * Firefox, driven over WebDriver BiDi by puppeteer-core, and one page of it as the smoke suite sees
 * it: elements by test id, waits that poll the page until a state holds (BiDi has no
 * `waitForFunction` that works here), canvases read as drawn, and every page error and console error
 * the page raised.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox, INSTALL_HINT } from '../../../scripts/find-firefox.mjs';
import type { CanvasPixels } from '../../e2e/support/pixels';

/** The window size: Firefox takes it as flags (`page.setViewport` is not available over BiDi here). */
const WINDOW = { width: 1280, height: 900 };

/** Starts a headless Firefox (see scripts/find-firefox.mjs for which). */
export async function launchFirefox(): Promise<Browser> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(INSTALL_HINT);
  return puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: [`--width=${WINDOW.width}`, `--height=${WINDOW.height}`],
  });
}

/**
 * `promise`, or a failure saying what did not finish after `ms`: a page that stops answering (a
 * command over BiDi that never returns) fails its test instead of hanging the suite.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** How long one command to the page may take. */
const COMMAND_DEADLINE = 20_000;

/** A CSS selector for a test id. */
export const byTestId = (id: string) => `[data-testid="${id}"]`;

export class FirefoxPage {
  /** Uncaught errors and console errors, in order, worded for a failure message. */
  readonly errors: string[] = [];

  private constructor(
    readonly page: Page,
    readonly origin: string,
  ) {
    page.on('pageerror', (error) =>
      this.errors.push(`page error: ${error instanceof Error ? error.message : String(error)}`),
    );
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console error: ${message.text()}`);
    });
  }

  /** A new tab of `browser`, for the site at `origin`. */
  static async open(browser: Browser, origin: string): Promise<FirefoxPage> {
    return new FirefoxPage(await browser.newPage(), origin);
  }

  /** Goes to a path of the site, or to a full address. */
  async goto(pathOrUrl: string): Promise<void> {
    await this.page.goto(new URL(pathOrUrl, this.origin).href);
  }

  /**
   * Runs `check` in the page until it returns something truthy, and returns that; fails after
   * `timeout` ms, saying `what` was awaited and what `check` returned last.
   */
  async until<T, A>(
    what: string,
    check: (arg: A) => T | false | null | undefined | '',
    arg: A,
    timeout = 30_000,
  ): Promise<T> {
    const deadline = Date.now() + timeout;
    let last: unknown;
    for (;;) {
      last = await withDeadline(
        this.page.evaluate(check as (arg: unknown) => unknown, arg as unknown),
        COMMAND_DEADLINE,
        `a check in the page while waiting for ${what}`,
      );
      if (last) return last as T;
      if (Date.now() > deadline)
        throw new Error(`waited ${timeout / 1000} s for ${what}; last seen: ${JSON.stringify(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** An attribute of the element with this test id (null when it or the attribute is missing). */
  async attribute(testId: string, name: string): Promise<string | null> {
    return this.page.evaluate(
      (selector, name) => document.querySelector(selector)?.getAttribute(name) ?? null,
      byTestId(testId),
      name,
    );
  }

  /** The text of the element with this test id (null when there is none). */
  async text(testId: string): Promise<string | null> {
    return this.page.evaluate((selector) => document.querySelector(selector)?.textContent ?? null, byTestId(testId));
  }

  /** Waits until the element with this test id has `name="value"` (or a value `value` matches). */
  async untilAttribute(testId: string, name: string, value: string | RegExp, timeout?: number): Promise<string> {
    const pattern = typeof value === 'string' ? `^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : value.source;
    return this.until(
      `${testId} to have ${name} matching /${pattern}/`,
      ({ selector, name, pattern }) => {
        const actual = document.querySelector(selector)?.getAttribute(name);
        return actual !== null && actual !== undefined && new RegExp(pattern).test(actual) ? actual : null;
      },
      { selector: byTestId(testId), name, pattern },
      timeout,
    );
  }

  /** Clicks the element with this test id as a user does (pointer input at its centre). */
  async click(testId: string): Promise<void> {
    await this.page.click(byTestId(testId));
  }

  /** Reads canvases by test id, all in one turn of the page's event loop (see tests/e2e/support/pixels.ts). */
  async readCanvases(testIds: readonly string[]): Promise<CanvasPixels[]> {
    const raw = await this.page.evaluate(
      (ids: string[]) => {
        return ids.map((id) => {
          const element = document.querySelector<HTMLCanvasElement>(`canvas[data-testid="${id}"]`);
          if (!element) throw new Error(`no canvas with data-testid="${id}"`);
          const copy = document.createElement('canvas');
          copy.width = element.width;
          copy.height = element.height;
          const ctx = copy.getContext('2d', { willReadFrequently: true });
          if (!ctx) throw new Error('no 2D context');
          ctx.drawImage(element, 0, 0);
          const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
          let binary = '';
          for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
          const frame = element.dataset.frame;
          return {
            width: copy.width,
            height: copy.height,
            frame: frame === undefined ? null : Number(frame),
            base64: btoa(binary),
          };
        });
      },
      [...testIds],
    );
    return raw.map(({ base64, ...rest }) => ({ ...rest, rgba: new Uint8Array(Buffer.from(base64, 'base64')) }));
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
