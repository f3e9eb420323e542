import 'fake-indexeddb/auto';
import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SenshinDb } from '../../../renderer/db/database';
import { importBytes } from '../../../renderer/db/import-file';
import { Repositories } from '../../../renderer/db/repositories';
import { EXPORT_FORMAT_VERSION, envelopeJson, makeEnvelope, type ExportEnvelope } from '../../../shared/io/envelope';
import { sampleWorkspaceData } from '../../../shared/samples/sample-export';
import { withSampleFilings } from '../../../shared/samples/sample-filing';
import { APP_VERSION } from '../../../shared/version';
import { bundledFonts } from '../../helpers/fonts';
import { MAX_IMPORT_BYTES, checkImportSize, inflateLimit } from '../../../shared/io/read-import';
import { readZip } from '../../../shared/io/zip-guard';
import { loadSample } from '../../helpers/sample';
import { tinyItemsZipBomb } from '../../helpers/json-bomb';

/**
 * DATA-15 / DATA-16: every hostile file gives a clear Japanese message and leaves the database
 * byte-for-byte unchanged (every table, revisions and snapshots included).
 */
let db: SenshinDb;
let repos: Repositories;
let valid: ExportEnvelope;

async function dumpAll(d: SenshinDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of d.tables) out[t.name] = await t.toArray();
  return JSON.stringify(out);
}

beforeEach(async () => {
  db = openDatabase(`hostile-${crypto.randomUUID()}`);
  await db.open();
  repos = new Repositories(db);
  // The sample with its 新規届出 filed (an as-filed copy with real bytes), made once for all fixtures.
  const sampleId = await repos.importProject(await sampleWithCopy(), 'add', 'サンプル');
  await repos.createProject('手元の案件');
  // Issue 13: a 変更申請 compared with the approved 新規届出, and a 照会回答 whose answer links to its item.
  const change = await repos.filings.create(sampleId, 'change');
  const changeDoc = await repos.filings.getDoc(change.id);
  if (changeDoc.content.kind !== 'change') throw new Error('fixture: change doc');
  const item = { id: 'change-item-1', sourceIds: ['cost/bearer'], text: '費用負担の変更', before: '研究費', after: '患者負担', reason: '研究費の終了', approval: { committeeId: '', date: '2028-01-20' } };
  await repos.filings.saveDoc(change.id, { ...changeDoc.content, items: [item] }, changeDoc.rev);
  const inquiry = await repos.filings.create(sampleId, 'inquiry-response');
  const inquiryDoc = await repos.filings.getDoc(inquiry.id);
  if (inquiryDoc.content.kind !== 'inquiry-response') throw new Error('fixture: inquiry doc');
  const answer = { id: 'answer-1', number: 1, inquiry: '費用負担の変更理由を説明してください。', answer: '研究費が終了するためです。', changeItemIds: [item.id] };
  await repos.filings.saveDoc(inquiry.id, { ...inquiryDoc.content, items: [answer, { ...answer, id: 'answer-2', number: 2, changeItemIds: [] }] }, inquiryDoc.rev);
  valid = (await repos.exportWorkspace()).envelope;
});

let sampleFile: Promise<ExportEnvelope> | undefined;
function sampleWithCopy(): Promise<ExportEnvelope> {
  const at = '2027-04-05T00:00:00.000Z';
  sampleFile ??= withSampleFilings(sampleWorkspaceData(loadSample(), 'sample', at), loadSample(), bundledFonts(), at).then((d) => makeEnvelope('project', d, APP_VERSION, at));
  return sampleFile;
}

/** The 変更申請 and 照会回答 documents of the file (issue 13), and the filings they belong to. */
function docs(e: ExportEnvelope) {
  const change = e.data.filingDocs.find((d) => d.content.kind === 'change');
  const inquiry = e.data.filingDocs.find((d) => d.content.kind === 'inquiry-response');
  if (change?.content.kind !== 'change' || inquiry?.content.kind !== 'inquiry-response') throw new Error('fixture: no filing documents');
  return { change, inquiry, changeContent: change.content, inquiryContent: inquiry.content };
}

/** The as-filed copy of the sample's 新規届出 (it also has a filed 変更申請 and 照会回答), and its filing. */
function filed(e: ExportEnvelope) {
  const filing = e.data.filings.find((f) => f.kind === 'new' && e.data.filedCopies.some((c) => c.filingId === f.id));
  const copy = e.data.filedCopies.find((c) => c.filingId === filing?.id);
  if (!copy || !filing) throw new Error('fixture: no filed copy');
  return { copy, filing };
}

const text = (s: string): Uint8Array => strToU8(s);
/** The bytes up to the middle of the first Japanese character after 3,000 bytes (a copy that stopped there). */
function cutInCharacter(bytes: Uint8Array): Uint8Array {
  const lead = bytes.findIndex((b, i) => i > 3000 && b >= 0xe0);
  if (lead < 0) throw new Error('no three-byte character to cut');
  return bytes.slice(0, lead + 2);
}
const json = (v: unknown): Uint8Array => text(JSON.stringify(v));
const clone = (): ExportEnvelope => structuredClone(valid);

interface Fixture {
  readonly name: string;
  readonly bytes: () => Uint8Array;
  /** Words the user must read in the message. */
  readonly says: RegExp;
}

const fixtures: readonly Fixture[] = [
  { name: 'an empty file', bytes: () => new Uint8Array(0), says: /ファイルが空です/ },
  { name: 'a truncated export', bytes: () => text(envelopeJson(valid)).slice(0, 5000), says: /途中で切れている/ },
  { name: 'an export cut off in the middle of a character', bytes: () => cutInCharacter(text(envelopeJson(valid))), says: /途中で切れている/ },
  { name: 'a PDF chosen by mistake', bytes: () => text('%PDF-1.7\n%âãÏÓ\n1 0 obj'), says: /JSON形式ではありません/ },
  { name: 'Shift_JIS bytes (not UTF-8)', bytes: () => new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x82, 0xa0, 0x22, 0x7d]), says: /UTF-8 ではない/ },
  { name: 'JSON of another program', bytes: () => json({ name: '別のアプリ', items: [1, 2, 3] }), says: /senshin-desk の書き出しファイルではありません/ },
  { name: 'the bundled sample format (not an export)', bytes: () => json({ format: 'senshin-desk/sample', formatVersion: 1 }), says: /書き出しファイルではありません/ },
  { name: 'a JSON array', bytes: () => json([valid]), says: /書き出しファイルではありません/ },
  { name: 'a file from a newer app version', bytes: () => json({ ...clone(), formatVersion: EXPORT_FORMAT_VERSION + 1, appVersion: '9.0.0' }), says: /新しい版.*アプリを更新してから/ },
  { name: 'a non-integer format version', bytes: () => json({ ...clone(), formatVersion: '1' }), says: /版が読み取れません/ },
  { name: '__proto__ at the top', bytes: () => text(envelopeJson(valid).replace('{', '{"__proto__":{"polluted":true},')), says: /__proto__/ },
  {
    name: '__proto__ inside a record',
    bytes: () => text(envelopeJson(valid).replace('"technologyName":', '"__proto__":{"isAdmin":true},"technologyName":')),
    says: /使用できない項目名/,
  },
  { name: 'constructor.prototype inside the answers', bytes: () => text(envelopeJson(valid).replace('"answers":{', '"answers":{"constructor":{"prototype":{"x":1}},')), says: /使用できない項目名/ },
  { name: 'absurd nesting', bytes: () => text(`${'['.repeat(5000)}${']'.repeat(5000)}`), says: /入れ子が深すぎます/ },
  {
    name: 'half-valid: one project has a 300-character 案件名',
    bytes: () => {
      const e = clone();
      const p = e.data.projects[1];
      if (p) p.name = 'あ'.repeat(300);
      return json(e);
    },
    says: /正しくないデータが 1 件.*何も取り込んでいません.*案件 2件目（projects\[1\]\.name）：長すぎます（上限 200 文字）/s,
  },
  {
    name: 'half-valid: answers of a project that is not in the file',
    bytes: () => {
      const e = clone();
      const a = e.data.formAnswers[0];
      if (a) a.projectId = 'missing-project';
      return json(e);
    },
    says: /ファイルにない案件を指しています/,
  },
  {
    name: 'half-valid: a 様式 this app does not know',
    bytes: () => {
      const e = clone();
      const a = e.data.formAnswers[0];
      if (a) a.formId = 'besshi9/yoshiki99';
      return json(e);
    },
    says: /このアプリにない様式です/,
  },
  {
    name: 'half-valid: answers that fail their form’s own schema',
    bytes: () => {
      const e = clone();
      const a = e.data.formAnswers.find((r) => r.formId === 'besshi1/yoshiki5');
      if (a) a.answers = { ...a.answers, costText: { hostile: true } };
      return json(e);
    },
    says: /様式第5号の内容が正しくありません/,
  },
  { name: 'an unknown extra field in the envelope', bytes: () => json({ ...clone(), script: 'alert(1)' }), says: /知らない項目/ },
  // Issue 11: filings, as-filed copies, sites, template versions.
  {
    name: 'a filed copy whose bytes were altered after it was filed',
    bytes: () => {
      const e = clone();
      const f = filed(e).copy.files[0];
      if (f) f.base64 = (f.base64.startsWith('A') ? 'B' : 'A') + f.base64.slice(1);
      return json(e);
    },
    says: /控え.*記録と一致しません（改変または破損）/,
  },
  {
    name: 'a filed copy of a filing that is not in the file',
    bytes: () => {
      const e = clone();
      filed(e).copy.filingId = 'no-such-filing';
      return json(e);
    },
    says: /提出済みの控え.*ファイルにない届出/,
  },
  {
    name: 'a filed copy beside a filing still 作成中',
    bytes: () => {
      const e = clone();
      const { filing } = filed(e);
      filing.status = 'draft';
      filing.events = [];
      return json(e);
    },
    says: /作成中の届出に提出済みの控えがあります/,
  },
  {
    name: 'a filed file name that climbs out of the package folder',
    bytes: () => {
      const e = clone();
      const f = filed(e).copy.files[0];
      if (f) f.name = '../../Windows/evil.pdf';
      return json(e);
    },
    says: /ファイル名が正しくありません/,
  },
  {
    name: 'a filing of a project not in the file',
    bytes: () => {
      const e = clone();
      const f = e.data.filings[0];
      if (f) f.projectId = 'gone';
      return json(e);
    },
    says: /届出・報告.*ファイルにない案件/,
  },
  {
    name: 'a filing status outside the list',
    bytes: () => {
      const e = clone();
      return json({ ...e, data: { ...e.data, filings: e.data.filings.map((f, i) => (i === 0 ? { ...f, status: 'hacked' } : f)) } });
    },
    says: /届出・報告 1件目.*選べない値/,
  },
  {
    name: 'answers written with a newer template version of their form',
    bytes: () => {
      const e = clone();
      const a = e.data.formAnswers.find((r) => r.formId === 'besshi1/yoshiki5');
      if (a) a.formVersion = 99;
      return json(e);
    },
    says: /様式第5号が新しい版の様式で書かれています/,
  },
  {
    name: 'a field this version does not know inside a record (it would be dropped)',
    bytes: () => {
      const e = clone();
      return json({ ...e, data: { ...e.data, projects: e.data.projects.map((p) => ({ ...p, reviewNote: '新しい版の項目' })) } });
    },
    says: /案件 1件目（projects\[0\]\.reviewNote）：知らない項目があります/,
  },
  {
    name: 'a site’s 様式 of a site not in the file',
    bytes: () => {
      const e = clone();
      const p = e.data.projects[0];
      e.data.siteAnswers.push({ siteId: 'no-site', projectId: p?.id ?? '', formId: 'besshi1/yoshiki9', answers: {}, formVersion: 1, updatedAt: 'x' });
      return json(e);
    },
    says: /ファイルにない医療機関/,
  },
  {
    name: 'a filing whose status is not its last event (approved with no events)',
    bytes: () => {
      const e = clone();
      return json({ ...e, data: { ...e.data, filedCopies: [], filings: e.data.filings.map((f) => ({ ...f, status: 'approved', events: [] })) } });
    },
    says: /経過の最後（draft）と一致しません/,
  },
  {
    name: 'a filed filing without its copy',
    bytes: () => {
      const e = clone();
      return json({ ...e, data: { ...e.data, filedCopies: [] } });
    },
    says: /提出済みの届出に、提出した書類の控えがありません/,
  },
  {
    name: 'a 協力医療機関の追加 for a site not in the file',
    bytes: () => {
      const e = clone();
      return json({ ...e, data: { ...e.data, filings: e.data.filings.map((f, i) => (i === 0 ? { ...f, siteId: 'nowhere' } : f)) } });
    },
    says: /届出・報告 1件目（filings\[0\]\.siteId）：ファイルにない医療機関/,
  },
  {
    name: 'a filed copy with two files of one name (one would overwrite the other)',
    bytes: () => {
      const e = clone();
      const c = filed(e).copy;
      const first = c.files[0];
      if (first) c.files.push({ ...first });
      return json(e);
    },
    says: /同じ名前のファイル/,
  },
  {
    name: 'a format-1 file carrying a table of format 2',
    bytes: () => {
      const e = clone();
      return json({ ...e, formatVersion: 1, data: { ...e.data, filedCopies: [] } });
    },
    says: /知らない項目/,
  },
  // Issue 13: 変更申請・照会回答 documents (filingDocs) are checked against their filings and each other.
  {
    name: 'a 変更申請・照会回答 document whose filing is not in the file',
    bytes: () => {
      const e = clone();
      docs(e).change.filingId = 'no-such-filing';
      return json(e);
    },
    says: /変更申請・照会回答の内容 \d件目（filingDocs\[\d\]\.filingId）：ファイルにない届出を指しています/,
  },
  {
    name: 'a 照会回答 document on a 新規届出 (the kinds differ)',
    bytes: () => {
      const e = clone();
      docs(e).inquiry.filingId = filed(e).filing.id;
      return json(e);
    },
    says: /変更申請・照会回答の内容 \d件目（filingDocs\[\d\]\.content\.kind）：届出は「新規届出」ですが、内容は「照会事項に対する回答」のものです/,
  },
  {
    name: 'a 変更申請 document naming another project than its filing',
    bytes: () => {
      const e = clone();
      const other = e.data.projects.find((p) => p.id !== docs(e).change.projectId);
      if (!other) throw new Error('fixture: no other project');
      docs(e).change.projectId = other.id;
      return json(e);
    },
    says: /（filingDocs\[\d\]\.projectId）：届出と別の案件を指しています/,
  },
  {
    name: 'two documents for one filing',
    bytes: () => {
      const e = clone();
      e.data.filingDocs.push(structuredClone(docs(e).inquiry));
      return json(e);
    },
    says: /同じ変更申請・照会回答の内容が重複しています/,
  },
  {
    name: 'two change items with one id',
    bytes: () => {
      const e = clone();
      const items = docs(e).changeContent.items;
      const first = items[0];
      if (first) items.push({ ...first, text: '別の変更' });
      return json(e);
    },
    says: /（filingDocs\[\d\]\.content\.items\[1\]\.id）：項目のID「change-item-1」が重複しています/,
  },
  {
    name: 'two 照会 items numbered 1 (「照会回答1－1」 would be ambiguous)',
    bytes: () => {
      const e = clone();
      const second = docs(e).inquiryContent.items[1];
      if (second) second.number = 1;
      return json(e);
    },
    says: /（filingDocs\[\d\]\.content\.items\[1\]\.number）：照会の番号 1 が重複しています/,
  },
  {
    name: 'a 照会 item numbered 0',
    bytes: () => {
      const e = clone();
      const first = docs(e).inquiryContent.items[0];
      if (first) first.number = 0;
      return json(e);
    },
    says: /（filingDocs\[\d\]\.content\.items\[0\]\.number）：少なすぎます/,
  },
  {
    name: 'an answer linked to a change item that does not exist',
    bytes: () => {
      const e = clone();
      const first = docs(e).inquiryContent.items[0];
      if (first) first.changeItemIds = ['change-item-1', 'gone'];
      return json(e);
    },
    says: /（filingDocs\[\d\]\.content\.items\[0\]\.changeItemIds\[1\]）：照会回答の1番が、この案件の変更申請にない変更内容を指しています/,
  },
  {
    name: 'a 変更申請 compared with a filing not in the file',
    bytes: () => {
      const e = clone();
      docs(e).changeContent.baselineFilingId = 'no-such-filing';
      return json(e);
    },
    says: /（filingDocs\[\d\]\.content\.baselineFilingId）：比べる承認済みの届出（新規届出または変更申請）が、この案件にありません/,
  },
  {
    name: '「2028-02-30」 as a change item’s committee approval date',
    bytes: () => {
      const e = clone();
      const first = docs(e).changeContent.items[0];
      if (first) first.approval.date = '2028-02-30';
      return json(e);
    },
    says: /（filingDocs\[\d\]\.content\.items\[0\]\.approval\.date）：日付は暦にある日付を選んでください/,
  },
  {
    name: 'a format-2 file carrying the table of format 3 (filingDocs)',
    bytes: () => json({ ...clone(), formatVersion: 2 }),
    says: /知らない項目/,
  },
  // Issue 12: every date of every row is a real calendar day (date inputs cannot write anything else).
  {
    name: '「2027-02-30」 as a project’s 届出日',
    bytes: () => {
      const e = clone();
      const p = e.data.projects[0];
      if (!p) throw new Error('fixture: no project');
      p.filingDate = '2027-02-30';
      return json(e);
    },
    says: /案件 1件目（projects\[0\]\.filingDate）：届出日「2027-02-30」は実在する日付ではありません/,
  },
  {
    name: '「2027-02-30」 as 様式第2号’s 承認年月日 (a 様式 date field)',
    bytes: () => {
      const e = clone();
      const a = e.data.formAnswers.find((r) => r.formId === 'besshi1/yoshiki2');
      if (!a) throw new Error('fixture: no 様式第2号');
      a.answers = { ...a.answers, approvedOn: '2027-02-30' };
      return json(e);
    },
    says: /様式の入力内容 \d+件目（formAnswers\[\d+\]\.answers\.approvedOn）：様式第2号の承認年月日「2027-02-30」は実在する日付ではありません/,
  },
  {
    name: 'a 倫理審査委員会 member who left on 「2027-13-01」 (a date deep in the マスタ)',
    bytes: () => {
      const e = clone();
      const row = e.data.settings.find((r) => r.key === 'committees');
      const member = row?.key === 'committees' ? row.value[0]?.members[0] : undefined;
      if (!member) throw new Error('fixture: no committee member');
      member.to = '2027-13-01';
      return json(e);
    },
    says: /設定・名簿・マスタ \d+件目（settings\[\d+\]\.value\[0\]\.members\[0\]\.to）：退任日「2027-13-01」は実在する日付ではありません/,
  },
  {
    name: 'a 事前相談 date of 29 February in a year that has none (2027-02-29)',
    bytes: () => {
      const e = clone();
      const c = e.data.consultations[0];
      const slot = c?.data.slots[0];
      if (!slot) throw new Error('fixture: no consultation slot');
      slot.date = '2027-02-29';
      return json(e);
    },
    says: /事前相談申込書 1件目（consultations\[0\]\.data\.slots\[0\]\.date）：日付「2027-02-29」は実在する日付ではありません/,
  },
  {
    name: 'words instead of a date in the cost page’s 購入年月日',
    bytes: () => {
      const e = clone();
      const item = e.data.costModels[0]?.model.equipment[0];
      if (!item) throw new Error('fixture: no equipment');
      item.purchasedOn = '去年の春';
      return json(e);
    },
    says: /費用の計算 1件目（costModels\[0\]\.model\.equipment\[0\]\.purchasedOn）：購入年月日「去年の春」は実在する日付ではありません/,
  },
  { name: 'a zip with a path that climbs out (../)', bytes: () => zipSync({ '../senshin-desk.json': text(envelopeJson(valid)) }), says: /安全でない名前/ },
  { name: 'a zip with an absolute path', bytes: () => zipSync({ '/etc/senshin-desk.json': text(envelopeJson(valid)) }), says: /安全でない名前/ },
  { name: 'a zip with a drive letter', bytes: () => zipSync({ 'C:/senshin-desk.json': text(envelopeJson(valid)) }), says: /安全でない名前/ },
  { name: 'a zip with a backslash path', bytes: () => zipSync({ '..\\senshin-desk.json': text(envelopeJson(valid)) }), says: /安全でない名前/ },
  {
    name: 'a zip with too many entries',
    bytes: () => zipSync(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}.txt`, text('x')]))),
    says: /ファイルが多すぎます/,
  },
  { name: 'a zip with two exports', bytes: () => zipSync({ 'a.json': text(envelopeJson(valid)), 'b.json': text(envelopeJson(valid)) }), says: /1つだけ/ },
  { name: 'a truncated zip', bytes: () => zipSync({ 'senshin-desk.json': text(envelopeJson(valid)) }).slice(0, 200), says: /ZIPファイルが壊れている|途中で切れている|1つだけ/ },
  // Issue 12: counted before parsing (shared/io/json-scan.ts), so none of these is ever built in memory.
  {
    name: 'a 255 KB zip of 250 MB of tiny objects (87 million {} — froze the page, took the CLI past 6 GB)',
    bytes: () => tinyItemsZipBomb(),
    says: /項目が多すぎます（上限 1,000,000 個）.*読み込む前に中止しました/,
  },
  { name: 'a plain JSON array of 1.1 million numbers (2.2 MB)', bytes: () => text(`[${'0,'.repeat(1_100_000)}0]`), says: /項目が多すぎます（上限 1,000,000 個）/ },
  { name: 'absurd nesting inside a zip', bytes: () => zipSync({ 'senshin-desk.json': text(`${'['.repeat(5000)}${']'.repeat(5000)}`) }), says: /入れ子が深すぎます/ },
  {
    name: 'a 65 KB zip whose JSON inflates past 64 MB (one 65 MB string: few values, still refused)',
    bytes: () => zipSync({ 'senshin-desk.json': text(`["${'A'.repeat(65 * 1024 * 1024)}"]`) }, { level: 1 }),
    says: /展開すると大きすぎるため（上限 64\.0 MB）/,
  },
  {
    name: 'a zip bomb (257 MB of zeros in a small zip)',
    bytes: () => zipSync({ 'senshin-desk.json': new Uint8Array(257 * 1024 * 1024) }, { level: 9 }),
    says: /展開すると大きすぎる/,
  },
];

describe('DATA-15 hostile imports leave the database unchanged', () => {
  it.each(fixtures)('refuses $name with a Japanese message', async ({ bytes, says }) => {
    const before = await dumpAll(db);
    const outcome = await importBytes(repos, bytes(), 'テスト');
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' ? outcome.message : '').toMatch(says);
    expect(await dumpAll(db)).toBe(before);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    expect(Reflect.get({}, 'isAdmin')).toBeUndefined();
  });

  it('refuses an oversized file from its size alone, before reading it', () => {
    const r = checkImportSize(MAX_IMPORT_BYTES + 1);
    expect(r?.ok).toBe(false);
    expect(r && !r.ok ? r.message : '').toMatch(/大きすぎます.*上限 256\.0 MB/);
    expect(checkImportSize(1024)).toBeUndefined();
  });

  it('refuses oversized bytes even when the size check was skipped', async () => {
    const before = await dumpAll(db);
    const outcome = await importBytes(repos, new Uint8Array(MAX_IMPORT_BYTES + 1), 'テスト');
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.message).toMatch(/大きすぎます/);
    expect(await dumpAll(db)).toBe(before);
  });

  it('lets a zip inflate 64 MB, and up to 128 MB only when it is big itself (no real backup shrinks 64×)', () => {
    const MB = 1024 * 1024;
    expect(inflateLimit(255 * 1024)).toBe(64 * MB);
    expect(inflateLimit(1 * MB)).toBe(64 * MB);
    expect(inflateLimit(1.5 * MB)).toBe(96 * MB);
    // bench: 20 projects with as-filed copies, 10.9 MB of JSON in a 6.5 MB zip.
    expect(inflateLimit(6.5 * MB)).toBe(128 * MB);
  });

  it('reads a well-formed zipped export (the valid case of the zip rules)', () => {
    const zip = readZip(zipSync({ 'backup/senshin-desk.json': text(envelopeJson(valid)) }));
    expect(zip.ok && [...zip.entries.keys()]).toEqual(['backup/senshin-desk.json']);
  });

  it('accepts the valid file the fixtures were made from (so each refusal is about its defect)', async () => {
    const outcome = await importBytes(repos, text(envelopeJson(valid)), 'テスト');
    expect(outcome).toEqual({ status: 'restored' });
  });
});
