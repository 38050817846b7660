import type { Lang } from '../schema.js';

/**
 * Spelling variants and close synonyms folded to one word before stemming, so that one
 * phrasing in the knowledge base covers them all. Only variants that never change the
 * meaning in this domain belong here.
 */
const SYNONYMS: Record<Lang, Record<string, string>> = {
  en: {
    licence: 'license', licences: 'licenses', licenced: 'licensed', licencing: 'licensing',
    email: 'mail', emails: 'mails', emailed: 'mailed',
    cancelled: 'canceled', enrol: 'enroll', organisation: 'organization', organisations: 'organizations',
    ok: 'okay', thx: 'thanks', ty: 'thanks', pls: 'please', plz: 'please', u: 'you', ur: 'your',
    wanna: 'want', gonna: 'going', wat: 'what', wht: 'what', wen: 'when', hw: 'how', renewel: 'renewal', renewall: 'renewal', mantenance: 'maintenance',
    ids: 'id', identifier: 'id',
    expiry: 'expiration', enddate: 'end',
  },
  fr: {
    mail: 'courriel', email: 'courriel', emails: 'courriel', mails: 'courriel', courriels: 'courriel', mel: 'courriel',
    identifiant: 'id', identifiants: 'id', ids: 'id', num: 'numero', no: 'numero',
    licences: 'licence', license: 'licence', licenses: 'licence', slt: 'salut', bjr: 'bonjour', mrc: 'merci',
    pk: 'pourquoi', pq: 'pourquoi', koi: 'quoi', kan: 'quand', cmt: 'comment', qqn: 'quelqu',
    renouvelement: 'renouvellement', renouvelements: 'renouvellements', maintenace: 'maintenance',
  },
};

/**
 * The lists as maps: a lookup of any word a user types hashes it once, and finds nothing for
 * "constructor" (a plain object answered it with Object's constructor function).
 */
const CANONICAL: Record<Lang, ReadonlyMap<string, string>> = {
  en: new Map(Object.entries(SYNONYMS.en)),
  fr: new Map(Object.entries(SYNONYMS.fr)),
};

/** The canonical form of a folded word in a language (the word itself when it has none). */
export function canonicalWord(word: string, lang: Lang): string {
  return CANONICAL[lang].get(word) ?? word;
}
