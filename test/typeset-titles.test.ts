import { describe, expect, it } from 'vitest';
import { typesetTitles } from '../pipeline/charts/typeset-titles.js';

describe('typesetTitles', () => {
  it('sets the titles of the chart, its axes and legends, never its data', () => {
    const spec = {
      title: { text: "Councils' reserves, 2021-22 to 2025-26", subtitle: ['In £m; -4.5 means a fall'] },
      data: { values: [{ title: "Children's services", year: '2024-25' }] },
      mark: 'bar',
      encoding: {
        x: { field: 'year', title: 'Year (2021-2026)' },
        y: { field: 'reserves', axis: { title: "Reserves ('000)" } },
        color: { field: 'title', legend: { title: 'Service' } },
      },
    };
    expect(typesetTitles(spec, 'en-GB')).toEqual({
      title: { text: 'Councils’ reserves, 2021–22 to 2025–26', subtitle: ['In £m; −4.5 means a fall'] },
      data: { values: [{ title: "Children's services", year: '2024-25' }] },
      mark: 'bar',
      encoding: {
        x: { field: 'year', title: 'Year (2021–2026)' },
        y: { field: 'reserves', axis: { title: 'Reserves (’000)' } },
        color: { field: 'title', legend: { title: 'Service' } },
      },
    });
  });

  it('sets a plain title in German', () => {
    expect(typesetTitles({ title: 'Mieten 2019-2025: "stark gestiegen"', mark: 'line' }, 'de')).toEqual({
      title: 'Mieten 2019–2025: „stark gestiegen“',
      mark: 'line',
    });
  });
});
