// Exploration (not committed): a resident applies in the web chat; prints the reference.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
const W = 'http://127.0.0.1:3710', S = '/tmp/console10/shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: process.argv[2] === 'en' ? 'en-US' : 'zh-CN' });
const res = await ctx.newPage();
await res.goto(W);
await res.locator('.msg--bot').first().waitFor({ timeout: 30000 });
await res.waitForTimeout(1500);
const prefs = [/^同意$/, /^I agree$/, /^I agree, continue$/, /同意，继续/, /^Agree/, /^对$/, /^是$/, /^Yes/, /为自己/, /myself/i, /示例县/, /Demo County/, /不清楚|不确定/, /not sure/i, /没有残疾|^无$/, /^No disability$/i, /^None$/i, /以上都不是/, /None of these/, /没有期限/, /No deadline/, /^不需要$|^否$|^不是$/, /^No$/, /^Rural/i, /^Submit|Agree and submit/i, /^继续/, /^Continue/, /^农村$/, /^Rural/i, /^否$/, /就用这段/, /Use this/, /^完成$/, /^Done$/, /同意并提交|确认提交|^提交|确认无误/, /^Confirm|^Submit/];
const story = process.argv[3] ?? '老板欠我三个月工资不给，我在县里的工地干活';
async function step(n) {
  const before = await res.locator('.msg--bot').count();
  const choices = res.locator('#log .choice:not([disabled])');
  const labels = await choices.allInnerTexts();
  const lastText = (await res.locator('.msg--bot').last().innerText()).slice(-120);
  let acted = null;
  if (n === 0) { await res.locator('#message').fill(story); await res.keyboard.press('Enter'); acted = story; }
  else if (/姓名|称呼|your name/i.test(lastText) && !/同意并提交/.test(lastText)) { await res.locator('#message').fill(process.argv[2] === 'en' ? 'Chen Ming' : '陈明'); await res.keyboard.press('Enter'); acted = 'name'; }
  else if (/电话|phone/i.test(lastText) && !/方便|safe/i.test(lastText)) { await res.locator('#message').fill('13912345678'); await res.keyboard.press('Enter'); acted = 'phone'; }
  else if (/收入|人口|几口|多少|数字|income|how many/i.test(lastText) && !labels.some((l) => prefs.some((p) => p.test(l.trim())))) { await res.locator('#message').fill(/人|many/.test(lastText) ? '3' : '1500'); await res.keyboard.press('Enter'); acted = 'number'; }
  else {
    for (const p of prefs) {
      const i = labels.findLastIndex((l) => p.test(l.trim()));
      if (i >= 0) { await choices.nth(i).click(); acted = labels[i]; break; }
    }
    if (!acted) {
      const i = labels.findIndex((l) => !/Back|上一步|取消|Cancel|不同意|do not|中文|English/.test(l));
      if (i >= 0) { await choices.nth(i).click(); acted = labels[i]; }
    }
  }
  console.log(n, '|', lastText.replace(/\n/g, ' ').slice(-70), '=>', acted, '|', labels.slice(-8).join('/'));
  if (!acted) return false;
  await res.locator('.msg--bot').nth(before).waitFor({ timeout: 30000 }).catch(() => {});
  await res.waitForTimeout(1500);
  return true;
}
for (let n = 0; n < 30; n++) {
  const all = await res.locator('#log').innerText();
  const m = /FY-\d{8}-\d{4}/.exec(all);
  if (m) { console.log('REF', m[0]); fs.writeFileSync('/tmp/console10/last-ref', m[0]); break; }
  if (!(await step(n))) break;
}
await res.screenshot({ path: `${S}/apply-done.png` });
fs.writeFileSync('/tmp/console10/resident-state.json', JSON.stringify(await ctx.storageState()));
await browser.close();
