// How every test tool here starts Chromium: the machine's own browser (never a downloaded one), as
// root, headless, with no background traffic (this network refuses it).

/** The browser binary: CHROME_PATH, else Debian's. */
export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromeArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
