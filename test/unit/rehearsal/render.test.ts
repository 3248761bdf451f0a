import assert from 'node:assert/strict';
import { contentSecurityPolicy, newNonce, webviewHtml } from '../../../src/rehearsal/html';
import { renderMarkdown } from '../../../src/rehearsal/render';

/** A story section that tries every way out of the page we know of. */
export const HOSTILE_MARKDOWN = [
  'We fixed it. <script>window.__pwned=1</script>',
  '',
  '<img src=x onerror="window.__pwned=1">',
  '',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '',
  '<svg onload="window.__pwned=1"><circle r="5"/></svg>',
  '',
  '[click me](javascript:window.__pwned=1) and [data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+) and [safe](https://example.com)',
  '',
  '</textarea><script>window.__pwned=1</script>',
  '',
  '<!-- --><script>window.__pwned=1</script>',
  '',
  '![x" onerror="window.__pwned=1](x)',
  '',
  '<a href="javascript:window.__pwned=1" onclick="window.__pwned=1">inline html link</a> <b style="color:red">bold</b>',
].join('\n');

describe('rehearsal rendering of untrusted story text', () => {
  const html = renderMarkdown(HOSTILE_MARKDOWN);

  it('keeps no element or attribute that can run code or load anything', () => {
    // Text escapes `<` as `&#x3C;`, so every `<` left is a real tag.
    assert.doesNotMatch(html, /<(?:script|iframe|svg|img|textarea|style|object|embed|form|input)\b/i);
    assert.doesNotMatch(html, /<[^>]*\son\w+\s*=/i, 'no event handler attribute');
    assert.doesNotMatch(html, /<[^>]*\s(?:href|src)="(?:javascript|data):/i);
    assert.doesNotMatch(html, /<[^>]*\sstyle=/i);
    assert.doesNotMatch(html, /<!--/, 'HTML comments are dropped');
  });

  it('shows raw HTML from the file as text, and keeps ordinary links', () => {
    assert.match(html, /&#x3C;script>window.__pwned=1&#x3C;\/script>|&lt;script&gt;window.__pwned=1&lt;\/script&gt;/);
    assert.match(html, /&#x3C;img src=x onerror="window.__pwned=1">|&lt;img src=x onerror=/);
    assert.match(html, /<a href="https:\/\/example.com">safe<\/a>/);
    assert.match(html, /click me/);
  });

  it('puts no story text into the page shell: CSP with a nonce, no inline script or style', () => {
    const nonce = newNonce();
    assert.match(nonce, /^[A-Za-z0-9]{20,}$/);
    assert.notEqual(newNonce(), nonce, 'a fresh nonce each time');
    const csp = contentSecurityPolicy('https://cdn.example', nonce);
    assert.match(csp, /^default-src 'none'; script-src 'nonce-[A-Za-z0-9]+'; style-src https:\/\/cdn.example/);
    const page = webviewHtml({ cspSource: 'https://cdn.example', nonce, scriptUri: 'https://cdn.example/webview.js', styleUri: 'https://cdn.example/rehearsal.css' });
    assert.equal(page.match(/<script/g)?.length, 1);
    assert.match(page, new RegExp(`<script nonce="${nonce}" src="https://cdn.example/webview.js"></script>`));
    assert.doesNotMatch(page, /<style|style=|\son\w+=/);
  });
});
