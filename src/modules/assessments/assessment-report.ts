import type { Language } from './assessment-template.js';
import type { AssessmentDetail, Finding } from './assessments.schema.js';

/*
 * An assessment laid out as a report, in one language: the model both the DOCX and the PDF exports
 * render, so the two always say the same. Pure.
 */

const LABELS = {
  en: {
    subject: 'Subject',
    office: 'Office',
    template: 'Template',
    status: 'Status',
    revision: 'Revision',
    completed: 'Completed',
    generated: 'Generated',
    answer: 'Answer',
    noAnswer: 'Not answered',
    evidence: 'Evidence',
    findings: 'Findings',
    noFindings: 'No findings recorded.',
    severity: 'Severity',
    recommendation: 'Recommendation',
    question: 'Question',
    risk: 'Risk',
    sources: 'Sources',
    yes: 'Yes',
    no: 'No',
    draft: 'Draft',
    in_review: 'In review',
    low: 'Low',
    medium: 'Medium',
    high: 'High',
    critical: 'Critical',
  },
  fr: {
    subject: 'Objet',
    office: 'Bureau',
    template: 'Modèle',
    status: 'Statut',
    revision: 'Révision',
    completed: 'Terminée',
    generated: 'Généré le',
    answer: 'Réponse',
    noAnswer: 'Sans réponse',
    evidence: 'Pièces justificatives',
    findings: 'Constats',
    noFindings: 'Aucun constat enregistré.',
    severity: 'Gravité',
    recommendation: 'Recommandation',
    question: 'Question',
    risk: 'Risque',
    sources: 'Sources',
    yes: 'Oui',
    no: 'Non',
    draft: 'Brouillon',
    in_review: 'En revue',
    low: 'Faible',
    medium: 'Moyenne',
    high: 'Élevée',
    critical: 'Critique',
  },
  es: {
    subject: 'Objeto',
    office: 'Oficina',
    template: 'Plantilla',
    status: 'Estado',
    revision: 'Revisión',
    completed: 'Completada',
    generated: 'Generado el',
    answer: 'Respuesta',
    noAnswer: 'Sin respuesta',
    evidence: 'Evidencias',
    findings: 'Hallazgos',
    noFindings: 'No se registraron hallazgos.',
    severity: 'Gravedad',
    recommendation: 'Recomendación',
    question: 'Pregunta',
    risk: 'Riesgo',
    sources: 'Fuentes',
    yes: 'Sí',
    no: 'No',
    draft: 'Borrador',
    in_review: 'En revisión',
    low: 'Baja',
    medium: 'Media',
    high: 'Alta',
    critical: 'Crítica',
  },
} as const;

export type ReportLabels = (typeof LABELS)[Language];

export interface ReportQuestion {
  number: string;
  text: string;
  answer: string | null;
  evidence: string[];
}

export interface ReportFinding {
  title: string;
  severity: string;
  recommendation: string | null;
  question: string | null;
  riskId: string | null;
}

export interface AssessmentReport {
  title: string;
  templateTitle: string;
  facts: { label: string; value: string }[];
  sections: { title: string; questions: ReportQuestion[] }[];
  findings: ReportFinding[];
  sources: string[];
  labels: ReportLabels;
}

export function buildReport(detail: AssessmentDetail, lang: Language, generatedOn: string): AssessmentReport {
  const labels = LABELS[lang];
  const numbers = new Map<string, string>();
  const sections = detail.template.sections.map((section, s) => ({
    title: `${s + 1}. ${section.title[lang]}`,
    questions: section.questions.map((question, q): ReportQuestion => {
      const number = `${s + 1}.${q + 1}`;
      numbers.set(question.id, number);
      const value = detail.answers[question.id];
      let answer: string | null = null;
      if (value !== undefined) {
        if (question.type === 'yes_no') answer = value === 'yes' ? labels.yes : labels.no;
        else if (question.type === 'choice')
          answer = question.options.find((o) => o.id === value)?.label[lang] ?? String(value);
        else if (question.type === 'scale') {
          const ends = question.labels
            ? ` (${question.labels.min[lang]} – ${question.labels.max[lang]})`
            : '';
          answer = `${value} / ${question.max}${ends}`;
        } else answer = String(value);
      }
      return {
        number,
        text: question.text[lang],
        answer,
        evidence: detail.evidence
          .filter((e) => e.owner_slot === question.id)
          .map((e) => `${e.name} (SHA-256 ${e.sha256.slice(0, 12)}…)`),
      };
    }),
  }));
  const statusLabel = detail.status === 'completed' ? labels.completed : labels[detail.status];
  return {
    title: detail.title,
    templateTitle: detail.template.title[lang],
    facts: [
      { label: labels.subject, value: detail.subject_text ?? '—' },
      { label: labels.office, value: detail.office_name },
      { label: labels.template, value: detail.template.title[lang] },
      { label: labels.status, value: statusLabel },
      { label: labels.revision, value: String(detail.revision) },
      ...(detail.completed_at
        ? [
            {
              label: labels.completed,
              value: `${detail.completed_at.slice(0, 10)} (${detail.completed_by ?? ''})`,
            },
          ]
        : []),
      { label: labels.generated, value: generatedOn },
    ],
    sections,
    findings: [...detail.findings].sort(bySeverity).map((f) => ({
      title: f.title,
      severity: labels[f.severity],
      recommendation: f.recommendation,
      question: f.question_id ? (numbers.get(f.question_id) ?? f.question_id) : null,
      riskId: f.risk_id,
    })),
    sources: detail.template.sources.map((s) => (s.url ? `${s.title}: ${s.url}` : s.title)),
    labels,
  };
}

const ORDER = ['critical', 'high', 'medium', 'low'];

function bySeverity(a: Finding, b: Finding): number {
  return ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity);
}

/** A file name for the export: the title's letters and digits. */
export function exportFileName(detail: AssessmentDetail, extension: string): string {
  const base = detail.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${base || 'assessment'}-r${detail.revision}.${extension}`;
}
