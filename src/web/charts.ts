import escapeHtml from 'escape-html';

/**
 * Inline SVG charts for the pages: plain markup, no script, each with a title and description
 * for screen readers (role="img"); the pages show the same figures in a table beside them.
 * Every text is escaped, so the returned markup can be written into a page as it is.
 */

export interface Bar {
  label: string;
  value: number;
  /** Drawn hatched and labelled with `note`: meaning never rests on colour alone. */
  marked?: boolean;
  note?: string;
}

const INK = '#1b1b1b';
const MUTED = '#4a4a4a';
const BRAND = '#00407a';
const LINE = '#b8c0cc';
const SERIES = ['#00407a', '#b3001b', '#0b6e2a', '#7a4a00'];
const DASHES = ['', '6 4', '2 3', '10 3 2 3'];

let chartCount = 0;
const nextId = (prefix: string) => `${prefix}-${++chartCount}`;

/** A horizontal bar chart, e.g. usable places per district with those that have not reported marked. */
export function barChart(options: {
  title: string;
  description: string;
  bars: Bar[];
  unit: string;
  target?: number;
}): string {
  const id = nextId('bar');
  const rowHeight = 26;
  const labelWidth = 190;
  const width = 640;
  const plot = width - labelWidth - 90;
  const max = Math.max(1, options.target ?? 0, ...options.bars.map((b) => b.value));
  const height = options.bars.length * rowHeight + 30;
  const rows = options.bars
    .map((bar, i) => {
      const y = 10 + i * rowHeight;
      const w = Math.round((bar.value / max) * plot);
      const note = bar.marked && bar.note ? ` ${bar.note}` : '';
      return (
        `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" fill="${INK}" font-size="13">${escapeHtml(bar.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${Math.max(w, bar.value > 0 ? 2 : 0)}" height="${rowHeight - 8}" fill="${bar.marked ? `url(#${id}-hatch)` : BRAND}" stroke="${BRAND}"/>` +
        (bar.marked && bar.value === 0
          ? `<rect x="${labelWidth}" y="${y + 3}" width="6" height="${rowHeight - 8}" fill="url(#${id}-hatch)" stroke="${BRAND}"/>`
          : '') +
        `<text x="${labelWidth + w + 10}" y="${y + 16}" fill="${bar.marked ? MUTED : INK}" font-size="13">${bar.value} ${escapeHtml(options.unit)}${escapeHtml(note)}</text>`
      );
    })
    .join('');
  const target =
    options.target !== undefined
      ? `<line x1="${labelWidth + Math.round((options.target / max) * plot)}" x2="${labelWidth + Math.round((options.target / max) * plot)}" y1="4" y2="${height - 20}" stroke="${INK}" stroke-dasharray="4 3"/>`
      : '';
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${escapeHtml(options.title)}</title><desc id="${id}-desc">${escapeHtml(options.description)}</desc>` +
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${BRAND}" stroke-width="2"/></pattern></defs>` +
    `<line x1="${labelWidth}" x2="${labelWidth}" y1="4" y2="${height - 20}" stroke="${LINE}"/>${rows}${target}</svg>`
  );
}

export interface Series {
  name: string;
  values: (number | null)[];
}

/** A line chart over labelled steps, e.g. target, usable and filled places term by term. */
export function lineChart(options: {
  title: string;
  description: string;
  labels: string[];
  series: Series[];
  unit: string;
}): string {
  const id = nextId('line');
  const width = 640;
  const height = 300;
  const left = 56;
  const right = 40;
  const top = 20;
  const bottom = 70;
  const max = Math.max(1, ...options.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const step = options.labels.length > 1 ? (width - left - right) / (options.labels.length - 1) : 0;
  const x = (i: number) => left + (options.labels.length > 1 ? i * step : (width - left - right) / 2);
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${left}" x2="${width - right}" y1="${y(t)}" y2="${y(t)}" stroke="${LINE}"/><text x="${left - 8}" y="${y(t) + 4}" text-anchor="end" font-size="12" fill="${MUTED}">${t}</text>`,
    )
    .join('');
  const labels = options.labels
    .map(
      (label, i) =>
        `<text x="${x(i)}" y="${height - bottom + 18}" text-anchor="middle" font-size="12" fill="${INK}">${escapeHtml(label)}</text>`,
    )
    .join('');
  const lines = options.series
    .map((series, s) => {
      const points = series.values
        .map((v, i) => (v === null ? null : `${x(i)},${y(v)}`))
        .filter(Boolean)
        .join(' ');
      const marks = series.values
        .map((v, i) =>
          v === null ? '' : `<circle cx="${x(i)}" cy="${y(v)}" r="4" fill="${SERIES[s % SERIES.length]}"/>`,
        )
        .join('');
      return `<polyline fill="none" stroke="${SERIES[s % SERIES.length]}" stroke-width="3" stroke-dasharray="${DASHES[s % DASHES.length]}" points="${points}"/>${marks}`;
    })
    .join('');
  const legend = options.series
    .map(
      (series, s) =>
        `<line x1="${left + s * 150}" x2="${left + s * 150 + 30}" y1="${height - 20}" y2="${height - 20}" stroke="${SERIES[s % SERIES.length]}" stroke-width="3" stroke-dasharray="${DASHES[s % DASHES.length]}"/>` +
        `<text x="${left + s * 150 + 36}" y="${height - 16}" font-size="12" fill="${INK}">${escapeHtml(series.name)}</text>`,
    )
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${escapeHtml(options.title)}</title><desc id="${id}-desc">${escapeHtml(options.description)}</desc>` +
    `${grid}${labels}${lines}${legend}<text x="${left}" y="${top - 6}" font-size="12" fill="${MUTED}">${escapeHtml(options.unit)}</text></svg>`
  );
}
