import { TestAdapter, type TurnContext } from 'botbuilder';
import { ClaimsIdentity } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { ServiceUrlGuard, TeamsTenantMiddleware } from '../../bot/channelTrust.js';
import { ServiceUrlPolicy } from '../../bot/http/serviceUrls.js';
import { createLogger } from '../../bot/logger.js';
import { trustedTenantOf } from '../../dialogs/contracts/trustedTenant.js';

const TENANT = '3f6b2c1e-8d4a-4f7b-9c2e-5a1d7e9b0c43';

/** An adapter whose turns carry `identity` (as CloudAdapter sets it), then the middleware under test. */
function adapterWith(identity: ClaimsIdentity | undefined, logic: (context: TurnContext) => Promise<void>, template: Record<string, unknown>) {
  const adapter = new TestAdapter(logic, template);
  adapter.use({
    onTurn: async (context, next) => {
      if (identity) context.turnState.set(context.adapter.BotIdentityKey, identity);
      await next();
    },
  });
  return adapter;
}

const channel = new ClaimsIdentity([{ type: 'iss', value: 'https://api.botframework.com' }], 'Bearer');
const anonymous = new ClaimsIdentity([], 'anonymous');
const emulator = new ClaimsIdentity([{ type: 'iss', value: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/' }], 'Bearer');

describe('ServiceUrlGuard', () => {
  it('in production, runs only authenticated turns', async () => {
    for (const [identity, expected] of [[channel, true], [anonymous, false], [undefined, false]] as const) {
      let ran = false;
      const adapter = adapterWith(identity, async () => {
        ran = true;
      }, { serviceUrl: 'https://smba.trafficmanager.net/emea/' });
      adapter.use(new ServiceUrlGuard(new ServiceUrlPolicy(true), createLogger('silent')));
      await adapter.send('hello');
      expect(ran).toBe(expected);
    }
  });

  it('in local mode, runs turns whose serviceUrl is this machine, never others', async () => {
    for (const [serviceUrl, expected] of [['http://[::1]:3978', true], ['http://169.254.169.254/', false]] as const) {
      let ran = false;
      const adapter = adapterWith(anonymous, async () => {
        ran = true;
      }, { serviceUrl });
      adapter.use(new ServiceUrlGuard(new ServiceUrlPolicy(false), createLogger('silent')));
      await adapter.send('hello');
      expect(ran).toBe(expected);
    }
  });
});

describe('TeamsTenantMiddleware', () => {
  async function tenantSeen(identity: ClaimsIdentity | undefined, channelId: string): Promise<string | undefined> {
    let seen: string | undefined;
    const adapter = adapterWith(identity, async (context) => {
      seen = trustedTenantOf(context);
    }, { channelId, conversation: { id: 'c', tenantId: TENANT, isGroup: false, name: '', conversationType: 'personal' } });
    adapter.use(new TeamsTenantMiddleware());
    await adapter.send('hello');
    return seen;
  }

  it('trusts the tenant of a Teams activity that the Bot Framework channel authenticated', async () => {
    expect(await tenantSeen(channel, 'msteams')).toBe(TENANT);
  });

  it('trusts no tenant claimed without authentication, by the Emulator, or on another channel', async () => {
    expect(await tenantSeen(anonymous, 'msteams')).toBeUndefined();
    expect(await tenantSeen(undefined, 'msteams')).toBeUndefined();
    expect(await tenantSeen(emulator, 'msteams')).toBeUndefined();
    expect(await tenantSeen(channel, 'webchat')).toBeUndefined();
  });
});
