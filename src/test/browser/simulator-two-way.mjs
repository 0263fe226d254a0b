// The simulator page in a real browser, as a person uses it: open the debtor's conversation, see the reminder
// Mora sent, tap its "Refinanciar" button and type an answer. Run by SimulatorBrowserIT, which prepares the
// conversation and checks what reached Mora's webhook:
//   node simulator-two-way.mjs BASE_URL PHONE DEBT_ID OUT_DIR
// Exit code 0 when every step passed; the steps and any failure are printed.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, phone, debtId, outDir] = process.argv.slice(2);
if (!baseUrl || !phone || !debtId || !outDir) {
  console.error('usage: node simulator-two-way.mjs BASE_URL PHONE DEBT_ID OUT_DIR');
  process.exit(2);
}

// Debian's Chromium, as installed by `apt-get install -y chromium`; Playwright's own browser downloads are not used.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const STEP_TIMEOUT_MILLIS = 20_000;

const step = (text) => console.log(`- ${text}`);
const check = (condition, message) => {
  if (!condition) throw new Error(message);
};

const userDataDir = await mkdtemp(join(tmpdir(), 'mora-chromium-'));
let context;
let page;
try {
  await mkdir(outDir, { recursive: true });
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    httpCredentials: { username: 'demo', password: 'demo' },
    viewport: { width: 1280, height: 800 },
    locale: 'es-PE',
    timezoneId: 'America/Lima',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MILLIS);
  page = context.pages()[0] ?? await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`  browser console: ${message.text()}`);
  });

  step(`opens ${baseUrl}/simulator, logged in as demo`);
  const response = await page.goto(`${baseUrl}/simulator`);
  check(response.status() === 200, `/simulator answered ${response.status()}`);

  step(`opens the conversation with ${phone}`);
  const conversation = page.locator(`[data-testid="conversation"][data-phone="${phone}"]`);
  await conversation.click();

  step('sees the pre-due reminder with its buttons');
  const reminder = page.locator('[data-testid="message"][data-direction="OUTBOUND"]'
    + '[data-template="mora_recordatorio_previo"]');
  await reminder.waitFor();
  const text = await reminder.locator('.text').textContent();
  check(text.startsWith('Hola '), `the reminder reads "${text}"`);
  const refinance = reminder.getByTestId('reply-button').filter({ hasText: 'Refinanciar' });
  check(await refinance.getAttribute('data-payload') === `REFINANCE:${debtId}`,
    `"Refinanciar" carries ${await refinance.getAttribute('data-payload')}`);
  const pay = reminder.getByTestId('url-button').filter({ hasText: 'Pagar ahora' });
  check(/^https?:\/\/.+\/pay\//.test(await pay.getAttribute('href')), 'the "Pagar ahora" button links to /pay/');

  step('the reminder shows as read: the person opened the conversation');
  const status = reminder.getByTestId('message-status');
  await reminder.locator('[data-testid="message-status"][data-status="read"]').waitFor();
  check((await status.textContent()).trim() === 'leído ✓✓', `the status reads "${await status.textContent()}"`);
  await page.screenshot({ path: join(outDir, 'simulator-reminder.png') });

  step('taps "Refinanciar"');
  await refinance.click();
  const tapped = page.locator('[data-testid="message"][data-direction="INBOUND"][data-type="button"]')
    .filter({ hasText: 'Refinanciar' });
  await tapped.waitFor();

  step('types "pago el viernes" and sends it');
  await page.getByTestId('reply-text').fill('pago el viernes');
  await page.getByTestId('reply-send').click();
  const typed = page.locator('[data-testid="message"][data-direction="INBOUND"][data-type="text"]')
    .filter({ hasText: 'pago el viernes' });
  await typed.waitFor();
  check(await page.getByTestId('reply-text').inputValue() === '', 'the text box is emptied once sent');

  step("both answers show as the debtor's bubbles, on the right");
  const messages = page.getByTestId('message');
  check(await messages.count() === 3, `the conversation shows ${await messages.count()} messages, not 3`);
  const left = (await reminder.boundingBox()).x;
  for (const bubble of [tapped, typed]) {
    check((await bubble.boundingBox()).x > left, 'an answer is not on the right side');
  }
  check(await page.locator('#problem.shown').count() === 0,
    `the page shows a problem: ${await page.getByTestId('problem').textContent()}`);
  check(pageErrors.length === 0, `the page threw: ${pageErrors.join('; ')}`);
  await page.screenshot({ path: join(outDir, 'simulator-replies.png') });
  console.log('ok: the simulator page works both ways in Chromium');
} catch (error) {
  console.error(`FAILED: ${error.stack ?? error}`);
  process.exitCode = 1;
  await page?.screenshot({ path: join(outDir, 'simulator-failure.png') }).catch(() => {});
} finally {
  await context?.close();
  await rm(userDataDir, { recursive: true, force: true });
}
