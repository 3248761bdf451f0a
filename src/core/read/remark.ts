import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse);

/** CommonMark parse of one chunk (positions relative to the chunk). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
