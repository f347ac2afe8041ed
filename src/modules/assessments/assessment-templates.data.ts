import fs from 'node:fs';
import YAML from 'yaml';
import { dataPath } from '../../core/data-files.js';
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
