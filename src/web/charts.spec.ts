import { barChart, lineChart } from './charts';

describe('charts', () => {
  it('draws a titled bar per item, marks the flagged ones in words as well as by pattern, and escapes labels', () => {
    const svg = barChart({
      title: 'Användbara platser per stadsdel',
      description: 'Staplar per stadsdel.',
      unit: 'platser',
      bars: [
        { label: 'Bromma', value: 7 },
        { label: '<Farsta>', value: 0, marked: true, note: '(har inte rapporterat)' },
      ],
    });
    expect(svg).toMatch(/^<svg[^>]+role="img"/);
    expect(svg).toContain('<title id="bar-1-title">Användbara platser per stadsdel</title>');
    expect(svg).toContain('7 platser');
    expect(svg).toContain('0 platser (har inte rapporterat)');
    expect(svg).toContain('&lt;Farsta&gt;');
    expect(svg).not.toContain('<Farsta>');
    expect(svg).toContain('url(#bar-1-hatch)');
  });

  it('draws each series as a line with a legend, skipping missing values', () => {
    const svg = lineChart({
      title: 'Trend',
      description: 'Mål och platser.',
      labels: ['HT2026', 'VT2027'],
      unit: 'platser',
      series: [
        { name: 'Mål', values: [100, 100] },
        { name: 'Tillsatta', values: [80, null] },
      ],
    });
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain('>Tillsatta</text>');
    expect(svg).toContain('>HT2026</text>');
  });
});
