// Story Markdown → HTML for the panel, in the analysis worker (never on the extension host):
// remark-parse → remark-rehype → rehype-sanitize → rehype-stringify. Story files are untrusted: raw HTML is shown as text (HTML comments — such as
// lint directives — are dropped), images become their alt text, and the sanitiser removes anything
// the GitHub-style schema does not allow (scripts, iframes, event handlers, `javascript:` URLs, style
// attributes). No `vscode` import, so unit tests run it in plain Node.
import type { Element, Text } from 'hast';
import type { Html, Image } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { escapeHtml } from './html';

const schema: SanitizeSchema = {
  ...defaultSchema,
  // No images (they would load from the network), no form controls, nothing that runs.
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['img', 'input', 'picture', 'source'].includes(t)),
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https'] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkRehype, {
    handlers: {
      html: (_state, node: Html, parent): Element | Text | undefined => {
        if (/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return undefined;
        const text: Text = { type: 'text', value: node.value };
        // Block HTML becomes a paragraph of text; inline HTML stays text inside its paragraph.
        return parent && parent.type !== 'root' && parent.type !== 'blockquote' && parent.type !== 'listItem'
          ? text
          : { type: 'element', tagName: 'p', properties: {}, children: [text] };
      },
      image: (_state, node: Image): Element | Text =>
        node.alt ? { type: 'element', tagName: 'em', properties: {}, children: [{ type: 'text', value: node.alt }] } : { type: 'text', value: '' },
    },
  })
  .use(rehypeSanitize, schema)
  .use(rehypeStringify)
  .freeze();

/** Sanitised HTML for a piece of story Markdown. Never throws: on failure the text comes back escaped. */
export function renderMarkdown(markdown: string): string {
  try {
    return String(processor.processSync(markdown));
  } catch {
    return `<p>${escapeHtml(markdown)}</p>`;
  }
}
