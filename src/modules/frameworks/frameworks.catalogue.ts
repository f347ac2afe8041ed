import fs from 'node:fs';
import path from 'node:path';
import { dataPath } from '../../core/data-files.js';
import YAML from 'yaml';
import type { z } from 'zod';
import {
  frameworkFileSchema,
  THEME_IDS,
  themeFileSchema,
  type FrameworkFile,
  type FrameworkSummary,
  type Requirement,
  type RequirementNode,
  type Theme,
  type ThemeId,
} from './frameworks.schema.js';

/* The frameworks library as shipped in data/frameworks: read once, checked as a whole, then kept in memory. */

export const THEMES_FILE = 'themes.yaml';

export interface CatalogueFramework {
  info: FrameworkSummary;
  /** In file order; groups included. */
  requirements: readonly Requirement[];
}

export interface FrameworkCatalogue {
  /** In the fixed order of THEME_IDS. */
  themes: readonly Theme[];
  /** Sorted by short title. */
  frameworks: readonly CatalogueFramework[];
  framework(id: string): CatalogueFramework | undefined;
  theme(id: string): Theme | undefined;
}

/** A file as read from disk: its name (for messages) and its parsed content. */
export interface DataFile {
  name: string;
  content: unknown;
}

/** The shipped data is broken: a release bug, reported with every problem found, not only the first. */
export class FrameworkDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The frameworks library in data/frameworks is invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'FrameworkDataError';
  }
}

const THEME_SET: ReadonlySet<string> = new Set(THEME_IDS);

function zodProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map(
    (issue) => `${file}: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
  );
}

function checkThemes(file: DataFile, problems: string[]): Theme[] {
  const parsed = themeFileSchema.safeParse(file.content);
  if (!parsed.success) {
    problems.push(...zodProblems(file.name, parsed.error));
    return [];
  }
  const byId = new Map<string, ThemeFileEntry>();
  for (const theme of parsed.data.themes) {
    if (!THEME_SET.has(theme.id)) problems.push(`${file.name}: unknown theme id "${theme.id}"`);
    else if (byId.has(theme.id)) problems.push(`${file.name}: theme "${theme.id}" is defined twice`);
    else byId.set(theme.id, theme);
  }
  for (const id of THEME_IDS) if (!byId.has(id)) problems.push(`${file.name}: theme "${id}" is missing`);
  return THEME_IDS.flatMap((id) => {
    const theme = byId.get(id);
    return theme ? [{ id, labels: theme.labels, descriptions: theme.descriptions }] : [];
  });
}
type ThemeFileEntry = z.infer<typeof themeFileSchema>['themes'][number];

/** Every requirement id unique, under its framework's prefix, with an existing parent and known themes. */
function checkRequirements(file: string, framework: FrameworkFile, seen: Set<string>, problems: string[]) {
  const ids = new Set(framework.requirements.map((r) => r.id));
  const parentOf = new Map(framework.requirements.map((r) => [r.id, r.parent]));
  const parents = new Set(framework.requirements.map((r) => r.parent));
  for (const entry of framework.requirements) {
    const where = `${file}: ${entry.id}`;
    if (entry.group && !parents.has(entry.id)) problems.push(`${where}: a group needs entries under it`);
    if (!entry.id.startsWith(`${framework.id}.`))
      problems.push(`${where}: the id must start with "${framework.id}."`);
    if (seen.has(entry.id)) problems.push(`${where}: the id is used twice`);
    seen.add(entry.id);
    if (entry.parent !== undefined && !ids.has(entry.parent))
      problems.push(`${where}: parent "${entry.parent}" does not exist in this framework`);
    for (const theme of entry.themes ?? [])
      if (!THEME_SET.has(theme)) problems.push(`${where}: unknown theme "${theme}"`);
    if (new Set(entry.themes).size !== (entry.themes?.length ?? 0))
      problems.push(`${where}: a theme is listed twice`);
    // Walk up the parents: a loop would make the tree infinite.
    const visited = new Set([entry.id]);
    for (let up = entry.parent; up !== undefined; up = parentOf.get(up)) {
      if (visited.has(up)) {
        problems.push(`${where}: its parents form a loop`);
        break;
      }
      visited.add(up);
    }
  }
}

function toFramework(framework: FrameworkFile): CatalogueFramework {
  const requirements: Requirement[] = framework.requirements.map((entry) => ({
    id: entry.id,
    framework_id: framework.id,
    parent: entry.parent ?? null,
    group: entry.group ?? false,
    reference: entry.reference,
    title: entry.title,
    summary: entry.summary ?? null,
    themes: (entry.themes ?? []) as ThemeId[],
  }));
  const covered = new Set(requirements.flatMap((r) => r.themes));
  const { requirements: _entries, ...info } = framework;
  return {
    info: {
      ...info,
      requirement_count: requirements.filter((r) => !r.group).length,
      themes: THEME_IDS.filter((id) => covered.has(id)),
    },
    requirements,
  };
}

/** Check the theme file and every framework file together; throw FrameworkDataError listing all problems. */
export function buildCatalogue(themeFile: DataFile, frameworkFiles: readonly DataFile[]): FrameworkCatalogue {
  const problems: string[] = [];
  const themes = checkThemes(themeFile, problems);
  const frameworks: CatalogueFramework[] = [];
  const frameworkIds = new Set<string>();
  const requirementIds = new Set<string>();
  for (const file of frameworkFiles) {
    const parsed = frameworkFileSchema.safeParse(file.content);
    if (!parsed.success) {
      problems.push(...zodProblems(file.name, parsed.error));
      continue;
    }
    const framework = parsed.data;
    if (frameworkIds.has(framework.id))
      problems.push(`${file.name}: framework id "${framework.id}" is used twice`);
    frameworkIds.add(framework.id);
    if (path.basename(file.name) !== `${framework.id}.yaml`)
      problems.push(
        `${file.name}: the file of framework "${framework.id}" must be named ${framework.id}.yaml`,
      );
    checkRequirements(file.name, framework, requirementIds, problems);
    frameworks.push(toFramework(framework));
  }
  if (frameworkFiles.length === 0) problems.push('no framework file found');
  if (problems.length > 0) throw new FrameworkDataError(problems);

  frameworks.sort((a, b) => a.info.short_title.localeCompare(b.info.short_title, 'en'));
  const byId = new Map(frameworks.map((f) => [f.info.id, f]));
  const themeById = new Map(themes.map((t) => [t.id as string, t]));
  return {
    themes,
    frameworks,
    framework: (id) => byId.get(id),
    theme: (id) => themeById.get(id),
  };
}

/** The requirements as a tree, children in file order under their parent. */
export function requirementTree(requirements: readonly Requirement[]): RequirementNode[] {
  const nodes = new Map<string, RequirementNode>(requirements.map((r) => [r.id, { ...r, children: [] }]));
  const roots: RequirementNode[] = [];
  for (const requirement of requirements) {
    const node = nodes.get(requirement.id) as RequirementNode;
    const parent = requirement.parent === null ? undefined : nodes.get(requirement.parent);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

function readYaml(file: string, problems: string[]): DataFile {
  const name = path.join('data/frameworks', path.basename(file));
  try {
    return { name, content: YAML.parse(fs.readFileSync(file, 'utf8')) as unknown };
  } catch (error) {
    problems.push(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return { name, content: undefined };
  }
}

/** Read themes.yaml and every other *.yaml in `dir`, and build the catalogue. */
export function readCatalogue(dir: string): FrameworkCatalogue {
  const problems: string[] = [];
  const themes = readYaml(path.join(dir, THEMES_FILE), problems);
  const frameworks = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && name !== THEMES_FILE)
    .sort()
    .map((name) => readYaml(path.join(dir, name), problems));
  if (problems.length > 0) throw new FrameworkDataError(problems);
  return buildCatalogue(themes, frameworks);
}

/** data/frameworks of this checkout or installation. */
export function defaultFrameworksDir(): string {
  return dataPath('frameworks');
}

const loaded = new Map<string, FrameworkCatalogue>();

/** The catalogue of `dir` (default: the shipped one), read and checked on first use only. */
export function loadFrameworkCatalogue(dir: string = defaultFrameworksDir()): FrameworkCatalogue {
  const key = path.resolve(dir);
  let catalogue = loaded.get(key);
  if (!catalogue) {
    catalogue = readCatalogue(key);
    loaded.set(key, catalogue);
  }
  return catalogue;
}
