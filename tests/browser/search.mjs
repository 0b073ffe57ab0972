// The search page of the built example site, in headless Chromium: typing a query lists the
// expected case, the address ?q= works, personal data is not findable, the page runs under its
// CSP without errors, and without JavaScript the page still offers links to browse.
//   node search.mjs OMBUDSITE_BINARY SOURCE_DIR
import { join } from 'node:path';
import { check, equal, finish, launch, ombudsite, removeDir, serveStatic, tempDir } from './harness.mjs';

const [binary, source] = process.argv.slice(2);
const dir = tempDir('search');
const out = join(dir, 'site');
ombudsite(binary, ['build', '--quiet', '-s', source, '-o', out]);
const server = await serveStatic(out);
const browser = await launch();
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));

  await page.goto(server.url + 'zoeken/');
  await page.locator('#zoekterm').waitFor({ state: 'visible' });
  check(true, 'the search form is shown once the script runs');
  await page.locator('#zoekterm').pressSequentially('kwijtschelding', { delay: 10 });
  await page.waitForFunction(() => document.getElementById('zoek-status').textContent.includes('“kwijtschelding”'));
  const first = page.locator('#zoek-resultaten li a').first();
  equal(await first.getAttribute('href'), '../zaken/2025-00142/', 'first result for "kwijtschelding"');
  check((await first.textContent()).includes('Kwijtschelding'), 'the result shows the case title');
  const status = await page.locator('#zoek-status').textContent();
  check(/^(1 resultaat|\d+ resultaten) voor “kwijtschelding”\.$/.test(status), `the status line counts the results: ${status}`);

  // Several words narrow the result: all must match, as prefixes, without diacritics.
  await page.locator('#zoekterm').fill('kwijtsch gegrond AMSTERDAM');
  await page.locator('#zoek-resultaten li a').first().waitFor();
  equal(await page.locator('#zoek-resultaten li a').first().getAttribute('href'),
        '../zaken/2025-00142/', 'prefix words with a term and a municipality');

  // A declared person of that case is never in the index.
  await page.locator('#zoekterm').fill('Kooistra');
  await page.waitForFunction(() => document.getElementById('zoek-status').textContent.startsWith('Geen'));
  equal(await page.locator('#zoek-resultaten li').count(), 0, 'a declared name finds nothing');

  // The case number, from the address, and following the link.
  await page.goto(server.url + 'zoeken/?q=2025-00142');
  const byId = page.locator('#zoek-resultaten li a').first();
  await byId.waitFor();
  equal(await byId.getAttribute('href'), '../zaken/2025-00142/', '?q= with the case number');
  await byId.click();
  await page.waitForURL(server.url + 'zaken/2025-00142/');
  check((await page.locator('h1').textContent()).includes('Kwijtschelding'), 'the link opens the case');
  check((await page.locator('nav a[href$="zoeken/"]').count()) > 0, 'the menu links to Zoeken');
  equal(problems.join('\n'), '', 'no script errors or CSP violations');

  // Without JavaScript: no dead form, but links to the lists and every taxonomy page.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(server.url + 'zoeken/');
  check(!(await plain.locator('#zoeken').isVisible()), 'without JavaScript the form stays hidden');
  check((await plain.locator('main a[href="../zaken/"]').count()) === 1, 'fallback links to the zaken list');
  check((await plain.locator('main a[href^="../thema/"]').count()) > 3, 'fallback links to the themes');
  check((await plain.locator('main a[href^="../gemeente/"]').count()) > 1, 'fallback links to the municipalities');
  await noScript.close();
} finally {
  await browser.close();
  await server.close();
  removeDir(dir);
}
finish();
