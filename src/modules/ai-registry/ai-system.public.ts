import type { Readable } from 'node:stream';
import { z } from 'zod';
import { column, defineTable } from '../../core/tabular/columns.js';
import { writeCsv } from '../../core/tabular/write-csv.js';
import type { AiSystem } from './ai-system.schema.js';

/*
 * The public register: only systems marked public whose classification is verified, and only the
 * fields below, named after the UK Algorithmic Transparency Recording Standard (ATRS) where it has
 * a field for them (docs/ai-registry.md has the mapping). Pure: the caller reads and filters.
 */

export interface PublicNames {
  office: string;
  department: string | null;
}

/** The public fields, in order: the key (ATRS name where one exists), its heading, its ATRS tier. */
export const PUBLIC_FIELDS = [
  { key: 'name', label: 'Name', atrs: 'tier 1' },
  { key: 'description', label: 'Description', atrs: 'tier 1' },
  { key: 'organisation', label: 'Organisation', atrs: 'tier 1' },
  { key: 'team', label: 'Team', atrs: 'tier 2' },
  { key: 'phase', label: 'Phase', atrs: 'tier 1' },
  { key: 'scope', label: 'Purpose and rationale', atrs: 'tier 2' },
  { key: 'supplier_or_developer', label: 'Supplier or developer', atrs: 'tier 2' },
  { key: 'models', label: 'Models', atrs: 'tier 2' },
  { key: 'deployment', label: 'Deployment', atrs: null },
  { key: 'affected_people', label: 'Affected people', atrs: null },
  { key: 'process_integration', label: 'Decisions it informs', atrs: 'tier 2' },
  { key: 'human_decisions_and_review', label: 'Human oversight', atrs: 'tier 2' },
  { key: 'impact_assessment_completed', label: 'Impact assessment completed', atrs: 'tier 2' },
  { key: 'eu_ai_act_tier', label: 'EU AI Act risk tier', atrs: null },
  { key: 'next_review_date', label: 'Next review', atrs: null },
] as const;

export type PublicField = (typeof PUBLIC_FIELDS)[number]['key'];
export type PublicRecord = Record<PublicField, string | boolean | null>;

export const PUBLIC_NOTE =
  'The EU AI Act is used as the organisation’s benchmark; it is not necessarily binding on an international organisation.';

/** Whether a system belongs in the public register. */
export function isPublishable(system: AiSystem): boolean {
  return system.public && system.tier !== null;
}

export function publicRecord(system: AiSystem, names: PublicNames): PublicRecord {
  return {
    name: system.name,
    description: system.public_description,
    organisation: names.office,
    team: names.department,
    phase: system.lifecycle,
    scope: system.purpose,
    supplier_or_developer: system.provider,
    models:
      system.models.length === 0
        ? null
        : system.models
            .map(
              (m) =>
                `${m.name}${m.provider ? ` (${m.provider})` : ''}${m.general_purpose ? ', general-purpose' : ''}`,
            )
            .join('; '),
    deployment: system.deployment,
    affected_people: system.affected_people.length === 0 ? null : system.affected_people.join('; '),
    process_integration: system.decisions_informed,
    human_decisions_and_review: system.human_oversight,
    impact_assessment_completed: system.dpia_done,
    eu_ai_act_tier: system.tier,
    next_review_date: system.next_review_date,
  };
}

export function publicJson(records: readonly PublicRecord[], generatedOn: string): string {
  return `${JSON.stringify({ generated_on: generatedOn, standard: 'UK ATRS field names where they exist', note: PUBLIC_NOTE, systems: records }, null, 2)}\n`;
}

const PUBLIC_TABLE = defineTable({
  name: 'Public register',
  columns: PUBLIC_FIELDS.map((f) =>
    column({ key: f.key, header: f.key, schema: z.union([z.string(), z.boolean()]).nullable() }),
  ),
});

/** The shared CSV writer: UTF-8 with BOM, RFC 4180, cells guarded against formulas. */
export function publicCsv(records: readonly PublicRecord[]): Readable {
  return writeCsv(PUBLIC_TABLE, records);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A self-contained page: no scripts, no external resources, every value escaped. */
export function publicHtml(
  records: readonly PublicRecord[],
  generatedOn: string,
  title = 'AI systems register',
): string {
  const value = (v: string | boolean | null) =>
    v === null ? '<span class="none">—</span>' : escapeHtml(typeof v === 'boolean' ? (v ? 'Yes' : 'No') : v);
  const systems = records
    .map(
      (record) =>
        `<section>\n<h2>${escapeHtml(String(record.name))}</h2>\n<dl>\n${PUBLIC_FIELDS.filter(
          (f) => f.key !== 'name',
        )
          .map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${value(record[f.key])}</dd>`)
          .join('\n')}\n</dl>\n</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
section{border-top:1px solid #ccc;padding:1rem 0}
dl{display:grid;grid-template-columns:16rem 1fr;gap:.25rem 1rem}
dt{font-weight:600}dd{margin:0}.none{color:#777}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${records.length} system(s), published on ${escapeHtml(generatedOn)}. ${escapeHtml(PUBLIC_NOTE)}</p>
${systems}
</body>
</html>
`;
}
