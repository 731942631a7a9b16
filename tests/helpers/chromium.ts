import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium, driven by playwright-core (no downloaded browser). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Why browser tests cannot run here, or `null` when they can. Outside CI a missing chromium skips them
 * with the reason printed; in CI (`CI` set) it is an error, because browser tests must run there.
 */
export function chromiumMissing(): string | null {
  if (fs.existsSync(CHROMIUM_PATH)) return null;
  const reason = `chromium is not installed at ${CHROMIUM_PATH}; install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`;
  if (process.env.CI) throw new Error(`Browser tests must run in CI, but ${reason}`);
  console.warn(`Skipping browser tests: ${reason}`);
  return reason;
}

/** A headless chromium on a fresh profile; `close()` also deletes the profile. */
export interface TestBrowser {
  context: BrowserContext;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<TestBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 390, height: 844 },
    // Residents' browsers speak Chinese: the web chat starts a new conversation in the browser's language.
    locale: 'zh-CN',
  });
  return {
    context,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
