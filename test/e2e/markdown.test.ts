import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { FaqId, Lang } from '../../knowledge/schema.js';
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
  await screenshot(visitor.page, `markdown-${slug(context.task.name)}`);
  await visitor.context.close();
  visitor = undefined;
});

async function visit(lang: Lang, screen: Screen): Promise<ChatPage> {
  visitor = await newVisitor(browser, lang === 'fr' ? 'fr-FR' : 'en-US', screen);
  const chat = new ChatPage(visitor.page);
  await chat.open(bot.base);
  await chat.waitForBot(t(lang)('welcome'));
  return chat;
}

const t = (lang: Lang) => bot.app.translator.forLang(lang);
const faq = (id: FaqId, lang: Lang) => bot.app.kb.faq(id)[lang];
/** The first line of a text, which shows as the first paragraph of its bubble. */
const firstLine = (text: string) => text.split('\n')[0] ?? text;

/** The texts of the list items of a bubble, list by list. */
async function listsOf(chat: ChatPage, bubbleText: string): Promise<string[][]> {
  const bubble = chat.botBubble(bubbleText);
  await bubble.waitFor();
  const lists = bubble.locator('ul, ol');
  const result: string[][] = [];
  for (let i = 0; i < (await lists.count()); i++) result.push((await lists.nth(i).locator('li').allTextContents()).map((s) => s.trim()));
  return result;
}

describe('lists and paragraphs in Web Chat', () => {
  const cases: Array<[Lang, Screen]> = [['fr', 'desktop'], ['en', 'phone']];
  for (const [lang, screen] of cases) {
    it(`shows the six renewal steps as a numbered list and the benefits as bullets (${lang}, ${screen})`, async () => {
      const chat = await visit(lang, screen);
      await chat.send(faq('renewal-process', lang).phrasings[0] ?? '');
      expect((await listsOf(chat, firstLine(faq('renewal-process', lang).answer))).map((items) => items.length)).toEqual([6]);
      expect(await chat.botBubble(firstLine(faq('renewal-process', lang).answer)).locator('ol').count()).toBe(1);

      await chat.send(faq('why-renew', lang).phrasings[0] ?? '');
      expect((await listsOf(chat, firstLine(faq('why-renew', lang).answer))).map((items) => items.length)).toEqual([3]);
      expect(await chat.page.locator('.webchat__bubble').filter({ hasText: '•' }).count()).toBe(0);
    });
  }

  const walks: Array<[Lang, Screen]> = [['en', 'desktop'], ['fr', 'phone']];
  for (const [lang, screen] of walks) {
    it(`shows walkthrough step 1 with the contracts due and the end-date alignment preview as lists (${lang}, ${screen})`, async () => {
      const chat = await visit(lang, screen);
      await chat.send(lang === 'fr' ? 'je veux renouveler' : 'I want to renew');
      await chat.waitForBot(t(lang)('verify.askId'));
      await chat.send('RNW-20481137');
      await chat.waitForBot(t(lang)('verify.askProof', { renewalId: 'RNW-20481137' }));
      await chat.send('CRT-774310452');
      const header = t(lang)('walk.header', { step: 1, total: 6, title: t(lang)('walk.steps.1.title') });

      const lists = await listsOf(chat, header);
      expect(lists.map((items) => items.length)).toEqual([1, 3]);
      expect(lists[0]?.[0]).toContain('RNW-20481245');
      expect(lists[1]?.join(' ')).toContain('RNW-20481389');
      // The header is a paragraph of its own, not run into the text after it.
      const paragraphs = await chat.botBubble(header).locator('p').allTextContents();
      expect(paragraphs.map((p) => p.trim())).toContain(header);
      await chat.botBubble(header).scrollIntoViewIfNeeded();
    });
  }
});

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
