// Renders every processes/*.bpmn to docs/<ProcessId>.svg and docs/<ProcessId>.png with the bpmn-js viewer
// (from node_modules, inlined into the page: no network) in headless Chromium. Uses Debian's /usr/bin/chromium,
// or CHROMIUM=/path/to/chrome. Rerun after changing a process: cd docs/render && npm ci && npm run render
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const processes = join(here, '..', '..', 'processes');
const docs = join(here, '..');
const bpmnJs = join(here, 'node_modules', 'bpmn-js', 'dist');
const viewerBundle = readFileSync(join(bpmnJs, 'bpmn-viewer.production.min.js'), 'utf8');
const css = ['diagram-js.css', 'bpmn-js.css'].map((file) => readFileSync(join(bpmnJs, 'assets', file), 'utf8')).join('\n');

const MARGIN = 20; // white space around the diagram, in diagram pixels
const WATERMARK = 40; // extra strip at the bottom so the bpmn.io logo (bottom right) never covers the diagram

// bpmn-js gives every arrow-head <marker> a random id; number them in order of appearance instead, so
// rerendering an unchanged process gives a byte-identical SVG (no noise in diffs).
function stableMarkerIds(svg) {
  const ids = new Map();
  for (const [, id] of svg.matchAll(/<marker id="([^"]+)"/g)) if (!ids.has(id)) ids.set(id, `marker-${ids.size + 1}`);
  return svg.replace(/marker-[0-9a-z]{20,}/g, (id) => ids.get(id) ?? id);
}

const files = readdirSync(processes).filter((name) => name.endsWith('.bpmn')).sort();
if (files.length === 0) throw new Error(`no .bpmn files in ${processes}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const written = new Map();
try {
  for (const file of files) {
    const xml = readFileSync(join(processes, file), 'utf8');
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 2 });
    await page.route('**/*', (route) => route.abort()); // everything is inlined; nothing may be fetched
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css}
      html, body { margin: 0; padding: 0; background: #fff; overflow: hidden; }
      #canvas { width: 1600px; height: 900px; background: #fff; }</style></head>
      <body><div id="canvas"></div></body></html>`);
    await page.addScriptTag({ content: viewerBundle });

    // Import, then size the canvas to the diagram plus margins, so "fit-viewport" shows it at 100 % without
    // empty borders; the page viewport is then set to the same size and screenshotted.
    const { width, height, warnings } = await page.evaluate(async ({ diagram, margin, watermark }) => {
      const viewer = new window.BpmnJS({ container: '#canvas' });
      window.viewer = viewer;
      const { warnings } = await viewer.importXML(diagram);
      const canvas = viewer.get('canvas');
      const inner = canvas.getActiveLayer().getBBox(); // shapes, edges and external labels
      const width = Math.ceil(inner.width) + 2 * margin;
      const height = Math.ceil(inner.height) + 2 * margin + watermark;
      const container = document.getElementById('canvas');
      container.style.width = `${width}px`;
      container.style.height = `${height}px`;
      canvas.resized();
      canvas.viewbox({ x: inner.x - margin, y: inner.y - margin, width, height });
      return { width, height, warnings: warnings.map((w) => w.message) };
    }, { diagram: xml, margin: MARGIN, watermark: WATERMARK });
    for (const warning of warnings) console.warn(`${file}: import warning: ${warning}`);
    await page.setViewportSize({ width, height });

    const { id, svg } = await page.evaluate(async (fallback) => {
      const root = window.viewer.get('canvas').getRootElement().businessObject;
      const process = root.$instanceOf('bpmn:Collaboration')
        ? (root.participants || []).map((p) => p.processRef).find(Boolean)
        : root;
      const { svg } = await window.viewer.saveSVG();
      return { id: (process && process.id) || fallback, svg };
    }, basename(file, '.bpmn'));
    if (written.has(id)) throw new Error(`${file} and ${written.get(id)} both have process id ${id}`);
    written.set(id, file);

    writeFileSync(join(docs, `${id}.svg`), stableMarkerIds(svg));
    await page.screenshot({ path: join(docs, `${id}.png`), fullPage: false });
    console.log(`${file}: docs/${id}.svg, docs/${id}.png (${width}x${height} px at 2x)`);
    await page.close();
  }
} finally {
  await browser.close();
}
