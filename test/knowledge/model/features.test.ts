import { describe, expect, it } from 'vitest';
import { featuresOf, foldForModel, hasRenewalId, ID_TOKEN } from '../../../knowledge/model/features.js';
import { Vectorizer } from '../../../knowledge/model/vectorizer.js';

describe('foldForModel', () => {
  it.each([
    'RNW-20481137', 'rnw 2048 1137', 'rnw-88213', '4471 2290', '33019-4482', '88213477', 'id 7781', 'contract 4456-12', 'ref 2024-77651', 'RNW 12',
  ])('reads %s as a renewal ID', (text) => {
    expect(hasRenewalId(foldForModel(`status of ${text} please`))).toBe(true);
  });

  it.each(['we renewed in 2016', 'pay the 2026, 2027 and 2028 maintenance now', 'budget 2024-2025', '40 postes en plus', 'from 120 to 200 seats', 'the 9 May 2016 change', 'pay in 3 parts'])('does not read "%s" as a renewal ID', (text) => {
    expect(hasRenewalId(foldForModel(text))).toBe(false);
  });

  it('folds accents, case and punctuation, and merges spelling variants of both languages', () => {
    expect(foldForModel("L'ÉCHÉANCE de mes Licences ?")).toBe('l echeance de mes licence');
    expect(foldForModel('my licences')).toBe(foldForModel('my licenses'));
  });

  it('keeps a word that names a property of plain objects as it is', () => {
    // "constructor" used to become the text of Object's constructor function.
    expect(foldForModel('which constructor toString valueOf hasOwnProperty')).toBe('which constructor tostring valueof hasownproperty');
  });

  it('returns an empty text for messages without letters or digits', () => {
    for (const text of ['', '   ', '🙂🙂', '?!', '\u0000\u0001']) expect(foldForModel(text)).toBe('');
  });
});

describe('featuresOf', () => {
  it('gives words, word pairs and character 2- to 5-grams inside words, with counts', () => {
    const f = featuresOf('grace grace period');
    expect(f.get('w grace')).toBe(2);
    expect(f.get('b grace period')).toBe(1);
    expect(f.get('c  g')).toBe(2);
    expect(f.get('c race ')).toBe(2);
    expect(f.has('c e p')).toBe(false);
  });

  it('keeps the renewal-ID token whole', () => {
    const f = featuresOf(`status ${ID_TOKEN}`);
    expect(f.get(`w ${ID_TOKEN}`)).toBe(1);
    expect([...f.keys()].some((k) => k.startsWith('c ') && k.includes('idnum'))).toBe(false);
  });
});

describe('Vectorizer', () => {
  const texts = ['is there a grace period', 'grace grace', `status ${ID_TOKEN} please`, 'periode de grace apres echeance'];
  const vectorizer = Vectorizer.fit(texts);

  it('looks up exactly the features featuresOf lists, with sublinear TF-IDF weights of unit length', () => {
    for (const text of [...texts, 'grace period renew', 'unknown words only zzz']) {
      const row = vectorizer.transform(text);
      const expected = new Map<number, number>();
      for (const [feature, count] of featuresOf(text)) {
        const i = vectorizer.features.indexOf(feature);
        if (i >= 0) expected.set(i, (1 + Math.log(count)) * (vectorizer.idf[i] ?? 0));
      }
      const norm = Math.sqrt([...expected.values()].reduce((s, w) => s + w * w, 0));
      const actual = new Map([...row.indexes].map((i, k) => [i, row.values[k] ?? 0]));
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [i, w] of expected) expect(actual.get(i)).toBeCloseTo(w / norm, 5);
    }
  });

  it('gives the same row when asked twice (its scratch space is cleared)', () => {
    expect(vectorizer.transform('grace grace period')).toEqual(vectorizer.transform('grace grace period'));
  });

  it('gives in place the row it gives as a copy, also after a longer text and for one longer than its first scratch space', () => {
    const long = Array.from({ length: 80 }, (_, i) => `${texts[i % texts.length] ?? ''} grace${i}`).join(' ');
    for (const text of ['grace grace period', long, 'period', '', long, 'grace period renew']) {
      const copy = vectorizer.transform(text);
      const row = vectorizer.transformInPlace(text);
      expect(row.length).toBe(copy.indexes.length);
      expect(row.indexes.slice(0, row.length)).toEqual(copy.indexes);
      expect(row.values.slice(0, row.length)).toEqual(copy.values);
    }
  });

  it('gives the same rows with its per-word cache full, empty or off', () => {
    const uncached = new Vectorizer(vectorizer.features, vectorizer.idf, 0);
    const small = new Vectorizer(vectorizer.features, vectorizer.idf, 2);
    const messages = [...texts, 'grace period renew', 'period grace grace', 'unknown words only zzz', 'echeance grace'];
    for (const text of [...messages, ...messages]) {
      const expected = uncached.transform(text);
      expect(vectorizer.transform(text)).toEqual(expected);
      expect(small.transform(text)).toEqual(expected);
    }
  });
});
