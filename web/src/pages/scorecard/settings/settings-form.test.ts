import { describe, expect, it } from 'vitest';
import type { ControlInfo, SettingsResponse } from '@server/modules/scorecard/scorecard-api.schema';
import { parseCustomControls, settingsIssues, settingsPayload, settingsValues } from './settings-form';

const control = (id: string, builtin = true): ControlInfo => ({
  id,
  title: { en: id, fr: id, es: id },
  description: null,
  severity: 'high',
  weight: 1,
  enabled: true,
  due_days: 30,
  builtin,
});

const CUSTOM = { id: 'has_tags', name: { en: 'Tags' }, severity: 'low', passes_when: { field_set: 'tags' } };

const stored = (over: Partial<SettingsResponse> = {}): SettingsResponse => ({
  config: {
    bands: { healthy: 85, fair: 65, not_healthy: 45 },
    controls: {
      ownership: { enabled: true, weight: 2, due_days: 14 },
      has_tags: { enabled: false, weight: 1 },
    },
    due_days: { high: 30, medium: 60, low: 90 },
  },
  custom_controls: [CUSTOM],
  version: 3,
  updated_at: '2026-11-30T10:00:00Z',
  ...over,
});

const CONTROLS = [control('ownership'), control('classification'), control('has_tags', false)];

describe('settingsValues', () => {
  it('reads the stored bands, weights and due days, with defaults for controls not stored', () => {
    const values = settingsValues(stored(), CONTROLS);
    expect(values.bands).toEqual({ healthy: 85, fair: 65, not_healthy: 45 });
    expect(values.controls).toEqual({
      ownership: { enabled: true, weight: 2, due_days: 14 },
      classification: { enabled: true, weight: 1, due_days: '' },
      has_tags: { enabled: false, weight: 1, due_days: '' },
    });
    expect(parseCustomControls(values.custom)).toEqual({ ok: true, controls: [CUSTOM] });
  });

  it('starts from the default bands and an empty editor before the first save', () => {
    const values = settingsValues(stored({ config: {}, custom_controls: [], version: 0 }), CONTROLS);
    expect(values.bands).toEqual({ healthy: 80, fair: 60, not_healthy: 40 });
    expect(values.custom).toBe('');
  });
});

describe('parseCustomControls', () => {
  it.each([
    ['', []],
    ['   \n', []],
    ['# nothing yet\n', []],
    ['[]', []],
    ['- id: a\n  severity: low\n', [{ id: 'a', severity: 'low' }]],
    ['[{"id": "a"}]', [{ id: 'a' }]],
    ['custom_controls:\n  - id: a\n', [{ id: 'a' }]],
  ])('reads %j', (text, controls) => {
    expect(parseCustomControls(text)).toEqual({ ok: true, controls });
  });

  it('refuses text that is not a list', () => {
    expect(parseCustomControls('id: a')).toEqual({ ok: false, message: 'not_a_list' });
    expect(parseCustomControls('just words')).toEqual({ ok: false, message: 'not_a_list' });
  });

  it("refuses unreadable YAML with the parser's message", () => {
    const result = parseCustomControls('- id: [a\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).not.toBe('not_a_list');
  });
});

describe('settingsPayload', () => {
  it('sends the edited bands, weights and due days with the version read, keeping other stored keys', () => {
    const values = settingsValues(stored(), CONTROLS);
    values.bands.fair = 70;
    values.controls.ownership = { enabled: true, weight: 3, due_days: '' };
    values.controls.classification = { enabled: true, weight: 1.5, due_days: 20 };
    expect(settingsPayload(stored(), values, [CUSTOM], ['ownership', 'classification'])).toEqual({
      config: {
        bands: { healthy: 85, fair: 70, not_healthy: 45 },
        controls: {
          ownership: { enabled: true, weight: 3 },
          classification: { enabled: true, weight: 1.5, due_days: 20 },
          has_tags: { enabled: false, weight: 1 },
        },
        due_days: { high: 30, medium: 60, low: 90 },
      },
      custom_controls: [CUSTOM],
      version: 3,
    });
  });

  it.each([
    [
      'disables a built-in control, keeping its weight',
      'ownership',
      false,
      { enabled: false, weight: 2, due_days: 14 },
    ],
    ['enables a disabled custom control', 'has_tags', true, { enabled: true, weight: 1 }],
  ] as const)('%s', (_, id, enabled, expected) => {
    const values = settingsValues(stored(), CONTROLS);
    values.controls[id] = { ...values.controls[id]!, enabled };
    const payload = settingsPayload(stored(), values, [CUSTOM], ['ownership', 'classification']);
    expect(payload.config.controls[id]).toEqual(expected);
  });

  it('drops the settings of a custom control removed from the editor', () => {
    const values = settingsValues(stored(), CONTROLS);
    const payload = settingsPayload(stored(), values, [], ['ownership', 'classification']);
    expect(Object.keys(payload.config.controls)).toEqual(['ownership', 'classification']);
    expect(payload.custom_controls).toEqual([]);
  });
});

describe('settingsIssues', () => {
  it('puts each problem of the API beside the part of the page it names', () => {
    expect(
      settingsIssues([
        { path: 'config.bands.fair', message: 'must be below healthy' },
        { path: 'config.controls.ownership.weight', message: 'too big' },
        { path: 'config.controls.ownership.due_days', message: 'too long' },
        { path: 'config.controls.has_tags.enabled', message: 'expected a boolean' },
        { path: 'custom_controls.0.id', message: 'ownership is a built-in control' },
        { path: 'config.controls', message: 'enable at least one control' },
      ]),
    ).toEqual({
      bands: { fair: 'must be below healthy' },
      controls: {
        ownership: { weight: 'too big', due_days: 'too long' },
        has_tags: { enabled: 'expected a boolean' },
      },
      custom: ['custom_controls.0.id: ownership is a built-in control'],
      other: ['config.controls: enable at least one control'],
    });
  });
});
