import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { Lang } from '../../knowledge/schema.js';
import { ChatPage, launchBrowser, newVisitor, screenshot, startBot, type RunningBot } from './support/chatPage.js';

const PHONE = { width: 390, height: 844 };

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
  await screenshot(visitor.page, `phone-${slug(context.task.name)}`, { fullPage: false });
  await visitor.context.close();
  visitor = undefined;
});

const t = (lang: Lang) => bot.app.translator.forLang(lang);

async function visit(lang: Lang): Promise<ChatPage> {
  visitor = await newVisitor(browser, lang === 'fr' ? 'fr-FR' : 'en-US', 'phone');
  const chat = new ChatPage(visitor.page);
  await chat.open(bot.base);
  await chat.waitForBot(t(lang)('welcome'));
  return chat;
}

/** The words of an element's text that the browser breaks over two lines. */
async function wordsBrokenAcrossLines(element: Locator): Promise<string[]> {
  return element.evaluate((node) => {
    const broken: string[] = [];
    const doc = node.ownerDocument;
    const SHOW_TEXT = 4;
    const walker = doc.createTreeWalker(node, SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const value = text.textContent ?? '';
      for (const match of value.matchAll(/\S+/g)) {
        const range = doc.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

describe('the support page on a phone (390x844)', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`shows the message box without scrolling when the page opens (${lang})`, async () => {
      const chat = await visit(lang);
      const box = await chat.input().boundingBox();
      expect(box).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
      expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
      // And the welcome with its first topic button is on screen too.
      const first = chat.page.locator('.webchat__suggested-action').first();
      const button = await first.boundingBox();
      expect((button?.y ?? PHONE.height) + (button?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
    });

    it(`shows every topic button whole, none cut off (${lang})`, async () => {
      const chat = await visit(lang);
      const buttons = chat.page.locator('.webchat__suggested-action');
      await buttons.first().waitFor();
      for (let i = 0; i < (await buttons.count()); i++) {
        const button = buttons.nth(i);
        const box = await button.boundingBox();
        const label = (await button.textContent())?.trim() ?? '';
        expect(box, label).not.toBeNull();
        expect(box?.x ?? -1, label).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0), label).toBeLessThanOrEqual(PHONE.width);
        // The label fits in its button (no text clipped by overflow).
        const clipped = await button.evaluate((node) => [node, ...node.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1).length);
        expect(clipped, label).toBe(0);
      }
    });
  }

  for (const lang of ['fr', 'en'] as const) {
    it(`writes the status card labels whole, never broken mid-word (${lang})`, async () => {
      const chat = await visit(lang);
      await chat.send(lang === 'fr' ? 'quel est le statut de mon contrat ?' : 'what is the status of my contract');
      await chat.waitForBot(t(lang)('verify.askId'));
      await chat.send('RNW-20481137');
      await chat.waitForBot(t(lang)('verify.askProof', { renewalId: 'RNW-20481137' }));
      await chat.send('CRT-774310452');
      const card = chat.page.locator('.webchat__bubble .ac-adaptiveCard').last();
      await card.waitFor();
      await card.scrollIntoViewIfNeeded();
      expect(await wordsBrokenAcrossLines(card)).toEqual([]);
      const cardBox = await card.boundingBox();
      expect((cardBox?.x ?? 0) + (cardBox?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    });
  }

  it('has a header logo that does not look like a loading spinner (a closed shape, no open ring)', async () => {
    const chat = await visit('fr');
    const mark = chat.page.locator('.site-header__mark');
    const style = await mark.evaluate((node) => {
      const view = node.ownerDocument.defaultView;
      if (!view) throw new Error('the logo is not in a window');
      const css = view.getComputedStyle(node);
      return { colors: new Set([css.borderTopColor, css.borderRightColor, css.borderBottomColor, css.borderLeftColor]).size, animation: css.animationName };
    });
    expect(style).toEqual({ colors: 1, animation: 'none' });
    expect(await chat.page.locator('link[rel="icon"]').getAttribute('href')).not.toContain('dasharray');
    expect(await chat.page.locator('.site-header svg, .site-header img').count()).toBeGreaterThan(0);
  });
});

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
