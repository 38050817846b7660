import { describe, expect, it } from 'vitest';
import { messageBody, withoutSmallTalk } from '../../../knowledge/text/messageSegments.js';

describe('messageBody', () => {
  it('drops the greeting and the sign-off with the name of a long e-mail', () => {
    const mail = 'Bonjour, nous ouvrons deux agences et passons à soixante postes. Comment gérer ça au renouvellement ?\nMerci, Julien';
    expect(messageBody(mail)).toBe('nous ouvrons deux agences et passons à soixante postes. Comment gérer ça au renouvellement ?');
  });

  it('stops at a signature separator and the title after it', () => {
    const mail = 'Hi team, the reseller sent our order for renewal 4471-2290 last week. Has it gone through?\n--\nDave, IT lead';
    expect(messageBody(mail)).toBe('the reseller sent our order for renewal 4471-2290 last week. Has it gone through?');
  });

  it('reads short messages whole, so a greeting stays a greeting', () => {
    expect(messageBody("bonsoir, il y a quelqu'un ?")).toBe("bonsoir, il y a quelqu'un ?");
    expect(messageBody('thanks, bye')).toBe('thanks, bye');
  });

  it('keeps a thank-you that carries the question', () => {
    const mail = 'Thanks for the quick answer yesterday. One more thing: how do I register the new serial numbers now?';
    expect(messageBody(mail)).toBe(mail);
  });

  it('returns the message itself when nothing but greeting and sign-off is left, and survives hostile input', () => {
    const polite = 'Hello everyone,\n\nThanks a lot,\nMarie-Claire Dupont, comptabilité générale du siège social';
    expect(messageBody(polite)).toBe(polite);
    expect(messageBody('')).toBe('');
    expect(messageBody('?'.repeat(5000))).toBe('?'.repeat(5000));
    expect(typeof messageBody('\u0000\u200b'.repeat(100))).toBe('string');
  });
});

describe('withoutSmallTalk', () => {
  it.each([
    ['hello, is my contract RNW-1234 renewed?', 'is my contract RNW-1234 renewed?'],
    ['  Bonjour Madame Durand, où en est le 4471-2290 ?', 'où en est le 4471-2290 ?'],
    ['délai de grâce ? merci beaucoup', 'délai de grâce ?'],
    ['ok thanks, and who do I call for support?', 'and who do I call for support?'],
    ['hi, is 4471-2290 renewed? thx', 'is 4471-2290 renewed?'],
  ])('"%s" -> "%s"', (text, rest) => {
    expect(withoutSmallTalk(text)).toBe(rest);
  });

  it('gives nothing when there is no small talk around the question, or nothing else', () => {
    expect(withoutSmallTalk('is my contract renewed?')).toBeUndefined();
    expect(withoutSmallTalk('is my contract renewed? and when does it end')).toBeUndefined();
    expect(withoutSmallTalk('hello!')).toBeUndefined();
    expect(withoutSmallTalk('hello, ?! thanks')).toBeUndefined();
    expect(withoutSmallTalk('')).toBeUndefined();
    expect(withoutSmallTalk('hello, '.repeat(2000))).toBe('hello, '.repeat(1999).trim());
    expect(withoutSmallTalk('?'.repeat(5000))).toBeUndefined();
  });
});
