// Where each rule is documented. Apart from the catalogue, so that code which only links to the docs
// (the extension host) does not bundle every rule and its dependencies.
export const RULE_DOCS = 'https://github.com/star-stories/star-stories/blob/main/docs/rules.md';

/** Where the Problems panel and SARIF viewers link each rule code. */
export function ruleDocsUrl(code: string): string {
  return `${RULE_DOCS}#${code.toLowerCase()}`;
}
