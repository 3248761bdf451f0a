// Every story of a workspace, file by file, with its findings: what the Story Explorer, workspace
// symbols, coverage and the status bar read. Updating one file never touches the others.
import type { StoryDocument } from './analyse';
import { coverage, type CoverageRow } from './coverage';
import type { Finding, Story } from './model';
import { storySeconds } from './timing';

export interface BankedStory {
  file: string;
  story: Story;
  /** Warnings and errors inside the story's range. */
  problems: number;
  seconds: number;
  complete: number;
  required: number;
}

export function storyCompleteness(story: Story): { complete: number; required: number } {
  const required = story.framework === 'CAR' || story.framework === 'PAR' ? ['situation', 'action', 'result'] : ['situation', 'task', 'action', 'result'];
  const roles = new Set(story.sections.map((s) => s.role));
  return { complete: required.filter((r) => roles.has(r as Story['sections'][number]['role'])).length, required: required.length };
}

function inside(f: Finding, story: Story): boolean {
  const line = f.range.start.line;
  return line >= story.range.start.line && line <= story.range.end.line;
}

export class StoryBank {
  private readonly files = new Map<string, BankedStory[]>();

  /** Replaces what the bank knows of `file`; returns whether anything visible changed. */
  set(file: string, document: StoryDocument, findings: Finding[], wordsPerMinute: number): boolean {
    const stories = document.stories.map((story) => ({
      file,
      story,
      problems: findings.filter((f) => f.severity !== 'info' && inside(f, story)).length,
      seconds: storySeconds(story, wordsPerMinute),
      ...storyCompleteness(story),
    }));
    const before = this.files.get(file);
    if (stories.length === 0) this.files.delete(file);
    else this.files.set(file, stories);
    return JSON.stringify(before ?? []) !== JSON.stringify(stories);
  }

  delete(file: string): boolean {
    return this.files.delete(file);
  }

  clear(): void {
    this.files.clear();
  }

  get fileNames(): string[] {
    return [...this.files.keys()].sort();
  }

  storiesOf(file: string): BankedStory[] {
    return this.files.get(file) ?? [];
  }

  all(): BankedStory[] {
    return this.fileNames.flatMap((f) => this.storiesOf(f));
  }

  find(file: string, id: string): BankedStory | undefined {
    return this.storiesOf(file).find((s) => s.story.id === id);
  }

  coverage(): CoverageRow<Story & { banked: BankedStory }>[] {
    return coverage(this.all().map((b) => ({ ...b.story, banked: b })));
  }
}
