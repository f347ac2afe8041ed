import { describe, expect, it } from 'vitest';
import { requirementIssues } from '../compliance/compliance.rules.js';
import { sniffFileType } from '../files/file-type.js';
import { loadFrameworkCatalogue } from '../frameworks/frameworks.catalogue.js';
import { DEMO_ASSESSMENTS } from './demo-compliance.js';
import { buildDemoOrganisation } from './demo-organisation.js';
import { buildDemoRisks } from './demo-risks.js';

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

  it('links register risks the demo plans to the organisation-wide review, and raises the office’s own', () => {
    const planned = new Set(buildDemoRisks(demo, 1).map((plan) => plan.template.title));
    for (const assessment of DEMO_ASSESSMENTS) {
      const named = assessment.requirements.flatMap((r) => r.risks ?? []);
      const raised = assessment.requirements.flatMap((r) => r.raises ?? []);
      if (assessment.office_code === null) {
        expect(named.length, assessment.title).toBeGreaterThanOrEqual(3);
        for (const title of named) expect(planned.has(title), title).toBe(true);
      } else {
        // The office's focal point sees only the office's risks: the review links those it raised.
        expect(named, assessment.title).toEqual([]);
        expect(raised.length, assessment.title).toBeGreaterThan(0);
      }
      for (const risk of raised) {
        expect(planned.has(risk.title), risk.title).toBe(false);
        for (const value of risk.inherent) expect(value >= 1 && value <= 5, risk.title).toBe(true);
      }
    }
  });

  it('attaches a few small evidence files the file store accepts for their names', () => {
    const files = DEMO_ASSESSMENTS.flatMap((a) => a.requirements.flatMap((r) => r.files ?? []));
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
    expect(new Set(files.map((f) => sniffFileType(Buffer.from(f.content), f.name).kind))).toEqual(
      new Set(['csv', 'markdown']),
    );
    for (const file of files) expect(Buffer.byteLength(file.content), file.name).toBeLessThan(4096);
  });
});
