// Lighthouse on the public pages, as a phone on a slow 4G network meets them (Lighthouse's default mobile
// profile: simulated throttling, 1.6 Mbit/s down, 150 ms round trips, a 4x slower CPU), with Debian's Chromium.
// Usage: node run.mjs http://localhost:8080 out.md   (bash bench/run pages starts the portal and calls this)
import fs from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const [base, out] = process.argv.slice(2);
const pages = process.env.PUENTE_PAGES.split(' ');
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
});
const rows = [];
try {
  for (const page of pages) {
    for (const lang of ['en', 'es']) {
      const url = base + page + (page.includes('?') ? '&' : '?') + 'lang=' + lang;
      const result = await lighthouse(url, {port: chrome.port, output: 'json', logLevel: 'error',
        onlyCategories: ['performance']});
      const lhr = result.lhr;
      const requests = lhr.audits['network-requests'].details.items;
      rows.push({
        page: page + ' (' + lang + ')',
        score: Math.round(lhr.categories.performance.score * 100),
        fcp: lhr.audits['first-contentful-paint'].numericValue / 1000,
        lcp: lhr.audits['largest-contentful-paint'].numericValue / 1000,
        kb: requests.reduce((sum, r) => sum + (r.transferSize || 0), 0) / 1024,
        requests: requests.length,
      });
    }
  }
} finally {
  await chrome.kill();
}
const lines = rows.map(r => `| \`${r.page}\` | ${r.score} | ${r.fcp.toFixed(2)} s | ${r.lcp.toFixed(2)} s | `
  + `${r.kb.toFixed(1)} KB | ${r.requests} | ${r.score >= 95 && r.fcp < 2 && r.kb <= 50 && r.requests <= 6 ? 'yes' : 'no'} |`);
fs.writeFileSync(out, lines.join('\n') + '\n');
const missed = rows.filter(r => !(r.score >= 95 && r.fcp < 2 && r.kb <= 50 && r.requests <= 6));
process.exit(missed.length ? 1 : 0);
