// Tiny DOM helpers. Text always goes in through textContent; the only HTML the webview ever parses is
// the story's sanitised section HTML from the host (see `setSanitisedHtml`). No inline styles or
// handlers in markup: the CSP forbids them, so styles are classes and sizes are set through CSSOM.

type Child = Node | string | false | null | undefined;
type Attributes = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Element, children: Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A button that runs `action` on click and gives focus back to the page, so Space keeps meaning "next". */
export function button(label: Child | Child[], action: () => void, attributes: Attributes = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attributes }, ...(Array.isArray(label) ? label : [label]));
  b.addEventListener('click', (event) => {
    action();
    if (event.detail > 0) b.blur();
  });
  return b;
}

/** A key cap, e.g. `Space`. */
export function kbd(text: string): HTMLElement {
  return h('kbd', {}, text);
}

/** Section HTML from the host, already sanitised there (remark → rehype-sanitize). */
export function setSanitisedHtml(element: HTMLElement, html: string): HTMLElement {
  element.innerHTML = html;
  return element;
}

/** Sets a length through CSSOM (allowed by the CSP, unlike a `style` attribute). */
export function setSize(element: HTMLElement | SVGElement, property: 'width' | 'left' | 'flex-grow' | 'height', value: string): void {
  element.style.setProperty(property, value);
}
