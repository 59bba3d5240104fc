/** The browser binary: CHROME_PATH, else Debian's. */
export const chromePath: string;
/** Launch flags for headless Chromium as root with no background traffic. */
export const chromeArgs: string[];
