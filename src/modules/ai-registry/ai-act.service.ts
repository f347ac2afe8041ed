import type { RequestContext } from '../../core/audit.js';
import { requirePermission } from '../../core/permissions.js';
import type { AiActLang } from './ai-act.ids.js';
import { questionsInLanguage } from './ai-act.present.js';
import type {
  Classification,
  ClassifyInput,
  Questionnaire,
  QuestionsResponse,
  SuggestInput,
  Suggestions,
} from './ai-act.schema.js';
import { classify } from './eu-ai-act.js';
import { suggestAnswers } from './eu-ai-act.suggest.js';

/**
 * The EU AI Act questionnaire, classification and answer suggestions. Nothing is stored: a classification
 * is computed from the answers given (the AI systems register keeps them).
 */
export class AiActService {
  constructor(private readonly questionnaire: Questionnaire) {}

  questions(ctx: RequestContext, lang: AiActLang): QuestionsResponse {
    requirePermission(ctx.actor, 'ai.read');
    return questionsInLanguage(this.questionnaire, lang);
  }

  classify(ctx: RequestContext, input: ClassifyInput): Classification {
    requirePermission(ctx.actor, 'ai.read');
    return classify(input, this.questionnaire);
  }

  suggest(ctx: RequestContext, input: SuggestInput): Suggestions {
    requirePermission(ctx.actor, 'ai.read');
    return suggestAnswers(input.description, input.lang);
  }
}
