import { describe, expect, it } from 'vitest';
import { foldText, foldWords } from '../../../knowledge/text/foldText.js';

describe('foldText', () => {
  it('should fold case, accents, ligatures, elisions and punctuation to single-spaced words', () => {
    expect(foldText("L'échéance d'un CONTRAT ?")).toBe('l echeance d un contrat');
    expect(foldText('Œuvre  —  Straße!!')).toBe('oeuvre strasse');
    expect(foldWords("Qu'est-ce qu'un ID ?")).toEqual(['qu', 'est', 'ce', 'qu', 'un', 'id']);
    expect(foldWords(' ?! ')).toEqual([]);
  });

  it('should give the same answer for a text folded again, after many others and in between', () => {
    const texts = Array.from({ length: 40 }, (_, i) => `Période n°${i} — À RENOUVELER`);
    const first = texts.map((t) => foldText(t));
    expect(first[7]).toBe('periode n 7 a renouveler');
    expect([...texts].reverse().map((t) => foldText(t))).toEqual([...first].reverse());
    expect(foldText(texts[3] ?? '')).toBe('periode n 3 a renouveler');
  });
});
