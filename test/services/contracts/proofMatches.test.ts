import { describe, expect, it } from 'vitest';
import { normalizeProof, proofMatches } from '../../../services/contracts/index.js';

describe('proofMatches', () => {
  const proofs = ['CRT-774310452', 'SO-5501229', undefined];

  it.each(['CRT-774310452', 'crt-774310452', ' crt 7743 10452 ', 'CRT774310452', 'so-5501229', 'SO 550 1229'])(
    'accepts %j',
    (typed) => {
      expect(proofMatches(typed, proofs)).toBe(true);
    },
  );

  it.each(['CRT-774310453', 'CRT-77431045', 'SO-5501229-1', '', '   ', '---'])('refuses %j', (typed) => {
    expect(proofMatches(typed, proofs)).toBe(false);
  });

  it('never matches a missing proof (no SAN) with an empty answer', () => {
    expect(proofMatches('', [undefined])).toBe(false);
  });

  it('accepts a full-width proof typed with a Japanese input method', () => {
    expect(proofMatches('ＣＲＴ－７７４３１０４５２', proofs)).toBe(true);
  });
});

describe('normalizeProof', () => {
  it('drops case, spaces, dashes, dots and underscores', () => {
    expect(normalizeProof(' san 4471.2210_88 – ')).toBe('SAN4471221088');
  });
});
