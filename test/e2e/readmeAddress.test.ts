import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type TestContext } from 'vitest';
import type { Lang } from '../../knowledge/language/lang.js';
import { formatDateText } from '../../dialogs/formatDate.js';
import { ChatPage, launchBrowser, newVisitor, screenshot, startBot, type RunningBot } from './support/chatPage.js';

let bot: RunningBot;
let browser: Browser;
let visitor: { context: BrowserContext; page: Page; problems: string[] } | undefined;
/** The peer address of every connection the server accepted. */
const peers = new Set<string>();

beforeAll(async () => {
  bot = await startBot();
  bot.app.server.server.on('connection', (socket: { remoteAddress?: string }) => peers.add(socket.remoteAddress ?? ''));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await bot.stop();
});

afterEach(async (context: TestContext) => {
  vi.restoreAllMocks();
  if (!visitor) return;
  await screenshot(visitor.page, `address-${slug(context.task.name)}`);
  await visitor.context.close();
  visitor = undefined;
});

const say = (lang: Lang, key: string) => bot.app.translator.forLang(lang)(key);
const answer = (lang: Lang) => formatDateText(bot.app.kb.faq('grace-period')[lang].answer, lang);
const question = { fr: "c'est quoi la periode de grace", en: 'is there a grace period?' };

async function visit(url: string, browserLocale: string): Promise<ChatPage> {
  visitor = await newVisitor(browser, browserLocale);
  const chat = new ChatPage(visitor.page);
  await visitor.page.goto(url);
  await chat.input().waitFor();
  return chat;
}

describe('the support page at every loopback address', () => {
  it("answers at the README's address, http://localhost:PORT/, which Chromium reaches over IPv6", async () => {
    peers.clear();
    const chat = await visit(`http://localhost:${bot.port}/`, 'fr-FR');
    await chat.waitForBot(say('fr', 'welcome'), 5000);
    await chat.send(question.fr);
    await chat.waitForBot(answer('fr'), 5000);
    expect([...peers]).toContain('::1');
    expect(visitor?.problems).toEqual([]);
  });

  for (const host of ['127.0.0.1', '[::1]']) {
    for (const lang of ['fr', 'en'] as const) {
      it(`answers at http://${host}:PORT/ in ${lang}`, async () => {
        const chat = await visit(`http://${host}:${bot.port}/`, lang === 'fr' ? 'fr-FR' : 'en-US');
        await chat.waitForBot(say(lang, 'welcome'), 5000);
        await chat.send(question[lang]);
        await chat.waitForBot(answer(lang), 5000);
      });
    }
  }

  it('shows an apology in the page when a turn fails, in the language of the page', async () => {
    const chat = await visit(`http://localhost:${bot.port}/`, 'en-US');
    await chat.waitForBot(say('en', 'welcome'), 5000);
    vi.spyOn(bot.app.bot, 'run').mockRejectedValueOnce(new Error('a dialog broke'));
    await chat.send(question.en);
    await chat.waitForBot(say('en', 'errors.turn'), 5000);
    // The next message works again.
    await chat.send(question.en);
    await chat.waitForBot(answer('en'), 5000);
  });

  it('says clearly in the page that the assistant is unavailable when the connection fails', async () => {
    visitor = await newVisitor(browser, 'fr-FR');
    await visitor.page.route('**/v3/directline/conversations', (route) => route.fulfill({ status: 503, body: '{}' }));
    const chat = new ChatPage(visitor.page);
    await visitor.page.goto(`http://localhost:${bot.port}/`);
    const status = chat.page.locator('.rc-status[data-kind="error"]');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toBe(say('fr', 'webChat.page.unavailable'));
  });
});

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
