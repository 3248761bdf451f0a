// Lint findings as a person meets them: open a story file, see its STAR findings in the Problems
// panel at the right lines, hover a squiggle and read the message. Screenshots go to test-results/e2e/.
import assert from 'node:assert/strict';
import { boxAround, closeWorkbench, goToLine, openFile, openWorkbench, reportFailure, screenshot } from './workbench.mjs';

const seed = '003_ef79ab7181eafc2e.md';
// From test/fixtures/expected.json (findings.must) and `star-stories lint` on the seed.
const expected = [
  { code: 'STAR005', line: 186, message: "The Result of 'Process' has no number" },
  { code: 'STAR001', line: 259, message: "Story 'Process' has no Situation" },
  { code: 'STAR005', line: 268, message: "The Result of 'Process' has no number" },
];

describe('lint findings in the editor', function () {
  let page;
  let editor;

  before(async function () {
    this.timeout(120_000);
    page = await openWorkbench();
    editor = await openFile(page, seed);
  });

  afterEach(async function () {
    await reportFailure(this.currentTest, page);
  });

  after(async function () {
    await closeWorkbench(page);
  });

  /** The Problems panel row of one finding: its code and its `[Ln N, Col M]`. */
  function problemRow(code, line) {
    return page.locator('.markers-panel .monaco-list-row')
      .filter({ has: page.locator('.marker-code', { hasText: code }) })
      .filter({ has: page.locator('.marker-line', { hasText: `[Ln ${line},` }) });
  }

  it(`lists the STAR findings of ${seed} in the Problems panel at their lines`, async function () {
    this.timeout(120_000); // the first findings wait for the extension to activate and lint
    // The status bar's problem counter opens the Problems panel, as it would for a person.
    // On a loaded machine the workbench can take longer than Playwright's default 30 s to draw it.
    await page.locator('#status\\.problems').click({ timeout: 90_000 });
    await page.locator('.markers-panel').waitFor();
    await page.locator('.markers-panel .monaco-list-row', { hasText: seed }).waitFor({ timeout: 30_000 });
    for (const finding of expected) {
      const row = problemRow(finding.code, finding.line);
      await row.waitFor({ timeout: 30_000 });
      assert.match(await row.innerText(), new RegExp(finding.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.match(await row.innerText(), /STAR Stories/, 'the source is named');
    }
    // A click on a finding takes the editor to it.
    await problemRow('STAR001', 259).click();
    await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 259, Col 1' }).waitFor();
    await rehearseLens().waitFor();
    await screenshot(page, '10-problems-panel');
  });

  /** A Rehearse CodeLens in view (lenses arrive after the text and push the lines below them down). */
  function rehearseLens() {
    return editor.locator('.contentWidgets .codelens-decoration', { hasText: 'Rehearse' }).filter({ visible: true }).first();
  }

  it('shows the message when the mouse rests on a squiggle', async function () {
    // The Problems panel stays open: the picture shows the squiggle, its hover and the list together.
    await goToLine(page, 259);
    await rehearseLens().waitFor();
    await page.locator('.statusbar-item', { hasText: 'Indexing stories' }).waitFor({ state: 'detached', timeout: 30_000 });
    // The squiggle on line 259: the warning decoration level with that line number in the gutter. Found
    // again at each attempt: CodeLenses arriving push the lines down, and the squiggles are re-rendered.
    const lineNumber = editor.locator('.margin-view-overlays .line-numbers', { hasText: /^259$/ });
    const squiggles = editor.locator('.view-overlays .squiggly-warning');
    const findSquiggle = async () => {
      await lineNumber.waitFor();
      await squiggles.first().waitFor();
      const lineBox = await lineNumber.boundingBox();
      for (const candidate of await squiggles.all()) {
        const box = await candidate.boundingBox();
        if (box && lineBox && Math.abs(box.y + box.height / 2 - (lineBox.y + lineBox.height / 2)) < lineBox.height / 2) return { locator: candidate, box };
      }
      return undefined;
    };
    // A hover closes when the findings are published again (the background index finishing, say), or
    // never opens when the line moved under the mouse: take the pictures while it is up, else hover again.
    const hover = page.locator('.monaco-hover', { hasText: "Story 'Process' has no Situation" }).filter({ visible: true });
    for (let attempt = 1; ; attempt++) {
      const squiggle = await findSquiggle();
      assert.ok(squiggle, 'line 259 has a warning squiggle');
      await page.mouse.move(squiggle.box.x + Math.min(40, squiggle.box.width / 2), squiggle.box.y + squiggle.box.height / 2);
      const shown = await hover.waitFor({ timeout: 10_000 }).then(() => true, () => false);
      if (shown) {
        assert.match(await hover.innerText(), /STAR001/);
        const clip = await boxAround([squiggle.locator, hover, lineNumber], 24);
        await screenshot(page, '11-squiggle-hover-detail', { clip });
        await screenshot(page, '11-squiggle-hover');
        if (await hover.isVisible()) break;
      }
      if (attempt === 3) assert.fail(shown ? 'the hover keeps closing before its picture is taken' : 'no hover over the squiggle on line 259');
      await page.mouse.move(0, 0);
    }
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
  });
});
