import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, which .ci/run installs; playwright-core drives it without a browser download. */
export const launchOptions = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};

/** Starts a headless Chromium with {@link launchOptions}; the caller closes it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions);
}
