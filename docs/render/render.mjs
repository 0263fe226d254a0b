// Renders every processes/*.bpmn to docs/<ProcessId>.svg and docs/<ProcessId>.png with bpmn-js in headless
// Chromium (Debian's /usr/bin/chromium, or CHROMIUM=/path/to/chrome). Rerun after changing a process.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const processes = join(here, '..', '..', 'processes');
const docs = join(here, '..');
const viewer = readFileSync(join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const css = ['diagram-js.css', 'bpmn-js.css']
  .map((file) => readFileSync(join(here, 'node_modules/bpmn-js/dist/assets', file), 'utf8'))
  .join('\n');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  for (const file of readdirSync(processes).filter((name) => name.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(processes, file), 'utf8');
    const id = file.replace(/\.bpmn$/, '');
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 2 });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css}
      html, body { margin: 0; background: #fff; font-family: Arial, sans-serif; }
      #canvas { width: 1600px; height: 900px; }</style></head>
      <body><div id="canvas"></div></body></html>`);
    await page.addScriptTag({ content: viewer });
    const { svg, width, height } = await page.evaluate(async (diagram) => {
      const bpmnViewer = new window.BpmnJS({ container: '#canvas' });
      await bpmnViewer.importXML(diagram);
      const canvas = bpmnViewer.get('canvas');
      // Shrink the container to the diagram (with a margin) so the picture has no empty borders.
      const inner = canvas.viewbox().inner;
      const container = document.getElementById('canvas');
      container.style.width = `${Math.ceil(inner.width) + 40}px`;
      container.style.height = `${Math.ceil(inner.height) + 40}px`;
      canvas.resized();
      canvas.zoom('fit-viewport', 'auto');
      const { svg } = await bpmnViewer.saveSVG();
      return { svg, width: container.clientWidth, height: container.clientHeight };
    }, xml);
    writeFileSync(join(docs, `${id}.svg`), svg);
    const element = await page.$('#canvas .djs-container');
    await element.screenshot({ path: join(docs, `${id}.png`) });
    console.log(`rendered ${file} -> docs/${id}.svg, docs/${id}.png (${width}x${height})`);
    await page.close();
  }
} finally {
  await browser.close();
}
