import { parse, stringify } from 'yaml';
import type { FieldIssue } from '../../../api/client';
import type { ControlInfo, SettingsResponse } from '@server/modules/scorecard/scorecard-api.schema';

/*
 * The scorecard settings page's values and the request it sends: pure, so they are tested alone.
 * Numbers are kept as the inputs give them (a number, or '' when emptied); the API checks them.
 */

export type NumberValue = number | '';
export const BAND_KEYS = ['healthy', 'fair', 'not_healthy'] as const;
export type BandKey = (typeof BAND_KEYS)[number];

export interface ControlValues {
  /** A disabled control is left out of scores and raises no action; its weight is kept. */
  enabled: boolean;
  weight: NumberValue;
  /** Empty: by the control's severity. */
  due_days: NumberValue;
}

export interface SettingsValues {
  bands: Record<BandKey, NumberValue>;
  controls: Record<string, ControlValues>;
  /** The custom controls as YAML (or JSON) text. */
  custom: string;
}

type Json = Record<string, unknown>;
const record = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const numberOr = (value: unknown, fallback: NumberValue): NumberValue =>
  typeof value === 'number' ? value : fallback;

/** The form's values for the stored settings and the controls they apply to. */
export function settingsValues(settings: SettingsResponse, controls: readonly ControlInfo[]): SettingsValues {
  const bands = record(settings.config.bands);
  const stored = record(settings.config.controls);
  return {
    bands: {
      healthy: numberOr(bands.healthy, 80),
      fair: numberOr(bands.fair, 60),
      not_healthy: numberOr(bands.not_healthy, 40),
    },
    controls: Object.fromEntries(
      controls.map((control) => {
        const own = record(stored[control.id]);
        return [
          control.id,
          {
            enabled: own.enabled !== false,
            weight: numberOr(own.weight, 1),
            due_days: numberOr(own.due_days, ''),
          },
        ];
      }),
    ),
    custom: settings.custom_controls.length === 0 ? '' : stringify(settings.custom_controls),
  };
}

export type CustomParse = { ok: true; controls: unknown[] } | { ok: false; message: string };

/** The custom controls text as a list (YAML, or JSON which YAML reads too); empty text is none. */
export function parseCustomControls(text: string): CustomParse {
  if (text.trim() === '') return { ok: true, controls: [] };
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (parsed === null || parsed === undefined) return { ok: true, controls: [] };
  // A settings file's shape ({ custom_controls: [...] }) is accepted as well as a bare list.
  const list = Array.isArray(parsed) ? parsed : record(parsed).custom_controls;
  if (!Array.isArray(list)) return { ok: false, message: 'not_a_list' };
  return { ok: true, controls: list };
}

const idOf = (control: unknown) => record(control).id;

/**
 * The PUT body: the stored configuration with the form's bands, and each control's enabled, weight and
 * due days; other stored keys (due days by severity) are kept. Controls the custom list no longer defines are
 * dropped, since the API refuses settings for a control that does not exist.
 */
export function settingsPayload(
  settings: SettingsResponse,
  values: SettingsValues,
  custom: readonly unknown[],
  builtin: readonly string[],
) {
  const stored = record(settings.config.controls);
  const known = new Set([...builtin, ...custom.map(idOf).filter((id) => typeof id === 'string')]);
  const controls: Json = {};
  for (const id of new Set([...Object.keys(stored), ...Object.keys(values.controls)])) {
    if (!known.has(id)) continue;
    const own: Json = { ...record(stored[id]) };
    const edited = values.controls[id];
    if (edited) {
      own.enabled = edited.enabled;
      own.weight = edited.weight;
      if (edited.due_days === '') delete own.due_days;
      else own.due_days = edited.due_days;
    }
    controls[id] = own;
  }
  return {
    config: { ...settings.config, bands: { ...values.bands }, controls },
    custom_controls: [...custom],
    version: settings.version,
  };
}

export interface SettingsIssues {
  bands: Partial<Record<BandKey, string>>;
  /** By control id: its weight or its due days. */
  controls: Record<string, { enabled?: string; weight?: string; due_days?: string }>;
  /** `custom_controls.…` problems, path and message, shown beside the editor. */
  custom: string[];
  /** Anything else (at least one control enabled, …). */
  other: string[];
}

/** The API's 400 problems, sorted to the part of the page they belong to. */
export function settingsIssues(issues: readonly FieldIssue[]): SettingsIssues {
  const sorted: SettingsIssues = { bands: {}, controls: {}, custom: [], other: [] };
  for (const { path, message } of issues) {
    const parts = path.split('.');
    if (parts[0] === 'custom_controls') {
      sorted.custom.push(`${path}: ${message}`);
    } else if (parts[1] === 'bands' && BAND_KEYS.includes(parts[2] as BandKey)) {
      sorted.bands[parts[2] as BandKey] ??= message;
    } else if (
      parts[1] === 'controls' &&
      parts.length === 4 &&
      (parts[3] === 'enabled' || parts[3] === 'weight' || parts[3] === 'due_days')
    ) {
      const id = parts[2]!;
      sorted.controls[id] = { [parts[3]]: message, ...sorted.controls[id] };
    } else {
      sorted.other.push(`${path}: ${message}`);
    }
  }
  return sorted;
}
