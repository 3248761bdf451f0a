// Inline directives in the style of markdownlint:
//   <!-- star-stories-disable STAR005 -->  … <!-- star-stories-enable -->
//   <!-- star-stories-disable-next-line STAR008 -->
//   <!-- star-stories-disable-file [STAR005] -->
// With no rule named, a directive applies to every rule. Rules may be named by code or name.
import type { DirectiveFact } from '../read/chunkReader';
import type { LineIndex } from '../read/lines';

const DIRECTIVE = /^star-stories-(disable-next-line|disable-file|disable|enable)(?![\w-])(.*)$/i;

interface Switch {
  line: number;
  enable: boolean;
  rules: string[] | 'all';
}

export class Directives {
  private readonly switches: Switch[] = [];
  private readonly nextLine = new Map<number, string[] | 'all'>();
  private readonly file: string[] | 'all' | undefined;

  constructor(comments: DirectiveFact[], lines: LineIndex) {
    let file: string[] | 'all' | undefined;
    for (const c of comments) {
      const m = DIRECTIVE.exec(c.comment);
      if (!m) continue;
      const named = m[2].split(/[\s,]+/).filter(Boolean).map((r) => r.toLowerCase());
      const rules = named.length ? named : 'all';
      const kind = m[1].toLowerCase();
      const line = lines.positionAt(c.start).line;
      if (kind === 'disable-file') file = rules === 'all' || file === 'all' ? 'all' : [...(file ?? []), ...rules];
      else if (kind === 'disable-next-line') this.nextLine.set(lines.positionAt(c.end).line + 1, rules);
      else this.switches.push({ line, enable: kind === 'enable', rules });
    }
    this.file = file;
  }

  /** Whether there is no directive at all (most files). */
  get none(): boolean {
    return this.file === undefined && this.nextLine.size === 0 && this.switches.length === 0;
  }

  isDisabled(code: string, name: string, line: number): boolean {
    const names = [code.toLowerCase(), name.toLowerCase()];
    const hits = (rules: string[] | 'all' | undefined) => rules === 'all' || (rules?.some((r) => names.includes(r)) ?? false);
    if (hits(this.file) || hits(this.nextLine.get(line))) return true;
    let disabled = false;
    for (const s of this.switches) {
      if (s.line > line) break;
      if (hits(s.rules)) disabled = !s.enable;
    }
    return disabled;
  }
}
