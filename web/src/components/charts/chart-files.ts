import type { ChartInstance, ChartOption } from './echarts';
import { echarts } from './echarts';

/** The chart as on screen, at twice its size for sharp slides, on white (not transparent). */
export function chartPng(chart: ChartInstance): Blob {
  return dataUrlToBlob(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
}

/** The same chart drawn again by the SVG renderer, off screen, at the size it has on screen. */
export function chartSvg(option: ChartOption, width: number, height: number): Blob {
  const offscreen = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    offscreen.setOption({ ...option, animation: false, backgroundColor: '#fff' });
    return new Blob([offscreen.renderToSVGString()], { type: 'image/svg+xml' });
  } finally {
    offscreen.dispose();
  }
}

export function dataUrlToBlob(url: string): Blob {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) throw new Error('not a data URL');
  const header = url.slice(5, comma);
  const data = url.slice(comma + 1);
  const type = header.split(';')[0] || 'application/octet-stream';
  if (!header.endsWith(';base64')) return new Blob([decodeURIComponent(data)], { type });
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** A file name from a chart title and a date: "Score by region 2026-12-01" → score-by-region-2026-12-01. */
export function chartFileName(title: string, date: string | undefined, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${[slug || 'chart', date].filter(Boolean).join('-')}.${extension}`;
}
