import { describe, expect, it } from 'vitest';
import { extractRenewalId, isRenewalId, maskRenewalId } from '../../../services/contracts/index.js';

describe('extractRenewalId', () => {
  it.each([
    ['RNW-20481137'],
    ['rnw-20481137'],
    ['RNW 20481137'],
    ['rnw 2048 1137'],
    ['rnw20481137'],
    ['Rnw-2048-1137'],
    ['RNW – 2048 – 1137'],
    ['RNW_20481137'],
    ['RNW:20481137'],
    ['rnw # 2048 1137'],
    ['20481137'],
    ['2048-1137'],
    ['2048 1137'],
    ['  20481137  '],
  ])('reads %j as RNW-20481137', (typed) => {
    expect(extractRenewalId(typed)).toBe('RNW-20481137');
  });

  it.each([
    ['my id is rnw 2048 1137 thanks'],
    ['Bonjour, mon ID de renouvellement est le RNW-20481137.'],
    ['ID: 20481137, merci'],
    ['n°20481137'],
    ['(RNW-20481137)'],
    ['"20481137"'],
    ['it ends on 2025-06-30, id rnw20481137'],
    ['RNW-RNW-20481137'],
  ])('finds the ID inside the sentence %j', (typed) => {
    expect(extractRenewalId(typed)).toBe('RNW-20481137');
  });

  it('reads full-width characters typed with a Japanese input method', () => {
    expect(extractRenewalId('ＲＮＷ－２０４８１１３７')).toBe('RNW-20481137');
    expect(extractRenewalId('番号は２０４８１１３７です')).toBe('RNW-20481137');
  });

  it('reads no-break and narrow no-break spaces as spaces', () => {
    expect(extractRenewalId('RNW\u00a02048\u202f1137')).toBe('RNW-20481137');
  });

  it('returns the first of two IDs', () => {
    expect(extractRenewalId('RNW-11112222 and RNW-33334444')).toBe('RNW-11112222');
  });

  it.each([
    ['a 10-digit phone number', 'call me on 0612345678'],
    ['a phone number in groups of 4', 'tel 06 1234 5678'],
    ['a phone number with an area code', 'Tel. 030 12345678'],
    ['a freephone number', '0800 1234 5678'],
    ['9 digits', 'RNW-204811370'],
    ['7 digits', 'RNW-2048113'],
    ['an ISO date', 'it ended on 2024-05-09'],
    ['a French date', 'le 09/05/2024'],
    ['a card-like number', '1234-5678-9012-3456'],
    ['an order number', 'ORD-55012291'],
    ['a certificate number', 'CRT20481137'],
    ['a prefix glued to a word', 'XRNW20481137'],
    ['digits followed by letters', '20481137abc'],
    ['a decimal', '3.20481137'],
    ['a French decimal', '20481137,5'],
    ['an ID split over two lines', 'RNW 2048\n1137'],
    ['groups of 2', '20 48 11 37'],
    ['Arabic-Indic digits', '٢٠٤٨١١٣٧'],
    ['an empty string', ''],
    ['the prefix alone', 'RNW-'],
  ])('finds nothing in %s', (_what, typed) => {
    expect(extractRenewalId(typed)).toBeUndefined();
  });

  it.each([
    ['SQL', "RNW-20481137'; DROP TABLE contracts; --"],
    ['HTML', '<script>alert("RNW-20481137")</script>'],
    ['a path', '../../contracts/RNW-20481137'],
    ['zero-width characters', '\u200bRNW-20481137\u200b'],
    ['emoji', '🔑 RNW-20481137 🙏'],
    ['right-to-left marks', '\u202eRNW-20481137\u202c'],
  ])('still returns only the canonical ID from hostile text with %s', (_what, typed) => {
    expect(extractRenewalId(typed)).toBe('RNW-20481137');
  });

  it.each([
    ['null bytes', 'RNW-2048\u00001137'],
    ['a URL-encoded dash', 'RNW%2D20481137'],
    ['only separators', '- - - - - - - -'],
    ['a long run of digits', '1'.repeat(5000)],
  ])('finds nothing in hostile text with %s', (_what, typed) => {
    expect(extractRenewalId(typed)).toBeUndefined();
  });

  it('answers quickly on a huge message of spaces and dashes', () => {
    const started = performance.now();
    expect(extractRenewalId('2048 -'.repeat(100_000))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('ignores an ID past the first 10,000 characters', () => {
    expect(extractRenewalId(`${'x '.repeat(5000)}RNW-20481137`)).toBeUndefined();
  });

  it('returns undefined for a value that is not a string', () => {
    expect(extractRenewalId(JSON.parse('null'))).toBeUndefined();
  });
});

describe('maskRenewalId', () => {
  it('keeps only the last 4 digits', () => {
    expect(maskRenewalId('RNW-20481137')).toBe('RNW-****1137');
  });

  it('masks IDs typed in another form', () => {
    expect(maskRenewalId('rnw 2048 1137')).toBe('RNW-****1137');
  });

  it('hides anything that is not a renewal ID completely', () => {
    expect(maskRenewalId('CRT-774310452')).toBe('****');
  });
});

describe('isRenewalId', () => {
  it('accepts only the canonical form, which is what extractRenewalId makes', () => {
    expect(isRenewalId('RNW-20481137')).toBe(true);
    expect(['rnw-20481137', 'RNW 20481137', 'RNW-2048113', '../accounts/ACC-1/contracts', ' RNW-20481137'].filter(isRenewalId)).toEqual([]);
    expect(['rnw 2048 1137', '2048-1137', 'ＲＮＷ－２０４８１１３７'].map((text) => extractRenewalId(text)).every((id) => id !== undefined && isRenewalId(id))).toBe(true);
  });
});
