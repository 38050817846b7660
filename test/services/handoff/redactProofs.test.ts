import { describe, expect, it } from 'vitest';
import { redactProofs } from '../../../services/handoff/index.js';
import { findEmail } from '../../../dialogs/handoff/index.js';

describe('redactProofs', () => {
  it.each([
    ['certificate CRT-774310452', 'certificate […]'],
    ['order so 5501229 please', 'order […] please'],
    ['SAN-4471-2210-88', '[…]'],
    ['crt７７４３１０４５２', '[…]'],
    ['774310452', '[…]'],
    ['CRT.774.310.452 and SO_5501229', '[…] and […]'],
    ['RNW-20481137 ends 2027-03-14, proof CRT-774310452', 'RNW-20481137 ends 2027-03-14, proof […]'],
    ['from 2026-12-31 to 2027-12-31: 123 456', 'from 2026-12-31 to 2027-12-31: […]'],
    ['proof: CRT 774 310 452.', 'proof: […].'],
    ['é774310452', '[…]'],
    ['n° 12/34/56', 'n° […]'],
  ])('hides %j', (text, expected) => {
    expect(redactProofs(text)).toBe(expected);
  });

  it.each(['status of RNW-20481137', 'ends on 2026-12-31', '40 licences, 5 missing', 'version 14.3 RU8', '',
    'RNW-20481137 ends on 2027-03-14; RNW-31007744 ends on 2027-06-30 (45 days)', 'from 2026-12-31: 123 and 456',
    'No. Symantec ended its 30-day grace period on 9 May 2016 (3 October 2016 in Japan).', 'call 12 34, 56 78'])('keeps %j', (text) => {
    expect(redactProofs(text)).toBe(text);
  });

  it('takes a long hostile line in linear time', () => {
    const text = '1-'.repeat(50_000);
    const started = performance.now();
    expect(redactProofs(text)).toBe('[…]-');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('findEmail', () => {
  it.each([
    ['écrivez-moi à marie.dupont@exemple.fr merci', 'marie.dupont@exemple.fr'],
    ['mail: a@b.co.', 'a@b.co'],
    ['no address here', undefined],
    ['@@@', undefined],
    [`${'a'.repeat(300)}@b.fr`, undefined],
  ])('in %j finds %j', (text, expected) => {
    expect(findEmail(text)).toBe(expected);
  });
});
