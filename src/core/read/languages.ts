// The languages stories are written in: their label words (read like the English ones), the words a
// new label is written with, and the common words that tell one language from another. English is the
// default lexicon (lexicon.ts); these are added to it.
import type { Language, Role } from '../model';

export type { Language };

type Kind = Role | 'challenge';

/**
 * Label words per language and role. The first four roles' first words are the language's canonical
 * words (they make a two-label story, like `situation` and `result`). Words missing their accents
 * are listed too: people type them so.
 */
export const TRANSLATED_LEXICON: Record<Exclude<Language, 'en'>, Record<Kind, readonly string[]>> = {
  es: {
    situation: ['situación', 'situacion', 'contexto'],
    task: ['tarea'],
    action: ['acción', 'accion', 'acciones'],
    result: ['resultado', 'resultados'],
    learning: ['aprendizaje', 'aprendizajes', 'lección aprendida', 'lecciones aprendidas'],
    challenge: ['reto', 'desafío', 'desafio'],
  },
  pt: {
    situation: ['situação', 'situacao', 'contexto'],
    task: ['tarefa'],
    action: ['ação', 'acao', 'ações', 'acoes'],
    result: ['resultado', 'resultados'],
    learning: ['aprendizado', 'aprendizados', 'aprendizagem', 'lição aprendida', 'lições aprendidas'],
    challenge: ['desafio'],
  },
  fr: {
    situation: ['situation', 'contexte'],
    task: ['tâche', 'tache'],
    action: ['action', 'actions'],
    result: ['résultat', 'resultat', 'résultats', 'resultats'],
    learning: ['apprentissage', 'apprentissages', 'leçon apprise', 'leçons apprises'],
    challenge: ['défi', 'defi'],
  },
  de: {
    situation: ['situation', 'ausgangslage'],
    task: ['aufgabe'],
    action: ['handlung', 'maßnahme', 'maßnahmen', 'massnahmen', 'vorgehen'],
    result: ['ergebnis', 'ergebnisse', 'resultat'],
    learning: ['erkenntnis', 'erkenntnisse', 'lernerfahrung'],
    challenge: ['herausforderung'],
  },
  it: {
    situation: ['situazione', 'contesto'],
    task: ['compito'],
    action: ['azione', 'azioni'],
    result: ['risultato', 'risultati'],
    learning: ['apprendimento', 'lezione appresa', 'lezioni apprese'],
    challenge: ['sfida'],
  },
  nl: {
    situation: ['situatie', 'context'],
    task: ['taak'],
    action: ['actie', 'acties'],
    result: ['resultaat', 'resultaten'],
    learning: ['leerpunt', 'leerpunten', 'geleerde les', 'geleerde lessen'],
    challenge: ['uitdaging'],
  },
  zh: {
    situation: ['情境', '情景', '情况', '情況', '背景'],
    task: ['任务', '任務'],
    action: ['行动', '行動'],
    result: ['结果', '結果', '成果'],
    learning: ['收获', '收穫', '反思', '心得'],
    challenge: ['挑战', '挑戰'],
  },
};

/** The words a new label is written with, per language (English: DESIGN's role names). */
const ROLE_WORDS: Record<Language, Record<Role, string>> = {
  en: { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result', learning: 'Learning' },
  es: { situation: 'Situación', task: 'Tarea', action: 'Acción', result: 'Resultado', learning: 'Aprendizaje' },
  pt: { situation: 'Situação', task: 'Tarefa', action: 'Ação', result: 'Resultado', learning: 'Aprendizado' },
  fr: { situation: 'Situation', task: 'Tâche', action: 'Action', result: 'Résultat', learning: 'Apprentissage' },
  de: { situation: 'Situation', task: 'Aufgabe', action: 'Handlung', result: 'Ergebnis', learning: 'Erkenntnis' },
  it: { situation: 'Situazione', task: 'Compito', action: 'Azione', result: 'Risultato', learning: 'Apprendimento' },
  nl: { situation: 'Situatie', task: 'Taak', action: 'Actie', result: 'Resultaat', learning: 'Leerpunt' },
  zh: { situation: '情境', task: '任务', action: '行动', result: '结果', learning: '收获' },
};

export function roleWord(role: Role, language: Language = 'en'): string {
  return ROLE_WORDS[language][role];
}

/** Short words frequent in each language's prose and rare in the others'. */
const COMMON_WORDS: Record<Exclude<Language, 'zh'>, readonly string[]> = {
  en: ['the', 'and', 'i', 'we', 'was', 'to', 'of', 'my', 'with', 'it', 'that', 'in', 'for'],
  es: ['el', 'la', 'los', 'las', 'que', 'y', 'del', 'en', 'con', 'una', 'por', 'mi', 'fue', 'para'],
  pt: ['o', 'os', 'que', 'e', 'do', 'da', 'em', 'com', 'uma', 'não', 'por', 'meu', 'foi', 'para'],
  fr: ['le', 'la', 'les', 'et', 'je', 'nous', 'des', 'du', 'une', 'pour', 'avec', 'mon', 'était', 'est'],
  de: ['der', 'die', 'das', 'und', 'ich', 'wir', 'nicht', 'mit', 'ein', 'eine', 'für', 'mein', 'war', 'ist'],
  it: ['il', 'la', 'di', 'che', 'e', 'ho', 'abbiamo', 'con', 'una', 'per', 'mio', 'era', 'del', 'non'],
  nl: ['de', 'het', 'een', 'en', 'ik', 'we', 'van', 'met', 'niet', 'voor', 'mijn', 'was', 'is', 'dat'],
};

const LANGUAGE_ORDER: readonly Language[] = ['en', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'zh'];

/** Per common word, the indices (in LANGUAGE_ORDER) of the languages it is common in. */
const WORD_LANGUAGES: ReadonlyMap<string, readonly number[]> = (() => {
  const map = new Map<string, number[]>();
  for (const [language, words] of Object.entries(COMMON_WORDS) as [Language, readonly string[]][]) {
    for (const w of words) map.set(w, [...(map.get(w) ?? []), LANGUAGE_ORDER.indexOf(language)]);
  }
  return map;
})();

const HAN = /\p{Script=Han}/gu;
const LETTERS = /\p{L}/gu;

/** How much of a story's text is read to tell its language: a few sentences say it. */
export const LANGUAGE_SAMPLE = 240;
const WORD = /[^\s\d.,;:!?()[\]"'“”‘’«»*_`#|<>/\\-]+/g;

/** The language `text` is written in, from its common words (Han script: Chinese); English when unsure. */
export function detectLanguage(text: string): Language {
  const sample = text.length > LANGUAGE_SAMPLE ? text.slice(0, LANGUAGE_SAMPLE) : text;
  if (/[\u3400-\u9fff]/.test(sample)) {
    const han = sample.match(HAN)?.length ?? 0;
    if (han * 3 >= (sample.match(LETTERS)?.length ?? 0)) return 'zh';
  }
  const score = new Int32Array(LANGUAGE_ORDER.length);
  const lower = sample.toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const languages = WORD_LANGUAGES.get(m[0]);
    if (languages) for (const k of languages) score[k]++;
  }
  let best = 0;
  for (let k = 1; k < score.length; k++) if (score[k] > score[best]) best = k;
  return LANGUAGE_ORDER[best];
}

const word = (alternatives: string) => new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'iu');

/**
 * Number words beyond English's (metrics/numberWords.ts) that make a Result quantified: small
 * cardinals, hundreds to millions, doubled, tripled, halved.
 */
const NUMBER_WORDS: Record<Exclude<Language, 'en'>, RegExp> = {
  es: word('dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|cien|ciento|mil|millón|millones|doble|duplic\\p{L}*|triplic\\p{L}*|mitad'),
  pt: word('dois|duas|três|tres|quatro|cinco|seis|sete|oito|nove|dez|cem|mil|milhão|milhões|dobro|dobr\\p{L}*|duplic\\p{L}*|triplic\\p{L}*|metade'),
  fr: word('deux|trois|quatre|cinq|six|sept|huit|neuf|dix|cent|mille|million\\p{L}*|doubl\\p{L}*|tripl\\p{L}*|moitié'),
  de: word('zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|hundert|tausend|million\\p{L}*|verdoppel\\p{L}*|verdreifach\\p{L}*|halbiert\\p{L}*|hälfte'),
  it: word('due|tre|quattro|cinque|sei|sette|otto|nove|dieci|cento|mille|milion\\p{L}*|doppi\\p{L}*|raddoppi\\p{L}*|triplic\\p{L}*|metà'),
  nl: word('twee|drie|vier|vijf|zes|zeven|acht|negen|tien|honderd|duizend|miljoen\\p{L}*|verdubbel\\p{L}*|verdrievoudig\\p{L}*|gehalveerd|helft'),
  zh: /[一二两三四五六七八九十百千万亿倍半]/u,
};

/** Whether `text` holds a number word of `language` other than English's (those are metrics/numberWords.ts's). */
export function hasNumberWord(text: string, language: Language): boolean {
  return language !== 'en' && NUMBER_WORDS[language].test(text);
}

/**
 * "I" and "we" words per language, where the language says them (Spanish, Portuguese and Italian
 * mostly leave the pronoun to the verb: no counts there).
 */
export const PRONOUNS: Partial<Record<Language, { i: RegExp; we: RegExp }>> = {
  en: { i: /\b(?:I|I'm|I've|I'd|my|me)\b/g, we: /\b(?:we|we're|we've|we'd|our|us)\b/gi },
  fr: { i: /(?<!\p{L})(?:je|j'|j’|moi|mon|ma|mes)(?!\p{L})/giu, we: /(?<!\p{L})(?:nous|notre|nos)(?!\p{L})/giu },
  de: { i: /(?<!\p{L})(?:ich|mein\p{L}*|mir|mich)(?!\p{L})/giu, we: /(?<!\p{L})(?:wir|unser\p{L}*|uns)(?!\p{L})/giu },
  nl: { i: /(?<!\p{L})(?:ik|mijn|mij)(?!\p{L})/giu, we: /(?<!\p{L})(?:we|wij|ons|onze)(?!\p{L})/giu },
  zh: { i: /我(?!们|們)/gu, we: /我们|我們/gu },
};
