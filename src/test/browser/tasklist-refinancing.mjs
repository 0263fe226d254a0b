// Tasklist as the agents use it, in a real browser: someone outside collection-agents sees no refinancing task, not
// in the list and not when opening it by its URL; the agent opens it, fills in the RefinancingReview form and
// completes it. Run by TasklistBrowserIT:
//   node tasklist-refinancing.mjs BASE_URL TASK_ID DEBTOR_NAME FIRST_DUE_DATE OUT_DIR   (FIRST_DUE_DATE as yyyy-mm-dd)
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, taskId, debtorName, firstDueDate, outDir] = process.argv.slice(2);
if (!baseUrl || !taskId || !debtorName || !/^\d{4}-\d{2}-\d{2}$/.test(firstDueDate ?? '') || !outDir) {
  console.error('usage: node tasklist-refinancing.mjs BASE_URL TASK_ID DEBTOR_NAME FIRST_DUE_DATE OUT_DIR');
  process.exit(2);
}
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FILTER = 'Refinanciamientos';
const step = (text) => console.log(`- ${text}`);

/** Logs in to Tasklist; answers the page and the ids of the filters it lists, by name. */
async function logIn(browser, user) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/`);
  await page.fill('input[type=text]', user);
  await page.fill('input[type=password]', user);
  const filters = page.waitForResponse((response) => response.request().method() === 'GET'
    && new URL(response.url()).pathname.endsWith('/filter') && response.ok());
  await page.click('button[type=submit]');
  const filterIds = Object.fromEntries((await (await filters).json()).map((filter) => [filter.name, filter.id]));
  await page.getByText(FILTER).first().waitFor();
  return { page, filterIds };
}

/** Opens a filter and answers the ids of the tasks its list request returned, once Tasklist has them. */
async function openFilter({ page, filterIds }, name) {
  const listed = page.waitForResponse((response) => response.request().method() === 'POST'
    && new URL(response.url()).pathname.endsWith(`/filter/${filterIds[name]}/list`));
  await page.getByText(name).first().click();
  const response = await listed;
  if (!response.ok()) {
    throw new Error(`the list of ${name} answered ${response.status()}`);
  }
  const body = await response.json();
  return (body._embedded?.task ?? []).map((task) => task.id);
}

const userDataDir = await mkdtemp(join(tmpdir(), 'mora-chromium-'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  await mkdir(outDir, { recursive: true });
  const task = `Refinanciamiento – ${debtorName}`;

  step(`the supervisor, outside collection-agents, opens ${FILTER}`);
  const outsider = await logIn(browser, 'supervisor');
  if ((await openFilter(outsider, FILTER)).includes(taskId)) {
    throw new Error(`the supervisor's ${FILTER} lists task ${taskId}`);
  }
  await outsider.page.getByText('No task matching filters found.').waitFor();
  if (await outsider.page.getByText(task).count() > 0) {
    throw new Error(`the supervisor sees "${task}"`);
  }

  step('the supervisor opens the task by its URL');
  const answered = [];
  outsider.page.on('response', (response) => {
    if (response.url().includes(taskId)) {
      answered.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    }
  });
  const opened = outsider.page.waitForResponse((response) => response.request().method() === 'GET'
    && new URL(response.url()).pathname.endsWith(`/task/${taskId}`));
  await outsider.page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`);
  const status = (await opened).status();
  if (status !== 404 && status !== 403) {
    throw new Error(`Tasklist's request for task ${taskId} answered ${status} to the supervisor`);
  }
  // Tasklist has given up on the task: it says so, and its task pane asks to select one.
  await outsider.page.locator('.page-notifications .alert-danger').first().waitFor();
  await outsider.page.getByText('Select a task in the list.').waitFor();
  await outsider.page.screenshot({ path: join(outDir, 'tasklist-outsider.png') });
  if (await outsider.page.getByText(task).count() > 0
      || await outsider.page.getByLabel('Aprobar el refinanciamiento').count() > 0) {
    throw new Error(`the supervisor sees "${task}" or its form`);
  }
  const served = answered.filter((line) => /^2\d\d /.test(line));
  if (served.length > 0) {
    throw new Error(`the supervisor was served ${served.join(', ')}`);
  }
  await outsider.page.close();

  step('the agent opens the task and completes the form');
  const agent = await logIn(browser, 'agente');
  if (!(await openFilter(agent, FILTER)).includes(taskId)) {
    throw new Error(`the agent's ${FILTER} does not list task ${taskId}`);
  }
  await agent.page.getByText(task).first().click();
  await agent.page.getByText('Claim').click();
  await agent.page.getByLabel('Aprobar el refinanciamiento').check();
  await agent.page.getByLabel('Número de cuotas').fill('3');
  const date = agent.page.getByLabel('Vencimiento de la primera cuota');
  await date.click();
  // The date picker of Tasklist's en-US locale reads mm/dd/yyyy.
  const [year, month, day] = firstDueDate.split('-');
  await date.fill(`${month}/${day}/${year}`);
  await date.press('Enter');
  await agent.page.screenshot({ path: join(outDir, 'tasklist-form.png') });
  await agent.page.locator('button:has-text("Complete")').click();
  await agent.page.getByText(task).first().waitFor({ state: 'detached' });
  step('the task is gone from the agent\'s list');
  await agent.page.screenshot({ path: join(outDir, 'tasklist-done.png') });
} catch (error) {
  console.error(`FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await rm(userDataDir, { recursive: true, force: true });
}
