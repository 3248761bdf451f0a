// "STAR: Mock Interview": a random behavioural question, the stories that could answer it (the one
// chosen for it last time first, then those tagged with its competencies), then the rehearsal panel.
import * as vscode from 'vscode';
import { formatDuration } from '../core/stories/wording';
import { pickQuestion, questionBank, rankStoriesFor, type BehaviouralQuestion } from '../core/rehearsal/questions';
import type { BankedStory } from '../core/views/storyBank';
import type { StoryIndex } from './storyIndex';

const PAIRINGS_KEY = 'starStories.mockInterviewPairings';
const LAST_QUESTION_KEY = 'starStories.mockInterviewLastQuestion';

/** Arguments a test or a keybinding may pass: the question to ask (id or text), and the story that answers it. */
export interface MockInterviewArgs {
  question?: string;
  story?: { uri: string; storyId: string };
}

interface StoryPick extends vscode.QuickPickItem {
  banked: BankedStory;
}

/** Remembered per question: which story (file and id) answered it. */
type Pairings = Record<string, { file: string; storyId: string }>;

function chooseQuestion(bank: BehaviouralQuestion[], state: vscode.Memento, wanted?: string): BehaviouralQuestion | undefined {
  if (wanted) return bank.find((q) => q.id === wanted || q.text === wanted);
  return pickQuestion(bank, Math.random, state.get<string>(LAST_QUESTION_KEY));
}

export function registerMockInterview(index: StoryIndex, state: vscode.Memento): vscode.Disposable {
  return vscode.commands.registerCommand('starStories.mockInterview', async (args?: MockInterviewArgs): Promise<boolean> => {
    const bank = questionBank(vscode.workspace.getConfiguration('starStories').get('questionBank'));
    const question = chooseQuestion(bank, state, args?.question);
    if (!question) return false;
    await state.update(LAST_QUESTION_KEY, question.id);
    await index.build();
    const pairings = state.get<Pairings>(PAIRINGS_KEY, {});
    const paired = pairings[question.id];
    const isPaired = (b: BankedStory) => !!paired && b.file === paired.file && b.story.id === paired.storyId;
    const ranked = rankStoriesFor(index.bank.all().map((b) => ({ story: b.story, banked: b })), question, (x) => isPaired(x.banked));
    if (!ranked.length) {
      void vscode.window.showInformationMessage('STAR Stories: no stories in this workspace yet — write one with "STAR: New Story".');
      return false;
    }
    const items: StoryPick[] = ranked.map(({ banked: b }) => ({
      banked: b,
      label: `${isPaired(b) ? '$(pinned) ' : ''}${b.story.title}`,
      description: b.story.tags.join(', '),
      detail: `${b.file} · about ${formatDuration(b.seconds)} · ${b.complete}/${b.required} sections`,
    }));
    const picked = args?.story
      ? items.find((i) => index.uriOf(i.banked.file)?.toString() === args.story?.uri && i.banked.story.id === args.story?.storyId)
      : await vscode.window.showQuickPick(items, {
        title: `Mock interview: “${question.text}”`,
        placeHolder: question.tags.length ? `Which story answers it? (${question.tags.join(', ')} first)` : 'Which story answers it?',
        matchOnDescription: true,
        ignoreFocusOut: true,
      });
    if (!picked) return false;
    const uri = index.uriOf(picked.banked.file);
    if (!uri) return false;
    await state.update(PAIRINGS_KEY, { ...pairings, [question.id]: { file: picked.banked.file, storyId: picked.banked.story.id } });
    return (await vscode.commands.executeCommand<boolean>('starStories.rehearse', { uri: uri.toString(), storyId: picked.banked.story.id })) ?? false;
  });
}
