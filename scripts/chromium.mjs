import { existsSync } from 'node:fs';

/** The browser every test and benchmark uses: CHROME_PATH, else Debian's chromium. */
export function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

// Without the background-networking flags Chromium tries to reach Google's hosts on a closed network.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // Test pages run two at a time; a page in the background must still get animation frames and timers, or
  // fixture() (which waits for a frame) hangs until the test times out.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];

export const NO_BROWSER_MESSAGE =
  'No Chromium found: install it (Debian: `sudo apt-get install -y chromium`) or set CHROME_PATH to a Chrome/Chromium binary.';
