/** The organisation's status of an AI app (kept apart from usage-apps.ts so the web app can import it). */
export const APP_STATUSES = [
  'approved',
  'approved_with_conditions',
  'unapproved',
  'under_review',
  'not_reviewed',
] as const;
export type AppStatus = (typeof APP_STATUSES)[number];
