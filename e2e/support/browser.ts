/**
 * Headless Chromium for the browser tests: the system's Chromium (never a downloaded one), flags that keep it off
 * the network, screenshots to look at, and an accessibility check.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install the system package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return executablePath;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  /** iPhone SE / small Android: the narrowest screen the portal is designed for. */
  phone: { width: 375, height: 740 },
} as const;

/** A fresh context (own cookies) in Vietnamese, Vietnam time. */
export function newContext(browser: Browser, baseURL: string, viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
}

/**
 * Records what should never happen on a page: uncaught exceptions, console errors, and server errors (5xx).
 * Tests assert the list is empty at the end.
 */
export function watchPageErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    // The browser logs every non-2xx fetch; the API's 4xx answers are expected (wrong password, missing catalogue).
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    problems.push(`console error: ${text}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 500) problems.push(`HTTP ${res.status()} ${res.url()}`);
  });
  return problems;
}

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** Full-page PNG under test-results/screenshots/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** A violation already reported to the page's owner: an axe rule on elements whose HTML contains `html`. */
export interface KnownAxeIssue {
  rule: string;
  html: string;
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page and throws on serious or critical violations, listing each
 * rule with the elements it found. `known` leaves out precisely described issues reported to the page's owner (any
 * other element, or any other rule, still fails).
 */
export async function expectAccessible(page: Page, label = page.url(), known: KnownAxeIssue[] = []): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !known.some((k) => k.rule === v.id && n.html.includes(k.html))) }))
    .filter((v) => v.nodes.length > 0);
  if (blocking.length === 0) return;
  const lines = blocking.map(
    (v) => `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
      .slice(0, 5)
      .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
      .join('\n')}`,
  );
  throw new Error(`Accessibility violations on ${label}:\n${lines.join('\n')}`);
}

/** Width by which the page is wider than the viewport (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
