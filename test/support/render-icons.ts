// Draws Quorum's icon as SVG and renders the PNG sizes the manifest lists, with Chromium.
// Run after changing the mark, then commit the PNGs:
//   npx tsc --ignoreConfig --outDir /tmp/icons --module nodenext --target es2022 --skipLibCheck test/support/render-icons.ts
//   (link node_modules and a {"type":"module"} package.json into /tmp/icons) && node /tmp/icons/render-icons.js public/icons
import { writeFileSync } from 'node:fs';
import { launchChromium } from './chromium.js';

/** A "Q" ring around three dots: several voices meeting in one answer. */
function mark(scale: number): string {
  return `<g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
    <circle cx="244" cy="240" r="124" fill="none" stroke="#ffffff" stroke-width="44"/>
    <path d="M318 316 L386 384" stroke="#ffffff" stroke-width="50" stroke-linecap="round"/>
    <circle cx="244" cy="196" r="24" fill="#c7d2fe"/>
    <circle cx="202" cy="268" r="24" fill="#a5b4fc"/>
    <circle cx="286" cy="268" r="24" fill="#e0e7ff"/>
  </g>`;
}

function iconSvg(maskable: boolean): string {
  // Maskable icons are cropped to a circle of 80% width: full-bleed background, smaller mark.
  const background = maskable
    ? '<rect width="512" height="512" fill="url(#bg)"/>'
    : '<rect width="512" height="512" rx="112" fill="url(#bg)"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#6366f1"/>
      <stop offset="1" stop-color="#3730a3"/>
    </linearGradient>
  </defs>
  ${background}
  ${mark(maskable ? 0.78 : 1)}
</svg>
`;
}

async function render(svg: string, size: number, path: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('width="512" height="512"', `width="${size}" height="${size}"`);
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${sized}`);
    await page.screenshot({ path, omitBackground: true });
  } finally {
    await browser.close();
  }
}

const outDir = process.argv[2] ?? 'public/icons';
writeFileSync(`${outDir}/icon.svg`, iconSvg(false));
await render(iconSvg(false), 192, `${outDir}/icon-192.png`);
await render(iconSvg(false), 512, `${outDir}/icon-512.png`);
await render(iconSvg(true), 512, `${outDir}/icon-maskable-512.png`);
console.log(`Icons written to ${outDir}`);
