import { describe, expect, it } from 'vitest';
import { appTypeOf, ConfigError, loadConfig } from '../../bot/config.js';

describe('configuration', () => {
  it('runs on its embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, STORAGE: 'sqlite', DEFAULT_LANGUAGE: 'fr' });
    expect(config.MicrosoftAppId).toBeUndefined();
    expect(config.CUSTOMER_PORTAL_URL).toBeUndefined();
  });

  it('treats empty values as not set', () => {
    expect(loadConfig({ MicrosoftAppId: '', PARTNER_LOCATOR_URL: '  ' }).MicrosoftAppId).toBeUndefined();
  });

  it('stops with one line naming the variable when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/^Invalid configuration: PORT: .*\(got "abc"\)$/);
    expect(() => loadConfig({ PARTNER_LOCATOR_URL: 'not a url' })).toThrow(/PARTNER_LOCATOR_URL: must be an http\(s\) URL/);
    expect(() => loadConfig({ DEFAULT_LANGUAGE: 'de' })).toThrow(/DEFAULT_LANGUAGE/);
    expect(() => loadConfig({ STORAGE: 'redis' })).toThrow(/STORAGE/);
  });

  it('requires a password with an app id, and a tenant for single-tenant bots', () => {
    expect(() => loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001' })).toThrow(/MicrosoftAppPassword/);
    expect(() => loadConfig({ MicrosoftAppId: 'x', MicrosoftAppPassword: 'y', MicrosoftAppType: 'SingleTenant' })).toThrow(/MicrosoftAppTenantId/);
    expect(() => loadConfig({ MicrosoftAppType: 'Other' })).toThrow(/MicrosoftAppType/);
  });

  it('treats an app id without MicrosoftAppType as SingleTenant (Azure no longer creates multi-tenant bots)', () => {
    const app = { MicrosoftAppId: 'x', MicrosoftAppPassword: 'y', VERIFICATION_KEY_SECRET: 's' };
    expect(() => loadConfig(app)).toThrow(/MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant \(the default\)/);
    expect(appTypeOf(loadConfig({ ...app, MicrosoftAppTenantId: 't' }))).toBe('SingleTenant');
    expect(appTypeOf(loadConfig({ ...app, MicrosoftAppType: 'MultiTenant' }))).toBe('MultiTenant');
  });

  it('requires VERIFICATION_KEY_SECRET in production mode, not in local mode', () => {
    const app = { MicrosoftAppId: 'x', MicrosoftAppPassword: 'y', MicrosoftAppTenantId: 't' };
    expect(() => loadConfig(app)).toThrow(/VERIFICATION_KEY_SECRET: required when MicrosoftAppId is set/);
    expect(loadConfig({ ...app, VERIFICATION_KEY_SECRET: 's' }).VERIFICATION_KEY_SECRET).toBe('s');
    expect(loadConfig({}).VERIFICATION_KEY_SECRET).toBeUndefined();
  });

  it('reads HOST, unset by default', () => {
    expect(loadConfig({}).HOST).toBeUndefined();
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('requires a token with a contract API URL', () => {
    expect(() => loadConfig({ CONTRACT_API_URL: 'https://contracts.example.test' })).toThrow(/CONTRACT_API_TOKEN/);
  });
});
