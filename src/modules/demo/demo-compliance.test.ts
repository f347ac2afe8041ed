import { describe, expect, it } from 'vitest';
import { requirementIssues } from '../compliance/compliance.rules.js';
import { loadFrameworkCatalogue } from '../frameworks/frameworks.catalogue.js';
import { DEMO_ASSESSMENTS } from './demo-compliance.js';
import { buildDemoOrganisation } from './demo-organisation.js';

describe('demo compliance assessments', () => {
  const catalogue = loadFrameworkCatalogue();
  const demo = buildDemoOrganisation(1);

  it.each(DEMO_ASSESSMENTS.map((a) => [a.title, a] as const))(
    '%s names requirements of its framework, each once, each valid',
    (_title, assessment) => {
      const framework = catalogue.framework(assessment.framework_id);
      expect(framework).toBeDefined();
      const requirements = new Map(framework!.requirements.map((r) => [r.id, r]));
      const ids = assessment.requirements.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of assessment.requirements) {
        expect(requirements.get(r.id)?.group, r.id).toBe(false);
        const values = {
          status: r.status,
          not_applicable_reason: r.reason ?? null,
          evidence: r.evidence ?? [],
          risk_ids: [],
        };
        expect(requirementIssues(values), r.id).toEqual([]);
      }
    },
  );

  it('assesses the AI Act for the whole organisation and the GDPR for an office of the demo, partly', () => {
    expect(DEMO_ASSESSMENTS.map((a) => [a.framework_id, a.office_code])).toEqual([
      ['eu-ai-act', null],
      ['gdpr', 'CO-SN'],
    ]);
    expect(demo.offices.some((office) => office.code === 'CO-SN')).toBe(true);
    for (const assessment of DEMO_ASSESSMENTS) {
      const owners = demo.people.filter((p) => p.office_code === assessment.owner.office_code);
      expect(owners.length, assessment.title).toBeGreaterThan(0);
      const total = catalogue.framework(assessment.framework_id)!.requirements.filter((r) => !r.group).length;
      expect(assessment.requirements.length).toBeLessThan(total);
      expect(new Set(assessment.requirements.map((r) => r.status)).size).toBe(4);
    }
  });
});
