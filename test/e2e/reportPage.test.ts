import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

/** Signs in on the desk's own form (the page the agent is on). */
async function signInAtDesk(page: Page, token: string): Promise<void> {
  await page.locator('#token').waitFor();
  await page.locator('#token').fill(token);
  await page.locator('#signin-form button[type=submit]').click();
}

describe('the report page, reached from the agent desk', () => {
  it('English: signed in at the desk, the Report link opens the charts without a second sign-in; the language chosen there is the desk\'s', async () => {
    const { context, page, problems } = await newVisitor(browser, 'en-GB');
    await page.goto(`${bot.base}/agent`);
    await signInAtDesk(page, TOKEN);
    const link = page.getByRole('link', { name: 'Report', exact: true });
    await link.waitFor();
    await link.click();
    await page.waitForURL(`${bot.base}/agent/report?lang=en`);
    await page.locator('#report[data-loaded] svg').first().waitFor();
    expect(await page.locator('#report svg').count()).toBe(3);
    const text = await page.locator('#report').innerText();
    expect(text).toContain('Unanswered topics');
    expect(text).toContain('Helpfulness per entry');
    expect(text).toContain('carte bancaire');
    // 21 conversations, 4 of them handed to an agent.
    expect(text).toContain('81 %');
    expect(await page.locator('#token').count()).toBe(0);
    await screenshot(page, 'report-from-desk-en');

    // The agent switches to French on the report: the desk follows, and back again.
    await page.getByRole('link', { name: 'Français' }).click();
    await page.locator('#report[data-loaded] svg').first().waitFor();
    expect(await page.locator('#report').innerText()).toContain('Sujets sans réponse');
    await page.getByRole('link', { name: "Retour à l'espace conseillers" }).click();
    await page.waitForURL(`${bot.base}/agent?lang=fr`);
    await page.getByRole('link', { name: 'Rapport', exact: true }).waitFor();
    await page.goto(`${bot.base}/agent/report`);
    await page.waitForURL(`${bot.base}/agent/report?lang=fr`);
    await page.locator('#report[data-loaded] svg').first().waitFor();
    // The desk's "am I signed in?" before the sign-in is the only error the browser may log.
    expect(problems.filter((p) => !p.includes('401 (Unauthorized)'))).toEqual([]);
    await context.close();
  });

  it('French, on a phone: without a session the report sends the agent to the desk\'s sign-in and back to the charts', async () => {
    const { context, page, problems } = await newVisitor(browser, 'fr-FR', 'phone');
    await page.goto(`${bot.base}/agent/report?lang=fr`);
    await page.waitForURL(/\/agent\?lang=fr&next=/);
    expect(await page.locator('#desk').isHidden()).toBe(true);
    await signInAtDesk(page, TOKEN);
    await page.waitForURL(`${bot.base}/agent/report?lang=fr`);
    await page.locator('#report[data-loaded] svg').first().waitFor();
    const text = await page.locator('#report').innerText();
    expect(text).toContain('Sujets sans réponse');
    expect(text).toContain('Transferts vers un conseiller par jour');
    await screenshot(page, 'report-from-desk-fr-phone');
    // From the report, back to the desk and to the report again: no second sign-in.
    await page.getByRole('link', { name: "Retour à l'espace conseillers" }).click();
    await page.getByRole('link', { name: 'Rapport', exact: true }).click();
    await page.locator('#report[data-loaded] svg').first().waitFor();
    await screenshot(page, 'report-from-desk-fr-phone-again', { fullPage: false });
    expect(problems.filter((p) => !p.includes('401 (Unauthorized)'))).toEqual([]);
    await context.close();
  });

  it('a sign-in link that names another site keeps the agent on the desk', async () => {
    const { context, page } = await newVisitor(browser, 'en-GB');
    await page.goto(`${bot.base}/agent?next=${encodeURIComponent('//evil.example/agent/report')}`);
    await signInAtDesk(page, TOKEN);
    await page.getByRole('link', { name: 'Report', exact: true }).waitFor();
    expect(page.url()).toBe(`${bot.base}/agent?next=${encodeURIComponent('//evil.example/agent/report')}`);
    await context.close();
  });
});
