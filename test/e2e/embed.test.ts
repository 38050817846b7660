import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { formatDateText } from '../../dialogs/formatDate.js';
import { ChatPage, launchBrowser, newVisitor, screenshot, startBot, type RunningBot } from './support/chatPage.js';

/** A site owner's page on another origin, with the documented snippet. */
async function startHostSite(botBase: () => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Example Corp support</title>
<style>body{font-family:sans-serif;margin:0;background:#fafafa}header{padding:16px 24px;background:#3a2d6b;color:#fff}main{max-width:760px;margin:24px auto}</style>
</head><body><header>Example Corp: support</header><main><h2>Questions about your renewal?</h2>
<div id="renewal-chat" style="height: 600px"></div>
<script src="${botBase()}/embed.js" data-target="renewal-chat" data-lang="en" async></script>
</main></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}` };
}

let bot: RunningBot;
let allowedSite: { server: Server; origin: string };
let otherSite: { server: Server; origin: string };
let browser: Browser;
let visitor: { context: BrowserContext; page: Page; problems: string[] } | undefined;

beforeAll(async () => {
  allowedSite = await startHostSite(() => bot.base);
  otherSite = await startHostSite(() => bot.base);
  bot = await startBot({ ALLOWED_ORIGINS: allowedSite.origin });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await bot.stop();
  allowedSite.server.close();
  otherSite.server.close();
});

afterEach(async (context: TestContext) => {
  if (!visitor) return;
  await screenshot(visitor.page, context.task.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''));
  await visitor.context.close();
  visitor = undefined;
});

describe('the embed snippet', () => {
  it('embed puts the chat on a page of an allowed origin, where it answers', async () => {
    visitor = await newVisitor(browser, 'fr-FR');
    await visitor.page.goto(allowedSite.origin);
    const chat = new ChatPage(visitor.page);
    await chat.input().waitFor();
    // data-lang="en" wins over the French browser.
    await chat.waitForBot(bot.app.translator.forLang('en')('welcome'));
    await chat.send('is there a grace period?');
    await chat.waitForBot(formatDateText(bot.app.kb.faq('grace-period').en.answer, 'en'));
    expect(await visitor.page.locator('#renewal-chat .rc-title').textContent()).toBe('Maintenance renewal assistant');
  });

  it('embed on a page whose origin is not allowed says the assistant is unavailable', async () => {
    visitor = await newVisitor(browser, 'en-US');
    await visitor.page.goto(otherSite.origin);
    const status = visitor.page.locator('#renewal-chat .rc-status[data-kind="error"]');
    await status.waitFor();
    expect(await status.textContent()).toBe(bot.app.translator.forLang('en')('webChat.page.unavailable'));
  });
});
