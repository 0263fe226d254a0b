// Tasklist as the agents use it, in a real browser: someone outside collection-agents sees no refinancing task;
// the agent opens it, fills in the RefinancingReview form and completes it. Run by TasklistBrowserIT:
//   node tasklist-refinancing.mjs BASE_URL DEBTOR_NAME FIRST_DUE_DATE OUT_DIR   (FIRST_DUE_DATE as yyyy-mm-dd)
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, debtorName, firstDueDate, outDir] = process.argv.slice(2);
if (!baseUrl || !debtorName || !/^\d{4}-\d{2}-\d{2}$/.test(firstDueDate ?? '') || !outDir) {
  console.error('usage: node tasklist-refinancing.mjs BASE_URL DEBTOR_NAME FIRST_DUE_DATE OUT_DIR');
  process.exit(2);
}
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const step = (text) => console.log(`- ${text}`);

async function logIn(browser, user) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/`);
  await page.fill('input[type=text]', user);
  await page.fill('input[type=password]', user);
  await page.click('button[type=submit]');
  await page.getByText('Refinanciamientos').first().waitFor();
  return page;
}

const userDataDir = await mkdtemp(join(tmpdir(), 'mora-chromium-'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  await mkdir(outDir, { recursive: true });
  const task = `Refinanciamiento – ${debtorName}`;

  step('the supervisor, outside collection-agents, opens Refinanciamientos');
  const outsider = await logIn(browser, 'supervisor');
  await outsider.getByText('Refinanciamientos').first().click();
  await outsider.waitForTimeout(2_000);
  await outsider.screenshot({ path: join(outDir, 'tasklist-outsider.png') });
  if (await outsider.getByText(task).count() > 0) {
    throw new Error(`the supervisor sees "${task}"`);
  }
  await outsider.close();

  step('the agent opens the task and completes the form');
  const agent = await logIn(browser, 'agente');
  await agent.getByText('Refinanciamientos').first().click();
  await agent.getByText(task).first().click();
  await agent.getByText('Claim').click();
  await agent.getByLabel('Aprobar el refinanciamiento').check();
  await agent.getByLabel('Número de cuotas').fill('3');
  const date = agent.getByLabel('Vencimiento de la primera cuota');
  await date.click();
  // The date picker of Tasklist's en-US locale reads mm/dd/yyyy.
  const [year, month, day] = firstDueDate.split('-');
  await date.fill(`${month}/${day}/${year}`);
  await date.press('Enter');
  await agent.screenshot({ path: join(outDir, 'tasklist-form.png') });
  await agent.locator('button:has-text("Complete")').click();
  await agent.getByText(task).first().waitFor({ state: 'detached' });
  step('the task is gone from the agent\'s list');
  await agent.screenshot({ path: join(outDir, 'tasklist-done.png') });
} catch (error) {
  console.error(`FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await rm(userDataDir, { recursive: true, force: true });
}
