import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Action } from '@server/modules/actions/actions.schema';
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import fr from '../../i18n/fr.json';
import { actionRow, usageReasonText, type Translate } from './action-view';

const action = (changes: Partial<Action>): Action => ({
  id: 'a1',
  source: 'scorecard',
  source_key: 'scorecard:as/1:ownership',
  office_id: null,
  assignee_person_id: null,
  version: 1,
  created_at: '2026-12-01T00:00:00Z',
  updated_at: '2026-12-01T00:00:00Z',
  subject_type: 'asset',
  subject_id: 'as/1',
  subject_name: 'Payroll',
  assignee_name: 'Amina',
  code: 'ownership',
  code_title: { en: 'Ownership', fr: 'Responsabilité', es: 'Propiedad' },
  reason_codes: ['ownership.missing_custodian'],
  due_date: '2026-12-31',
  overdue: false,
  status: 'open',
  close_reason: null,
  opened_at: '2026-12-01T00:00:00Z',
  closed_at: null,
  ...changes,
});

describe('actionRow', () => {
  it('links an AI system’s review action to the system', () => {
    expect(
      actionRow(
        action({
          source: 'ai_review',
          subject_type: 'ai_system',
          subject_id: 'ai/1',
          subject_name: 'Triage',
        }),
        'en',
      ),
    ).toMatchObject({ assetLink: '/ai-systems/ai%2F1', assetName: 'Triage' });
  });

  it('links a risk treatment’s action to its risk', () => {
    const row = actionRow(
      action({ source: 'risk', subject_type: 'risk', subject_id: 'r1', subject_name: 'Flood', code: 't1' }),
      'en',
    );
    expect(row).toMatchObject({ assetLink: '/risks/r1', assetName: 'Flood' });
  });

  it('links the asset and titles the control in the reader language', () => {
    expect(actionRow(action({}), 'es')).toMatchObject({
      assetLink: '/inventory/assets/as%2F1',
      assetName: 'Payroll',
      control: 'Propiedad',
      reasonCodes: ['ownership.missing_custodian'],
      due: '2026-12-31',
      overdue: false,
    });
  });

  it.each([
    [{ overdue: true }, true],
    [{ overdue: true, status: 'closed' as const }, false],
    [{ overdue: false }, false],
  ])('with %j is overdue: %s', (changes, overdue) => {
    expect(actionRow(action(changes), 'en').overdue).toBe(overdue);
  });

  it('has no link for a deleted asset and falls back to the control id without a title', () => {
    expect(actionRow(action({ subject_name: null, code_title: null }), 'fr')).toMatchObject({
      assetLink: null,
      control: 'ownership',
    });
  });
});

describe('usageReasonText', () => {
  // The catalogues the web ships, through i18next as the page uses them.
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { en: { translation: en }, fr: { translation: fr }, es: { translation: es } },
    lng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const sentences = (codes: string[], language: string) => {
    const t: Translate = (key, values) => String(i18n.getFixedT(language)(key as never, values as never));
    return codes.map((code) => usageReasonText(code, t, language, 'ChatGPT'));
  };
  // As usage-alerts.ts alertReasonCodes writes them.
  const users = ['more_than_users:5', 'app:chatgpt', 'department:Finance', 'office:', 'status:under_review'];
  const upload = [
    'upload_over_mib:1500',
    'app:openai-api',
    'department:',
    'office:Nairobi',
    'first_seen:2026-11-25',
  ];

  it('writes each reason of an AI usage alert as a sentence in English', () => {
    expect(sentences(users, 'en')).toEqual([
      'More than 5 distinct users of this unapproved high-risk app over the alert window',
      'AI app: ChatGPT',
      'Department: Finance',
      'Office not known',
      'Status of the app: Under review',
    ]);
    expect(sentences(upload, 'en')).toEqual([
      'More than 1,500 MiB uploaded to this app, newly seen here, over the alert window',
      'AI app: ChatGPT',
      'Department not known',
      'Office: Nairobi',
      'First seen here on Nov 25, 2026',
    ]);
  });

  it('in French and Spanish, numbers and dates included', () => {
    expect(sentences(users, 'fr')).toEqual([
      'Plus de 5 utilisateurs distincts de cette application à haut risque non approuvée sur la période d’alerte',
      'Application d’IA : ChatGPT',
      'Département : Finance',
      'Bureau inconnu',
      'Statut de l’application : En cours d’examen',
    ]);
    expect(sentences(upload, 'es')).toEqual([
      'Más de 1500 MiB enviados a esta aplicación, vista aquí por primera vez, en el periodo de alerta',
      'Aplicación de IA: ChatGPT',
      'Departamento desconocido',
      'Oficina: Nairobi',
      'Vista aquí por primera vez el 25 nov 2026',
    ]);
  });

  it('leaves codes it does not know to the page, which shows them as given', () => {
    expect(
      sentences(['ownership.missing_owner', 'status:retired', 'more_than_users:many', 'colour:red'], 'en'),
    ).toEqual([null, null, null, null]);
  });
});
