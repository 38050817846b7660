import { describe, expect, it } from 'vitest';
import { checkActivity, MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../bot/http/activityGuard.js';

const valid = () => ({
  type: 'message', text: 'hello', channelId: 'emulator', locale: 'fr-FR', serviceUrl: 'http://localhost:3978',
  conversation: { id: 'c1', name: 'chat', tenantId: 't1' }, from: { id: 'u1', name: 'Ann' }, recipient: { id: 'bot' },
});

describe('the activity check before botbuilder', () => {
  it('accepts what the channels send, at every limit', () => {
    expect(checkActivity(valid())).toEqual({ ok: true });
    expect(checkActivity({ type: ' message ', conversation: { id: 'c' }, from: { id: 'u' } })).toEqual({ ok: true });
    const atLimits = {
      ...valid(), type: 't'.repeat(100), text: 'a'.repeat(MAX_TEXT_LENGTH), locale: 'l'.repeat(35), channelId: 'c'.repeat(100), serviceUrl: 's'.repeat(2048),
      conversation: { id: 'c'.repeat(MAX_ID_LENGTH), name: 'n'.repeat(MAX_NAME_LENGTH), tenantId: 't'.repeat(MAX_ID_LENGTH) },
      from: { id: 'u'.repeat(MAX_ID_LENGTH), name: 'n'.repeat(MAX_NAME_LENGTH), role: 'user', extra: { kept: true } },
    };
    expect(checkActivity(atLimits)).toEqual({ ok: true });
  });

  it('refuses, saying which field, one character or one level past each limit', () => {
    const cases: Array<[unknown, string]> = [
      [{ ...valid(), type: '   ' }, 'activity.type must be a non-empty string'],
      [{ ...valid(), type: 't'.repeat(101) }, 'activity.type'],
      [{ ...valid(), type: 3 }, 'activity.type'],
      [{ ...valid(), text: 'a'.repeat(MAX_TEXT_LENGTH + 1) }, `activity.text is longer than ${MAX_TEXT_LENGTH} characters`],
      [{ ...valid(), text: null }, 'activity.text'],
      [{ ...valid(), conversation: { id: '' } }, 'activity.conversation.id'],
      [{ ...valid(), conversation: { id: 'c'.repeat(MAX_ID_LENGTH + 1) } }, `activity.conversation.id: must be at most ${MAX_ID_LENGTH} characters`],
      [{ ...valid(), conversation: { id: 'c', tenantId: '' } }, 'activity.conversation.tenantId'],
      [{ ...valid(), conversation: [{ id: 'c' }] }, 'activity.conversation'],
      [{ ...valid(), from: { id: 'u', name: 'n'.repeat(MAX_NAME_LENGTH + 1) } }, `activity.from.name: must be at most ${MAX_NAME_LENGTH} characters`],
      [{ ...valid(), from: undefined }, 'activity.from'],
      [{ ...valid(), recipient: null }, 'activity.recipient'],
      [{ ...valid(), locale: 'l'.repeat(36) }, 'activity.locale'],
      [{ ...valid(), channelId: 'c'.repeat(101) }, 'activity.channelId'],
      [{ ...valid(), serviceUrl: 's'.repeat(2049) }, 'activity.serviceUrl'],
    ];
    for (const [body, field] of cases) {
      const result = checkActivity(body);
      expect(result.ok, JSON.stringify(body).slice(0, 80)).toBe(false);
      if (!result.ok) expect(result.error).toContain(field);
    }
    expect(checkActivity([valid()]).ok).toBe(false);
    expect(checkActivity(null).ok).toBe(false);
    expect(checkActivity('message').ok).toBe(false);
  });
});
