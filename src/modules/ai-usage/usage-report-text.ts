import { formatBytes } from '../../core/tabular/limits.js';
import type { UsageLang, UsageReport, UserCount } from './usage.schema.js';

/*
 * The plain-language paragraph of the usage report, with its numbers, for the governance report,
 * in English, French or Spanish. It is written from the report as presented: when small cells are
 * suppressed, the paragraph says "<5" too.
 */

type ReportNumbers = Omit<UsageReport, 'summary'>;

interface Phrases {
  locale: string;
  noUse: (from: string, to: string, events: string) => string;
  overview: (
    from: string,
    to: string,
    ai: string,
    events: string,
    share: string,
    apps: string,
    users: string,
  ) => string;
  risk: (unapproved: string, highRisk: string) => string;
  top: (list: string) => string;
  topItem: (name: string, events: string, users: string) => string;
  newApps: (count: number, list: string) => string;
  department: (unit: string, events: string) => string;
  upload: (bytes: string, apps: number) => string;
  noUpload: string;
  unknownUnit: string;
}

const PHRASES: Record<UsageLang, Phrases> = {
  en: {
    locale: 'en-GB',
    noUse: (from, to, events) =>
      `From ${from} to ${to}, no use of AI apps was recorded (${events} requests read).`,
    overview: (from, to, ai, events, share, apps, users) =>
      `From ${from} to ${to}, ${ai} of ${events} requests (${share}) went to ${apps} AI apps, used by ${users} distinct users.`,
    risk: (unapproved, highRisk) =>
      `${unapproved} of the AI requests went to apps the organisation has not approved, and ${highRisk} to high-risk apps.`,
    top: (list) => `The most used were ${list}.`,
    topItem: (name, events, users) => `${name} (${events} requests, ${users} users)`,
    newApps: (count, list) =>
      count === 1
        ? `One app was seen for the first time: ${list}.`
        : `${count} apps were seen for the first time: ${list}.`,
    department: (unit, events) =>
      `The most unapproved use came from ${unit}, with ${events} requests to unapproved apps.`,
    upload: (bytes, apps) =>
      `${bytes} were uploaded to ${apps === 1 ? 'one unapproved generative-AI app' : `${apps} unapproved generative-AI apps`}.`,
    noUpload: 'Nothing was uploaded to unapproved generative-AI apps.',
    unknownUnit: 'an unknown department',
  },
  fr: {
    locale: 'fr-FR',
    noUse: (from, to, events) =>
      `Du ${from} au ${to}, aucune utilisation d'applications d'IA n'a été relevée (${events} requêtes lues).`,
    overview: (from, to, ai, events, share, apps, users) =>
      `Du ${from} au ${to}, ${ai} requêtes sur ${events} (${share}) sont allées vers ${apps} applications d'IA, utilisées par ${users} utilisateurs distincts.`,
    risk: (unapproved, highRisk) =>
      `${unapproved} des requêtes d'IA sont allées vers des applications que l'organisation n'a pas approuvées, et ${highRisk} vers des applications à risque élevé.`,
    top: (list) => `Les plus utilisées sont ${list}.`,
    topItem: (name, events, users) => `${name} (${events} requêtes, ${users} utilisateurs)`,
    newApps: (count, list) =>
      count === 1
        ? `Une application a été vue pour la première fois : ${list}.`
        : `${count} applications ont été vues pour la première fois : ${list}.`,
    department: (unit, events) =>
      `L'utilisation non approuvée la plus forte vient de ${unit}, avec ${events} requêtes vers des applications non approuvées.`,
    upload: (bytes, apps) =>
      `${bytes} ont été envoyés vers ${apps === 1 ? 'une application d’IA générative non approuvée' : `${apps} applications d’IA générative non approuvées`}.`,
    noUpload: "Rien n'a été envoyé vers des applications d'IA générative non approuvées.",
    unknownUnit: 'un service inconnu',
  },
  es: {
    locale: 'es-ES',
    noUse: (from, to, events) =>
      `Del ${from} al ${to} no se registró uso de aplicaciones de IA (${events} solicitudes leídas).`,
    overview: (from, to, ai, events, share, apps, users) =>
      `Del ${from} al ${to}, ${ai} de ${events} solicitudes (${share}) fueron a ${apps} aplicaciones de IA, usadas por ${users} usuarios distintos.`,
    risk: (unapproved, highRisk) =>
      `El ${unapproved} de las solicitudes de IA fue a aplicaciones que la organización no ha aprobado, y el ${highRisk} a aplicaciones de alto riesgo.`,
    top: (list) => `Las más usadas fueron ${list}.`,
    topItem: (name, events, users) => `${name} (${events} solicitudes, ${users} usuarios)`,
    newApps: (count, list) =>
      count === 1
        ? `Una aplicación se vio por primera vez: ${list}.`
        : `${count} aplicaciones se vieron por primera vez: ${list}.`,
    department: (unit, events) =>
      `El mayor uso no aprobado vino de ${unit}, con ${events} solicitudes a aplicaciones no aprobadas.`,
    upload: (bytes, apps) =>
      `Se subieron ${bytes} a ${apps === 1 ? 'una aplicación de IA generativa no aprobada' : `${apps} aplicaciones de IA generativa no aprobadas`}.`,
    noUpload: 'No se subió nada a aplicaciones de IA generativa no aprobadas.',
    unknownUnit: 'un departamento desconocido',
  },
};

const TOP_APPS = 3;
const NEW_APPS_NAMED = 5;

export function summaryParagraph(report: ReportNumbers, lang: UsageLang): string {
  const p = PHRASES[lang];
  const number = (n: number) => n.toLocaleString(p.locale);
  const count = (n: UserCount) => (typeof n === 'number' ? number(n) : n);
  const percent = (n: number) => n.toLocaleString(p.locale, { style: 'percent', maximumFractionDigits: 1 });
  const list = (items: string[]) => new Intl.ListFormat(p.locale, { type: 'conjunction' }).format(items);
  const { from, to } = report.period;
  const { totals } = report;
  if (totals.ai_events === 0) return p.noUse(from, to, number(totals.events));

  const sentences = [
    p.overview(
      from,
      to,
      number(totals.ai_events),
      number(totals.events),
      percent(totals.events === 0 ? 0 : totals.ai_events / totals.events),
      number(report.apps.length),
      count(totals.ai_users),
    ),
    p.risk(percent(report.risk.unapproved_share), percent(report.risk.high_risk_share)),
    p.top(
      list(
        report.apps
          .slice(0, TOP_APPS)
          .map((app) => p.topItem(app.name, number(app.events), count(app.users))),
      ),
    ),
  ];
  if (report.new_apps.length > 0) {
    const named = report.new_apps.slice(0, NEW_APPS_NAMED).map((app) => app.name);
    if (report.new_apps.length > NEW_APPS_NAMED) named.push('…');
    sentences.push(p.newApps(report.new_apps.length, list(named)));
  }
  const worst = report.departments[0];
  if (worst && worst.unapproved_events > 0) {
    const unit =
      worst.department === null && worst.office === null
        ? p.unknownUnit
        : [worst.department ?? p.unknownUnit, worst.office].filter(Boolean).join(', ');
    sentences.push(p.department(unit, number(worst.unapproved_events)));
  }
  const upload = report.unapproved_generative_upload;
  sentences.push(upload.bytes_up > 0 ? p.upload(formatBytes(upload.bytes_up), upload.apps) : p.noUpload);
  return sentences.join(' ');
}
