import { describe, expect, it } from 'vitest';
import { capturingLogger } from '../../support/logLines.js';
import { handoffHarness } from './handoffHarness.js';

const PLATFORM = { id: 'contact-centre-platform', name: 'Omnichannel' };

/** A customer in event mode with an open case; the log lines kept. */
async function customerWithCase(channelAuthenticated: boolean, mode = 'event') {
  const log = capturingLogger();
  const h = handoffHarness({ locale: 'en-US', env: { HANDOFF_MODE: mode }, channelAuthenticated, logger: log.logger });
  await h.adapter.send('talk to someone').assertReply(h.say('en', 'handoff.askSummary')).send('quote question');
  h.proactive();
  return { h, refusals: () => log.lines().filter((l) => l.event === 'handoff-status-refused') };
}

describe('handoff.status is taken only from the contact-centre platform', () => {
  for (const state of ['accepted', 'completed']) {
    it(`refuses "${state}" posted by the customer's own client over an unauthenticated request (embedded Direct Line, Emulator), with a log line`, async () => {
      const { h, refusals } = await customerWithCase(false);
      await h.adapter.send({ type: 'event', name: 'handoff.status', from: PLATFORM, value: { state } });
      expect(await h.theCase()).toMatchObject({ status: 'waiting' });
      expect(h.proactive()).toEqual([]);
      expect(refusals()).toEqual([expect.objectContaining({ reason: 'not-authenticated', caseId: (await h.theCase()).id, level: 40 })]);
    });
  }

  it('refuses an event the channel authenticated when its sender has the user role (Web Chat over Azure Direct Line)', async () => {
    const { h, refusals } = await customerWithCase(true, 'both');
    await h.adapter.send({ type: 'event', name: 'handoff.status', from: { id: 'someone-else', name: 'Someone', role: 'user' }, value: { state: 'completed' } });
    expect(await h.theCase()).toMatchObject({ status: 'waiting' });
    expect(refusals()).toEqual([expect.objectContaining({ reason: 'user-role' })]);
  });

  it('refuses an authenticated event sent by the case\'s own customer, whatever role it claims', async () => {
    const { h, refusals } = await customerWithCase(true);
    const customer = (await h.theCase()).address.user;
    expect(customer).toMatchObject({ id: 'user1' });
    await h.adapter.send({ type: 'event', name: 'handoff.status', from: { id: 'user1', name: 'User1', role: 'skill' }, value: { state: 'accepted' } });
    expect(await h.theCase()).toMatchObject({ status: 'waiting' });
    expect(refusals()).toEqual([expect.objectContaining({ reason: 'customer' })]);
  });

  it('accepts the platform\'s authenticated events: accepted (the customer is told an agent takes over), then completed', async () => {
    const { h, refusals } = await customerWithCase(true);
    await h.adapter.send({ type: 'event', name: 'handoff.status', from: PLATFORM, value: { state: 'accepted' } })
      .assertReply(h.say('en', 'handoff.platformAccepted'));
    expect(await h.theCase()).toMatchObject({ status: 'assigned', agent: 'contact-centre' });
    await h.adapter.send({ type: 'event', name: 'handoff.status', from: PLATFORM, value: { state: 'completed' } });
    expect(await h.theCase()).toMatchObject({ status: 'closed', endedBy: 'platform' });
    expect(refusals()).toEqual([]);
  });
});
