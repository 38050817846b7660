import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createApp, type BotApp } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { listenOn, LOOPBACK_HOSTS } from '../../../bot/http/listenAddresses.js';
import { createLogger } from '../../../bot/logger.js';
import { fromRoot } from '../../../bot/paths.js';

/** Debian's Chromium; `npx playwright install` cannot run here. */
export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface RunningBot {
  app: BotApp;
  port: number;
  base: string;
  stop(): Promise<void>;
}

/**
 * The real app (createApp) on memory storage, on a free port, listening as `npm start` does
 * in local mode (loopback, IPv4 and IPv6); `base` is the README's address,
 * http://localhost:<port>, which Chromium reaches over IPv6 first.
 */
export async function startBot(env: Record<string, string> = {}): Promise<RunningBot> {
  const app = await createApp(loadConfig({ STORAGE: 'memory', TOKEN_RATE_LIMIT_PER_MINUTE: '1000', ...env }), createLogger('silent'));
  const { port, extra } = await listenOn(app.server, 0, LOOPBACK_HOSTS);
  return {
    app,
    port,
    base: `http://localhost:${port}`,
    stop: async () => {
      for (const listener of extra) listener.close();
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      app.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export type Screen = 'desktop' | 'phone';
/** A desktop window, and a phone (390x844, the size of an iPhone 12-15) with touch. */
const SCREENS = {
  desktop: { viewport: { width: 1100, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;

/** A fresh profile (no storage from earlier tests) whose browser language is `locale`. */
export async function newVisitor(browser: Browser, locale: string, screen: Screen = 'desktop'): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale, ...SCREENS[screen] });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems };
}

/** Saves `artifacts/e2e/<name>.png`: the whole page, or what the screen shows with `fullPage: false`. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  const dir = fromRoot('artifacts', 'e2e');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

/** What the chat shows and what a user does in it, by Web Chat's own markup. */
export class ChatPage {
  constructor(readonly page: Page) {}

  async open(base: string): Promise<void> {
    await this.page.goto(`${base}/`);
    await this.input().waitFor();
  }

  input(): Locator {
    return this.page.locator('[data-id="webchat-sendbox-input"]');
  }

  /** Types a message and sends it with Enter. */
  async send(text: string): Promise<void> {
    await this.input().fill(text);
    await this.input().press('Enter');
  }

  /** The last bot message that contains the text. */
  botBubble(text: string): Locator {
    return this.botBubbles().filter({ hasText: text }).last();
  }

  botBubbles(): Locator {
    return this.page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
  }

  userBubbles(): Locator {
    return this.page.locator('.webchat__bubble--from-user .webchat__bubble__content');
  }

  /** Waits until a bot message contains the text (Web Chat curls apostrophes: compared without). */
  async waitForBot(text: string, timeout = 15_000): Promise<void> {
    await waitForText(this.botBubbles(), text, timeout, 'bot');
  }

  async waitForUser(text: string, timeout = 15_000): Promise<void> {
    await waitForText(this.userBubbles(), text, timeout, 'user');
  }

  suggestedAction(title: string): Locator {
    return this.page.locator('.webchat__suggested-action', { hasText: title }).last();
  }

  languageButton(lang: 'fr' | 'en'): Locator {
    return this.page.locator(`.rc-lang-option[data-lang="${lang}"]`);
  }

  /** The conversation id the page is connected to (window.renewalChat, set by page.js). */
  async conversationId(): Promise<string> {
    await this.page.waitForFunction('Boolean(window.renewalChat && window.renewalChat.conversationId)');
    const id: unknown = await this.page.evaluate('window.renewalChat.conversationId');
    if (typeof id !== 'string') throw new Error('no conversation id on the page');
    return id;
  }
}

/** Typographic quotes as straight ones, runs of spaces as one. */
export function normalize(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ').trim();
}

async function waitForText(bubbles: Locator, text: string, timeout: number, who: string): Promise<void> {
  const wanted = normalize(text);
  const deadline = Date.now() + timeout;
  for (;;) {
    const texts = (await bubbles.allTextContents()).map(normalize);
    if (texts.some((said) => said.includes(wanted))) return;
    if (Date.now() > deadline) throw new Error(`no ${who} message contains "${wanted}"; the ${who} said: ${texts.map((t) => `"${t}"`).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
