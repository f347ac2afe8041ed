import { describe, expect, it } from 'vitest';
import { loadShippedCatalogue } from './catalogue.js';
import {
  alertKey,
  alertPeriod,
  assignAlert,
  evaluateAlerts,
  reconcileAlerts,
  type AlertSettings,
  type AssigneeDirectory,
  type UnitAppStat,
  type UsageAlert,
} from './usage-alerts.js';
import { organisationCatalogue, type AppOverride } from './usage-apps.js';

const MIB = 1024 * 1024;
const SETTINGS: AlertSettings = { min_users: 10, upload_threshold_mib: 50, window_days: 30, due_days: 14 };
const PERIOD = { from: '2026-11-01', to: '2026-11-30' };

const override = (app_id: string, status: AppOverride['status']): AppOverride => ({
  app_id,
  custom: false,
  definition: null,
  status,
  risk: null,
  attributes: {},
  note: null,
  version: 1,
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
});
// ChatGPT and DeepSeek are high risk, DeepL medium, the OpenAI API low (docs/ai-usage.md).
const { apps } = organisationCatalogue(
  loadShippedCatalogue(),
  [override('deepseek', 'approved')],
  [{ system_id: 's1', system_name: 'Copilot pilot', approval_status: 'unapproved', app_ids: ['deepl'] }],
);

const stat = (extra: Partial<UnitAppStat>): UnitAppStat => ({
  app_id: 'chatgpt',
  department: 'Finance',
  office: 'Nairobi',
  users: 1,
  bytes_up: 0,
  first_seen: '2026-01-01',
  ...extra,
});

describe('evaluateAlerts', () => {
  const cases: { name: string; stat: UnitAppStat; rules: string[] }[] = [
    {
      name: 'unapproved high-risk app, 11 users > 10',
      stat: stat({ users: 11 }),
      rules: ['unapproved_high_risk_users'],
    },
    { name: 'exactly N users is not more than N', stat: stat({ users: 10 }), rules: [] },
    {
      name: 'an approved high-risk app never alerts on users',
      stat: stat({ app_id: 'deepseek', users: 50 }),
      rules: [],
    },
    {
      name: 'a medium-risk app the registry left unapproved does not alert on users',
      stat: stat({ app_id: 'deepl', users: 50 }),
      rules: [],
    },
    {
      name: 'a low-risk app does not alert on users',
      stat: stat({ app_id: 'openai-api', users: 50 }),
      rules: [],
    },
    {
      name: 'newly seen with uploads above the threshold',
      stat: stat({ app_id: 'openai-api', first_seen: '2026-11-20', bytes_up: 51 * MIB }),
      rules: ['new_app_upload'],
    },
    {
      name: 'newly seen, uploads at the threshold exactly',
      stat: stat({ app_id: 'openai-api', first_seen: '2026-11-20', bytes_up: 50 * MIB }),
      rules: [],
    },
    {
      name: 'seen before the period, uploads above the threshold',
      stat: stat({ app_id: 'openai-api', first_seen: '2026-10-31', bytes_up: 500 * MIB }),
      rules: [],
    },
    {
      name: 'an approved app newly seen with large uploads still alerts',
      stat: stat({ app_id: 'deepseek', first_seen: '2026-11-01', bytes_up: 60 * MIB }),
      rules: ['new_app_upload'],
    },
    {
      name: 'both rules at once',
      stat: stat({ users: 12, first_seen: '2026-11-30', bytes_up: 60 * MIB }),
      rules: ['unapproved_high_risk_users', 'new_app_upload'],
    },
  ];
  it.each(cases)('$name', ({ stat: s, rules }) => {
    expect(evaluateAlerts([s], apps, SETTINGS, PERIOD).map((a) => a.rule)).toEqual(rules);
  });

  it('names the app, its status and where the status comes from, and keys per rule, app and department', () => {
    const [alert] = evaluateAlerts([stat({ users: 11 })], apps, SETTINGS, PERIOD);
    expect(alert).toMatchObject({
      app_name: 'ChatGPT',
      status: 'not_reviewed',
      status_source: 'not_reviewed',
      risk: 'high',
      key: 'ai_usage:unapproved_high_risk_users:chatgpt:Nairobi:Finance',
    });
    expect(alertKey('new_app_upload', 'x', null, 'A:B')).toBe('ai_usage:new_app_upload:x:A%3AB:');
  });
});

describe('alertPeriod', () => {
  it.each([
    { last: null, today: '2026-12-01', days: 30, expected: null },
    { last: '2026-11-30', today: '2026-12-02', days: 30, expected: { from: '2026-11-01', to: '2026-11-30' } },
    { last: '2026-12-09', today: '2026-12-02', days: 7, expected: { from: '2026-11-26', to: '2026-12-02' } },
    { last: '2026-03-01', today: '2026-12-02', days: 1, expected: { from: '2026-03-01', to: '2026-03-01' } },
  ])('last stored $last, today $today, $days days', ({ last, today, days, expected }) => {
    expect(alertPeriod(last, today, days)).toEqual(expected);
  });
});

describe('assignAlert', () => {
  const directory: AssigneeDirectory = {
    offices: [
      { id: 'o-nbo', name: 'Nairobi', code: 'KE-NBO' },
      { id: 'o-gva', name: 'Geneva', code: 'CH-GVA' },
    ],
    departments: [
      { id: 'd-fin', office_id: 'o-nbo', name: 'Finance', code: 'FIN' },
      { id: 'd-hr', office_id: 'o-nbo', name: 'HR', code: 'HR' },
    ],
    focalPoints: [
      { id: 'p-fin', office_id: 'o-nbo', department_id: 'd-fin' },
      { id: 'p-nbo', office_id: 'o-nbo', department_id: null },
    ],
    governanceOfficers: ['p-gov'],
  };
  it.each([
    {
      department: 'Finance',
      office: 'Nairobi',
      expected: { office_id: 'o-nbo', assignee_person_id: 'p-fin' },
    },
    { department: 'fin', office: 'ke-nbo', expected: { office_id: 'o-nbo', assignee_person_id: 'p-fin' } },
    { department: 'HR', office: 'Nairobi', expected: { office_id: 'o-nbo', assignee_person_id: 'p-fin' } },
    { department: 'HR', office: 'Geneva', expected: { office_id: 'o-gva', assignee_person_id: 'p-gov' } },
    { department: 'Finance', office: 'Lima', expected: { office_id: null, assignee_person_id: 'p-gov' } },
    { department: null, office: null, expected: { office_id: null, assignee_person_id: 'p-gov' } },
  ])('$department in $office', ({ department, office, expected }) => {
    expect(assignAlert({ department, office }, directory)).toEqual(expected);
  });

  it("takes the office's focal point for a department nobody is focal point of", () => {
    const withoutDepartmentFocal = { ...directory, focalPoints: [directory.focalPoints[1]!] };
    expect(assignAlert({ department: 'Finance', office: 'Nairobi' }, withoutDepartmentFocal)).toEqual({
      office_id: 'o-nbo',
      assignee_person_id: 'p-nbo',
    });
    expect(
      assignAlert({ department: null, office: 'Nairobi' }, { ...directory, governanceOfficers: [] }),
    ).toEqual({ office_id: 'o-nbo', assignee_person_id: 'p-fin' });
    expect(
      assignAlert({ department: 'Finance', office: 'Geneva' }, { ...directory, governanceOfficers: [] }),
    ).toEqual({ office_id: 'o-gva', assignee_person_id: null });
  });
});

describe('reconcileAlerts', () => {
  const alert = (key: string) => ({ key }) as UsageAlert;
  const planned = (key: string, assignee = 'p1', reasons = ['r']) => ({
    alert: alert(key),
    reason_codes: reasons,
    office_id: 'o1',
    assignee_person_id: assignee,
  });
  const stored = (id: string, key: string, assignee = 'p1', reasons = ['r']) => ({
    id,
    source_key: key,
    reason_codes: reasons,
    office_id: 'o1',
    assignee_person_id: assignee,
  });
  it.each([
    {
      name: 'a new alert opens',
      open: [],
      plan: [planned('a')],
      expected: { open: ['a'], close: [], update: [], unchanged: 0 },
    },
    {
      name: 'an alert still true stays as it is',
      open: [stored('1', 'a')],
      plan: [planned('a')],
      expected: { open: [], close: [], update: [], unchanged: 1 },
    },
    {
      name: 'an alert no longer true closes',
      open: [stored('1', 'a')],
      plan: [],
      expected: { open: [], close: ['1'], update: [], unchanged: 0 },
    },
    {
      name: 'a duplicate open action closes, the first is kept',
      open: [stored('1', 'a'), stored('2', 'a')],
      plan: [planned('a')],
      expected: { open: [], close: ['2'], update: [], unchanged: 1 },
    },
    {
      name: 'a new assignee or new reasons update the action',
      open: [stored('1', 'a'), stored('2', 'b')],
      plan: [planned('a', 'p2'), planned('b', 'p1', ['r', 's'])],
      expected: {
        open: [],
        close: [],
        update: [
          { id: '1', changes: { assignee_person_id: 'p2' } },
          { id: '2', changes: { reason_codes: ['r', 's'] } },
        ],
        unchanged: 0,
      },
    },
  ])('$name', ({ open, plan, expected }) => {
    const result = reconcileAlerts(open, plan);
    expect({ ...result, open: result.open.map((p) => p.alert.key) }).toEqual(expected);
  });
});
