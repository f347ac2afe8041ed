import { decodeText, SpreadsheetTextDecoder } from '../../../core/tabular/encoding.js';
import { MAX_VALUE_CHARS } from '../column-classifier.js';
import type { ReadContext, SourceDataset, SourceRow } from './dataset.js';
import { fileBytes } from './file-bytes.js';

/** The column of paragraphs, and the column of contact-like fragments found in them. */
export const TEXT_COLUMNS = ['paragraph', 'contact details in the text'];

/**
 * Fragments of prose that may be e-mail addresses or phone numbers: each goes to the e-mail and
 * phone detectors in a column of its own, which validate them (a date or an amount is turned down
 * there, not here).
 */
const CONTACT_FRAGMENT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:\+|\b00)?\d[\d ().-]{6,18}\d/g;

const MAX_PARAGRAPH_CHARS = MAX_VALUE_CHARS;

/**
 * Plain text or Markdown as a table of one row per paragraph (lines separated by a blank line; a
 * paragraph longer than the classifier reads is cut into pieces at line ends), so notes about
 * people are found by `free_text_personal` and contacts in the prose by the e-mail and phone detectors.
 */
export async function readTextDataset(
  file: string,
  source: string,
  context: ReadContext,
): Promise<SourceDataset> {
  const text = decodeText(fileBytes(file, context), new SpreadsheetTextDecoder());
  async function* batches(): AsyncGenerator<SourceRow[]> {
    let paragraph: string[] = [];
    let length = 0;
    let rest = '';
    let out: SourceRow[] = [];
    const flush = () => {
      if (paragraph.length === 0) return;
      const value = paragraph.join(' ');
      paragraph = [];
      length = 0;
      const contacts = value.match(CONTACT_FRAGMENT)?.map((fragment) => fragment.trim());
      out.push([value, contacts]);
    };
    const line = (raw: string) => {
      let value = raw.trim();
      if (value === '') return flush();
      while (value.length > MAX_PARAGRAPH_CHARS) {
        flush();
        paragraph.push(value.slice(0, MAX_PARAGRAPH_CHARS));
        flush();
        value = value.slice(MAX_PARAGRAPH_CHARS);
      }
      if (length + value.length > MAX_PARAGRAPH_CHARS) flush();
      paragraph.push(value);
      length += value.length + 1;
    };
    try {
      for await (const chunk of text) {
        const data = rest + chunk;
        let start = 0;
        for (let nl = data.indexOf('\n'); nl !== -1; nl = data.indexOf('\n', start)) {
          line(data.slice(start, nl));
          start = nl + 1;
        }
        rest = data.slice(start);
        // A line without breaks: read it in pieces rather than hold it whole.
        if (rest.length > MAX_PARAGRAPH_CHARS * 16) {
          line(rest);
          rest = '';
        }
        if (out.length > 0) {
          yield out;
          out = [];
        }
      }
      line(rest);
      flush();
      if (out.length > 0) yield out;
    } finally {
      await text.return(undefined);
    }
  }
  return { source, format: 'text', headers: [...TEXT_COLUMNS], batches: batches() };
}
