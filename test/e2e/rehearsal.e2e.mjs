// The rehearsal panel as a person uses it: STAR: Rehearse Story from the command palette, a story
// picked from the quick pick, Space through the sections while the section clock runs, the report at
// the end. Then a story full of HTML and script tries to break out of the webview and must not: the
// text shows, a sentinel global stays undefined in every frame, and the CSP reports no violation.
// Screenshots of each step go to test-results/e2e/.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeWorkbench, screenshotFailures, codeServer, escapeRegExp, openCommandPalette, openWorkbench, paletteEntry, runFromCommandPalette, screenshot } from './workbench.mjs';

const seed = '001_0100f59d336e01c0.md';
const firstStory = 'Story 1: Handling NetSuite Timeout Issues';
const hostileFile = 'zz-hostile-story.md';
const hostileTitle = 'Hostile story <img src=x onerror="window.__pwned=1">';

const HOSTILE_STORY = `## ${hostileTitle}

**Situation:** It started with <script>window.__pwned=1</script> in a ticket and <img src=x onerror="window.__pwned=1"> in a comment.

<iframe src="javascript:window.__pwned=1"></iframe>

<svg onload="window.__pwned=1"><circle r="5"/></svg>

**Task:** Links: [click me](javascript:window.__pwned=1), [data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+) and <a href="javascript:window.__pwned=1" onclick="window.__pwned=1">raw anchor</a>.

**Action:** I closed the textarea </textarea><script>window.__pwned=1</script> and the comment <!-- --><script>window.__pwned=1</script> and tried <style>body{display:none}</style> and <b style="color:red" onmouseover="window.__pwned=1">bold</b>.

**Result:** Injection attempts went from 7 to 0, a 100% reduction.
`;

/** A clock that has left 0:00 (it may skip a second on a busy machine). */
const MOVED_ON = /^(?!0:00$)\d+:\d\d$/;

const firstStoryKey = `${seed}#story-1-handling-netsuite-timeout-issues`;

/** Four earlier attempts at the first story, getting closer to its 2:30 target, as the history file holds them. */
function pastAttempts() {
  const targets = { situation: [23, 23], task: [15, 15], action: [83, 83], result: [30, 30] };
  const attempts = [
    [38, 24, 110, 33],
    [31, 20, 101, 32],
    [27, 17, 92, 32],
    [24, 15, 84, 30],
  ].map((seconds, i) => {
    const sections = Object.entries(targets).map(([role, target], j) => ({ role, label: role[0].toUpperCase() + role.slice(1), seconds: seconds[j], targetSeconds: target }));
    return {
      storyKey: firstStoryKey,
      storyTitle: firstStory,
      file: seed,
      at: new Date(Date.UTC(2026, 10, 3 + i * 3, 9)).toISOString(),
      mode: ['full', 'full', 'cue', 'labels'][i],
      completed: true,
      totalSeconds: seconds.reduce((a, b) => a + b, 0),
      targetSeconds: [150, 150],
      sections,
    };
  });
  const schedule = { intervalDays: 2, dueAt: '2026-11-14T09:00:00.000Z', lastAt: '2026-11-12T09:00:00.000Z', streak: 2 };
  return { version: 1, stories: { [firstStoryKey]: { title: firstStory, file: seed, attempts, schedule } } };
}

/** The rehearsal webview's own document (VS Code nests it in two iframes). */
function webview(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Runs STAR: Rehearse Story and picks the story titled `title` from its quick pick. */
async function rehearseFromPalette(page, title) {
  // The palette opened for the first time in a fresh window sometimes lists no match until it is
  // reopened: give it three tries of five seconds each.
  for (let attempt = 1; ; attempt++) {
    const input = await openCommandPalette(page);
    await input.fill('>STAR: Rehearse Story');
    try {
      await paletteEntry(page, 'STAR: Rehearse Story').waitFor({ timeout: 5_000 });
      // "Rehearse Random Story" matches too and may be listed first: choose ours by clicking it.
      await paletteEntry(page, 'STAR: Rehearse Story').click();
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }
  }
  const picker = page.locator('.quick-input-widget .quick-input-box input[placeholder^="Which story?"]');
  await picker.waitFor({ timeout: 30_000 });
  await picker.fill(title);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*(?:\\$\\(history\\)\\s*)?${escapeRegExp(title)}$`) }) });
  await row.first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await webview(page).locator('.story-head h1', { hasText: title }).waitFor({ timeout: 30_000 });
}

/** Opens the first story of the seed in the panel and speaks into its Task (Space twice). */
async function startAtTask(page) {
  const view = webview(page);
  await rehearseFromPalette(page, firstStory);
  await view.locator('.stage').click();
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await view.locator('.sections li.current', { hasText: 'Task' }).waitFor();
  return view;
}

/** Every frame of the page, with what it holds of the sentinel and our CSP violation counter. */
async function frameReports(page) {
  return Promise.all(
    page.frames().map((frame) =>
      frame
        .evaluate(() => ({ url: location.href.slice(0, 80), pwned: typeof window.__pwned, csp: document.body?.dataset.cspViolations, app: !!document.getElementById('app') }))
        .catch((error) => ({ url: frame.url().slice(0, 80), error: String(error).split('\n')[0] })),
    ),
  );
}

describe('the rehearsal panel', function () {
  let page;

  before(async function () {
    page = await openWorkbench();
  });

  afterEach(screenshotFailures('rehearsal-', () => page));

  after(async function () {
    rmSync(join(codeServer().workspace, hostileFile), { force: true });
    await closeWorkbench(page);
  });

  it('opens from the command palette, times each section as Space moves on, and ends with the report', async function () {
    this.timeout(180_000); // two clocks are watched in real time
    // Past attempts in the extension's global storage, written before the extension reads them.
    const storage = join(codeServer().userDataDir, 'User/globalStorage/star-stories.star-stories');
    mkdirSync(storage, { recursive: true });
    writeFileSync(join(storage, 'rehearsal-history.json'), JSON.stringify(pastAttempts()));
    await page.getByRole('treeitem', { name: seed, exact: true }).click();
    await page.locator('.monaco-editor .view-lines', { hasText: firstStory }).waitFor({ timeout: 60_000 });
    await rehearseFromPalette(page, firstStory);
    const view = webview(page);
    await view.locator('.stage', { hasText: 'Press Space to start' }).waitFor();
    await screenshot(page, '10-rehearsal-ready');

    // Focus the panel's document, as a click into it would, then speak section by section.
    await view.locator('.stage').click();
    const names = ['Situation', 'Task', 'Action', 'Result'];
    for (const [i, name] of names.entries()) {
      await page.keyboard.press('Space');
      await view.locator('.sections li.current', { hasText: name }).waitFor();
      await view.locator('.section-clock .clock-name', { hasText: name }).waitFor();
      if (i === 0 || i === 2) {
        // The section clock moves on its own: wait for it to show one second.
        await view.locator('.section-clock .time', { hasText: MOVED_ON }).waitFor({ timeout: 10_000 });
        assert.equal(await view.locator('.sections li.done').count(), i);
      }
      if (i === 2) await screenshot(page, '11-rehearsal-action-running');
    }
    const storyClock = await view.locator('.story-clock .time').textContent();
    assert.notEqual(storyClock, '0:00', 'the story clock has run');
    await page.keyboard.press('ArrowRight'); // → also moves on: past the last section it finishes
    await view.locator('.report .verdict').waitFor({ timeout: 20_000 });
    const rows = await view.locator('.report table.rows tbody tr td:first-child').allTextContents();
    assert.deepEqual(rows, [...names, 'Total']);
    assert.match(await view.locator('.report .headline').textContent(), /target/);
    // A skim through the sections keeps the story's 2-day interval.
    await view.locator('.report .due', { hasText: 'Next rehearsal: next in 2 days.' }).waitFor();
    await view.locator('.report .history h3', { hasText: 'Past attempts (5)' }).waitFor();
    assert.equal(await view.locator('.report svg.chart g.attempt').count(), 5, 'the chart has a bar for each attempt');
    await view.locator('.report svg.chart').scrollIntoViewIfNeeded();
    await view.locator('.drill .question').waitFor();
    await screenshot(page, '12-rehearsal-report');

    // The follow-up drill: F starts a 60-second clock.
    await page.keyboard.press('f');
    await view.locator('.drill .drill-clock .time', { hasText: MOVED_ON }).waitFor({ timeout: 10_000 });
    await screenshot(page, '13-rehearsal-follow-up-drill');
  });

  it('fades the script by mode: cue cards, labels only, blank and the 60-second cut', async function () {
    this.timeout(120_000);
    const view = webview(page);
    // The panel is reused for the same story; Restart (a click, as the legend offers) starts afresh.
    await rehearseFromPalette(page, firstStory);
    await view.locator('button.key[data-action="restart"]').click();
    await view.locator('.stage', { hasText: 'Press Space to start' }).waitFor();
    for (const [mode, expectation] of [
      ['Cue cards', '.stage .first-sentence'],
      ['Labels only', '.stage .cue-label'],
      ['Blank', '.stage .cue.blank'],
      ['60-second cut', '.stage .cut-lines li'],
    ]) {
      await view.locator('button.mode', { hasText: mode }).click();
      await view.locator(`button.mode[aria-pressed="true"]`, { hasText: mode }).waitFor();
      await view.locator(expectation).first().waitFor();
      await screenshot(page, `14-mode-${mode.toLowerCase().replace(/\W+/g, '-')}`);
    }
    assert.equal(await view.locator('.stage .script').count(), 0, 'the 60-second cut does not show the full text');

    // Full text with the teleprompter: the long Action scrolls by itself at the speaking pace.
    await view.locator('button.mode', { hasText: 'Full text' }).click();
    await view.locator('button.teleprompter').click();
    await view.locator('button.teleprompter[aria-pressed="true"]').waitFor();
    await view.locator('.stage').click();
    for (const name of ['Situation', 'Task', 'Action']) {
      await page.keyboard.press('Space');
      await view.locator('.sections li.current', { hasText: name }).waitFor();
    }
    const stage = await view.locator('.stage').elementHandle();
    await stage.waitForElementState('stable');
    const frame = await stage.ownerFrame();
    await frame.waitForFunction((el) => el.scrollTop > 20, stage, { timeout: 20_000 });
    await screenshot(page, '14-mode-teleprompter');
    await view.locator('button.key[data-action="restart"]').click();
    await view.locator('button.teleprompter').click();
    await view.locator('button.teleprompter[aria-pressed="false"]').waitFor();
  });

  it('renders a story full of HTML and script as text and runs none of it', async function () {
    this.timeout(120_000);
    writeFileSync(join(codeServer().workspace, hostileFile), HOSTILE_STORY);
    await rehearseFromPalette(page, hostileTitle);
    const view = webview(page);
    await view.locator('.stage .script', { hasText: 'It started with <script>window.__pwned=1</script> in a ticket' }).waitFor();
    await view.locator('.stage').click();
    for (const name of ['Situation', 'Task', 'Action', 'Result']) {
      await page.keyboard.press('Space');
      await view.locator('.sections li.current', { hasText: name }).waitFor();
      const live = await view.locator('.stage').evaluate((stage) => ({
        elements: [...stage.querySelectorAll('script, iframe, img, svg, style, textarea, object, embed, form, link, meta')].map((e) => e.tagName),
        handlers: [...stage.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style').map((a) => `${e.tagName} ${a.name}`)),
        links: [...stage.querySelectorAll('[href], [src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')).filter((url) => !/^https?:/i.test(url)),
      }));
      assert.deepEqual(live, { elements: [], handlers: [], links: [] }, `${name}: nothing live from the story`);
      if (name === 'Action') {
        await view.locator('.stage', { hasText: 'I closed the textarea </textarea><script>window.__pwned=1</script> and the comment' }).waitFor();
        await screenshot(page, '15-hostile-story-as-text');
      }
    }
    // Let the mouse pass over everything, as a person would.
    await view.locator('.stage').hover();
    await view.locator('.story-head h1').hover();

    const reports = await frameReports(page);
    const app = reports.filter((r) => r.app);
    assert.equal(app.length, 1, `exactly one frame holds the panel: ${JSON.stringify(reports)}`);
    assert.equal(app[0].csp, '0', `no CSP violation in the panel: ${JSON.stringify(app[0])}`);
    for (const r of reports) assert.notEqual(r.pwned, 'number', `window.__pwned was set in ${r.url}`);
    assert.equal(await view.locator('.story-head h1').textContent(), hostileTitle, 'the title is shown as text');
    await page.keyboard.press('Escape');
  });

  it('follows the colour theme: dark and high contrast, through theme variables only', async function () {
    this.timeout(150_000);
    const view = await startAtTask(page);
    try {
      for (const [theme, bodyClass, name] of [
        ['Dark Modern', 'vscode-dark', 'dark'],
        ['Dark High Contrast', 'vscode-high-contrast', 'high-contrast'],
      ]) {
        await selectColorTheme(page, theme);
        await view.locator(`body.${bodyClass}`).waitFor({ timeout: 30_000 });
        // The Task's 15-second target passes while we wait: its clock and bar turn to the warning colour.
        await view.locator('.section-clock.over .fill.over').waitFor({ timeout: 30_000 });
        const colours = await view.locator('.section-clock').evaluate((clock) => ({
          border: getComputedStyle(clock).borderTopColor,
          background: getComputedStyle(clock).backgroundColor,
          time: getComputedStyle(clock.querySelector('.time')).color,
          fill: getComputedStyle(clock.querySelector('.fill')).backgroundColor,
          warning: getComputedStyle(document.documentElement).getPropertyValue('--vscode-editorWarning-foreground').trim(),
        }));
        assert.ok(colours.warning, `the theme defines its warning colour (${name})`);
        assert.notEqual(colours.border, 'rgba(0, 0, 0, 0)', `the clock has a visible border in ${name}`);
        assert.notEqual(colours.fill, 'rgba(0, 0, 0, 0)', `the bar past its target is filled in ${name}`);
        assert.notEqual(colours.time, colours.background, `the clock's time stays readable on its background in ${name}`);
        await screenshot(page, `16-rehearsal-${name}`);
      }
    } finally {
      await selectColorTheme(page, 'Light Modern');
    }
    await view.locator('body.vscode-light').waitFor({ timeout: 30_000 });
    await page.keyboard.press('r');
  });

  it('keeps the attempt in progress across a window reload', async function () {
    this.timeout(240_000);
    const view = await startAtTask(page);
    await view.locator('.story-clock .time', { hasText: MOVED_ON }).waitFor({ timeout: 10_000 });
    // Reload as a person does (Developer: Reload Window), which lets the workbench save its editors first.
    const reloaded = page.waitForEvent('load', { timeout: 120_000 });
    await runFromCommandPalette(page, 'Developer: Reload Window', 'Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    // VS Code restores the panel through the extension's serializer; the webview restores its state.
    await view.locator('.story-head h1', { hasText: firstStory }).waitFor({ timeout: 120_000 });
    await view.locator('.sections li.current', { hasText: 'Task' }).waitFor({ timeout: 30_000 });
    assert.equal(await view.locator('.sections li.done').count(), 1, 'the Situation is still done');
    assert.notEqual(await view.locator('.story-clock .time').textContent(), '0:00', 'the story clock kept its time');
    await screenshot(page, '17-rehearsal-after-reload');
    await page.keyboard.press('Escape');
  });
});

/** Preferences: Color Theme, then the theme labelled `label`. */
async function selectColorTheme(page, label) {
  const input = await openCommandPalette(page);
  await input.fill('>Preferences: Color Theme');
  await paletteEntry(page, 'Preferences: Color Theme').click();
  const picker = page.locator('.quick-input-widget .quick-input-box input');
  await page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: /Modern|Contrast/ }).first().waitFor();
  await picker.fill(label);
  await page.locator('.quick-input-list .monaco-list-row.focused .label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}
