// Opens a shiji index.html from disk in the system Chromium (headless, network blocked), checks
// that the graph and the timeline are drawn with no console error, clicks an event (and, with
// --name, the entity of that name among its connections), takes a screenshot, and prints a JSON
// report on stdout. Exit 0 when the page could be driven; the caller asserts on the report.
//   node check.mjs PAGE.html OUT_DIR [--name NAME]
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [page_, outDir, ...rest] = process.argv.slice(2);
const nameArg = rest[0] === "--name" ? rest[1] : null;
const report = { console: [], pageErrors: [], requests: [], dialogs: [] };
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shiji-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  offline: true,
  viewport: { width: 1400, height: 1000 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"],
});
try {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    report.requests.push(url);
    return route.abort();
  });
  const page = context.pages()[0] || (await context.newPage());
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") report.console.push(m.type() + ": " + m.text()); });
  page.on("pageerror", (e) => report.pageErrors.push(String(e) + (process.env.SHIJI_DEBUG ? e.stack : "")));
  page.on("dialog", (d) => { report.dialogs.push(d.message()); d.dismiss(); });
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) report.requests.push(r.url()); });
  await page.goto(pathToFileURL(path.resolve(page_)).href);
  await page.waitForSelector("body[data-ready='1']", { timeout: 20000 });
  await page.waitForSelector("body[data-graph-ready='1']", { timeout: 20000 });
  Object.assign(report, await page.evaluate(() => {
    const canvas = document.querySelector("#graph canvas");
    let inked = 0;
    if (canvas) {
      const px = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200)) inked++;
    }
    return {
      canvas: !!canvas, inkedPixels: inked,
      lanes: document.querySelectorAll("#lanes .lane[data-lane]").length,
      markers: document.querySelectorAll(".event-marker").length,
      events: window.shiji.data.nodes.filter((n) => n.kind === "event").length,
      nodes: window.shiji.data.nodes.length,
      errorBanner: document.getElementById("error").hidden ? "" : document.getElementById("error").textContent,
    };
  }));
  // the filters: a date range, then one event type off, then reset
  report.filters = await page.evaluate(() => {
    const shown = () => [...document.querySelectorAll(".event-marker")].filter((b) => b.style.display !== "none").length;
    const set = (el, v) => { el.value = v; el.dispatchEvent(new Event("change")); };
    const out = { all: shown() };
    set(document.getElementById("date-from"), "2019-01-01");
    document.getElementById("undated").checked = false;
    document.getElementById("undated").dispatchEvent(new Event("change"));
    out.from2019 = shown();
    out.expected2019 = window.shiji.data.nodes.filter((n) => n.kind === "event" && n.date && n.date.from && (n.date.to || n.date.from) >= "2019-01-01").length;
    out.nodesFrom2019 = Number(document.body.getAttribute("data-visible"));
    document.getElementById("reset").click();
    const box = document.querySelector("#event-types input");
    box.checked = false;
    box.dispatchEvent(new Event("change"));
    out.withoutFirstType = shown();
    out.firstTypeCount = window.shiji.data.nodes.filter((n) => n.kind === "event" && n.type === box.getAttribute("data-type")).length;
    document.getElementById("reset").click();
    out.afterReset = shown();
    return out;
  });
  // click the first dated event on the timeline
  const marker = page.locator(".event-marker:not(.undated)").first();
  report.clicked = await marker.getAttribute("data-id");
  await marker.click();
  await page.waitForSelector("#details .evidence", { timeout: 5000 });
  report.eventDetails = await page.evaluate(() => ({
    heading: document.querySelector("#details h3").textContent,
    marks: [...document.querySelectorAll("#details .evidence mark")].map((m) => m.textContent),
    sentences: [...document.querySelectorAll("#details .evidence p")].map((p) => p.textContent),
    selected: document.body.getAttribute("data-selected"),
  }));
  if (nameArg) {
    // the node named NAME, reached by a click on a connection link of an event that has it
    const id = await page.evaluate((name) => {
      const d = window.shiji.data;
      const n = d.nodes.find((x) => x.name === name);
      const e = n && d.edges.find((x) => x.target === n.id && d.nodes.find((y) => y.id === x.source).kind === "event");
      return e ? [e.source, n.id] : n ? [null, n.id] : null;
    }, nameArg);
    report.nameFound = !!id;
    if (id) {
      if (id[0]) {
        const m = await page.evaluate((x) => [...document.querySelectorAll(".event-marker")].findIndex((b) => b.getAttribute("data-id") === x), id[0]);
        await page.locator(".event-marker").nth(m).click({ timeout: 5000 });
        const l = await page.evaluate((x) => [...document.querySelectorAll("#details .link")].findIndex((b) => b.textContent === x), nameArg);
        await page.locator("#details .link").nth(l).click({ timeout: 5000 });
      } else {
        await page.evaluate((x) => window.shiji.select(x), id[1]);
      }
      report.nameDetails = await page.evaluate(() => ({
        heading: document.querySelector("#details h3").textContent,
        elements: [...document.querySelectorAll("#details *, #lanes *")].map((x) => x.tagName.toLowerCase()),
        scripts: document.querySelectorAll("script").length,
        injected: document.querySelectorAll("body b, body i, body img, body iframe").length,
      }));
    }
  }
  fs.mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: path.join(outDir, "page.png"), fullPage: true });
  report.screenshot = path.join(outDir, "page.png");
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(report));
