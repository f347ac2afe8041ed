import type { AiActLang } from './ai-act.ids.js';
import type { Questionnaire, QuestionsResponse } from './ai-act.schema.js';
import { BENCHMARK_NOTE_CODE } from './eu-ai-act.js';

/** The questionnaire with its texts in one language; ids, citations and branching stay as they are. */
export function questionsInLanguage(questionnaire: Questionnaire, lang: AiActLang): QuestionsResponse {
  return {
    lang,
    source: questionnaire.source,
    application_dates: questionnaire.application_dates,
    amendments: questionnaire.amendments,
    note: questionnaire.messages.benchmark_note[lang],
    note_code: BENCHMARK_NOTE_CODE,
    sections: questionnaire.sections.map((s) => ({ id: s.id, title: s.title[lang] })),
    questions: questionnaire.questions.map((q) => ({
      id: q.id,
      section: q.section,
      article: q.article,
      kind: q.kind,
      label: q.label[lang],
      text: q.text[lang],
      help: q.help[lang],
      example: q.example[lang],
      ...(q.options ? { options: q.options.map((o) => ({ value: o.value, label: o.label[lang] })) } : {}),
      shown_when: q.shown_when,
    })),
  };
}
