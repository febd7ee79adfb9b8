import { describe, expect, it } from 'vitest';
import { updateWords } from '../pipeline/language/update-words.js';

describe('updateWords', () => {
  it.each(['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'])('%s names updates and corrections, the date where it belongs', (lang) => {
    const words = updateWords(lang);
    expect(words.updated).toContain('{date}');
    expect(words.corrected).toContain('{date}');
    expect(words.updated).not.toBe(words.corrected);
    for (const word of [words.heading, words.update, words.correction]) expect(word.trim()).not.toBe('');
    expect(words.update).not.toBe(words.correction);
  });

  it('reads the language of a regional tag, and writes English for a language it lacks', () => {
    expect(updateWords('fr-CA').updated).toBe('Mis à jour le {date}');
    expect(updateWords('DE-at').corrected).toBe('Korrigiert am {date}');
    expect(updateWords('fi')).toEqual(updateWords('en'));
    expect(updateWords('en').heading).toBe('Updates and corrections');
  });
});
