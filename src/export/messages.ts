// User-facing texts of the export stage, in one place so the CLI, the docs and
// the tests agree on them.

export const MESSAGES = {
  badBrowserPath: (what: string, file: string): string =>
    `${what} ${file}: no executable browser there. Point it at Chrome, Chromium or Edge (e.g. /usr/bin/chromium), or leave it unset to search for one.`,

  noBrowser: (skipped: readonly string[]): string =>
    [
      `no Chrome, Chromium or Edge found, so ${skipped.join(', ')} ${skipped.length === 1 ? 'was' : 'were'} skipped (HTML and Markdown were written). To get them, do one of:`,
      '  • install a browser, e.g. `apt install chromium` or Google Chrome',
      '  • set CHROME_PATH=/path/to/chrome, or pass --browser-path /path/to/chrome',
      '  • npm install @sparticuz/chromium (a bundled Chromium for Linux x64)',
    ].join('\n'),

  launchFailed: (file: string, reason: string): string => `could not start the browser ${file}: ${reason}`,

  pptxFailed: (reason: string): string => `PPTX conversion (marp-cli) failed: ${reason}`,

  pptxMissing: (id: string): string => `PPTX conversion (marp-cli) produced no file for ${id}`,

  duplicateId: (id: string, first: string): string =>
    `trial id "${id}" is already built from ${first} in this batch; give one of them its own \`id:\``,
} as const;
