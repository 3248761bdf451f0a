// Stories in other languages (issue 15): each story's language is detected from its words, and the
// rules whose words are English either know the story's language or stay silent on it.
import assert from 'node:assert/strict';
import { StoryAnalyser } from '../../src/core/analyse';
import { mergeConfig } from '../../src/core/lint/config';
import { applyEdits } from '../../src/core/lint/fix';
import { lintDocument } from '../../src/core/lint/lint';
import { detectLanguage } from '../../src/core/read/languages';

const analyser = new StoryAnalyser();
const analyse = (text: string) => analyser.analyse(text, 'story.md');
const lint = (text: string) => lintDocument(analyse(text), mergeConfig());
const rules = (text: string) => lint(text).map((f) => f.rule);

const SPANISH = [
  '## El cierre de mes',
  '**Situación:** El cierre contable tardaba nueve días y el equipo trabajaba los fines de semana.',
  '**Tarea:** Mi jefa me pidió reducirlo antes del cierre del año.',
  '**Acción:** Nosotros automatizamos las conciliaciones bancarias con un script que cruzaba los extractos con el libro mayor; nosotros revisamos cada paso con el equipo de tesorería, documentamos las excepciones y preparamos una lista de control para el último día del mes.',
  '**Resultado:** El equipo quedó significativamente más tranquilo.',
  '',
].join('\n');

describe('languages', () => {
  it('tells the languages apart from their common words, and Chinese by its script', () => {
    assert.equal(detectLanguage('I moved the invoices to a shared inbox and the team was happier'), 'en');
    assert.equal(detectLanguage('Moví las facturas a un buzón compartido y el equipo estaba más contento'), 'es');
    assert.equal(detectLanguage('Eu mudei as faturas para uma caixa partilhada e a equipa ficou mais feliz com o resultado'), 'pt');
    assert.equal(detectLanguage("J'ai déplacé les factures dans une boîte partagée et nous étions plus sereins"), 'fr');
    assert.equal(detectLanguage('Ich habe die Rechnungen in ein gemeinsames Postfach verschoben und wir waren zufriedener'), 'de');
    assert.equal(detectLanguage('Ho spostato le fatture in una casella condivisa e il team era più sereno'), 'it');
    assert.equal(detectLanguage('Ik heb de facturen naar een gedeelde inbox verplaatst en het team was blijer'), 'nl');
    assert.equal(detectLanguage('我把发票移到共享邮箱，团队轻松了很多'), 'zh');
  });

  it('gives each story its language, as parse --json reports it', () => {
    const [story] = analyse(SPANISH).stories;
    assert.equal(story.language, 'es');
    assert.deepEqual(story.sections.map((s) => s.role), ['situation', 'task', 'action', 'result']);
  });

  it('raises no English finding on a Spanish story: no vague claim, no we-over-I, and Spanish number words count', () => {
    // In English the same story has all three: "significantly", "we" over "I", a Result with no number.
    assert.deepEqual(rules(SPANISH), ['STAR005']);
    assert.deepEqual(rules(SPANISH.replace('más tranquilo', 'más tranquilo y el cierre bajó a tres días')), []);
  });

  it('counts "I" and "we" in the story\'s own language where the language says them', () => {
    const german = [
      '## Die Monatsabschlüsse',
      '**Situation:** Der Abschluss dauerte neun Tage.',
      '**Aufgabe:** Ich sollte ihn verkürzen.',
      '**Handlung:** Wir haben die Abstimmungen automatisiert und wir haben unser Team geschult.',
      '**Ergebnis:** Der Abschluss dauert jetzt 3 Tage.',
      '',
    ].join('\n');
    assert.equal(analyse(german).stories[0].language, 'de');
    assert.deepEqual(rules(german), ['STAR008']);
  });

  it('inserts a missing section in the story\'s language and label style', () => {
    const text = SPANISH.replace(/\*\*Tarea:\*\*.*\n/, '');
    const document = analyse(text);
    const [finding] = lintDocument(document, mergeConfig()).filter((f) => f.rule === 'STAR001');
    const fixed = applyEdits(document, finding.fixes![0].edits);
    assert.match(fixed, /\n\*\*Tarea:\*\*\n\n\*\*Acción:\*\*/);
  });

  it('inserts a missing plain label as plain text with the same separator', () => {
    const text = ['## Plain', 'Situation – the build took four hours.', 'Action – I split the tests into shards.', 'Result – 38 minutes.', ''].join('\n');
    const document = analyse(text);
    const [finding] = lintDocument(document, mergeConfig()).filter((f) => f.rule === 'STAR001');
    assert.equal(applyEdits(document, finding.fixes![0].edits), ['## Plain', 'Situation – the build took four hours.', 'Task –', '', 'Action – I split the tests into shards.', 'Result – 38 minutes.', ''].join('\n'));
  });
});
