// A seeded synthetic story bank: stories in every label style of DESIGN §3 (heading, setext, bold
// paragraph, inline bold, bullet; STAR, STARL, CAR, PAR, SOAR), follow-ups, code in actions, metrics
// (some with wrong arithmetic), mojibake, and Markdown that is not a story — plus the seed files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the team service outage customer deadline migration pipeline latency database release incident ' +
  'stakeholder budget vendor roadmap dashboard alert queue cache rollout review mentor design api ' +
  'we I led owned built measured reduced improved shipped negotiated wrote tested analysed planned ' +
  'quickly carefully weekly daily across within before after because while during under over'
).split(' ');

/** Run from the repository root (npm run bench does). */
export const SEEDS_DIR = join(process.cwd(), 'test', 'fixtures', 'seeds');

export function seedFiles(): { name: string; text: string }[] {
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.md')).sort().map((name) => ({ name, text: readFileSync(join(SEEDS_DIR, name), 'utf8') }));
}

export class StoryBankWriter {
  private readonly next: () => number;
  private count = 0;

  constructor(seed: number) {
    this.next = random(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  private sentence(min = 6, max = 18): string {
    const n = min + Math.floor(this.next() * (max - min));
    const words = Array.from({ length: n }, () => this.pick(WORDS));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return `${words.join(' ')}.`;
  }

  private paragraph(): string {
    return Array.from({ length: 1 + Math.floor(this.next() * 4) }, () => this.sentence()).join(' ');
  }

  private metric(): string {
    const a = 10 + Math.floor(this.next() * 90);
    const b = Math.max(1, Math.floor(a * this.next()));
    const claimed = this.next() < 0.2 ? 50 : Math.round(((a - b) / a) * 100);
    return `Latency went from ${a} ms → ${b} ms (${claimed}% reduction).`;
  }

  private code(): string {
    return '```ts\n' + `const retries = ${Math.floor(this.next() * 9)};\nawait queue.send({ id, retries });\n` + '```';
  }

  /** One story in a label style chosen at random. */
  story(): string {
    const n = ++this.count;
    const style = this.pick(['heading', 'setext', 'bold', 'inline', 'bullet', 'starl', 'car', 'par', 'soar'] as const);
    const title = `Story ${n}: ${this.sentence(3, 6).replace(/\.$/, '')}`;
    const result = `${this.paragraph()} ${this.next() < 0.8 ? this.metric() : 'It went much better.'}`;
    const action = `${this.paragraph()}\n\n${this.next() < 0.3 ? `${this.code()}\n\n` : ''}${this.paragraph()}`;
    const tags = this.next() < 0.5 ? `Tags: ${this.pick(['leadership', 'conflict', 'failure', 'ownership'])}, ${this.pick(['deadline', 'mentoring', 'customer'])}\n\n` : '';
    const followUps = this.next() < 0.3 ? `\n#### Follow-up questions\n\n- Q: ${this.sentence(5, 9).replace(/\.$/, '?')}\n- ${this.sentence(5, 9).replace(/\.$/, '?')}\n` : '';
    const mojibake = this.next() < 0.05 ? ' Deploy time: 40 min â†’ 5 min.' : '';
    switch (style) {
      case 'heading':
        return `## ${title}\n\n${tags}### Situation (30 seconds)\n${this.paragraph()}${mojibake}\n\n### Task\n${this.paragraph()}\n\n### Action\n${action}\n\n### Result\n${result}\n${followUps}`;
      case 'setext':
        return `${title}\n${'='.repeat(title.length)}\n\n${tags}Situation\n---------\n${this.paragraph()}\n\nTask\n----\n${this.paragraph()}\n\nAction\n------\n${action}\n\nResult\n------\n${result}\n`;
      case 'bold':
        return `## ${title}\n\n${tags}**SITUATION (Context Setting - 30 seconds)**\n${this.paragraph()}\n\n**TASK**\n${this.paragraph()}\n\n**ACTION**\n${action}\n\n**RESULT**\n${result}\n${followUps}`;
      case 'inline':
        return `### ${title}\n\n${tags}**Situation:** ${this.paragraph()}\n**Task:** ${this.paragraph()}\n**Action:** ${this.paragraph()}\n**Result:** ${result}\n`;
      case 'bullet':
        return `### ${title}\n\n${tags}- **Context:** ${this.paragraph()}\n- **Goal:** ${this.paragraph()}\n- **Steps Taken**\n    - ${this.sentence()}\n    - ${this.sentence()}\n- **Impact:** ${result}\n`;
      case 'starl':
        return `## ${title}\n\n### Situation\n${this.paragraph()}\n\n### Task\n${this.paragraph()}\n\n### Action\n${action}\n\n### Result\n${result}\n\n### Learning\n${this.paragraph()}\n`;
      case 'car':
        return `## ${title}\n\n**Challenge:** ${this.paragraph()}\n\n**Action:** ${action}\n\n**Result:** ${result}\n`;
      case 'par':
        return `## ${title}\n\n**Problem:** ${this.paragraph()}\n\n**Action:** ${action}\n\n**Result:** ${result}\n`;
      case 'soar':
        return `## ${title}\n\n### Situation\n${this.paragraph()}\n\n### Obstacle\n${this.paragraph()}\n\n### Action\n${action}\n\n### Result\n${result}\n`;
    }
  }

  /** Markdown that is not a story: notes, tables, code, lists. */
  notes(): string {
    return `## Notes ${++this.count}\n\n${this.paragraph()}\n\n| metric | value |\n|---|---|\n| p95 | ${Math.floor(this.next() * 100)} ms |\n\n- ${this.sentence()}\n- ${this.sentence()}\n\n${this.paragraph()}\n`;
  }

  /** A file of about `bytes` characters: a title, then stories and notes. */
  file(bytes: number): string {
    let text = `# Interview stories ${this.count}\n\n${this.paragraph()}\n\n`;
    while (text.length < bytes) text += `${this.next() < 0.85 ? this.story() : this.notes()}\n---\n\n`;
    return text;
  }
}

/** `count` files of `bytes` each on average; the seed files come first (copied, not generated). */
export function storyBank(seed: number, count: number, totalBytes: number): { name: string; text: string }[] {
  const writer = new StoryBankWriter(seed);
  const seeds = seedFiles();
  const out = seeds.slice(0, count);
  const used = out.reduce((n, f) => n + f.text.length, 0);
  const each = Math.max(1000, Math.floor((totalBytes - used) / Math.max(1, count - out.length)));
  while (out.length < count) out.push({ name: `bank-${String(out.length).padStart(3, '0')}.md`, text: writer.file(each) });
  return out;
}

/** One file of about `bytes`: the seed files, then generated stories. */
export function oneBigFile(seed: number, bytes: number): string {
  const writer = new StoryBankWriter(seed);
  let text = seedFiles().map((f) => f.text).join('\n\n');
  while (text.length < bytes) text += `\n\n${writer.file(20000)}`;
  return text;
}
