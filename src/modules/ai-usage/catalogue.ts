import fs from 'node:fs';
import { dataPath } from '../../core/data-files.js';
import YAML from 'yaml';
import { errors, type FieldIssue } from '../../core/errors.js';
import { catalogueFileSchema, type CatalogueApp } from './catalogue.schema.js';
import { DomainMatcher } from './domain-matcher.js';
import { normaliseHost } from './host.js';

/** The catalogue as the ingestion and the CLI use it: apps in file order plus the domain index. */
export interface Catalogue {
  reviewed: string;
  apps: readonly CatalogueApp[];
  /** Matches hosts to indexes into `apps`. */
  matcher: DomainMatcher;
}

/** The shipped file, data/ai-apps/catalogue.yaml. */
export function shippedCataloguePath(): string {
  return dataPath('ai-apps', 'catalogue.yaml');
}

let shipped: Catalogue | undefined;

/** The shipped catalogue, read and checked once per process. */
export function loadShippedCatalogue(): Catalogue {
  shipped ??= parseCatalogue(fs.readFileSync(shippedCataloguePath(), 'utf8'));
  return shipped;
}

/**
 * Validate a catalogue file: the schema, unique ids, domains written in normalised form, and no
 * domain claimed by two apps (a subdomain of another app's domain is allowed: the longest wins).
 */
export function parseCatalogue(text: string): Catalogue {
  const parsed = catalogueFileSchema.safeParse(YAML.parse(text));
  if (!parsed.success) {
    throw errors.validation(
      'The AI app catalogue is invalid',
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return buildCatalogue(parsed.data.reviewed, parsed.data.apps);
}

/**
 * A catalogue from checked app records: unique ids, domains written in normalised form, and no
 * domain claimed by two apps. Also builds the organisation's catalogue (shipped apps plus custom ones).
 */
export function buildCatalogue(reviewed: string, apps: readonly CatalogueApp[]): Catalogue {
  const issues: FieldIssue[] = [];
  const ids = new Map<string, number>();
  const owners = new Map<string, string>();
  const matcher = new DomainMatcher();
  apps.forEach((app, index) => {
    const earlier = ids.get(app.id);
    if (earlier !== undefined)
      issues.push({ path: `apps.${index}.id`, message: `${app.id} repeats app ${earlier}` });
    ids.set(app.id, index);
    app.domains.forEach((domain, d) => {
      const where = `apps.${index}.domains.${d}`;
      const host = normaliseHost(domain);
      if (host !== domain) {
        issues.push({
          path: where,
          message: `write "${domain}" as a lower-case ASCII host name (${host ?? 'not a host name'})`,
        });
        return;
      }
      const owner = owners.get(host);
      if (owner !== undefined) {
        issues.push({ path: where, message: `${host} is already claimed by ${owner}` });
        return;
      }
      owners.set(host, app.id);
      matcher.add(host, index);
    });
  });
  if (issues.length > 0) throw errors.validation('The AI app catalogue is invalid', issues);
  return { reviewed, apps, matcher };
}
