import { errors, type FieldIssue } from '../../core/errors.js';
import type { CatalogueFramework, FrameworkCatalogue } from './frameworks.catalogue.js';
import {
  THEME_IDS,
  type Crosswalk,
  type CrosswalkFramework,
  type CrosswalkInput,
  type CrosswalkRequirement,
  type Requirement,
  type ThemeId,
} from './frameworks.schema.js';

/* The comparative table: for each theme, what each chosen framework requires about it. Pure: no I/O. */

/** Unknown ids are a caller's mistake: refuse them all at once, naming each (400, CLI exit 2). */
function resolveIds(catalogue: FrameworkCatalogue, input: CrosswalkInput) {
  const frameworkIds = [...new Set(input.frameworks)];
  const themeIds = input.themes?.length ? [...new Set(input.themes)] : [...THEME_IDS];
  const issues: FieldIssue[] = [
    ...frameworkIds
      .filter((id) => !catalogue.framework(id))
      .map((id) => ({ path: 'frameworks', message: `unknown framework "${id}"` })),
    ...themeIds
      .filter((id) => !catalogue.theme(id))
      .map((id) => ({ path: 'themes', message: `unknown theme "${id}"` })),
  ];
  if (frameworkIds.length === 0)
    issues.push({ path: 'frameworks', message: 'name at least one framework id' });
  if (issues.length > 0) throw errors.validation(issues.map((issue) => issue.message).join('; '), issues);
  return {
    frameworks: frameworkIds.map((id) => catalogue.framework(id) as CatalogueFramework),
    themes: themeIds as ThemeId[],
  };
}

/**
 * The requirements of a framework that map to a theme, the most specific ones only: a requirement is
 * left out when one of its descendants maps to the same theme (NIST MEASURE 2 gives way to MEASURE 2.10
 * for privacy), so a cell does not list the same obligation twice at two levels.
 */
function requirementsFor(framework: CatalogueFramework, theme: ThemeId): Requirement[] {
  const mapped = framework.requirements.filter((r) => !r.group && r.themes.includes(theme));
  const parentOf = new Map(framework.requirements.map((r) => [r.id, r.parent]));
  const hasMappedDescendant = new Set<string>();
  for (const requirement of mapped)
    for (let up = requirement.parent; up !== null; up = parentOf.get(up) ?? null) hasMappedDescendant.add(up);
  return mapped.filter((r) => !hasMappedDescendant.has(r.id));
}

function present(requirement: Requirement): CrosswalkRequirement {
  return {
    id: requirement.id,
    reference: requirement.reference,
    title: requirement.title,
    summary: requirement.summary ?? '',
  };
}

function frameworkRef(framework: CatalogueFramework): CrosswalkFramework {
  const { id, title, short_title, issuer, version, date, dates, source_url, licence } = framework.info;
  return { id, title, short_title, issuer, version, date, dates, source_url, licence };
}

/** One row per theme (in the order asked, or the fixed theme order), one cell per framework (in the order asked). */
export function crosswalk(catalogue: FrameworkCatalogue, input: CrosswalkInput): Crosswalk {
  const { frameworks, themes } = resolveIds(catalogue, input);
  return {
    frameworks: frameworks.map(frameworkRef),
    themes,
    rows: themes.map((theme) => {
      const cells = frameworks.map((framework) => ({
        framework_id: framework.info.id,
        requirements: requirementsFor(framework, theme).map(present),
      }));
      return {
        theme: { id: theme, label: catalogue.theme(theme)?.labels.en ?? theme },
        cells,
        requirement_count: cells.reduce((sum, cell) => sum + cell.requirements.length, 0),
      };
    }),
  };
}
