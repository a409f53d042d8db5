// Renders media/icon.svg to media/icon.png, the extension's Marketplace icon (256×256, PNG as the
// Marketplace requires), with the headless Chromium the webview tests drive (Debian's, through
// playwright-core: test/webview/support/browser.ts). Run it after changing the SVG:
//   npm run compile-tests && node scripts/render-icon.js
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SIZE = 256;

async function main() {
  const { findChromium, launchChromium } = require(path.join(ROOT, 'out/test/webview/support/browser.js'));
  const chromium = findChromium();
  if (!chromium) throw new Error("No Chromium found: install Debian's chromium (npm run install:vscode does) or set CHROMIUM.");
  const svg = fs.readFileSync(path.join(ROOT, 'media/icon.svg'), 'utf8');
  const browser = await launchChromium(chromium);
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const out = path.join(ROOT, 'media/icon.png');
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
    console.log(`${path.relative(ROOT, out)}: ${SIZE}×${SIZE}, ${fs.statSync(out).size} bytes`);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
