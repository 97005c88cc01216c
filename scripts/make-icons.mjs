// Renders the toolbar icon (a white 读 on the reader's blue) at every size the manifests use, with
// Debian's Chromium and the system's Noto CJK font. Run once after changing the design:
//   node scripts/make-icons.mjs
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 96, 128];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0;background:transparent">
    <div style="width:${size}px;height:${size}px;border-radius:${size * 0.22}px;background:#0b4a8f;
      color:#fff;display:flex;align-items:center;justify-content:center;
      font:700 ${size * 0.72}px/1 'Noto Sans CJK SC',sans-serif">读</div></body>`);
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
