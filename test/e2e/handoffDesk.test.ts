import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatPage, launchBrowser, newVisitor, normalize, screenshot, startBot, type RunningBot } from './support/chatPage.js';

let bot: RunningBot;
let browser: Browser;

beforeAll(async () => {
  // Agents always at their desks: the test must not depend on the hour it runs.
  bot = await startBot({ SUPPORT_HOURS: 'mon-sun 00:00-24:00' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await bot.stop();
});

const fr = (key: string, vars: Record<string, unknown> = {}) => bot.app.translator.forLang('fr')(key, vars);

describe('a customer in Web Chat and an agent in the desk', () => {
  it('exchange messages both ways, the agent\'s notes stay internal, and closing tells the customer', async () => {
    const customer = await newVisitor(browser, 'fr-FR');
    const chat = new ChatPage(customer.page);
    await chat.open(bot.base);
    await chat.waitForBot(fr('welcome'));
    await chat.send('un conseiller svp');
    await chat.waitForBot(fr('handoff.askSummary'));
    await chat.send('mon devis de renouvellement est faux');
    await chat.waitForBot('CS-');
    const said = (await chat.botBubbles().allTextContents()).map(normalize).join('\n');
    const caseId = /CS-\d{5}/.exec(said)?.[0] ?? '';
    expect(said).toContain(normalize(fr('handoff.opened', { caseId, minutes: 5 })));

    // The agent signs in with the one-time link the start-up log prints, desk in English.
    const agent = await newVisitor(browser, 'en-GB');
    const desk = agent.page;
    const link = bot.app.agentDesk.signInPath;
    if (!link) throw new Error('no one-time sign-in link in local mode');
    await desk.goto(`${bot.base}${link}`);
    await desk.waitForURL(`${bot.base}/agent`);
    await desk.locator('#live').filter({ hasText: 'Live' }).waitFor();
    await desk.locator(`#queue [data-case="${caseId}"]`).click();
    await desk.locator('#context').filter({ hasText: 'mon devis de renouvellement est faux' }).waitFor();
    expect(await desk.locator('#transcript').textContent()).toContain('un conseiller svp');
    await desk.locator('#claim').click();
    await chat.waitForBot(fr('handoff.claimed', { agent: 'local', caseId }));

    await chat.send('il manque 5 licences sur le devis');
    await desk.locator('#messages').filter({ hasText: 'il manque 5 licences sur le devis' }).waitFor({ timeout: 15_000 });

    await desk.locator('#reply').fill('Je corrige le devis, un instant.');
    await desk.locator('#reply-form button[type=submit]').click();
    await chat.waitForBot(fr('handoff.fromAgent', { agent: 'local', text: 'Je corrige le devis, un instant.' }));

    await desk.locator('#note').fill('client pressé, renouvellement en retard');
    await desk.locator('#note-form button[type=submit]').click();
    await desk.locator('#notes').filter({ hasText: 'client pressé' }).waitFor();

    await screenshot(customer.page, 'handoff-customer-webchat');
    await screenshot(desk, 'handoff-agent-desk');

    await desk.locator('#resolution').fill('Devis corrigé et renvoyé.');
    await desk.locator('#close-form button[type=submit]').click();
    await chat.waitForBot(fr('handoff.closed', { caseId, resolution: 'Devis corrigé et renvoyé.' }));
    const customerSaw = (await chat.botBubbles().allTextContents()).join('\n');
    expect(customerSaw).not.toContain('client pressé');

    await desk.locator('#lang-toggle').click();
    await desk.locator('h1').filter({ hasText: 'Espace conseillers' }).waitFor();
    await desk.setViewportSize({ width: 390, height: 844 });
    await screenshot(desk, 'handoff-agent-desk-fr-phone');
    await screenshot(customer.page, 'handoff-customer-closed');
    expect(customer.problems).toEqual([]);
    expect(agent.problems).toEqual([]);
    await customer.context.close();
    await agent.context.close();
  });

  it('the agent signs out with the desk\'s button (French and English): the session ends on the server too', async () => {
    const agent = await newVisitor(browser, 'fr-FR');
    const desk = agent.page;
    await desk.goto(`${bot.base}/agent/signin?code=${bot.app.agentDesk.agents.newSignInCode('local')}`);
    await desk.waitForURL(`${bot.base}/agent`);
    const signOut = desk.locator('#signout');
    await signOut.filter({ hasText: 'Se déconnecter' }).waitFor();
    await desk.locator('#lang-toggle').click();
    await signOut.filter({ hasText: 'Sign out' }).waitFor();
    const session = (await agent.context.cookies()).find((c) => c.name === 'agent_session');
    expect(session?.httpOnly).toBe(true);
    await signOut.click();
    await desk.locator('#signin-form').waitFor();
    expect(await signOut.isHidden()).toBe(true);
    // The cookie, had it been copied before, signs nobody in any more.
    const reuse = await fetch(`${bot.base}/api/agent/me`, { headers: { cookie: `agent_session=${session?.value ?? ''}` } });
    expect(reuse.status).toBe(401);
    await desk.reload();
    await desk.locator('#signin-form').waitFor();
    expect(agent.problems.filter((p) => !p.includes('401'))).toEqual([]);
    await agent.context.close();
  });
});
