// Opens the HTML export in headless Chromium (Debian's, driven by
// playwright-core) and checks what a reader and a search engine get:
// both languages with their `lang`, an anchor for every unit, the embedded
// JSON-LD equal to the JSON-LD export, a switcher that works without
// JavaScript, no console errors, no network requests, no serious or
// critical accessibility violations (axe-core). Screenshots at desktop and
// phone width go to target/browser/ (not committed).
//
// usage: node page.test.mjs <repository root>
import { readFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(process.argv[2] ?? "../..");
const id = "hangzhou-initiative";
const pageUrl = pathToFileURL(join(root, "exports/html", `${id}.html`)).href;
const data = JSON.parse(readFileSync(join(root, "data", id, "document.json"), "utf8"));
const jsonld = JSON.parse(readFileSync(join(root, "exports/jsonld", `${id}.jsonld`), "utf8"));
const axeSource = readFileSync(join(root, "tests/browser/node_modules/axe-core/axe.min.js"), "utf8");
const artifacts = join(root, "target/browser");
mkdirSync(artifacts, { recursive: true });

let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? "ok    " : "FAILED"} ${what}`);
  if (!ok) failures += 1;
};

const unitIds = ["title"];
for (const p of data.preamble) unitIds.push(p.id);
for (const s of data.sections) {
  unitIds.push(s.id, `${s.id}__heading`);
  for (const p of s.paragraphs) unitIds.push(p.id);
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

/** A page that records console errors and refuses every request but the file itself. */
async function open(context) {
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === pageUrl) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(pageUrl);
  return { page, errors, requests };
}

try {
  // Without JavaScript, as a reader with scripts off sees it.
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const { page, errors, requests } = await open(plain);

  for (const [language, title] of Object.entries(data.title)) {
    const text = await page.locator(`h1 [lang="${language}"]`).textContent();
    check(text === title, `the title in ${language} renders with lang="${language}"`);
  }
  for (const section of data.sections) {
    for (const language of data.languages) {
      const count = await page.locator(`#${section.paragraphs[0].id} p[lang="${language}"]`).count();
      check(count === 1, `${section.paragraphs[0].id} has its ${language} text`);
    }
  }
  const missing = [];
  for (const unit of unitIds) {
    if ((await page.locator(`[id="${unit}"]`).count()) !== 1) missing.push(unit);
  }
  check(missing.length === 0, `an anchor for every unit (${unitIds.length})${missing.length ? `: missing ${missing}` : ""}`);

  const embedded = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  check(JSON.stringify(embedded) === JSON.stringify(jsonld), "the embedded JSON-LD equals exports/jsonld/" + id + ".jsonld");

  // The switcher works with CSS alone.
  const english = data.languages.indexOf("en");
  await page.locator(`label[for="show-${english}"]`).click();
  const zhShown = await page.locator(`#sec_1__para_1 p[lang="zh-Hans"]`).isVisible();
  const enShown = await page.locator(`#sec_1__para_1 p[lang="en"]`).isVisible();
  check(!zhShown && enShown, "choosing English hides the Chinese text, without JavaScript");
  await page.locator(`label[for="show-all"]`).click();
  check(await page.locator(`#sec_1__para_1 p[lang="zh-Hans"]`).isVisible(), "choosing all shows both again");

  await page.screenshot({ path: join(artifacts, "desktop.png"), fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(artifacts, "phone.png"), fullPage: false });
  check(errors.length === 0, `no console errors${errors.length ? `: ${errors}` : ""}`);
  check(requests.length === 0, `no network requests${requests.length ? `: ${requests}` : ""}`);

  // With JavaScript: layout and the accessibility scan.
  const scripted = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const run = await open(scripted);
  const layout = await run.page.evaluate(() => {
    const [a, b] = document.getElementById("sec_1__para_1").querySelectorAll("p");
    return { stacked: b.getBoundingClientRect().top > a.getBoundingClientRect().top };
  });
  check(layout.stacked, "on a phone the languages stack");
  await run.page.setViewportSize({ width: 1280, height: 900 });
  const wide = await run.page.evaluate(() => {
    const [a, b] = document.getElementById("sec_1__para_1").querySelectorAll("p");
    return Math.abs(b.getBoundingClientRect().top - a.getBoundingClientRect().top) < 2;
  });
  check(wide, "on a wide screen the languages sit side by side");
  await run.page.addScriptTag({ content: axeSource });
  const result = await run.page.evaluate(async () => await window.axe.run(document));
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  for (const v of serious) console.log(`       ${v.impact}: ${v.id}: ${v.help} (${v.nodes.length} nodes)`);
  check(serious.length === 0, `axe-core: no serious or critical violations (${result.violations.length} minor or moderate)`);
  check(run.errors.length === 0 && run.requests.length === 0, "no errors or requests with JavaScript on");
} finally {
  await browser.close();
}

console.log(`browser: ${failures === 0 ? "all checks passed" : `${failures} failed`}; screenshots in target/browser/`);
process.exit(failures === 0 ? 0 : 1);
