/**
 * How every browser run here launches Chromium (Playwright's tests, the UI benchmark, the README
 * screenshot): Debian's binary, and flags that keep it off the network, which this machine does not
 * have (without them Chromium keeps trying to reach Google's services).
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
