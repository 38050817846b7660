import type { Translate } from '../../i18n.js';
import { suggestionText, type FeedbackReport } from '../../../services/feedback/report/index.js';
import { barChart, dayChart, escapeHtml, helpfulnessChart } from './reportCharts.js';

/**
 * The report as an HTML fragment: three charts (unanswered topics, helpfulness per entry,
 * handoffs per day) as inline SVG, then the tables. Every text from users is escaped.
 */
export function reportHtml(report: FeedbackReport, t: Translate): string {
  const e = escapeHtml;
  const share = report.conversations.resolvedWithoutAgent;
  const section = (title: string, body: string) => `<section><h2>${e(title)}</h2>${body}</section>`;
  const noData = `<p class="empty">${e(t('report.page.noData'))}</p>`;
  const suggestion = { addPhrasing: t('report.addPhrasing', { id: '{{id}}' }), newEntry: t('report.newEntry') };

  const topics = report.unanswered.slice(0, 10).map((g) => ({ label: g.questions[0]?.text ?? '', value: g.count }));
  const unansweredRows = report.unanswered.map((g, i) => `<tr><td>${i + 1}</td><td>${g.count}</td><td>${g.questions.slice(0, 5).map((q) => `${e(q.text)} <span class="n">(${q.count})</span>`).join('<br>')}</td>`
    + `<td>${g.closest ? `${e(g.closest.title)} <code>${e(g.closest.id)}</code>` : ''}</td><td>${e(suggestionText(g.suggestion, suggestion))}</td></tr>`);
  const entryRows = report.entries.filter((x) => x.answered + x.helpful + x.notHelpful > 0).map((x) => `<tr><td><code>${e(x.id)}</code> ${e(x.title)}</td><td>${x.answered}</td><td>${x.helpful}</td><td>${x.notHelpful}</td>`
    + `<td>${x.comments.slice(-5).map(e).join('<br>')}</td></tr>`);
  const handoffRows = report.handoffs.map((h) => `<tr><td><code>${e(h.intent)}</code> ${h.intent === 'none' ? '' : e(h.title)}</td><td>${h.count}</td></tr>`);
  const table = (head: string[], rows: string[]) => (rows.length === 0 ? noData : `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`);

  return [
    `<p class="period">${e(t('report.page.period', { from: report.from.slice(0, 10), to: report.to.slice(0, 10) }))}</p>`,
    `<p class="resolved" data-share="${share ?? ''}">${e(t('report.page.resolved', { share: share === null ? '–' : `${Math.round(share * 1000) / 10} %`, total: report.conversations.total }))}</p>`,
    section(t('report.page.unansweredChart'), topics.length ? barChart(topics, t('report.page.unansweredChart'), '#ef6c00') : noData),
    section(t('report.page.helpfulnessChart'), report.entries.some((x) => x.helpful + x.notHelpful + x.answered > 0) ? helpfulnessChart(report.entries, t('report.page.helpfulnessChart')) : noData),
    section(t('report.page.handoffsChart'), dayChart(report.handoffsPerDay, t('report.page.handoffsChart'))),
    section(t('report.unanswered'), table(['#', t('report.count'), t('report.questions'), t('report.closest'), t('report.suggestion')], unansweredRows)),
    section(t('report.entries'), table([t('report.entry'), t('report.answered'), t('report.helpful'), t('report.notHelpful'), t('report.page.comments')], entryRows)),
    section(t('report.handoffs'), table([t('report.intent'), t('report.count')], handoffRows)),
  ].join('\n');
}
