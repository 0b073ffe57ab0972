// `ombudsite serve` in headless Chromium: an edit reloads the open page with the new text, a
// broken file shows the error overlay over the last good page and fixing it removes the
// overlay, drafts carry a banner, the redaction preview lists category and rule, and all of it
// runs under the page's CSP without errors. serve stops cleanly on SIGTERM and writes no site/.
//   node serve.mjs OMBUDSITE_BINARY SOURCE_DIR
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, equal, finish, launch, removeDir, tempDir } from './harness.mjs';

const [binary, source] = process.argv.slice(2);
const dir = tempDir('serve');
const root = join(dir, 'site-root');
// The sources only: a build cache left in the test site must not come along.
cpSync(join(source, 'tests', 'sites', 'minimal', 'content'), join(root, 'content'), { recursive: true });
cpSync(join(source, 'tests', 'sites', 'minimal', 'ombudsite.json'), join(root, 'ombudsite.json'));
writeFileSync(join(root, 'content', 'zaken', '2025-00002.md'), `---
id: 2025-00002
title: Een concept over afval
date: 2025-04-01
status: draft
municipality: Voorbeeldstad
themes: [afval]
outcome: gegrond
summary: Een concept.
persons:
  - name: Petra de Boer
    role: verzoeker
---
Mevrouw Petra de Boer belde op 06-12345678.
`);
const zaak = join(root, 'content', 'zaken', '2025-00001.md');
const good = readFileSync(zaak, 'utf8');

// Starts serve and resolves to its URL once it prints "Serving ROOT at URL".
const server = spawn(binary, ['serve', '-s', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
server.stderr.on('data', (d) => { output += d; });
const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })));
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`serve printed no URL:\n${output}`)), 60000);
  server.stdout.on('data', (d) => {
    output += d;
    const m = /Serving .* at (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(output);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  });
});
check(true, `serve prints its URL: ${url}`);

const browser = await launch();
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(30000);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));

  await page.goto(url + 'zaken/2025-00001/');
  check((await page.locator('h1').textContent()).includes('Parkeervergunning'), 'the page is served');
  const row = page.locator('.ombudsite-preview tr[data-category="naam"][data-rule="declared-person"]');
  equal(await row.count(), 1, 'the redaction preview has the declared person');
  const cells = await row.locator('td').allTextContents();
  check(cells.includes('Karel Jansen') && cells.includes('[verzoeker]') && cells.includes('naam') &&
        cells.includes('declared-person'), `the preview row shows original, placeholder, category and rule: ${cells.join(' | ')}`);
  check(/content\/zaken\/2025-00001\.md:\d+:\d+/.test(cells[0]), `the preview row says where: ${cells[0]}`);
  check(await page.locator('.ombudsite-preview').isVisible(), 'the preview is visible');
  equal(await page.locator('.ombudsite-draft').count(), 0, 'an approved page has no draft banner');
  // An edit: the page reloads by itself with the new text.
  await page.evaluate(() => { window.beforeEdit = true; });
  writeFileSync(zaak, good.replace('De gemeente reageerde pas in april.', 'De gemeente reageerde pas in mei.'));
  await page.waitForFunction(() => document.querySelector('main').textContent.includes('pas in mei'));
  check(await page.evaluate(() => window.beforeEdit === undefined), 'the page was reloaded after the edit');

  // Invalid front matter: the overlay lists the error; the last good page stays underneath.
  writeFileSync(zaak, good.replace('date: 2025-03-14', 'date: 2025-13-14'));
  const overlay = page.locator('#ombudsite-overlay');
  await overlay.waitFor({ state: 'visible' });
  const overlayText = await overlay.textContent();
  check(overlayText.includes('content/zaken/2025-00001.md:4:7: error: month 13 is not a month'),
        `the overlay shows path:line:col and the message: ${overlayText.replace(/\s+/g, ' ').trim()}`);
  check((await page.locator('main').textContent()).includes('pas in mei'), 'the last good page stays under the overlay');
  await overlay.getByRole('button', { name: 'Verbergen' }).click();
  check(!(await overlay.isVisible()), 'the overlay can be hidden');

  // Fixed: the overlay is gone after the reload.
  writeFileSync(zaak, good);
  await page.waitForFunction(() => document.querySelector('main').textContent.includes('pas in april'));
  equal(await page.locator('#ombudsite-overlay').count(), 0, 'the overlay is gone once the file is fixed');

  // A draft: banner and a preview of each redaction.
  await page.goto(url + 'zaken/2025-00002/');
  const banner = page.locator('.ombudsite-draft');
  check(await banner.isVisible(), 'a draft has a banner');
  check((await banner.textContent()).includes('Concept'), 'the banner says it is a draft');
  equal(await page.locator('.ombudsite-preview tr[data-category="telefoon"]').count(), 1, 'the telephone number is previewed');
  check((await page.locator('.ombudsite-preview').textContent()).includes('Petra de Boer'), 'the preview names what is removed');
  check(!(await page.locator('main article, main .ombu-container').first().textContent()).includes('Petra de Boer'),
        'the page itself still shows the redacted text');
  equal(problems.join('\n'), '', 'no script errors or CSP violations');
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
const { code, signal } = await exited;
equal(`${code}/${signal}`, '0/null', 'serve exits 0 on SIGTERM');
check(!existsSync(join(root, 'site')), 'serve wrote no site/');
removeDir(dir);
finish();
