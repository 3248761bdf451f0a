// The Story Explorer's tree as plain data, so grouping and filtering are tested without VS Code. A
// node's children are built when they are read: VS Code asks for one level at a time, and a file can
// hold thousands of stories.
import { COMPETENCIES } from './coverage';
import type { BankedStory, StoryBank } from './storyBank';
import { formatDuration, roleName } from '../stories/wording';
import { speakingSeconds } from '../stories/timing';

export type GroupBy = 'file' | 'tag';

export type TreeNode =
  | { kind: 'coverage'; label: string; description: string; children: TreeNode[] }
  | { kind: 'competency'; label: string; description: string; covered: boolean; children: TreeNode[] }
  | { kind: 'group'; label: string; description: string; children: TreeNode[] }
  /** Stories due for rehearsal (spaced repetition), on top when there are any. */
  | { kind: 'due'; label: string; description: string; children: TreeNode[] }
  | { kind: 'story'; label: string; description: string; banked: BankedStory; children: TreeNode[] }
  | { kind: 'section'; label: string; description: string; banked: BankedStory; index: number; children: [] };

export const UNTAGGED = 'untagged';

export function storyDescription(b: BankedStory): string {
  const problems = b.problems ? ` · ${b.problems} ${b.problems === 1 ? 'problem' : 'problems'}` : '';
  return `${b.complete}/${b.required} · ${formatDuration(b.seconds)}${problems}`;
}

function storyNode(b: BankedStory, wordsPerMinute: number): TreeNode {
  return {
    kind: 'story',
    label: b.story.title,
    description: storyDescription(b),
    banked: b,
    get children(): TreeNode[] {
      return b.story.sections.map((s, index) => ({
        kind: 'section',
        label: roleName(s.role),
        description: `${s.words} words · ${formatDuration(speakingSeconds(s.words, wordsPerMinute))}`,
        banked: b,
        index,
        children: [],
      }));
    },
  };
}

export interface StoryTreeOptions {
  groupBy: GroupBy;
  problemsOnly: boolean;
  wordsPerMinute: number;
  /** Whether a story is due for rehearsal; due stories get a group of their own on top. */
  isDue?: (b: BankedStory) => boolean;
}

export const DUE_GROUP = 'Due for rehearsal';

export function buildStoryTree(bank: StoryBank, options: StoryTreeOptions): TreeNode[] {
  const stories = bank.all().filter((b) => !options.problemsOnly || b.problems > 0);
  if (bank.all().length === 0) return [];
  const groups = new Map<string, BankedStory[]>();
  for (const b of stories) {
    const keys = options.groupBy === 'file' ? [b.file] : b.story.tags.length ? b.story.tags : [UNTAGGED];
    for (const key of keys) {
      const members = groups.get(key);
      if (members) members.push(b);
      else groups.set(key, [b]);
    }
  }
  const keys = [...groups.keys()].sort((a, b) => (a === UNTAGGED ? 1 : b === UNTAGGED ? -1 : a.localeCompare(b)));
  const rows = bank.coverage();
  const covered = rows.filter((r) => r.stories.length > 0).length;
  const coverageNode: TreeNode = {
    kind: 'coverage',
    label: 'Coverage',
    description: `${covered}/${COMPETENCIES.length} competencies`,
    children: rows.map((r) => ({
      kind: 'competency',
      label: r.competency,
      description: r.stories.length ? `${r.stories.length} ${r.stories.length === 1 ? 'story' : 'stories'}` : 'no story yet',
      covered: r.stories.length > 0,
      get children() {
        return r.stories.map((s) => storyNode(s.banked, options.wordsPerMinute));
      },
    })),
  };
  const due = options.isDue ? bank.all().filter(options.isDue) : [];
  const dueNode: TreeNode[] = due.length
    ? [{
      kind: 'due',
      label: DUE_GROUP,
      description: `${due.length} ${due.length === 1 ? 'story' : 'stories'}`,
      get children() {
        return due.map((b) => storyNode(b, options.wordsPerMinute));
      },
    }]
    : [];
  return [
    ...dueNode,
    coverageNode,
    ...keys.map((key): TreeNode => {
      const members = groups.get(key) ?? [];
      return {
        kind: 'group',
        label: key,
        description: `${members.length} ${members.length === 1 ? 'story' : 'stories'}`,
        get children() {
          return members.map((b) => storyNode(b, options.wordsPerMinute));
        },
      };
    }),
  ];
}
