import { describe, expect, it } from 'vitest';
import { summaryParagraph } from './usage-report-text.js';
import type { UsageLang, UsageReport } from './usage.schema.js';

type Numbers = Parameters<typeof summaryParagraph>[0];

function report(events: number, aiEvents: number): Numbers {
  return {
    period: { from: '2026-11-01', to: '2026-11-30' },
    totals: { events, ai_events: aiEvents, ai_users: 1 },
    apps: [],
    departments: [],
    new_apps: [],
    risk: {
      unapproved_events: 0,
      high_risk_events: 0,
      unapproved_share: 0,
      high_risk_share: 0,
      unapproved_users: 0,
      high_risk_users: 0,
    },
    unapproved_generative_upload: { bytes_up: 0, apps: 0 },
    weekly: [],
    suppressed: false,
    lang: 'en',
  } satisfies Omit<UsageReport, 'summary'>;
}

describe('summaryParagraph', () => {
  it.each<[UsageLang, number, string]>([
    [
      'fr',
      0,
      'Du 1 novembre 2026 au 30 novembre 2026, aucune utilisation d’applications d’IA n’a été relevée (0 requête lue).',
    ],
    ['fr', 1, '(1 requête lue)'],
    ['fr', 2, '(2 requêtes lues)'],
    ['en', 0, 'From 1 November 2026 to 30 November 2026, no use of AI apps was recorded (0 requests read).'],
    ['en', 1, '(1 request read)'],
    [
      'es',
      0,
      'Del 1 de noviembre de 2026 al 30 de noviembre de 2026 no se registró uso de aplicaciones de IA (0 solicitudes leídas).',
    ],
    ['es', 1, '(1 solicitud leída)'],
  ])('in %s with %i requests and no AI use: %s', (lang, events, text) => {
    expect(summaryParagraph(report(events, 0), lang)).toContain(text);
  });

  it('writes dates in words, French plurals for 0 and 1, and typographic apostrophes', () => {
    const text = summaryParagraph(report(1, 1), 'fr');
    expect(text).toMatch(
      /^Du 1 novembre 2026 au 30 novembre 2026, 1 requête sur 1 \(100\s%\) est allée vers 0 application d’IA, utilisée par 1 utilisateur distinct\./,
    );
    expect(text).not.toContain("'");
    expect(summaryParagraph(report(3, 2), 'fr')).toContain('2 requêtes sur 3');
  });
});
