import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config.js';

describe('the web chat settings', () => {
  it('default to the global Direct Line endpoint, no other origin, 10 tokens a minute, no secrets', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DIRECT_LINE_ENDPOINT: 'https://directline.botframework.com/v3/directline',
      ALLOWED_ORIGINS: [],
      TOKEN_RATE_LIMIT_PER_MINUTE: 10,
    });
    expect(config.DIRECT_LINE_SECRET).toBeUndefined();
    expect(config.NOTIFY_TOKEN).toBeUndefined();
  });

  it('read a comma-separated list of origins, ignoring spaces and trailing slashes', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: ' https://www.example.com/, http://localhost:8080 ,' }).ALLOWED_ORIGINS).toEqual([
      'https://www.example.com',
      'http://localhost:8080',
    ]);
  });

  it('refuse an origin with a path, naming the variable', () => {
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://www.example.com/support' })).toThrow(ConfigError);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://www.example.com/support' })).toThrow(/ALLOWED_ORIGINS/);
  });

  it('take a regional Direct Line endpoint without its trailing slash, and an empty one as the default', () => {
    expect(loadConfig({ DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com/v3/directline/' }).DIRECT_LINE_ENDPOINT).toBe(
      'https://europe.directline.botframework.com/v3/directline',
    );
    expect(loadConfig({ DIRECT_LINE_ENDPOINT: '' }).DIRECT_LINE_ENDPOINT).toBe('https://directline.botframework.com/v3/directline');
    expect(() => loadConfig({ DIRECT_LINE_ENDPOINT: 'ftp://directline.example' })).toThrow(/DIRECT_LINE_ENDPOINT/);
  });

  it('treat an empty secret as not set', () => {
    expect(loadConfig({ DIRECT_LINE_SECRET: '  ', NOTIFY_TOKEN: '' })).toMatchObject({ DIRECT_LINE_SECRET: undefined, NOTIFY_TOKEN: undefined });
  });
});
