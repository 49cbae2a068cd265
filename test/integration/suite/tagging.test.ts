// Tagging paragraphs, removing tags, editing notes, through the commands (with arguments instead of the
// quick pick), on a report in the real editor; and the decorations of tagged paragraphs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { touchedParagraphs } from '../../../src/core/paragraphs';
import { NOTE_KEY } from '../../../src/core/tagRanges';
import { computeTagDecorations } from '../../../src/extension/annotating/tagDecorations';
import { configuredTags } from '../../../src/extension/annotating/tagSettings';
import type { CommandResult } from '../../../src/extension/annotating/annotationCommands';
import { closeAll, extensionApi, openNewReport, paragraphWith, sampleReport, sleep, tag, tagParagraphsWith, waitFor } from './helpers';

suite('tagging', () => {
  suiteTeardown(closeAll);

  test('tags the paragraph at the cursor', async () => {
    const { api, editor, doc } = await openNewReport('tagging-one.txt', sampleReport());
    const p = await paragraphWith(api, doc, '民生保障持续改善');
    editor.selection = new vscode.Selection(doc.positionAt(p.range.start + 5), doc.positionAt(p.range.start + 5));
    const result = await tag({ tags: ['民生'] });
    assert.equal(result.annotationIds.length, 1, result.message);
    const list = api.annotations.list(doc.uri);
    assert.equal(list.length, 1);
    const [a] = list;
    assert.deepEqual(a.tags, ['民生']);
    assert.deepEqual({ start: a.target.start, end: a.target.end }, p.range);
    assert.equal(a.target.exact, doc.getText().slice(p.range.start, p.range.end));
    assert.ok(a.target.prefix.length > 0 && a.target.suffix.length > 0, 'the quote has context');

    // A second tag on the same paragraph joins the same annotation.
    const again = await tag({ tags: ['财政', '民生'] });
    assert.deepEqual(again.annotationIds, [a.id]);
    assert.deepEqual(api.annotations.list(doc.uri)[0].tags, ['民生', '财政']);
  });

  test('tags every paragraph a selection touches, and each selection of several', async () => {
    const { api, editor, doc } = await openNewReport('tagging-many.txt', sampleReport());
    const from = await paragraphWith(api, doc, '招商引资成效显著');
    const to = await paragraphWith(api, doc, '民生保障持续改善');
    const analysis = await api.analysis.analyze(doc);
    const expected = analysis.paragraphs.filter((p) => p.range.start >= from.range.start && p.range.end <= to.range.end);
    assert.equal(expected.length, 3, 'three paragraphs from 招商引资 to 民生');
    // From the middle of the first to the middle of the last paragraph.
    editor.selection = new vscode.Selection(doc.positionAt(from.range.start + 3), doc.positionAt(to.range.start + 4));
    const result = await tag({ tags: ['项目建设'] });
    assert.equal(result.annotationIds.length, 3);
    assert.deepEqual(
      api.annotations.list(doc.uri).map((a) => [a.target.start, a.target.end]),
      expected.map((p) => [p.range.start, p.range.end]),
    );

    // Several selections (multi-cursor); a selection ending at the start of a line does not take that line.
    const eco = await paragraphWith(api, doc, '坚持生态优先');
    const reform = await paragraphWith(api, doc, '深化改革创新');
    editor.selections = [
      new vscode.Selection(doc.positionAt(eco.range.start), doc.lineAt(doc.positionAt(eco.range.start).line + 1).range.start),
      new vscode.Selection(doc.positionAt(reform.range.end), doc.positionAt(reform.range.end)),
    ];
    const two = await tag({ tags: ['生态环境'] });
    assert.equal(two.annotationIds.length, 2);
    const tagged = api.annotations.list(doc.uri).filter((a) => a.tags.includes('生态环境'));
    assert.deepEqual(tagged.map((a) => a.target.start), [eco.range.start, reform.range.start]);

    // Without an editor selection: ranges as an argument.
    const three = await tag({ uri: doc.uri.toString(), ranges: [{ start: eco.range.start, end: reform.range.end }], tags: ['新标签'] });
    assert.equal(three.annotationIds.length, 2, 'the same two paragraphs (the heading between is not a paragraph of either)');
  });

  test('the quick pick: configured, recent and report tags, several checked, and a new tag typed in', async () => {
    const { api, editor, doc } = await openNewReport('tagging-pick.txt', sampleReport());
    const p = await paragraphWith(api, doc, '项目建设加快推进');
    editor.selection = new vscode.Selection(doc.positionAt(p.range.start + 1), doc.positionAt(p.range.start + 1));
    const commands = api.annotationCommands;

    const running = vscode.commands.executeCommand<CommandResult>('reportAnnotator.tagParagraphs');
    const qp = await waitFor('the tag quick pick', () => commands.quickPick);
    assert.equal(qp.canSelectMany, true);
    const labels = qp.items.map((i) => i.label);
    for (const s of configuredTags()) assert.ok(labels.includes(s.name), `configured tag ${s.name} offered`);
    assert.ok(labels.includes('Configured tags'), 'grouped under a separator');
    assert.ok(labels.includes('财政'), 'a tag used earlier');
    // Type a new tag and check it; clear the box, the new tag stays, check a configured one too.
    qp.value = '重大项目';
    const fresh = await waitFor('the typed tag to be offered as new', () => qp.items.find((i) => i.isNew && i.tag === '重大项目'));
    qp.selectedItems = [fresh];
    await sleep(100);
    qp.value = '';
    await waitFor('the checked new tag to stay in the list', () => !qp.items.some((i) => i.isNew) && qp.items.some((i) => i.tag === '重大项目'));
    qp.selectedItems = qp.items.filter((i) => i.tag === '重大项目' || i.tag === '项目建设');
    await waitFor('two checked', () => qp.selectedItems.length === 2);
    await sleep(100); // the extension host sends quick pick updates batched
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const result = await running;
    assert.equal(result.annotationIds.length, 1, result.message);
    const [a] = api.annotations.list(doc.uri);
    assert.deepEqual([...a.tags].sort(), ['重大项目', '项目建设'].sort());

    // Nothing checked, a new tag typed: Enter takes the typed tag.
    const second = vscode.commands.executeCommand<CommandResult>('reportAnnotator.tagParagraphs');
    const qp2 = await waitFor('the tag quick pick again', () => commands.quickPick !== qp && commands.quickPick);
    assert.ok(qp2.items.some((i) => i.tag === '重大项目'), 'the new tag is now a recent one');
    qp2.value = '待核实';
    await waitFor('the typed tag', () => qp2.items.some((i) => i.isNew));
    qp2.selectedItems = [];
    await sleep(100);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await second;
    assert.ok(api.annotations.list(doc.uri)[0].tags.includes('待核实'));

    // Escape: nothing changes.
    const third = vscode.commands.executeCommand<CommandResult>('reportAnnotator.tagParagraphs');
    await waitFor('the quick pick a third time', () => commands.quickPick !== qp2 && commands.quickPick);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal((await third).message, 'cancelled');
    assert.equal(api.annotations.list(doc.uri)[0].tags.length, 3);
  });

  test('a caret in the indentation of a paragraph or after its end on its line tags that paragraph, and removes its tag', async () => {
    const { api, editor, doc } = await openNewReport('tagging-indent.txt', sampleReport().replace('民生保障持续改善。城镇新增就业1312人，居民人均可支配收入增长7.4%，新建学校两所。', '$&  '));
    const p = await paragraphWith(api, doc, '民生保障持续改善');
    const line = doc.lineAt(doc.positionAt(p.range.start).line);
    assert.ok(line.firstNonWhitespaceCharacterIndex > 0 && line.text.endsWith('  '), JSON.stringify(line.text));
    // (Column 1, where Go to Line puts the caret: before the paragraph's 　　.)
    editor.selection = new vscode.Selection(line.range.start, line.range.start);
    const tagged = await tag({ tags: ['民生'] });
    assert.equal(tagged.annotationIds.length, 1, tagged.message);
    assert.deepEqual(api.annotations.list(doc.uri).map((a) => ({ start: a.target.start, end: a.target.end })), [p.range]);
    editor.selection = new vscode.Selection(line.range.end, line.range.end);
    const removed = (await vscode.commands.executeCommand('reportAnnotator.removeTag', { tag: '民生' })) as CommandResult;
    assert.equal(api.annotations.list(doc.uri).length, 0, removed.message);
  });

  test('touched paragraphs: carets at edges, selections across blank lines', () => {
    const ps = [
      { id: 'p1', range: { start: 0, end: 10 } },
      { id: 'p2', range: { start: 12, end: 20 } },
      { id: 'p3', range: { start: 22, end: 30 } },
    ];
    const ids = (sel: { start: number; end: number }[]) => touchedParagraphs(ps, sel).map((p) => p.id);
    assert.deepEqual(ids([{ start: 10, end: 10 }]), ['p1'], 'a caret at the end of a paragraph');
    assert.deepEqual(ids([{ start: 11, end: 11 }]), [], 'a caret on a blank line');
    assert.deepEqual(ids([{ start: 5, end: 12 }]), ['p1'], 'a selection ending where p2 starts');
    assert.deepEqual(ids([{ start: 25, end: 5 }]), ['p1', 'p2', 'p3'], 'a backward selection');
    assert.deepEqual(ids([{ start: 13, end: 13 }, { start: 14, end: 15 }]), ['p2'], 'each paragraph once');
  });

  test('refuses a bad tag, and a caret outside any paragraph, changing nothing', async () => {
    const { api, editor, doc } = await openNewReport('tagging-bad.txt', sampleReport());
    const p = await paragraphWith(api, doc, '招商引资成效显著');
    editor.selection = new vscode.Selection(doc.positionAt(p.range.start), doc.positionAt(p.range.start));
    for (const bad of ['   ', 'two\nlines', 'x'.repeat(41)]) {
      const r = await tag({ tags: [bad] });
      assert.equal(r.annotationIds.length, 0);
      assert.ok(r.message, `a message for ${JSON.stringify(bad)}`);
    }
    const blank = doc.lineAt(1); // the empty line after the title
    assert.equal(blank.text, '');
    editor.selection = new vscode.Selection(blank.range.start, blank.range.start);
    const r = await tag({ tags: ['民生'] });
    assert.match(r.message ?? '', /paragraph/);
    assert.equal(api.annotations.list(doc.uri).length, 0);
  });

  test('removes a tag: from the touched paragraphs, and from a tree item', async () => {
    const { api, editor, doc } = await openNewReport('tagging-remove.txt', sampleReport());
    const a = await paragraphWith(api, doc, '招商引资成效显著');
    const b = await paragraphWith(api, doc, '项目建设加快推进');
    await tag({ uri: doc.uri, ranges: [{ start: a.range.start, end: b.range.end }], tags: ['财政', '招商引资'] });
    assert.equal(api.annotations.list(doc.uri).length, 2);

    editor.selection = new vscode.Selection(doc.positionAt(a.range.start + 2), doc.positionAt(a.range.start + 2));
    const r1 = await vscode.commands.executeCommand<CommandResult>('reportAnnotator.removeTag', { tag: '财政' });
    assert.equal(r1.annotationIds.length, 1);
    const [first, second] = api.annotations.list(doc.uri);
    assert.deepEqual(first.tags, ['招商引资']);
    assert.deepEqual(second.tags, ['财政', '招商引资']);

    // The tree's annotation node, as a view/item/context menu passes it.
    const node = { kind: 'annotation', tag: '招商引资', annotation: first, uri: doc.uri, id: 'x', children: [] };
    await vscode.commands.executeCommand('reportAnnotator.removeTag', node);
    const left = api.annotations.list(doc.uri);
    assert.equal(left.length, 1, 'an annotation left with no tag and no note goes');
    assert.equal(left[0].id, second.id);

    const r3 = await vscode.commands.executeCommand<CommandResult>('reportAnnotator.removeTag', { uri: doc.uri, tag: '民生', ranges: [b.range] });
    assert.match(r3.message ?? '', /not tagged/);
    assert.deepEqual(api.annotations.list(doc.uri)[0].tags, ['财政', '招商引资'], 'nothing else changed');
  });

  test('edits a note: prefilled from the annotation, empty removes it', async () => {
    const { api, editor, doc } = await openNewReport('tagging-note.txt', sampleReport());
    const p = await paragraphWith(api, doc, '民生保障持续改善');
    const q = await paragraphWith(api, doc, '坚持生态优先');
    await tag({ uri: doc.uri, ranges: [p.range], tags: ['民生'] });
    editor.selection = new vscode.Selection(doc.positionAt(p.range.start + 1), doc.positionAt(p.range.start + 1));
    await vscode.commands.executeCommand('reportAnnotator.editNote', { note: '就业数字需核对：1312人是否含灵活就业' });
    let [a] = api.annotations.list(doc.uri);
    assert.equal(a.note, '就业数字需核对：1312人是否含灵活就业');
    assert.deepEqual(a.tags, ['民生']);

    // The note box opens with the note in it, ready to edit: save it as it is.
    const pending = vscode.commands.executeCommand('reportAnnotator.editNote', { annotationId: a.id });
    const thread = await waitFor('the note box', () => api.annotationCommands.notes.thread);
    await vscode.commands.executeCommand('reportAnnotator.saveNote', thread.comments[0]);
    await pending;
    assert.equal(api.annotations.list(doc.uri)[0].note, '就业数字需核对：1312人是否含灵活就业', 'the prefilled note is kept');

    await vscode.commands.executeCommand('reportAnnotator.editNote', { annotationId: a.id, note: '' });
    [a] = api.annotations.list(doc.uri);
    assert.equal(a.note, undefined);
    assert.deepEqual(a.tags, ['民生'], 'the tags stay');

    // A note on a paragraph without tags makes an annotation of its own.
    await vscode.commands.executeCommand('reportAnnotator.editNote', { uri: doc.uri, ranges: [{ start: q.range.start, end: q.range.start }], note: '与去年对比' });
    const withNote = api.annotations.list(doc.uri).find((x) => x.target.start === q.range.start);
    assert.ok(withNote);
    assert.deepEqual(withNote.tags, []);
    assert.equal(withNote.note, '与去年对比');
  });

  test('a new tag has its colour in the settings before its paragraph is drawn', async () => {
    const api = await extensionApi();
    const { doc } = await openNewReport('tagging-new-colour.txt', sampleReport());
    const name = '新标签配色';
    assert.ok(!configuredTags().some((s) => s.name === name));
    // (What the decorations and the Tags view read when the annotations change.)
    const seen: boolean[] = [];
    const watching = api.annotations.onDidChange((uri) => {
      if (uri.toString() === doc.uri.toString()) seen.push(configuredTags().some((s) => s.name === name));
    });
    try {
      await tagParagraphsWith(api, doc, ['民生保障持续改善'], [name]);
    } finally {
      watching.dispose();
    }
    assert.ok(seen.length > 0 && seen.every(Boolean), JSON.stringify(seen));
  });

  test('decorations: a type for each configured colour; ranges and labels of tagged paragraphs', async () => {
    const api = await extensionApi();
    const decorator = api.tagDecorations;
    assert.ok(decorator, 'the extension decorates tagged paragraphs');
    const styles = configuredTags();
    assert.ok(styles.length >= 6, 'the default tags have colours');
    for (const s of styles) assert.ok(decorator.colors.includes(s.color), `a decoration type for ${s.name} ${s.color}`);

    const { doc } = await openNewReport('tagging-decorations.txt', sampleReport());
    const [p] = await tagParagraphsWith(api, doc, ['民生保障持续改善'], ['民生', '财政', '自定义']);
    const plan = computeTagDecorations(doc, api.annotations.list(doc.uri), styles);
    const green = plan.lines.get('#5cb85c')!; // 民生
    const red = plan.lines.get('#d9534f')!; // 财政
    assert.ok(green && red, 'one entry per colour');
    assert.deepEqual(green[0], new vscode.Range(doc.positionAt(p.range.start), doc.positionAt(p.range.end)));
    const custom = [...plan.lines.keys()].find((c) => c !== '#5cb85c' && c !== '#d9534f');
    assert.ok(custom, 'a tag that is not configured gets a colour too');
    await waitFor('a decoration type for the unconfigured tag', () => decorator.colors.includes(custom));
    // Hovering the paragraph's start shows its tags.
    const [hover] = plan.hovers;
    assert.deepEqual(hover.range, new vscode.Range(doc.positionAt(p.range.start), doc.positionAt(p.range.start + 1)));
    assert.match((hover.hoverMessage as vscode.MarkdownString).value, /民生[\s\S]*财政[\s\S]*自定义/);

    // A note adds ✎ to the lens; a note without tags is marked on its own.
    const q = await paragraphWith(api, doc, '坚持生态优先');
    await vscode.commands.executeCommand('reportAnnotator.editNote', { uri: doc.uri, ranges: [{ start: p.range.start, end: p.range.start }], note: '注意\n第二行' });
    await vscode.commands.executeCommand('reportAnnotator.editNote', { uri: doc.uri, ranges: [{ start: q.range.start, end: q.range.start }], note: '只有备注' });
    const again = computeTagDecorations(doc, api.annotations.list(doc.uri), styles);
    assert.match((again.hovers[0].hoverMessage as vscode.MarkdownString).value, /注意[\s\S]*第二行/, 'the hover holds the whole note');
    const noteOnly = again.lines.get(NOTE_KEY)!;
    assert.deepEqual(noteOnly, [new vscode.Range(doc.positionAt(q.range.start), doc.positionAt(q.range.end))]);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => t.startsWith('⟨民生 · 财政 · 自定义⟩ ✎ 注意')), `the tags above the paragraph: ${titles.join(' | ')}`);
    assert.ok(titles.includes('✎ 只有备注'), 'a note alone');
    await waitFor('a decoration type for note-only paragraphs', () => decorator.colors.includes(NOTE_KEY));
  });
});
