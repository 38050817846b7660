import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { formatDateText } from '../../dialogs/formatDate.js';
import { MAIN_TOPICS } from '../../dialogs/mainDialog.js';
import type { Lang } from '../../knowledge/schema.js';
import { ChatPage, launchBrowser, newVisitor, screenshot, startBot, type RunningBot, type Screen } from './support/chatPage.js';

let bot: RunningBot;
let browser: Browser;
let visitor: { context: BrowserContext; page: Page; problems: string[] } | undefined;

beforeAll(async () => {
  bot = await startBot();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await bot.stop();
});

afterEach(async (context: TestContext) => {
  if (!visitor) return;
  await screenshot(visitor.page, `toggle-${slug(context.task.name)}`);
  await visitor.context.close();
  visitor = undefined;
});

const t = (lang: Lang) => bot.app.translator.forLang(lang);
const topics = (lang: Lang) => MAIN_TOPICS.map((id) => bot.app.kb.title(id, lang));

/** The labels of the suggested-action row Web Chat shows now. */
async function shownButtons(chat: ChatPage): Promise<string[]> {
  return (await chat.page.locator('.webchat__suggested-action').allTextContents()).map((s) => s.trim());
}

describe('the FR/EN toggle and the buttons on screen', () => {
  const cases: Array<[Lang, Lang, Screen]> = [['fr', 'en', 'desktop'], ['en', 'fr', 'phone']];
  for (const [from, to, screen] of cases) {
    it(`shows the buttons of the moment again in ${to} after switching from ${from} (${screen})`, async () => {
      visitor = await newVisitor(browser, from === 'fr' ? 'fr-FR' : 'en-US', screen);
      const chat = new ChatPage(visitor.page);
      await chat.open(bot.base);
      await chat.waitForBot(t(from)('welcome'));
      await expect.poll(() => shownButtons(chat)).toEqual(topics(from));

      await chat.languageButton(to).click();
      await chat.waitForBot(t(to)('languageToggle.sameButtons'));
      await expect.poll(() => shownButtons(chat)).toEqual(topics(to));

      // A button of the new row asks in the new language, and is answered in it.
      await chat.suggestedAction(bot.app.kb.title('grace-period', to)).click();
      await chat.waitForUser(bot.app.kb.title('grace-period', to));
      await chat.waitForBot(formatDateText(bot.app.kb.faq('grace-period')[to].answer, to));
    });
  }
});

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
