import { describe, expect, it } from 'vitest';
import { holdsContractDetails, isSharedConversation } from '../../../dialogs/contracts/sharedConversation.js';

describe('isSharedConversation', () => {
  it('is true for Teams channels and group chats, and for any conversation marked as a group', () => {
    expect(isSharedConversation({ conversation: { id: 'c', isGroup: true, conversationType: 'channel', name: '' } })).toBe(true);
    expect(isSharedConversation({ conversation: { id: 'c', isGroup: false, conversationType: 'groupChat', name: '' } })).toBe(true);
    expect(isSharedConversation({ conversation: { id: 'c', isGroup: true, name: '', conversationType: '' } })).toBe(true);
  });

  it('is false for a personal chat, a conversation without a type, or no conversation at all', () => {
    expect(isSharedConversation({ conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '' } })).toBe(false);
    expect(isSharedConversation({ conversation: { id: 'c', isGroup: false, name: '', conversationType: '' } })).toBe(false);
    expect(isSharedConversation({})).toBe(false);
  });
});

describe('holdsContractDetails', () => {
  it('finds a renewal ID or a proof of purchase typed any way', () => {
    for (const text of ['RNW-20481137', 'je voudrais voir mon contrat rnw 2048 1137 svp', 'my certificate is CRT-774310452', 'so 5501874', 'SAN-4471-2210-88']) {
      expect(holdsContractDetails({ text })).toBe(true);
    }
  });

  it('finds them in what a card submits, under any key, or under a key that names them', () => {
    expect(holdsContractDetails({ text: '', value: { renewalId: 'RNW-20481137' } })).toBe(true);
    expect(holdsContractDetails({ text: '', value: { data: ['x', { anything: 'CRT-774310452' }] } })).toBe(true);
    expect(holdsContractDetails({ text: '', value: { Proof_Of_Purchase: '' } })).toBe(true);
    expect(holdsContractDetails({ text: '', value: 'RNW-20481137' })).toBe(true);
  });

  it('leaves questions, dates and short numbers alone', () => {
    for (const text of ['is there a grace period?', 'mon contrat finit le 2026-12-31', 'combien coûtent 25 licences ?', '']) {
      expect(holdsContractDetails({ text })).toBe(false);
    }
    expect(holdsContractDetails({ text: 'help', value: { action: 'help', count: 3, flag: null } })).toBe(false);
  });

  it('reads a hostile submit without failing: deep nesting, thousands of strings, cycles never reached', () => {
    let deep: unknown = 'RNW-20481137';
    for (let i = 0; i < 10_000; i += 1) deep = { inner: deep };
    expect(holdsContractDetails({ text: '', value: deep })).toBe(false);
    const many = Array.from({ length: 100_000 }, () => 'word');
    expect(holdsContractDetails({ text: '', value: [...many, 'RNW-20481137'] })).toBe(false);
    const cyclic: Record<string, unknown> = { a: 'hello' };
    cyclic['self'] = cyclic;
    expect(holdsContractDetails({ text: '', value: cyclic })).toBe(false);
  });
});
