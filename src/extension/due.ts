// Which stories are due for rehearsal, read synchronously by the Story Explorer, the status bar and the
// quick pick; reloaded from the history whenever an attempt is recorded.
import * as vscode from 'vscode';
import { dueState, type RehearsalSchedule } from '../core/rehearsal/schedule';
import type { BankedStory } from '../core/views/storyBank';
import type { RehearsalHistory } from '../rehearsal/history';

/** Schedules of every story with history, read synchronously by the explorer, status bar and quick pick. */
export class DueStories implements vscode.Disposable {
  private schedules = new Map<string, RehearsalSchedule>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly history: RehearsalHistory) {
    this.subscription = history.onDidChange(() => void this.load());
  }

  async load(): Promise<void> {
    const all = await this.history.all();
    this.schedules = new Map(Object.entries(all).flatMap(([key, s]) => (s.schedule ? [[key, s.schedule] as const] : [])));
    this.changed.fire();
  }

  schedule(b: Pick<BankedStory, 'story'>): RehearsalSchedule | undefined {
    return this.schedules.get(b.story.id);
  }

  isDue(b: Pick<BankedStory, 'story'>, now = Date.now()): boolean {
    return dueState(this.schedule(b), now) === 'due';
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

