import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FeedbackEvent } from '../../services/feedback/index.js';
import { launchBrowser, newVisitor, screenshot, startBot, type RunningBot } from './support/chatPage.js';

const TOKEN = 'report-e2e-token-0123456789';
let bot: RunningBot;
let browser: Browser;

/** A week of recorded feedback, relative to now. */
function seed(): FeedbackEvent[] {
  const day = (n: number, minutes = 10) => new Date(Date.now() - n * 86_400_000 - minutes * 60_000).toISOString();
  const ev = (at: string, kind: FeedbackEvent['kind'], conversation: string, fields: Partial<FeedbackEvent> = {}): FeedbackEvent => ({ at, kind, conversation, user: `u-${conversation}`, lang: 'fr', ...fields });
  const events: FeedbackEvent[] = [];
  const asked = ['puis-je payer par carte bancaire ?', 'paiement par carte bancaire possible ?', 'payer par carte bancaire', 'facture en double, que faire ?', 'facture reçue deux fois'];
  asked.forEach((text, i) => events.push(ev(day(i % 5), 'unanswered', `q${i}`, { intent: 'none', score: 0.1, text })));
  for (let i = 0; i < 12; i += 1) events.push(ev(day(i % 6), 'answered', `a${i}`, { intent: i % 3 === 0 ? 'renewal-id' : 'grace-period' }));
  for (let i = 0; i < 5; i += 1) events.push(ev(day(i), 'helpful', `a${i}`, { intent: 'grace-period' }));
  for (let i = 0; i < 2; i += 1) events.push(ev(day(i), 'not-helpful', `a${i + 5}`, { intent: 'renewal-id' }));
  [1, 1, 3, 4].forEach((d, i) => events.push(ev(day(d), 'handoff', `h${i}`, { intent: i === 0 ? 'renewal-id' : 'talk-to-agent' })));
  return events;
}

beforeAll(async () => {
  bot = await startBot({ AGENT_TOKENS: `camille:${TOKEN}` });
  for (const e of seed()) await bot.app.feedback.store.add(e);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

describe('the report page', () => {
  it('asks for a token, refuses a wrong one, then shows the charts in French', async () => {
    const { context, page, problems } = await newVisitor(browser, 'fr-FR');
    await page.goto(`${bot.base}/agent/report?lang=fr`);
    await page.locator('#token').fill('wrong-token-0123456789abcdef');
    await page.locator('#sign-in button').click();
    await page.locator('#error').waitFor();
    await page.locator('#token').fill(TOKEN);
    await page.locator('#sign-in button').click();
    await page.locator('#report[data-loaded] svg').first().waitFor();
    expect(await page.locator('#report svg').count()).toBe(3);
    const text = await page.locator('#report').innerText();
    expect(text).toContain('Sujets sans réponse');
    expect(text).toContain('carte bancaire');
    // 21 conversations, 4 of them handed to an agent.
    expect(text).toContain('81 %');
    await screenshot(page, 'report-page-fr');
    // The refused token's 401 is the only error the browser may log.
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await context.close();
  });

  it('shows the same report in English on a phone screen', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${bot.base}/agent/report?lang=en`);
    await page.locator('#token').fill(TOKEN);
    await page.locator('#sign-in button').click();
    await page.locator('#report[data-loaded] svg').first().waitFor();
    expect(await page.locator('#report').innerText()).toContain('Helpfulness per entry');
    await screenshot(page, 'report-page-en-phone');
    await context.close();
  });
});
