// The outline and the story drafts after an edit, updated in place around the chunks that changed
// (DESIGN §9): the outline is rebuilt only in the window `editOutline` finds, the drafts in that window
// are detected again, the drafts after it move by the edit's length, and only the drafts whose end
// the edit can move are ended again.
import type { DocumentFactsView } from '../read/documentFacts';
import type { FrontMatter } from '../read/frontMatter';
import { draftsOf, endDrafts, moveDrafts, type Draft } from '../stories/drafts';
import { outlineFacts, type Outline } from '../stories/outline';
import { partitionPoint } from '../util/partition';
import { editOutline, type Change } from './outlineEdit';

/** Index of the first of the drafts (in document order) that starts at or after `offset`. */
function firstDraftFrom(drafts: readonly Draft[], offset: number): number {
  return partitionPoint(drafts.length, (i) => drafts[i].start < offset);
}

/**
 * The last analysis's outline and drafts, updated for the new text (`facts`) where it differs from the
 * old in `change`; undefined when only building them anew will do.
 */
export function editDrafts(
  before: { outline: Outline; drafts: Draft[] },
  change: Change,
  text: string,
  facts: DocumentFactsView,
  frontMatter: FrontMatter,
): { outline: Outline; drafts: Draft[] } | undefined {
  const headingAt = (offset: number) => facts.between('headings', offset, offset + 1).find((h) => h.start === offset);
  const edit = editOutline(before.outline, change, (start, end) => outlineFacts(facts, start, end), headingAt);
  if (!edit) return undefined;
  const drafts = before.drafts;
  const from = firstDraftFrom(drafts, edit.start);
  const to = firstDraftFrom(drafts, edit.oldEnd);
  moveDrafts(drafts, change.oldEnd, change.newEnd - change.oldEnd);
  // The body's own story (front matter `star: true`) starts where the body does, perhaps with the window.
  const kept = drafts.slice(from, to).filter((d) => d.container === edit.parent);
  const fresh = [...draftsOf(text, edit.containers, frontMatter), ...kept].sort((a, b) => a.start - b.start);
  drafts.splice(from, to - from, ...fresh);
  // Ended again: the window's drafts, the one before them (its next one changed) and those that reach into the change.
  const after = from + fresh.length;
  endDrafts(drafts, text, (d, i) => (i >= from - 1 && i < after) || (d.start < change.start && d.reach >= change.start));
  return { outline: before.outline, drafts };
}
