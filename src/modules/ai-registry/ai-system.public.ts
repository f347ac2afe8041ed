import type { Readable } from 'node:stream';
import { z } from 'zod';
import { column, defineTable } from '../../core/tabular/columns.js';
import { writeCsv } from '../../core/tabular/write-csv.js';
import type { AiSystem, PublishableField } from './ai-system.schema.js';

/*
 * The public register: only systems marked public whose classification is verified, and of each only
 * its name and the fields its `public_fields` names, keyed by the UK Algorithmic Transparency
 * Recording Standard (ATRS) name where the standard has a field for them (docs/ai-registry.md has the
 * mapping). Pure: the caller reads, filters and resolves names.
 */

/** Names the caller resolved for a system's references (null when none or unknown). */
export interface PublicNames {
  office: string;
  department: string | null;
  business_owner: string | null;
  technical_owner: string | null;
  /** The names of the data assets it uses, in the system's order. */
  data_assets: readonly string[];
}

/**
 * Every field the register can show, in order: its key there (ATRS name where one exists), the
 * system field it comes from (null: the name, always shown), its heading and its ATRS tier.
 */
export const PUBLIC_FIELDS = [
  { key: 'name', from: null, label: 'Name', atrs: 'tier 1' },
  { key: 'description', from: 'public_description', label: 'Description', atrs: 'tier 1' },
  { key: 'organisation', from: 'office_id', label: 'Organisation', atrs: 'tier 1' },
  { key: 'team', from: 'department_id', label: 'Team', atrs: 'tier 2' },
  { key: 'phase', from: 'lifecycle', label: 'Phase', atrs: 'tier 1' },
  { key: 'scope', from: 'purpose', label: 'Purpose and rationale', atrs: 'tier 2' },
  {
    key: 'senior_responsible_owner',
    from: 'business_owner_id',
    label: 'Senior responsible owner',
    atrs: 'tier 2',
  },
  { key: 'technical_owner', from: 'technical_owner_id', label: 'Technical owner', atrs: null },
  { key: 'supplier_or_developer', from: 'provider', label: 'Supplier or developer', atrs: 'tier 2' },
  { key: 'contract', from: 'contract', label: 'Contract', atrs: null },
  { key: 'models', from: 'models', label: 'Models', atrs: 'tier 2' },
  { key: 'deployment', from: 'deployment', label: 'Deployment', atrs: null },
  { key: 'users', from: 'users', label: 'Users', atrs: null },
  { key: 'affected_people', from: 'affected_people', label: 'Affected people', atrs: null },
  { key: 'process_integration', from: 'decisions_informed', label: 'Decisions it informs', atrs: 'tier 2' },
  { key: 'human_decisions_and_review', from: 'human_oversight', label: 'Human oversight', atrs: 'tier 2' },
  { key: 'source_data_name', from: 'data_asset_ids', label: 'Data used', atrs: 'tier 2' },
  { key: 'languages', from: 'languages', label: 'Languages', atrs: null },
  { key: 'countries', from: 'countries', label: 'Countries', atrs: null },
  {
    key: 'alternatives_considered',
    from: 'alternatives_considered',
    label: 'Alternatives considered',
    atrs: 'tier 2',
  },
  { key: 'risks', from: 'risks_and_mitigations', label: 'Risks and mitigations', atrs: 'tier 2' },
  { key: 'personal_data', from: 'personal_data', label: 'Personal data', atrs: null },
  { key: 'approval_status', from: 'approval_status', label: 'Approval for use', atrs: null },
  {
    key: 'impact_assessment_completed',
    from: 'dpia_done',
    label: 'Impact assessment completed',
    atrs: 'tier 2',
  },
  { key: 'impact_assessment_link', from: 'dpia_reference', label: 'Impact assessment', atrs: 'tier 2' },
  { key: 'eu_ai_act_tier', from: 'tier', label: 'EU AI Act risk tier', atrs: null },
  { key: 'next_review_date', from: 'next_review_date', label: 'Next review', atrs: null },
] as const satisfies readonly {
  key: string;
  from: PublishableField | null;
  label: string;
  atrs: string | null;
}[];

export type PublicField = (typeof PUBLIC_FIELDS)[number]['key'];
export type PublicValue = string | boolean | null;
/** A register entry: the name, and only the fields the system publishes. */
export type PublicRecord = { name: string } & Partial<Record<PublicField, PublicValue>>;

export const PUBLIC_NOTE =
  'The EU AI Act is used as the organisation’s benchmark; it is not necessarily binding on an international organisation.';

/** Whether a system belongs in the public register. */
export function isPublishable(system: AiSystem): boolean {
  return system.public && system.tier !== null;
}

const joined = (items: readonly string[]) => (items.length === 0 ? null : items.join('; '));

/** Each system field's value as the register shows it. */
function publicValues(system: AiSystem, names: PublicNames): Record<PublishableField, PublicValue> {
  return {
    public_description: system.public_description,
    purpose: system.purpose,
    office_id: names.office,
    department_id: names.department,
    business_owner_id: names.business_owner,
    technical_owner_id: names.technical_owner,
    provider: system.provider,
    contract: system.contract,
    models: joined(
      system.models.map(
        (m) =>
          `${m.name}${m.provider ? ` (${m.provider})` : ''}${m.general_purpose ? ', general-purpose' : ''}`,
      ),
    ),
    deployment: system.deployment,
    lifecycle: system.lifecycle,
    users: system.users,
    affected_people: joined(system.affected_people),
    decisions_informed: system.decisions_informed,
    human_oversight: system.human_oversight,
    data_asset_ids: joined(names.data_assets),
    languages: joined(system.languages),
    countries: joined(system.countries),
    alternatives_considered: system.alternatives_considered,
    risks_and_mitigations: system.risks_and_mitigations,
    personal_data: system.personal_data,
    approval_status: system.approval_status,
    dpia_done: system.dpia_done,
    dpia_reference: system.dpia_reference,
    tier: system.tier,
    next_review_date: system.next_review_date,
  };
}

/** The register entry of a system: its name and its public fields; nothing else is read into it. */
export function publicRecord(system: AiSystem, names: PublicNames): PublicRecord {
  const published = new Set<PublishableField>(system.public_fields);
  const values = publicValues(system, names);
  const record: PublicRecord = { name: system.name };
  for (const field of PUBLIC_FIELDS)
    if (field.from !== null && published.has(field.from)) record[field.key] = values[field.from];
  return record;
}

/** The register's columns: the name, then every field at least one entry publishes. */
export function publicColumns(records: readonly PublicRecord[]): (typeof PUBLIC_FIELDS)[number][] {
  return PUBLIC_FIELDS.filter((f) => f.key === 'name' || records.some((record) => f.key in record));
}

export function publicJson(records: readonly PublicRecord[], generatedOn: string): string {
  return `${JSON.stringify({ generated_on: generatedOn, standard: 'UK ATRS field names where they exist', note: PUBLIC_NOTE, systems: records }, null, 2)}\n`;
}

/**
 * The shared CSV writer (UTF-8 with BOM, RFC 4180, cells guarded against formulas), with a column for
 * each field some entry publishes; an entry that keeps a field private leaves its cell empty.
 */
export function publicCsv(records: readonly PublicRecord[]): Readable {
  const table = defineTable({
    name: 'Public register',
    columns: publicColumns(records).map((f) =>
      column({ key: f.key, header: f.key, schema: z.union([z.string(), z.boolean()]).nullable() }),
    ),
  });
  return writeCsv(
    table,
    records.map((record) =>
      Object.fromEntries(table.columns.map((c) => [c.key, record[c.key as PublicField] ?? null])),
    ),
  );
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
        `<section>\n<h2>${escapeHtml(record.name)}</h2>\n<dl>\n${PUBLIC_FIELDS.filter(
          (f) => f.key !== 'name' && f.key in record,
        )
          .map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${value(record[f.key] ?? null)}</dd>`)
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
