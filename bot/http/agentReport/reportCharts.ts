import type { FeedbackReport } from '../../../services/feedback/report/index.js';

/** Text as it may appear in HTML and SVG: every markup character escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Horizontal bars, one per row, labelled on the left, the value at the bar's end. */
export function barChart(rows: ReadonlyArray<{ label: string; value: number }>, title: string, color: string): string {
  const width = 640;
  const labelWidth = 260;
  const rowHeight = 26;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * rowHeight + 10;
  const bars = rows.map((r, i) => {
    const y = i * rowHeight + 5;
    const w = Math.max(2, Math.round(((width - labelWidth - 50) * r.value) / max));
    return `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" font-size="13">${escapeHtml(cut(r.label, 30))}</text>`
      + `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="18" rx="3" fill="${color}"/>`
      + `<text x="${labelWidth + w + 6}" y="${y + 17}" font-size="13">${r.value}</text>`;
  });
  return `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${bars.join('')}</svg>`;
}

/** Per FAQ entry: helpful (green) and not helpful (red) side by side in one bar, answers given at the end. */
export function helpfulnessChart(entries: FeedbackReport['entries'], title: string): string {
  const rows = entries.filter((e) => e.answered + e.helpful + e.notHelpful > 0).slice(0, 12);
  const width = 640;
  const labelWidth = 260;
  const rowHeight = 26;
  const max = Math.max(1, ...rows.map((e) => e.helpful + e.notHelpful));
  const scale = (n: number) => Math.round(((width - labelWidth - 90) * n) / max);
  const bars = rows.map((e, i) => {
    const y = i * rowHeight + 5;
    const good = scale(e.helpful);
    const bad = scale(e.notHelpful);
    return `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" font-size="13">${escapeHtml(cut(e.title, 30))}</text>`
      + `<rect x="${labelWidth}" y="${y + 4}" width="${good}" height="18" fill="#2e7d32"/>`
      + `<rect x="${labelWidth + good}" y="${y + 4}" width="${bad}" height="18" fill="#c62828"/>`
      + `<text x="${labelWidth + good + bad + 6}" y="${y + 17}" font-size="13">${e.helpful} / ${e.notHelpful} (${e.answered})</text>`;
  });
  const height = Math.max(1, rows.length) * rowHeight + 10;
  return `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${bars.join('')}</svg>`;
}

/** Vertical bars, one per day, the date under every few bars. */
export function dayChart(days: FeedbackReport['handoffsPerDay'], title: string): string {
  const width = 640;
  const height = 180;
  const bottom = 150;
  const max = Math.max(1, ...days.map((d) => d.count));
  const step = (width - 40) / Math.max(1, days.length);
  const every = Math.max(1, Math.ceil(days.length / 8));
  const bars = days.map((d, i) => {
    const h = Math.round(((bottom - 20) * d.count) / max);
    const x = 30 + i * step;
    const label = i % every === 0 ? `<text x="${x + step / 2}" y="${bottom + 16}" text-anchor="middle" font-size="11">${escapeHtml(d.day.slice(5))}</text>` : '';
    const value = d.count > 0 ? `<text x="${x + step / 2}" y="${bottom - h - 4}" text-anchor="middle" font-size="11">${d.count}</text>` : '';
    return `<rect x="${x + 1}" y="${bottom - h}" width="${Math.max(1, step - 2)}" height="${h}" fill="#1565c0"/>${value}${label}`;
  });
  return `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title><line x1="30" y1="${bottom}" x2="${width - 10}" y2="${bottom}" stroke="#999"/>${bars.join('')}</svg>`;
}
