import type { Translate } from '../i18n.js';
import type { ReportLabels } from '../../services/feedback/report/index.js';

const KEYS = [
  'title', 'unanswered', 'entries', 'handoffs', 'summary', 'count', 'questions', 'closest', 'suggestion', 'entry',
  'answered', 'helpful', 'notHelpful', 'intent', 'conversations', 'withHandoff', 'resolvedWithoutAgent', 'didYouMean',
  'none', 'newEntry',
] as const;

/** The report's words from the locale files' `report` section, in one language. */
export function reportLabels(t: Translate): ReportLabels {
  const labels = Object.fromEntries(KEYS.map((key) => [key, t(`report.${key}`)]));
  // `{{id}}` is put back so that each suggestion names its own entry.
  return { ...labelsOf(labels), addPhrasing: t('report.addPhrasing', { id: '{{id}}' }) };
}

function labelsOf(values: Record<string, string>): Omit<ReportLabels, 'addPhrasing'> {
  const get = (key: (typeof KEYS)[number]) => values[key] ?? key;
  return {
    title: get('title'), unanswered: get('unanswered'), entries: get('entries'), handoffs: get('handoffs'), summary: get('summary'),
    count: get('count'), questions: get('questions'), closest: get('closest'), suggestion: get('suggestion'), entry: get('entry'),
    answered: get('answered'), helpful: get('helpful'), notHelpful: get('notHelpful'), intent: get('intent'),
    conversations: get('conversations'), withHandoff: get('withHandoff'), resolvedWithoutAgent: get('resolvedWithoutAgent'),
    didYouMean: get('didYouMean'), none: get('none'), newEntry: get('newEntry'),
  };
}
