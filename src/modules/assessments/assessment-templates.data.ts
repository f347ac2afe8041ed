import fs from 'node:fs';
import YAML from 'yaml';
import { dataPath } from '../../core/data-files.js';
import { errors } from '../../core/errors.js';
import { assessmentTemplateSchema, templateIssues, type AssessmentTemplate } from './assessment-template.js';

let shipped: AssessmentTemplate[] | null = null;

/**
 * The templates shipped in data/assessments/*.yaml, validated once on first use. A broken file stops
 * the process with the file and the problems named: shipping a bad template is a bug.
 */
export function loadShippedTemplates(dir = dataPath('assessments')): AssessmentTemplate[] {
  if (shipped && dir === dataPath('assessments')) return shipped;
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  const templates = files.map((name) => {
    const result = assessmentTemplateSchema.safeParse(YAML.parse(fs.readFileSync(`${dir}/${name}`, 'utf8')));
    if (!result.success)
      throw new Error(
        `data/assessments/${name}: ${templateIssues(result.error)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ')}`,
      );
    return result.data;
  });
  if (dir === dataPath('assessments')) shipped = templates;
  return templates;
}

/** A template file is small: a few hundred questions at most. */
export const TEMPLATE_FILE_LIMIT = 1_048_576;

/** A template document in YAML or JSON (JSON is YAML). */
export function parseTemplateText(text: string): unknown {
  try {
    return YAML.parse(text);
  } catch (error) {
    throw errors.validation(
      `The file is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`,
      [{ path: 'file', message: 'not YAML or JSON' }],
    );
  }
}
