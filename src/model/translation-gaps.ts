import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { languageName } from './editions.js';
import type { Site, TextField } from './types.js';

/**
 * Warns of what a published translation leaves out of its edition (README, Translations): a body
 * with no text where its original has some (`translation/blank`), which the edition shows as a
 * page without text, and each text field it lacks that its original has (`translation/missing-field`),
 * which the edition shows from the original, marked with the original's language. A draft is not
 * told, as a draft article with no text is not (`article/blank`): it is still being written.
 */
export function warnTranslationGaps(editions: readonly Site[], report: Report): void {
  const [base, ...others] = editions;
  if (!base) return;
  for (const edition of others) {
    for (const document of edition.documents.values()) {
      const original = base.documents.get(document.key);
      if (!original || document.path === document.key || document.draft) continue;
      const place = { file: document.path, line: 1, column: 1, related: [original.path] };
      if (document.body.blank && !original.body.blank && !document.partial && !original.partial) {
        reportRule(report, 'translation/blank', place, { original: original.path });
      }
      for (const [field, lang] of Object.entries(document.fieldLangs ?? {}) as Array<[TextField, string]>) {
        reportRule(report, 'translation/missing-field', place, { field, original: original.path, language: languageName(lang) ?? lang });
      }
    }
  }
}
