import type { Activity } from 'botbuilder-core';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder-core';
import { ClaimsIdentity } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { ReusingAuthentication } from '../../bot/http/reusedClients.js';

const local = () => new ReusingAuthentication({});
const activity = (serviceUrl: string): Activity => ({
  type: 'message', serviceUrl, channelId: 'emulator', conversation: { id: 'c', isGroup: false, name: '', conversationType: 'personal' },
  from: { id: 'u', name: 'u' }, recipient: { id: 'b', name: 'b' },
  localTimezone: '', callerId: '', text: 'hi', label: '', valueType: '', listenFor: [],
});

describe('ReusingAuthentication', () => {
  it('hands every turn to the same service URL the same connector client', async () => {
    const auth = local();
    const one = await auth.authenticateRequest(activity('http://localhost:5000'), '');
    const two = await auth.authenticateRequest(activity('http://localhost:5000'), '');
    const a = await one.connectorFactory?.create('http://localhost:5000', one.audience);
    const b = await two.connectorFactory?.create('http://localhost:5000', two.audience);
    expect(a).toBeDefined();
    expect(a).toBe(b);
  });

  it('gives another service URL or audience its own client', async () => {
    const auth = local();
    const { connectorFactory } = await auth.authenticateRequest(activity('http://localhost:5000'), '');
    const a = await connectorFactory?.create('http://localhost:5000', 'x');
    expect(await connectorFactory?.create('http://localhost:5001', 'x')).not.toBe(a);
    expect(await connectorFactory?.create('http://localhost:5000', 'y')).not.toBe(a);
  });

  it('keeps at most its cap of connector clients: a thousand service URLs do not pile up', async () => {
    const auth = new ReusingAuthentication({}, 3);
    const factory = auth.createConnectorFactory(new ClaimsIdentity([], true));
    const first = await factory.create('http://localhost:1/', 'a');
    for (let i = 2; i < 1000; i += 1) await factory.create(`http://localhost:${i}/`, 'a');
    // The first was forgotten: asking again builds a new one.
    expect(await factory.create('http://localhost:1/', 'a')).not.toBe(first);
    const recent = await factory.create('http://localhost:999/', 'a');
    expect(await factory.create('http://localhost:999/', 'a')).toBe(recent);
  });

  it('reuses the user-token client per app id', async () => {
    const auth = local();
    const claims = () => new ClaimsIdentity([{ type: 'aud', value: 'app-1' }], true);
    expect(await auth.createUserTokenClient(claims())).toBe(await auth.createUserTokenClient(claims()));
    expect(await auth.createUserTokenClient(new ClaimsIdentity([{ type: 'aud', value: 'app-2' }], true))).not.toBe(await auth.createUserTokenClient(claims()));
  });

  it('answers local-mode turns as botbuilder does, each turn with its own anonymous identity', async () => {
    const auth = local();
    const plain = new ConfigurationBotFrameworkAuthentication({});
    const turns = [activity('http://localhost:5000'), activity('http://localhost:5000'), { ...activity('http://localhost:5001'), channelId: 'directline' }];
    const ours = [];
    for (const turn of turns) ours.push(await auth.authenticateRequest(turn, 'Bearer ignored-in-local-mode'));
    const theirs = await plain.authenticateRequest(turns[2] ?? activity(''), '');
    for (const answer of ours) {
      expect(answer.claimsIdentity).toEqual(theirs.claimsIdentity);
      expect({ audience: answer.audience, callerId: answer.callerId }).toEqual({ audience: theirs.audience, callerId: theirs.callerId });
    }
    expect(ours[1]?.claimsIdentity).not.toBe(ours[0]?.claimsIdentity);
    // An Emulator activity sent to a skill keeps botbuilder's own skill identity.
    const skill = { ...activity('http://localhost:5000'), recipient: { id: 'b', name: 'b', role: 'skill' } };
    expect((await auth.authenticateRequest(skill, '')).claimsIdentity).toEqual((await plain.authenticateRequest(skill, '')).claimsIdentity);
  });

  it('with an app id, refuses every request without a token, however many came before', async () => {
    const auth = new ReusingAuthentication({ MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' });
    for (let i = 0; i < 3; i += 1) {
      await expect(auth.authenticateRequest(activity('http://localhost:5000'), '')).rejects.toMatchObject({ statusCode: 401 });
    }
  });
});
