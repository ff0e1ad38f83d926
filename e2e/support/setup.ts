import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, VIEWPORTS, watchPageErrors } from './browser';
import { startServer, type TestServer } from './server';

export interface BrowserTestEnvironment {
  server: TestServer;
  browser: Browser;
}

/**
 * One application and one browser per test file, started before its tests and closed after them. Each test opens
 * its own browser context (own cookies), so tests do not share a session.
 */
export function useBrowserTestEnvironment(): BrowserTestEnvironment {
  const env = {} as BrowserTestEnvironment;
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * A new page in a fresh context (own cookies) at a screen size, watched for page errors: `problems` should still
 * be empty at the end of the test.
 */
export async function openPage(env: BrowserTestEnvironment, viewport: { width: number; height: number } = VIEWPORTS.desktop) {
  const context = await newContext(env.browser, env.server.baseURL, viewport);
  const page = await context.newPage();
  const problems = watchPageErrors(page);
  return { context, page, problems };
}
