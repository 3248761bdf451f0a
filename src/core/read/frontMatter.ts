// The few front-matter keys a story bank uses (`title`, `question`, `tags`, `star`). A full YAML parser
// would be most of the bundle for four flat keys; anything this reader does not understand is ignored.

export interface FrontMatter {
  title?: string;
  question?: string;
  tags: string[];
  star: boolean;
}

function unquote(value: string): string {
  const v = value.trim();
  const m = /^(["'])(.*)\1$/.exec(v);
  return m ? m[2] : v;
}

function list(value: string): string[] {
  const v = value.trim();
  const inner = /^\[(.*)\]$/.exec(v)?.[1] ?? v;
  return inner.split(',').map(unquote).filter(Boolean);
}

export function readFrontMatter(body: string | undefined): FrontMatter {
  const fm: FrontMatter = { tags: [], star: false };
  if (!body) return fm;
  const lines = body.split(/\r?\n|\r/);
  lines.forEach((line, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) return;
    const key = m[1].toLowerCase();
    const value = m[2];
    if (key === 'title' && value.trim()) fm.title = unquote(value);
    else if (key === 'question' && value.trim()) fm.question = unquote(value);
    else if (key === 'star' || key === 'star-story') fm.star = /^(true|yes|on)$/i.test(value.trim());
    else if (key === 'tags') {
      if (value.trim()) fm.tags = list(value);
      else {
        for (let j = i + 1; j < lines.length && /^\s+-\s+/.test(lines[j]); j++) fm.tags.push(unquote(lines[j].replace(/^\s+-\s+/, '')));
      }
    }
  });
  fm.tags = fm.tags.map((t) => t.toLowerCase());
  return fm;
}
