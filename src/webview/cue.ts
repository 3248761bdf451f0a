// The script of one section as the mode shows it: the full text, a cue card (first sentence and
// numbers), the label alone, nothing, or the lines of the 60-second cut.
import type { Mode, StoryView } from '../rehearsal/protocol';
import { h, kbd, setSanitisedHtml } from './dom';

/** What the speaker sees of `section` in `mode`: the live view stays minimal. */
export function cueView(section: StoryView['sections'][number], cutLines: readonly string[], mode: Mode): HTMLElement {
  const asWritten = section.label.replace(/[\s:.]+$/, '');
  const label = h('h2', { class: 'cue-label' }, section.name, asWritten.toLowerCase() !== section.name.toLowerCase() ? h('span', { class: 'as-written' }, ` · ${asWritten}`) : null);
  switch (mode) {
    case 'full':
      return h('div', { class: 'cue' }, label, setSanitisedHtml(h('div', { class: 'script' }), section.html));
    case 'cue':
      return h(
        'div',
        { class: 'cue' },
        label,
        h('p', { class: 'first-sentence' }, section.firstSentence),
        section.numbers.length ? h('ul', { class: 'numbers' }, ...section.numbers.map((n) => h('li', {}, n))) : null,
      );
    case 'labels':
      return h('div', { class: 'cue' }, label);
    case 'blank':
      return h('div', { class: 'cue blank' }, h('p', { class: 'hint' }, 'From memory. ', kbd('V'), ' reveals this section.'));
    case 'cut':
      return h('div', { class: 'cue' }, label, h('ul', { class: 'cut-lines' }, ...cutLines.map((l) => h('li', {}, l))));
  }
}
