import { AI_ACT_LANGS, BOOLEAN_QUESTION_IDS, type AiActLang } from './ai-act.ids.js';
import type { Suggestion, Suggestions } from './ai-act.schema.js';
import { SUGGESTION_RULES } from './eu-ai-act.keywords.js';

/*
 * Suggested answers from a free-text description, by keywords in English, French and Spanish. They are
 * only hints: a person confirms every answer before it is used. Pure: no I/O.
 * The keywords and how they match: eu-ai-act.keywords.ts.
 */

export const SUGGESTIONS_NOTICE_CODE = 'ai_act.suggestions_notice';
const NOTICE =
  'Suggestions from keywords in the description, not answers: a person must confirm each one before it is used.';

const WORD_TAIL = '[\\p{L}\\p{N}]*';

interface Matcher {
  pattern: RegExp;
  caseSensitive: boolean;
}

const COMPILED = SUGGESTION_RULES.map((rule) => ({
  ids: rule.ids,
  groups: rule.groups.map(
    (group) =>
      Object.fromEntries(AI_ACT_LANGS.map((lang) => [lang, group[lang].map(compile)])) as Record<
        AiActLang,
        Matcher[]
      >,
  ),
}));

const ORDER = new Map(BOOLEAN_QUESTION_IDS.map((id, i) => [id, i]));

/**
 * Suggested yes-answers for a description. With `lang`, only that language's keywords are used;
 * without it, all three. Each suggestion quotes the words it matched.
 */
export function suggestAnswers(description: string, lang?: AiActLang): Suggestions {
  const text = foldText(description);
  const langs = lang ? [lang] : AI_ACT_LANGS;
  const found = new Map<string, Suggestion>();
  for (const rule of COMPILED) {
    const quotes: string[] = [];
    for (const group of rule.groups) {
      const quote = firstMatch(
        description,
        text,
        langs.flatMap((l) => group[l]),
      );
      if (quote === undefined) break;
      quotes.push(quote);
    }
    if (quotes.length < rule.groups.length) continue;
    const because = `matched ${quotes.map((q) => `"${q}"`).join(' and ')}`;
    for (const id of rule.ids) if (!found.has(id)) found.set(id, { question_id: id, value: true, because });
  }
  const suggestions = [...found.values()].sort(
    (a, b) => (ORDER.get(a.question_id) ?? 0) - (ORDER.get(b.question_id) ?? 0),
  );
  return {
    kind: 'suggestions',
    confirmation_required: true,
    notice: NOTICE,
    notice_code: SUGGESTIONS_NOTICE_CODE,
    suggestions,
  };
}

/** Lower case without accents, one character per character of the original (so matches map back). */
interface FoldedText {
  folded: string;
  exact: string;
  /** Index in the original text of each folded character. */
  origin: number[];
}

function foldText(original: string): FoldedText {
  let folded = '';
  let exact = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of original) {
    const plain = foldChar(char);
    const kept = char.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'");
    for (let i = 0; i < plain.length; i += 1) origin.push(index);
    folded += plain;
    // `exact` keeps the case for acronyms; it is padded to the folded length so the indexes agree.
    exact += kept.length === plain.length ? kept : plain;
    index += char.length;
  }
  origin.push(index);
  return { folded, exact, origin };
}

function foldChar(char: string): string {
  return char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
}

function compile(keyword: string): Matcher {
  const caseSensitive = /\p{Lu}/u.test(keyword) && keyword === keyword.toUpperCase();
  const words = (caseSensitive ? keyword : foldChar(keyword))
    .split(/[\s-]+/)
    .map((word) =>
      word.endsWith('*') ? `${escapeRegExp(word.slice(0, -1))}${WORD_TAIL}` : escapeRegExp(word),
    );
  const source = `(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}(?![\\p{L}\\p{N}])`;
  return { pattern: new RegExp(source, 'u'), caseSensitive };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function firstMatch(original: string, text: FoldedText, matchers: readonly Matcher[]): string | undefined {
  let best: { start: number; end: number } | undefined;
  for (const { pattern, caseSensitive } of matchers) {
    const match = pattern.exec(caseSensitive ? text.exact : text.folded);
    if (match && (!best || match.index < best.start))
      best = { start: match.index, end: match.index + match[0].length };
  }
  if (!best) return undefined;
  const start = text.origin[best.start] ?? 0;
  const end = text.origin[best.end] ?? original.length;
  return original.slice(start, end);
}
