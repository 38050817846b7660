import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatPage, launchBrowser, newVisitor, normalize, screenshot, startBot, type RunningBot } from './support/chatPage.js';

let bot: RunningBot;
let browser: Browser;

beforeAll(async () => {
  bot = await startBot({ SUPPORT_HOURS: 'mon-sun 00:00-24:00' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

const en = (key: string, vars: Record<string, unknown> = {}) => bot.app.translator.forLang('en')(key, vars);

describe('the answer-quality loop, as a customer and an agent use it', () => {
  it('a "No" with a comment in Web Chat, asked once per answer, reaches the report the agent opens from the desk', async () => {
    const customer = await newVisitor(browser, 'en-GB');
    const chat = new ChatPage(customer.page);
    await chat.open(bot.base);
    await chat.waitForBot(en('welcome'));
    await chat.send('is there a grace period?');
    await chat.waitForBot(en('feedback.question'));
    await chat.suggestedAction(en('feedback.no')).click();
    await chat.waitForBot(en('feedback.askMissing'));
    expect(await chat.suggestedAction(en('feedback.skip')).isVisible()).toBe(true);
    expect(await chat.suggestedAction(bot.app.kb.title('talk-to-agent', 'en')).isVisible()).toBe(true);
    await chat.send('the exact date for Japan, mail me at jane.doe@example.com');
    await chat.waitForBot(en('feedback.thanksComment'));
    // The same answer again: not asked a second time.
    await chat.send('is there a grace period?');
    await chat.waitForUser('is there a grace period?');
    // A locator, not waitForFunction: the page's Content Security Policy forbids eval.
    await customer.page.locator('.webchat__bubble:not(.webchat__bubble--from-user)').nth(4).waitFor();
    const bubbles = (await chat.botBubbles().allTextContents()).map(normalize);
    expect(bubbles.filter((b) => b.includes(normalize(en('feedback.question'))))).toHaveLength(1);
    await chat.send('do you run training courses for admins');
    await chat.waitForBot(en('none'));
    await screenshot(customer.page, 'feedback-webchat-en');

    const agent = await newVisitor(browser, 'en-GB');
    const link = bot.app.agentDesk.signInPath;
    if (!link) throw new Error('no one-time sign-in link in local mode');
    await agent.page.goto(`${bot.base}${link}`);
    await agent.page.getByRole('link', { name: 'Report', exact: true }).click();
    await agent.page.locator('#report[data-loaded] svg').first().waitFor();
    const report = normalize(await agent.page.locator('#report').innerText());
    expect(report).toContain('the exact date for Japan, mail me at [email]');
    expect(report).not.toContain('jane.doe');
    expect(report).toContain('do you run training courses for admins');
    await screenshot(agent.page, 'feedback-report-en');
    expect(agent.problems).toEqual([]);
    expect(customer.problems).toEqual([]);
    await customer.context.close();
    await agent.context.close();
  });
});
