import { assessmentDocx } from './assessment-docx.js';
import { assessmentPdf } from './assessment-pdf.js';
import { buildReport, exportFileName } from './assessment-report.js';
import type { AssessmentDetail, ExportQuery } from './assessments.schema.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** An assessment report ready to download or save. */
export interface AssessmentReportFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** The assessment (as read by the caller) as a DOCX or PDF report in one language, dated `generatedOn`. */
export async function assessmentReportFile(
  detail: AssessmentDetail,
  lang: ExportQuery['lang'],
  generatedOn: string,
  format: 'docx' | 'pdf',
): Promise<AssessmentReportFile> {
  const report = buildReport(detail, lang, generatedOn);
  return format === 'docx'
    ? {
        filename: exportFileName(detail, 'docx'),
        contentType: DOCX_TYPE,
        content: await assessmentDocx(report),
      }
    : {
        filename: exportFileName(detail, 'pdf'),
        contentType: 'application/pdf',
        content: await assessmentPdf(report),
      };
}
