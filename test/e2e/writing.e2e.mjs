// Writing stories, as a person sees it in the shipped examples/ story bank (a temp copy): the Story
// Explorer grouped by file and by tag and kept current while a story is written, the CodeLens above
// each story, and the highlighting of labels, timing hints and metrics. Screenshots go to
// test-results/e2e/; the best are copied to docs/images/ for the README.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeEditor, boxAround, closeWorkbench, exampleWorkspace, goToLine, openFile, openWorkbench, reportFailure, screenshot } from './workbench.mjs';

const storyDescription = /^\d\/\d · (\d+m)?(\d+s)?( · \d+ problems?)?$/;
const lensTitle = /^▶ Rehearse · (\d+m)?(\d+s)? · \d\/\d sections$/;

describe('writing stories', function () {
  let page;
  let sidebar;
  let folder;

  before(async function () {
    this.timeout(120_000);
    folder = exampleWorkspace();
    page = await openWorkbench({ folder, viewport: { width: 1440, height: 900 } });
    sidebar = page.locator('.part.sidebar');
  });

  afterEach(async function () {
    await reportFailure(this.currentTest, page);
  });

  after(async function () {
    await closeWorkbench(page);
  });

  /** The Story Explorer row whose label is exactly `label`. */
  function row(label) {
    return sidebar.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
  }

  /** Drags the sash at the side bar's right edge until the side bar is `width` pixels wide. */
  async function widenSidebar(width) {
    const box = await sidebar.boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width, y);
    await page.mouse.down();
    await page.mouse.move(box.x + width, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((min) => document.querySelector('.part.sidebar').getBoundingClientRect().width >= min, width - 10);
    await page.mouse.move(0, box.y + box.height - 1); // out of the way of tooltips and hovers
  }

  /** Opens the story's file from the Story Explorer (a click reveals the story) and returns its editor. */
  async function openStory(title, file) {
    await row(title).click();
    const editor = await activeEditor(page, file);
    // Revealing selects the story's title and focuses the editor: wait for it, or it lands after the
    // next step has opened the command palette, and closes it.
    await page.locator('#status\\.editor\\.selection', { hasText: /selected\)/ }).waitFor();
    return editor;
  }

  async function description(label) {
    return (await row(label).locator('.label-description').first().textContent())?.trim() ?? '';
  }

  it('lists every story in the Story Explorer grouped by file, with completeness and speaking time', async function () {
    this.timeout(120_000); // the first rows wait for the extension to activate and index the workspace
    await page.locator('.activitybar .action-item .action-label[aria-label^="STAR Stories"]').click();
    await sidebar.locator('.title-label', { hasText: /STAR Stories/i }).waitFor();
    await widenSidebar(440);
    for (const file of ['leadership.md', 'needs-work.md', 'technical.md']) await row(file).waitFor({ timeout: 30_000 });
    await row('Coverage').waitFor();
    assert.match(await description('Coverage'), /^\d+\/10 competencies$/);
    for (const story of ['Turning around a late migration', 'Mentoring a new team lead', 'Handling a difficult stakeholder', 'Choosing Postgres over a document store']) {
      await row(story).waitFor();
      assert.match(await description(story), storyDescription, story);
    }
    // Sections are the story's children; clicking the story reveals it in the editor.
    await row('Turning around a late migration').locator('.monaco-tl-twistie').click();
    for (const section of ['Situation', 'Task', 'Action', 'Result']) await row(section).first().waitFor();
    await openStory('Turning around a late migration', 'leadership.md');
    await page.locator('#status\\.editor\\.selection', { hasText: /^Ln 8,/ }).waitFor();
    await page.locator('.codelens-decoration', { hasText: 'Rehearse' }).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
    await screenshot(page, '20-explorer-by-file');
  });

  it('updates the Story Explorer while a story is written', async function () {
    const story = 'Handling a difficult stakeholder';
    assert.match(await description(story), /^3\/4 · /, 'the story starts without a Situation');
    await openStory(story, 'needs-work.md');
    await goToLine(page, 9);
    await page.keyboard.press('Home');
    await page.keyboard.insertText('**Situation:** Two weeks before launch, the product manager rejected our redesign in a review.\n\n');
    await row(story).filter({ has: page.locator('.label-description', { hasText: /^4\/4 · / }) }).waitFor({ timeout: 15_000 });
    // The story's sections, the new Situation first.
    await row(story).locator('.monaco-tl-twistie').click();
    const index = Number(await row(story).getAttribute('data-index'));
    await sidebar.locator(`.monaco-list-row[data-index="${index + 1}"]`, { hasText: 'Situation' }).waitFor();
    await page.keyboard.press('Control+1'); // back to the editor, the cursor where it was
    await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
    await screenshot(page, '21-explorer-story-being-written');
    // Clean up: the browser workbench saves after a short delay (files.autoSave), so delete the two
    // lines typed, which is saved back the same way.
    await goToLine(page, 9);
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    await row(story).filter({ has: page.locator('.label-description', { hasText: /^3\/4 · / }) }).waitFor({ timeout: 15_000 });
  });

  it('groups the Story Explorer by tag from the view title, and back by file', async function () {
    await sidebar.getByRole('button', { name: 'Group Stories by Tag' }).click();
    for (const tag of ['leadership', 'conflict', 'technical decision']) await row(tag).waitFor();
    await row('leadership.md').waitFor({ state: 'detached' });
    await page.mouse.move(900, 800); // away from the button, so that its tooltip goes
    await page.locator('.workbench-hover-container', { hasText: 'Group Stories by File' }).waitFor({ state: 'hidden' });
    await screenshot(page, '22-explorer-by-tag');
    await sidebar.getByRole('button', { name: 'Group Stories by File' }).click();
    await row('leadership.md').waitFor();
    await sidebar.getByRole('button', { name: 'Group Stories by Tag' }).waitFor();
  });

  it('offers "Fill in this template" above an unfilled template, and the lens selects its first placeholder', async function () {
    this.timeout(120_000);
    writeFileSync(join(folder, 'to-write.md'), ['# Stories to write', '', '## Customer escalation', '', 'Situation: [what was going on]', 'Task: ___', 'Action: TBD', 'Result: TBD', ''].join('\n'));
    const editor = await openFile(page, 'to-write.md');
    const lens = editor.locator('.contentWidgets .codelens-decoration', { hasText: 'Fill in this template' }).filter({ visible: true });
    await lens.first().waitFor({ timeout: 30_000 });
    await screenshot(page, '24-template-lens', { clip: await boxAround([lens.first(), editor.locator('.view-line', { hasText: 'Result: TBD' })], 12) });
    await lens.first().locator('a').first().click();
    // "[what was going on]" is 19 characters.
    await page.locator('#status\\.editor\\.selection', { hasText: '(19 selected)' }).waitFor();
  });

  it('shows a Rehearse CodeLens above each story', async function () {
    const editor = await openStory('Turning around a late migration', 'leadership.md');
    const lenses = editor.locator('.contentWidgets .codelens-decoration', { hasText: 'Rehearse' }).filter({ visible: true });
    /** The lens drawn just above the heading line that contains `title`. */
    const lensAbove = async (title) => {
      const heading = editor.locator('.view-line', { hasText: title }).first();
      await heading.waitFor();
      await lenses.first().waitFor({ timeout: 15_000 });
      const headingBox = await heading.boundingBox();
      for (const lens of await lenses.all()) {
        const box = await lens.boundingBox();
        if (box && box.y < headingBox.y && headingBox.y - box.y < 2 * headingBox.height) return { lens, heading };
      }
      assert.fail(`no CodeLens above '${title}': ${JSON.stringify(await lenses.allTextContents())}`);
    };
    await goToLine(page, 1);
    const first = await lensAbove('## Turning around a late migration');
    assert.match((await first.lens.textContent()).trim(), lensTitle);
    await screenshot(page, '23-codelens');
    await screenshot(page, '23-codelens-detail', { clip: await boxAround([first.lens, first.heading, editor.locator('.view-line', { hasText: 'Two engineers had left' })], 12) });
    await goToLine(page, 40);
    const second = await lensAbove('## Mentoring a new team lead');
    assert.match((await second.lens.textContent()).trim(), lensTitle);
  });

  it('colours labels, timing hints and metrics with the theme', async function () {
    const editor = await openStory('Turning around a late migration', 'leadership.md');
    await goToLine(page, 29); // the blank line after the Result: no cursor or light bulb in the picture
    /** The colour and class of the token (rendered span) that contains `text` on the line that contains `lineText`. */
    const token = async (lineText, text) => {
      const line = editor.locator('.view-line', { hasText: lineText }).first();
      await line.waitFor();
      const span = line.locator('span > span', { hasText: text }).first();
      return span.evaluate((el) => ({ text: el.textContent, className: el.className, color: getComputedStyle(el).color }));
    };
    const heading = await token('### Situation (20 seconds)', '###');
    const label = await token('### Situation (20 seconds)', 'Situation');
    const timing = await token('### Situation (20 seconds)', '20 seconds');
    const prose = await token('We finished one week early', 'We finished one week early');
    const metric = await token('We finished one week early', '1,200');
    const arrow = await token('We finished one week early', '→');
    assert.notEqual(label.text.trim(), heading.text.trim(), `the label is a token of its own: ${JSON.stringify(label)}`);
    assert.notEqual(label.color, heading.color, `the label is coloured apart from its heading: ${JSON.stringify([label, heading])}`);
    assert.notEqual(timing.color, label.color, `the timing hint is coloured apart from the label: ${JSON.stringify([timing, label])}`);
    assert.notEqual(metric.color, prose.color, `the metric is coloured apart from the prose: ${JSON.stringify([metric, prose])}`);
    assert.notEqual(arrow.className, prose.className, `the arrow is a token of its own: ${JSON.stringify([arrow, prose])}`);
    await screenshot(page, '24-highlighting');
    const lines = ['### Situation (20 seconds)', '### Result (30 seconds)', 'We finished one week early', 'and the runbook became'];
    await screenshot(page, '24-highlighting-detail', { clip: await boxAround(lines.map((l) => editor.locator('.view-line', { hasText: l }).first()), 12) });
  });
});
