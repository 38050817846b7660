import { describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../bot/app.js';
import { FAQ_IDS, type FaqId } from '../../knowledge/schema.js';

const { kb, recognizer } = createUnderstanding();

/** Step headings ("Étape 4 : …") introduce several entries at once; they are not questions of one entry. */
const isStepHeading = (question: string) => /^(?:É|E)tape \d/u.test(question);

/** The English counterpart of each vendor question (the vendor's FAQ is French only). */
const ENGLISH: Record<FaqId, string> = {
  'scope-on-premise': 'The following information covers on-premise products only. For cloud and Website Security products, see the Renewals page.',
  'why-renew': 'Why do I need to renew?',
  'what-is-maintenance': 'What is a maintenance contract?',
  'what-is-renewal': 'What is a renewal?',
  'if-not-renewed': "What happens if I don't renew?",
  'expiry-notice': 'How do I know if my maintenance contract is about to expire?',
  'renewal-process': 'How do I proceed with the renewal?',
  'plan-needs': 'Step 3: plan your future needs.',
  'find-reseller': 'Step 4: contact your reseller to place your order.',
  'support-contacts': 'Step 6: register your new maintenance serial numbers and keep your designated technical support contacts up to date.',
  'active-contracts-list': "I'm not sure of my maintenance contract's status. Can I ask for a list of all my active contracts?",
  'contract-dates': 'How do I find the start and end dates of my maintenance contract?',
  'missing-renewal-email': "What if I don't receive Symantec's renewal notification e-mail?",
  symhelp: 'What is SymHelp and how can it help me understand the status of my maintenance contract?',
  'co-termination': 'Can I apply a single end date to several maintenance contracts?',
  'when-to-renew': 'I want to plan the dates and budget of my renewal. How early can I renew?',
  installments: 'Can I spread my renewal costs over the renewal period?',
  'multi-year-term': 'Can I buy a maintenance contract for longer than one year?',
  'multi-year-upfront': 'Can I buy maintenance contracts for several consecutive years at once?',
  'additional-licenses': 'If I buy more software licences, is maintenance included automatically?',
  'late-maintenance-purchase': "I didn't buy maintenance when I bought my software licences. Can I do it now?",
  'reinstate-lapsed': 'Can a lapsed maintenance contract be reinstated?',
  'grace-period': 'Does Symantec offer a grace period for late maintenance renewals?',
  'how-to-renew': 'How do I renew my maintenance contract?',
  'proof-of-purchase': 'Which documents count as proof of purchase, and why does Symantec ask for proof of purchase at renewal?',
  'renewal-id': 'What is a renewal ID?',
  'update-product': 'How do I update my product after the renewal?',
  'register-serials': 'Do I need to register my new serial numbers?',
  'who-to-contact': 'Who do I contact with further questions?',
};

describe("the vendor FAQ's own questions", () => {
  const entries = kb.faqEntries.filter((e) => !isStepHeading(e.sourceQuestion));

  it('leaves out only the step headings, which cover several entries', () => {
    expect(kb.faqEntries.length - entries.length).toBe(3);
    expect(entries.length).toBeGreaterThan(20);
  });

  it.each(entries.map((e) => [e.id, e.sourceQuestion] as const))('%s: its French source question is answered by the entry itself', (id, question) => {
    expect(recognizer.recognize(question).intent).toBe(id);
  });

  it.each(entries.map((e) => [e.id, ENGLISH[e.id]] as const))('%s: the English counterpart is answered by the entry itself', (id, question) => {
    expect(recognizer.recognize(question).intent).toBe(id);
  });

  it('has an English counterpart for every FAQ id', () => {
    expect(Object.keys(ENGLISH).sort()).toEqual([...FAQ_IDS].sort());
  });
});
