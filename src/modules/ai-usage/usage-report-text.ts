import { formatBytes } from '../../core/tabular/limits.js';
import type { UsageLang, UsageReport, UserCount } from './usage.schema.js';

/*
 * The plain-language paragraph of the usage report, with its numbers, for the governance report,
 * in English, French or Spanish. It is written from the report as presented: when small cells are
 * suppressed, the paragraph says "<5" too.
 */

type ReportNumbers = Omit<UsageReport, 'summary'>;

/** A number as written in the paragraph, and the count it stands for ("<5" when suppressed). */
interface Count {
  text: string;
  value: UserCount;
}

/** English and Spanish: singular for exactly one. */
const plural = (n: Count, one: string, other: string) => (n.value === 1 ? one : other);
/** French: singular for 0 and 1 ("0 requête", "1 requête", "2 requêtes"). */
const frPlural = (n: Count, one: string, other: string) =>
  typeof n.value === 'number' && n.value < 2 ? one : other;

interface Phrases {
  locale: string;
  noUse: (from: string, to: string, events: Count) => string;
  overview: (
    from: string,
    to: string,
    ai: Count,
    events: Count,
    share: string,
    apps: Count,
    users: Count,
  ) => string;
  risk: (unapproved: string, highRisk: string) => string;
  top: (list: string) => string;
  topItem: (name: string, events: Count, users: Count) => string;
  newApps: (count: number, list: string) => string;
  department: (unit: string, events: Count) => string;
  upload: (bytes: string, apps: number) => string;
  noUpload: string;
  unknownUnit: string;
}

const PHRASES: Record<UsageLang, Phrases> = {
  en: {
    locale: 'en-GB',
    noUse: (from, to, events) =>
      `From ${from} to ${to}, no use of AI apps was recorded (${events.text} ${plural(events, 'request', 'requests')} read).`,
    overview: (from, to, ai, events, share, apps, users) =>
      `From ${from} to ${to}, ${ai.text} of ${events.text} ${plural(events, 'request', 'requests')} (${share}) went to ${apps.text} AI ${plural(apps, 'app', 'apps')}, used by ${users.text} distinct ${plural(users, 'user', 'users')}.`,
    risk: (unapproved, highRisk) =>
      `${unapproved} of the AI requests went to apps the organisation has not approved, and ${highRisk} to high-risk apps.`,
    top: (list) => `The most used were ${list}.`,
    topItem: (name, events, users) =>
      `${name} (${events.text} ${plural(events, 'request', 'requests')}, ${users.text} ${plural(users, 'user', 'users')})`,
    newApps: (count, list) =>
      count === 1
        ? `One app was seen for the first time: ${list}.`
        : `${count} apps were seen for the first time: ${list}.`,
    department: (unit, events) =>
      `The most unapproved use came from ${unit}, with ${events.text} ${plural(events, 'request', 'requests')} to unapproved apps.`,
    upload: (bytes, apps) =>
      `${bytes} were uploaded to ${apps === 1 ? 'one unapproved generative-AI app' : `${apps} unapproved generative-AI apps`}.`,
    noUpload: 'Nothing was uploaded to unapproved generative-AI apps.',
    unknownUnit: 'an unknown department',
  },
  fr: {
    locale: 'fr-FR',
    noUse: (from, to, events) =>
      `Du ${from} au ${to}, aucune utilisation d’applications d’IA n’a été relevée (${events.text} ${frPlural(events, 'requête lue', 'requêtes lues')}).`,
    overview: (from, to, ai, events, share, apps, users) =>
      `Du ${from} au ${to}, ${ai.text} ${frPlural(ai, 'requête', 'requêtes')} sur ${events.text} (${share}) ${frPlural(ai, 'est allée', 'sont allées')} vers ${apps.text} ${frPlural(apps, 'application', 'applications')} d’IA, ${frPlural(apps, 'utilisée', 'utilisées')} par ${users.text} ${frPlural(users, 'utilisateur distinct', 'utilisateurs distincts')}.`,
    risk: (unapproved, highRisk) =>
      `${unapproved} des requêtes d’IA sont allées vers des applications que l’organisation n’a pas approuvées, et ${highRisk} vers des applications à risque élevé.`,
    top: (list) => `Les plus utilisées sont ${list}.`,
    topItem: (name, events, users) =>
      `${name} (${events.text} ${frPlural(events, 'requête', 'requêtes')}, ${users.text} ${frPlural(users, 'utilisateur', 'utilisateurs')})`,
    newApps: (count, list) =>
      count === 1
        ? `Une application a été vue pour la première fois : ${list}.`
        : `${count} applications ont été vues pour la première fois : ${list}.`,
    department: (unit, events) =>
      `L’utilisation non approuvée la plus forte vient de ${unit}, avec ${events.text} ${frPlural(events, 'requête', 'requêtes')} vers des applications non approuvées.`,
    upload: (bytes, apps) =>
      `${bytes} ont été envoyés vers ${apps === 1 ? 'une application d’IA générative non approuvée' : `${apps} applications d’IA générative non approuvées`}.`,
    noUpload: 'Rien n’a été envoyé vers des applications d’IA générative non approuvées.',
    unknownUnit: 'un service inconnu',
  },
  es: {
    locale: 'es-ES',
    noUse: (from, to, events) =>
      `Del ${from} al ${to} no se registró uso de aplicaciones de IA (${events.text} ${plural(events, 'solicitud leída', 'solicitudes leídas')}).`,
    overview: (from, to, ai, events, share, apps, users) =>
      `Del ${from} al ${to}, ${ai.text} de ${events.text} ${plural(events, 'solicitud', 'solicitudes')} (${share}) ${plural(ai, 'fue', 'fueron')} a ${apps.text} ${plural(apps, 'aplicación', 'aplicaciones')} de IA, ${plural(apps, 'usada', 'usadas')} por ${users.text} ${plural(users, 'usuario distinto', 'usuarios distintos')}.`,
    risk: (unapproved, highRisk) =>
      `El ${unapproved} de las solicitudes de IA fue a aplicaciones que la organización no ha aprobado, y el ${highRisk} a aplicaciones de alto riesgo.`,
    top: (list) => `Las más usadas fueron ${list}.`,
    topItem: (name, events, users) =>
      `${name} (${events.text} ${plural(events, 'solicitud', 'solicitudes')}, ${users.text} ${plural(users, 'usuario', 'usuarios')})`,
    newApps: (count, list) =>
      count === 1
        ? `Una aplicación se vio por primera vez: ${list}.`
        : `${count} aplicaciones se vieron por primera vez: ${list}.`,
    department: (unit, events) =>
      `El mayor uso no aprobado vino de ${unit}, con ${events.text} ${plural(events, 'solicitud', 'solicitudes')} a aplicaciones no aprobadas.`,
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
  const number = (n: number): Count => ({ text: n.toLocaleString(p.locale), value: n });
  const count = (n: UserCount): Count => (typeof n === 'number' ? number(n) : { text: n, value: n });
  // Calendar dates in words, in the report's language ("23 novembre 2026"), not ISO.
  const date = (iso: string) =>
    new Intl.DateTimeFormat(p.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const percent = (n: number) => n.toLocaleString(p.locale, { style: 'percent', maximumFractionDigits: 1 });
  const list = (items: string[]) => new Intl.ListFormat(p.locale, { type: 'conjunction' }).format(items);
  const from = date(report.period.from);
  const to = date(report.period.to);
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
