import { describe, expect, it } from 'vitest';
import { chartFileName, dataUrlToBlob } from './chart-files';

describe('chartFileName', () => {
  it.each([
    ['Score by region', '2026-12-01', 'png', 'score-by-region-2026-12-01.png'],
    ['Évolution du score', undefined, 'svg', 'evolution-du-score.svg'],
    [
      'Actifs conformes à chaque contrôle',
      '2026-12-01',
      'xlsx',
      'actifs-conformes-a-chaque-controle-2026-12-01.xlsx',
    ],
    ['../../etc/passwd', undefined, 'png', 'etc-passwd.png'],
    ['地図', '2026-12-01', 'png', 'chart-2026-12-01.png'],
  ])('%j on %j as %s is %s', (title, date, extension, name) => {
    expect(chartFileName(title, date, extension)).toBe(name);
  });
});

describe('dataUrlToBlob', () => {
  it('decodes base64 and plain data URLs with their type', async () => {
    const png = dataUrlToBlob('data:image/png;base64,iVBORw0K');
    expect(png.type).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
    const svg = dataUrlToBlob('data:image/svg+xml;charset=utf-8,%3Csvg%3E');
    expect(svg.type).toBe('image/svg+xml');
    expect(await svg.text()).toBe('<svg>');
  });

  it('refuses what is not a data URL', () => {
    expect(() => dataUrlToBlob('https://example.org/x.png')).toThrow('not a data URL');
  });
});
