import { formatDuration, formatSeconds, roleName } from '../../stories/wording';
import { speakingSeconds, storySeconds, storyTarget } from '../../stories/timing';
import type { StoryRule } from './rule';

export const tooLong: StoryRule = {
  scope: 'story',
  code: 'STAR009',
  name: 'too-long',
  defaultSeverity: 'info',
  description:
    'Estimated speaking time (words ÷ words per minute; code blocks count 0) is over the story\'s target — its timing hint, else `targetSeconds` (150 s by default) — or over a section\'s own timing hint. Most answers land best in two to three minutes.',
  bad: '## Migration (2 minutes)\n… 600 words …',
  good: '## Migration (2 minutes)\n… 280 words …',
  check(story, { config }) {
    const problems = [];
    const total = storySeconds(story, config.wordsPerMinute);
    const [, max] = storyTarget(story, config.targetSeconds);
    if (total > max) {
      problems.push({ message: `'${story.title}' takes about ${formatDuration(total)} to tell, over its ${formatDuration(max)} target — trim the longest section.`, range: story.titleRange });
    }
    for (const s of story.sections) {
      if (!s.targetSeconds) continue;
      const seconds = speakingSeconds(s.words, config.wordsPerMinute);
      if (seconds > s.targetSeconds[1]) {
        problems.push({ message: `The ${roleName(s.role)} takes about ${formatDuration(seconds)}, over its ${formatSeconds(s.targetSeconds)} target.`, range: s.labelRange });
      }
    }
    return problems;
  },
};
