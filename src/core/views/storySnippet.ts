// "STAR: New Story" inserts one of the shipped story snippets with the title already filled in, so the
// command and the `star-story-…` snippets can never drift apart.

export interface SnippetDefinition {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

export interface StoryStyle {
  prefix: string;
  name: string;
  description: string;
  body: string;
}

const STORY_PREFIX = /^star-story-/;

/** The story snippets of a `.code-snippets` file, in file order. */
export function storyStyles(snippets: Record<string, SnippetDefinition>): StoryStyle[] {
  return Object.entries(snippets).flatMap(([name, s]) => {
    const prefix = (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).find((p) => STORY_PREFIX.test(p));
    if (!prefix) return [];
    return [{ prefix, name, description: s.description, body: Array.isArray(s.body) ? s.body.join('\n') : s.body }];
  });
}

/** Snippet syntax gives `$`, `}` and `\` meaning; a title must reach the document as typed. */
function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** The snippet body with its title placeholder (`${1:Story title}`) replaced by `title`. */
export function fillStoryTitle(body: string, title: string): string {
  return body.replace(/\$\{1:[^}]*\}/, () => escapeSnippetText(title.trim()));
}
