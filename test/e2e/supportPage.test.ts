import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { FaqId, Lang } from '../../knowledge/schema.js';
import { formatDateText } from '../../dialogs/formatDate.js';
import { ChatPage, launchBrowser, newVisitor, normalize, screenshot, startBot, type RunningBot } from './support/chatPage.js';

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
  await screenshot(visitor.page, slug(context.task.name));
  await visitor.context.close();
  visitor = undefined;
});

/** A new visitor (fresh browser profile) on the support page. */
async function visit(browserLocale: string): Promise<ChatPage> {
  visitor = await newVisitor(browser, browserLocale);
  const chat = new ChatPage(visitor.page);
  await chat.open(bot.base);
  return chat;
}

const say = (lang: Lang, key: string) => bot.app.translator.forLang(lang)(key);
const answer = (id: FaqId, lang: Lang) => formatDateText(bot.app.kb.faq(id)[lang].answer, lang);
const title = (id: FaqId, lang: Lang) => bot.app.kb.title(id, lang);

async function notify(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${bot.base}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

describe('the support page', () => {
  it('speaks French to a French browser and answers a question typed without accents', async () => {
    const chat = await visit('fr-FR');
    await expect.poll(() => chat.page.title()).toBe(say('fr', 'webChat.page.title'));
    expect(await chat.page.locator('h1').textContent()).toBe('Assistant renouvellement de maintenance');
    expect(await chat.languageButton('fr').getAttribute('aria-pressed')).toBe('true');
    await chat.waitForBot(say('fr', 'welcome'));

    await chat.send("c'est quoi la periode de grace");
    await chat.waitForBot(answer('grace-period', 'fr'));
    expect(visitor?.problems).toEqual([]);
  });

  it('sends a suggested follow-up when its button is clicked, and shows its answer', async () => {
    const chat = await visit('fr-FR');
    await chat.send("c'est quoi la periode de grace");
    await chat.waitForBot(answer('grace-period', 'fr'));

    await chat.suggestedAction(title('reinstate-lapsed', 'fr')).click();
    await chat.waitForUser(title('reinstate-lapsed', 'fr'));
    await chat.waitForBot(answer('reinstate-lapsed', 'fr'));
  });

  it('switches the page, Web Chat and the bot to English with the toggle', async () => {
    const chat = await visit('fr-FR');
    await chat.waitForBot(say('fr', 'welcome'));
    await chat.languageButton('en').click();

    await expect.poll(() => chat.page.locator('h1').textContent()).toBe('Maintenance renewal assistant');
    expect(await chat.page.getAttribute('html', 'lang')).toBe('en');
    expect(await chat.languageButton('en').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => chat.input().getAttribute('placeholder')).toBe('Type your message');

    await chat.send('is there a grace period?');
    await chat.waitForBot(answer('grace-period', 'en'));
    // The bot was told: Web Chat put the new locale on the message.
    const history = bot.app.webChat.store?.since(await chat.conversationId(), 0)?.activities ?? [];
    expect(history.find((a) => a.text === 'is there a grace period?')?.locale).toBe('en-US');
  });

  it('speaks English to an English browser', async () => {
    const chat = await visit('en-US');
    await chat.waitForBot(say('en', 'welcome'));
    expect(await chat.page.locator('h1').textContent()).toBe('Maintenance renewal assistant');
    expect(await chat.languageButton('en').getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps the conversation and its history across a page reload', async () => {
    const chat = await visit('fr-FR');
    await chat.send("c'est quoi la periode de grace");
    await chat.waitForBot(answer('grace-period', 'fr'));
    const conversationId = await chat.conversationId();

    await chat.page.reload();
    await chat.input().waitFor();
    await chat.waitForUser("c'est quoi la periode de grace");
    await chat.waitForBot(answer('grace-period', 'fr'));
    expect(await chat.conversationId()).toBe(conversationId);

    await chat.send('merci');
    await chat.waitForBot(say('fr', 'thanks'));
  });

  it('shows a message the bot sends later, without a new user message', async () => {
    const chat = await visit('fr-FR');
    await chat.waitForBot(say('fr', 'welcome'));
    await notify({ conversationId: await chat.conversationId(), reminder: 'renewalDue' });
    await chat.waitForBot(say('fr', 'webChat.reminders.renewalDue'));
  });

  it('shows HTML typed by the user, or sent by the bot, as text and never runs it', async () => {
    const chat = await visit('en-US');
    await chat.waitForBot(say('en', 'welcome'));
    const attacks = ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 2">', '[click me](javascript:window.__pwned=3)'];
    for (const attack of attacks) await chat.send(attack);
    await chat.waitForUser('<script>window.__pwned = 1</script>');
    await chat.waitForUser('<img src=x onerror="window.__pwned = 2">');
    const fromBot = 'Bot says <img src=y onerror="window.__pwned = 4"><b>bold</b>';
    await notify({ conversationId: await chat.conversationId(), text: `${fromBot} [bot link](javascript:window.__pwned=5)` });
    await chat.waitForBot(fromBot);
    await chat.waitForBot('bot link');
    await chat.page.locator('.webchat__bubble--from-user', { hasText: 'click me' }).waitFor();

    expect(await chat.page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await chat.page.locator('.webchat__bubble img, .webchat__bubble script, .webchat__bubble b').count()).toBe(0);
    expect(await chat.page.locator('.webchat__bubble a[href^="javascript:"]').count()).toBe(0);
  });

  // Contract verification and status card (the contract dialogs, on the sample contracts file).
  it('verifies a contract with its renewal ID and proof of purchase and shows its status card', async () => {
    const chat = await visit('en-US');
    const t = bot.app.translator.forLang('en');
    await chat.waitForBot(t('welcome'));
    await chat.send('what is the status of my contract');
    await chat.waitForBot(t('verify.askId'));
    await chat.send('it is rnw 2048 1137');
    await chat.waitForBot(t('verify.askProof', { renewalId: 'RNW-20481137' }));
    await chat.send('crt-774310452');
    await chat.waitForBot(t('verify.done', { renewalId: 'RNW-20481137' }));

    const card = chat.page.locator('.webchat__bubble .ac-adaptiveCard').last();
    await card.waitFor();
    await expect.poll(async () => normalize((await card.textContent()) ?? '')).toContain(
      normalize(t('status.title', { renewalId: 'RNW-20481137', account: 'Boulangeries Martin SARL' })),
    );
    expect(normalize((await card.textContent()) ?? '')).toContain(normalize(t('status.state.active')));
    await card.scrollIntoViewIfNeeded();
  });
});

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
