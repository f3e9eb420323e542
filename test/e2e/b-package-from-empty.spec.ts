/**
 * Issue 15, first 「Done when」: a coordinator builds a 先進医療B 新規届出 package from an empty app, by
 * label, at 1366×768 — 設定, 職員名簿, マスタ, the project, 費用の計算 and every required field of the
 * package's forms as the tree lists them — and exports it. Every input typed or chosen goes through
 * one recorder (screen + label); at the end the typings are matched against the facts of
 * docs/facts.md (its table parsed here): the test fails when one fact was typed twice.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { waitSaved } from './helpers';

const VIEWPORT = { width: 1366, height: 768 };

/** One input as the coordinator filled it. */
interface Entry {
  readonly screen: string;
  readonly label: string;
  readonly value: string;
  /**
   * typed = text typed; chosen = an answer chosen from fixed options (有・無, 要・不要); picked = an item
   * of a master; copied = another form's answer written in with 「この値に統一」.
   */
  readonly how: 'typed' | 'chosen' | 'picked' | 'copied';
}

/** Records every input the test makes, with the screen it was made on. */
class Coordinator {
  readonly entries: Entry[] = [];
  readonly screens = new Set<string>();
  private screen = '';

  constructor(readonly page: Page) {}

  /** Marks the screen now shown (what a user calls it). */
  async on(screen: string, heading: string | RegExp): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    this.screen = screen;
    this.screens.add(screen);
  }

  /** Types `value` into the input labelled `label` (exactly), within `scope` when given. */
  async type(label: string, value: string, scope?: Locator): Promise<void> {
    await (scope ?? this.page).getByLabel(label, { exact: true }).fill(value);
    this.entries.push({ screen: this.screen, label, value, how: 'typed' });
  }

  /** Chooses the option `option` of a fixed-choice input (有・無, 要・不要, 性別 …). */
  async choose(label: string, option: string, scope?: Locator): Promise<void> {
    await (scope ?? this.page).getByLabel(label, { exact: true }).selectOption({ label: option });
    this.entries.push({ screen: this.screen, label, value: option, how: 'chosen' });
  }

  /** Checks the radio `option` of the choice `question` (区分: 先進医療B). */
  async check(question: string, option: string): Promise<void> {
    await this.page.getByRole('group', { name: question }).getByRole('radio', { name: option, exact: true }).check();
    this.entries.push({ screen: this.screen, label: question, value: option, how: 'chosen' });
  }

  /** Picks an item of a master (職員名簿, 委員会, 品目, 機器台帳) in a select. */
  async pick(label: string, option: string | RegExp, scope?: Locator): Promise<void> {
    const select = (scope ?? this.page).getByLabel(label, { exact: true });
    const value = await select.locator('option').filter({ hasText: option }).first().getAttribute('value');
    await select.selectOption(value ?? '');
    this.entries.push({ screen: this.screen, label, value: String(option), how: 'picked' });
  }

  /** On the チェック結果: 「この値に統一」 in `finding`'s table, in the row of the place typed. */
  async copy(finding: Locator): Promise<string> {
    const message = (await finding.locator('.finding-message').innerText()).replace(/\s+/g, '');
    await finding.getByRole('button', { name: 'この値に統一', exact: true, disabled: false }).click();
    this.entries.push({ screen: this.screen, label: message, value: '', how: 'copied' });
    return message;
  }

  /** Marks a tab of the screen now shown. */
  tab(screen: string): void {
    this.screen = screen;
    this.screens.add(screen);
  }

  /** Picks an item in a 「…に追加する品目／職員」 picker and adds it. */
  async pickAndAdd(group: string, option: string | RegExp): Promise<void> {
    const box = this.page.getByRole('group', { name: group, exact: true });
    await this.pick(`${group}に追加する${/実施者/.test(group) ? '職員' : '品目'}`, option, box);
    await box.getByRole('button', { name: '追加', exact: true }).click();
  }
}

/** A fact of docs/facts.md with the labels that ask for it: 「Asked as」 and the labels 「Stored in」 and 「Kept single」 name. */
interface Fact {
  readonly fact: string;
  readonly labels: readonly string[];
  readonly single: string;
}

function factsOfDoc(): Fact[] {
  const md = readFileSync(path.resolve('docs/facts.md'), 'utf8');
  const table = md.slice(md.indexOf('## Facts'), md.indexOf('## 同じ言葉、別の事実'));
  const rows = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Fact ') && !l.startsWith('|---'));
  return rows.map((row) => {
    const cells = row.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim());
    const [fact = '', storedIn = '', , askedAs = '', single = ''] = cells;
    const quoted = (s: string) => Array.from(s.matchAll(/「([^」]+)」/g), (m) => m[1] ?? '');
    return { fact, labels: [...new Set([...quoted(askedAs), ...quoted(storedIn), ...quoted(single)])], single };
  });
}

/** 「氏名（倫理審査委員会・3人目）」→「氏名」: the row of a table is not part of the question. */
function questionOf(label: string): string {
  return label.replace(/（[^（）]*\d+(行目|人目|件目)）$/, '');
}

/**
 * Whether an input labelled `label` asks for a fact asked as `asked`: the same words, or the words
 * with a note (「届出日（予定）」). 様式第9号's 「（要・不要）」「（内容）」 rows are requirements for any
 * institution, never a fact of this one (facts.md 「同じ言葉、別の事実」).
 */
function asks(label: string, asked: string): boolean {
  const q = questionOf(label);
  if (/（(要・不要|内容)）$/.test(q)) return false;
  return q === asked || (q.startsWith(`${asked}（`) && !asked.endsWith('）'));
}

async function saved(page: Page): Promise<void> {
  await waitSaved(page);
  await expect(page.getByText('保存できませんでした')).toHaveCount(0);
}

async function openForm(c: Coordinator, number: string): Promise<void> {
  await c.page.getByRole('navigation', { name: '様式の一覧' }).getByRole('link', { name: new RegExp(`^${number}`) }).click();
  await c.on(number, new RegExp(number));
}

test('空のアプリから先進医療Bの新規届出一式を1366×768で作り、docs/facts.mdの事実はどれも一度しか入力しない', async ({ page }) => {
  test.setTimeout(600_000);
  await page.setViewportSize(VIEWPORT);
  const c = new Coordinator(page);
  const facts = factsOfDoc();
  expect(facts.length).toBeGreaterThan(20);

  // ── はじめに: the empty app's checklist leads to 設定.
  await page.goto('/');
  await c.on('案件一覧', '案件一覧');
  const checklist = page.getByRole('region', { name: /はじめに/ });
  await expect(checklist.getByRole('heading', { level: 2 })).toHaveText('はじめに（0/4 完了）');
  await checklist.getByRole('link', { name: '設定' }).click();

  // ── 設定 › 医療機関情報
  await c.on('設定', '設定');
  await c.type('医療機関名', '架空大学医学部附属病院');
  await c.type('保険医療機関の所在地', '架空県架空市中央一丁目１番１号');
  await c.type('開設者氏名', '国立大学法人架空大学　学長　架空　太郎');
  await c.type('管理者氏名', '病院長　架空　一郎');
  await c.type('担当者の所属', '臨床研究支援センター（先進医療担当）');
  await c.type('担当者の氏名', '届出　花子');
  await c.type('TEL', '０１２－３４５－６７８９（内線１２３４）');
  await c.type('FAX', '０１２－３４５－６７９０');
  await c.type('e-mail', 'senshin-iryo@hosp.kaku-univ.example');
  await saved(page);

  // ── 職員名簿: the 実施責任医師 and one 実施者.
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '職員名簿' }).click();
  await c.on('職員名簿', '職員名簿');
  const people = [
    ['𠮷田　一郎', '消化器外科', '教授', '日本外科学会外科専門医、日本消化器外科学会消化器外科専門医', '２５', '８', '３０', '１５'],
    ['佐藤　二郎', '消化器外科', '講師', '日本外科学会外科専門医', '１２', '５', '１０', '２０'],
  ] as const;
  for (const [i, p] of people.entries()) {
    await page.getByRole('button', { name: '名簿に人を追加' }).click();
    const n = `（${i + 1}人目）`;
    const [name, dept, title, qual, yDept, yTech, op, asst] = p;
    await c.type(`氏名${n}`, name);
    await c.type(`所属（診療科）${n}`, dept);
    await c.type(`職名${n}`, title);
    await c.type(`資格（専門医等）${n}`, qual);
    await c.type(`当該診療科の経験年数${n}`, yDept);
    await c.type(`当該技術の経験年数${n}`, yTech);
    await c.type(`経験症例数（術者（実施者）として）${n}`, op);
    await c.type(`経験症例数（助手として）${n}`, asst);
    await c.choose(`常勤・非常勤${n}`, '常勤');
    await c.type(`経験年数・症例数の時点${n}`, '2027-03-01');
  }
  await saved(page);

  // ── マスタ › 倫理審査委員会 (5 members: the three kinds, 2 external, both sexes).
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: 'マスタ' }).click();
  await page.getByRole('heading', { level: 1, name: /^マスタ/ }).waitFor();
  await page.getByRole('navigation', { name: '台帳の種類' }).getByRole('link', { name: /倫理審査委員会/ }).click();
  c.tab('マスタ（倫理審査委員会）');
  await page.getByRole('button', { name: '委員会を追加' }).click();
  await c.type('委員会の名称（1件目）', '架空大学医学部附属病院倫理審査委員会');
  await c.choose('委員会の種類（1件目）', '倫理審査委員会');
  const committee = '架空大学医学部附属病院倫理審査委員会';
  const members = [
    ['山田　太郎', '架空大学医学部　教授（委員長）', '医学・医療の専門家等、自然科学の有識者', '内部', '男'],
    ['鈴木　花子', '架空大学医学部附属病院　看護部長', '医学・医療の専門家等、自然科学の有識者', '内部', '女'],
    ['高橋　健', '架空法律事務所　弁護士', '倫理学・法律学の専門家等、人文・社会科学の有識者', '外部', '男'],
    ['田中　和子', '架空市民（患者会代表）', '一般の立場を代表する者', '外部', '女'],
    ['伊藤　誠', '架空大学医学部　准教授（生物統計）', '医学・医療の専門家等、自然科学の有識者', '内部', '男'],
  ] as const;
  for (const [j, [name, position, category, external, sex]] of members.entries()) {
    await page.getByRole('button', { name: '委員を追加' }).click();
    const who = `（${committee}・${j + 1}人目）`;
    await c.type(`氏名${who}`, name);
    await c.type(`所属・職名${who}`, position);
    await c.choose(`区分${who}`, category);
    await c.choose(`外部委員${who}`, external);
    await c.choose(`性別${who}`, sex);
  }
  await saved(page);

  // ── マスタ › 医薬品・医療機器: the device and the drug of the technique.
  await page.getByRole('navigation', { name: '台帳の種類' }).getByRole('link', { name: /医薬品・医療機器/ }).click();
  c.tab('マスタ（医薬品・医療機器）');
  await page.getByRole('button', { name: '品目を追加' }).click();
  await c.choose('種別（1件目）', '医療機器');
  await c.type('品目名（1件目）', '蛍光観察用腹腔鏡システム　ＫＦ－１０００');
  await c.type('製造販売業者名及び連絡先（1件目）', '架空メディカル株式会社（TEL ０３－１２３４－５６７８）');
  await c.type('型式・規格（1件目）', 'ＫＦ－１０００（近赤外蛍光観察モード付き）');
  await c.type('医薬品医療機器法承認又は認証番号（16桁）（1件目）', '３０２００ＢＺＸ００２８９０００');
  await c.choose('医薬品医療機器法上の適応外使用の該当（1件目）', '適応外');
  await c.type('医薬品医療機器法承認又は認証上の適応（1件目）', '腹腔鏡下手術における体腔内の観察（蛍光観察は血流評価に限る）');
  await c.type('使用方法等（1件目）', '術中にインドシアニングリーンの蛍光を観察し、センチネルリンパ節を同定する。');
  // 様式第3号④ (R-X-3): the 一部変更申請状況 of each 適応外 品目 is stated here, beside its name, once.
  await c.type('医薬品医療機器法承認一部変更申請状況（1件目）', '一部変更承認申請の予定なし（企業と協議中）');
  await page.getByRole('button', { name: '品目を追加' }).click();
  await c.choose('種別（2件目）', '医薬品');
  await c.type('品目名（2件目）', 'インドシアニングリーン注射用２５ｍｇ');
  await c.type('製造販売業者名及び連絡先（2件目）', '架空製薬株式会社（TEL ０３－９８７６－５４３２）');
  await c.type('医薬品医療機器法承認又は認証番号（16桁）（2件目）', '22100AMX00456000');
  await c.choose('医薬品医療機器法上の適応外使用の該当（2件目）', '適応外');
  await c.type('購入単価（円）（2件目）', '１，８８４円');
  await c.type('医薬品医療機器法承認又は認証上の適応（2件目）', '肝機能検査、循環機能検査、脳神経外科手術時における脳血管造影');
  await c.type('使用方法等（2件目）', '手術開始時に内視鏡下で腫瘍周囲の粘膜下層に０．５ｍＬずつ４か所注入する。');
  await c.type('医薬品医療機器法承認一部変更申請状況（2件目）', '一部変更承認申請の予定なし（公知申請を検討中）');
  await saved(page);

  // ── マスタ › 機器台帳: the device, linked to its 品目.
  await page.getByRole('navigation', { name: '台帳の種類' }).getByRole('link', { name: /機器台帳/ }).click();
  c.tab('マスタ（機器台帳）');
  await page.getByRole('button', { name: '機器を追加' }).click();
  await c.pick('医薬品・医療機器の台帳の品目（1行目）', '蛍光観察用腹腔鏡システム');
  await expect(page.getByLabel('機器名（1行目）')).toHaveValue('蛍光観察用腹腔鏡システム　ＫＦ－１０００');
  await c.type('購入価格（円）（1行目）', '２５，０００，０００');
  await c.type('耐用年数（年）（1行目）', '５');
  await c.type('年間使用回数（1行目）', '３００');
  await c.type('購入年月日（1行目）', '2026-04-01');
  await saved(page);

  // ── マスタ › 診療科
  await page.getByRole('navigation', { name: '台帳の種類' }).getByRole('link', { name: /診療科/ }).click();
  c.tab('マスタ（診療科）');
  for (const [i, [name, doctors]] of [['消化器外科', '１８'], ['麻酔科', '１２'], ['内科', '４０']].entries()) {
    await page.getByRole('button', { name: '診療科を追加' }).click();
    await c.type(`診療科名（${i + 1}行目）`, name ?? '');
    await c.type(`常勤医師数（${i + 1}行目）`, doctors ?? '');
  }
  await saved(page);

  // ── 案件: 先進医療B, 名称, 適応症, 届出日, 実施責任医師.
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '案件一覧' }).click();
  await c.on('案件一覧', '案件一覧');
  await c.type('新しい案件の名前', 'ICG蛍光法（胃がん）');
  await page.getByRole('button', { name: '案件を作成' }).click();
  await c.on('案件の基本情報', 'ICG蛍光法（胃がん）');
  await c.type('先進医療の名称', 'インドシアニングリーン蛍光法を用いた腹腔鏡下センチネルリンパ節生検');
  await c.type('適応症', '早期胃がん（ｃＴ１Ｎ０Ｍ０、長径４ｃｍ以下）');
  await c.type('届出日（予定）', '2027-04-01');
  await c.pick('実施責任医師', '𠮷田　一郎');
  await c.check('作成する区分', '先進医療B');
  await expect(page.getByRole('radio', { name: '先進医療B' })).toBeChecked();
  await saved(page);
  const projectUrl = page.url();

  // ── 費用の計算: the device from the 機器台帳, the drug from the 品目 master.
  await page.getByRole('link', { name: '費用の計算を開く' }).click();
  await c.on('費用の計算', /費用の計算/);
  await page.getByRole('button', { name: '医療機器使用料の内訳に行を追加' }).click();
  await c.pick('機器台帳（1行目）', '蛍光観察用腹腔鏡システム');
  await page.getByRole('button', { name: '人件費の積算根拠に行を追加' }).click();
  await c.type('職種（1行目）', '医師（消化器外科）');
  await c.type('単価（円）（1行目）', '１２，０００', page.getByRole('region', { name: '人件費の積算根拠' }));
  await c.type('所要時間（分）（1行目）', '６０');
  const materials = page.getByRole('region', { name: '医療材料・医薬品費' });
  await materials.getByRole('button', { name: '医療材料・医薬品費に行を追加' }).click();
  await c.pick('医薬品・医療機器の台帳から選ぶ品目（1行目）', 'インドシアニングリーン注射用２５ｍｇ', materials);
  await expect(materials.getByLabel('単価（円）（1行目）')).toHaveValue('1884');
  // 25,000,000 ÷ 5年 ÷ 300回 = 16,667円 + 人件費 12,000円 + 1,884円.
  await expect(page.getByTestId('cost-total')).toHaveText('30,551円');
  await saved(page);

  // ── The package's forms, from the tree beside each form.
  await page.goto(projectUrl);
  await c.on('案件の基本情報', 'ICG蛍光法（胃がん）');
  await page.getByRole('link', { name: /別紙1 様式第1-1号/ }).click();

  // 様式第1-1号: 事務担当者 prints from 設定 (not asked again).
  await c.on('様式第1-1号', /様式第1-1号/);
  await c.type('被験者等への同意', '文書により説明し、自由意思による同意を文書で得る（代諾者による同意は行わない）。');
  await c.choose('補償の有無', '有');
  await c.choose('保険への加入の有無', '有');
  await c.type('その他の措置', '健康被害が生じた場合は、本院において適切な治療その他必要な措置を講じる（医療費の自己負担分を補償する）。');
  await saved(page);

  // 様式第2号
  await openForm(c, '様式第2号');
  await c.type('当直体制（申請医療機関）', '消化器外科当直医師１名（ほかに内科系・外科系当直医師各１名）');
  await c.type('医療安全対策（申請医療機関）', '医療安全管理室長（副病院長）を責任者とし、医療安全管理委員会を毎月１回開催する。');
  await c.pick('倫理審査委員会', committee);
  await c.type('承認年月日', '2027-02-15');
  await c.type('倫理指針の細則の遵守', '人を対象とする生命科学・医学系研究に関する倫理指針及びその細則を遵守する。');
  await saved(page);

  // 様式第3号: the 品目 picked from the master; the rest typed.
  await openForm(c, '様式第3号');
  await c.pickAndAdd('①使用する医療機器（未承認又は適応外のものから記載すること。）', /蛍光観察用腹腔鏡システム/);
  await c.pickAndAdd('②使用する医療材料（ディスポーザブル）及び医薬品（未承認又は適応外のものから記載すること。）', /インドシアニングリーン/);
  // ④ (R-X-3): the 一部変更申請状況 of each 適応外 品目 prints from the マスタ; no row is typed here.
  const y3: ReadonlyArray<readonly [string, string]> = [
    ['２－２．海外での承認に関する情報', '米国・欧州ともに、本適応での承認はない（２０２６年１２月現在）。'],
    ['効能・効果', '早期胃がんにおけるセンチネルリンパ節の同定により、不要なリンパ節郭清を省略し、術後の生活の質を保つ。'],
    ['４．予測される安全性情報', 'インドシアニングリーンによるアナフィラキシー様症状（頻度不明）。ヨウ素過敏症の患者には使用しない。'],
    ['５．被験者の適格基準及び選定方法', '２０歳以上８０歳以下で、術前診断がｃＴ１Ｎ０Ｍ０の早期胃がん患者のうち、文書で同意を得た者。'],
    ['６．治療計画', '手術開始時にインドシアニングリーンを腫瘍周囲に注入し、腹腔鏡下に蛍光観察してセンチネルリンパ節を生検する。'],
    ['７－１．有効性及び安全性の評価', '主要評価項目：センチネルリンパ節の同定率。副次評価項目：偽陰性率、有害事象の発現割合。'],
    ['予定試験期間', '先進医療告示後から２年間（登録期間１年６か月、観察期間６か月）'],
    ['予定症例数', '６０例'],
    ['既に実績のある症例数', '３例（臨床研究として実施）'],
  ];
  for (const [label, value] of y3) await c.type(label, value);
  const effective = page.getByRole('group', { name: '①有効性が認められた事例', exact: true });
  await effective.getByRole('button', { name: '①有効性が認められた事例に行を追加' }).click();
  for (const [label, value] of [
    ['整理番号', '１'],
    ['年齢', '６４歳'],
    ['性別', '男'],
    ['病名', '早期胃がん（ｃＴ１ａＮ０Ｍ０）'],
    ['入院期間', '２０２６年５月１０日～２０２６年５月２２日'],
    ['転帰', '軽快'],
    ['治療経過', 'センチネルリンパ節２個を同定、転移なし。縮小手術を行い合併症なし。'],
  ] as const) {
    await c.type(`${label}（1行目）`, value, effective);
  }
  await c.type('①他　例（病名ごとに記載すること）', '他２例（早期胃がん）');
  const y3rest: ReadonlyArray<readonly [string, string]> = [
    ['予定試験期間及び予定症例数の設定根拠', '同定率の期待値を９５％、閾値を８５％とし、片側有意水準２．５％、検出力８０％で算出した。'],
    ['生物統計学的設定根拠', '二項分布に基づく正確な検定により５４例を要し、脱落を１割見込んで６０例とした。'],
    ['８．モニタリング体制及び実施方法', '臨床研究支援センターのモニターが、年２回、原資料との照合によるモニタリングを行う。'],
  ];
  for (const [label, value] of y3rest) await c.type(label, value);
  // (9) 補償の有無・保険への加入の有無・その他の措置: typed on 様式第1-1号, copied below (checked pairs).
  await c.type('保険の内容', '臨床研究保険（架空損害保険株式会社）に加入し、後遺障害１級～２級を補償する。');
  const y3tail: ReadonlyArray<readonly [string, string]> = [
    ['１０．試験に係る記録の取扱い及び管理・保存方法', '症例報告書等は施錠できる保管庫で、研究終了報告日から５年間保存する。'],
    ['１２．起こりうる利害の衝突及び研究者等の関連組織との関わり', '本研究に関して開示すべき利益相反はない（利益相反委員会で審査済み）。'],
    ['１３．個人情報保護の方法', '症例登録時に研究用の識別番号を付し、対応表は実施責任医師が管理する。'],
    ['１４．試験計画の公表方法', 'jRCTに登録し、結果は学会及び論文で公表する。'],
    ['１５．技術的成熟度', '腹腔鏡下胃切除術を年間５０例以上行う施設で、既に３例を安全に実施している。'],
    ['１６．社会的妥当性（社会的倫理的問題等）', '縮小手術により術後の生活の質が改善され、倫理的な問題はない。'],
    ['１７．現時点での普及性', '国内の限られた施設で臨床研究として行われている。'],
    ['１８．将来の保険収載の必要性', '有効性が示されれば、早期胃がんの標準的な手技として保険収載が望まれる。'],
    ['１９．文献情報', '１）架空一郎ほか．日本臨床外科学会雑誌．２０２５；８６（３）：１２３－１３０．'],
  ];
  for (const [label, value] of y3tail) await c.type(label, value);
  await saved(page);

  // 様式第5号
  await openForm(c, '様式第5号');
  await c.type('（先進性）', '近赤外蛍光観察により、放射性同位元素を用いずにセンチネルリンパ節を同定できる。');
  await c.type('（概要）', '腫瘍周囲にインドシアニングリーンを注入し、腹腔鏡下に蛍光観察してセンチネルリンパ節を生検する。');
  await c.type('（効果）', '転移のない患者で郭清範囲を縮小でき、術後の生活の質が向上する。');
  await saved(page);

  // 様式第6号: the 内訳 as 点数 rows whose 合計 × 10円 is the stated amounts.
  await openForm(c, '様式第6号');
  await c.type('典型的な症例', '６４歳男性、早期胃がん（ｃＴ１ａＮ０Ｍ０）、入院１２日間で腹腔鏡下胃切除術を行った例。');
  await c.choose('被保険者区分', '健康保険被保険者本人');
  const rows = page.getByRole('group', { name: '保険外併用療養費分の内訳', exact: true });
  for (const [i, [kind, item, points, times]] of [
    ['入院料', '急性期一般入院料１', '１，６８８', '１２'],
    ['手術', '腹腔鏡下胃切除術（単純切除術）', '６４，１２０', '１'],
  ].entries()) {
    await rows.getByRole('button', { name: '保険外併用療養費分の内訳に行を追加' }).click();
    const n = `（${i + 1}行目）`;
    await c.type(`区分${n}`, kind ?? '', rows);
    await c.type(`診療報酬項目${n}`, item ?? '', rows);
    await c.type(`点数${n}`, points ?? '', rows);
    await c.type(`回数${n}`, times ?? '', rows);
  }
  // 1,688 × 12 + 64,120 = 84,376点 → 843,760円 = 590,632円 + 253,128円.
  await c.type('保険外併用療養費（保険者負担）', '５９０，６３２円');
  await c.type('保険外併用療養費分に係る一部負担金', '２５３，１２８円');
  await saved(page);

  // 様式第7-1号・第7-2号 come from the 費用の計算; 様式第8-1号 from the 職員名簿 (the 実施者 picked).
  await openForm(c, '様式第8-1号');
  await c.pickAndAdd('実施者（職員名簿から選ぶ）', '佐藤　二郎');
  await saved(page);

  // 様式第8-2号
  await openForm(c, '様式第8-2号');
  await c.type('その他医療従事者の配置（薬剤師、臨床工学技士等）', '薬剤師３２名、臨床工学技士１２名');
  await c.type('病床数', '６００床');
  await c.type('看護配置', '７対１看護');
  // 当直体制 and the 実施症例数: typed on 様式第2号 and 様式第3号, copied below (checked pairs).
  await c.choose('緊急手術の実施体制', '有');
  await c.choose('院内検査（24時間実施体制）', '有');
  await c.type('他の医療機関との連携体制（患者容態急変時等）', '患者の容態急変時は本院救命救急センターで対応する（近隣の架空市立病院と連携協定あり）。');
  await c.choose('医療機器の保守管理体制', '有');
  await c.choose('倫理審査委員会による審査体制', '有');
  await c.choose('医療安全管理委員会の設置', '有');
  await saved(page);

  // 様式第9号: 要・不要 and the 内容 of each requirement.
  await openForm(c, '様式第9号');
  const requirements: ReadonlyArray<readonly [string, '要' | '不要', string?]> = [
    ['診療科', '要', '消化器外科'],
    ['資格', '要', '日本外科学会外科専門医'],
    ['当該診療科の経験年数', '要', '５'],
    ['当該技術の経験年数', '要', '１'],
    ['当該技術の経験症例数（実施者［術者］として）', '要', '３'],
    ['当該技術の経験症例数（助手又は術者として）', '要', '５'],
    ['実施診療科', '要', '消化器外科'],
    ['実施診療科の医師数', '要', '常勤医師３名以上'],
    ['他診療科の医師数', '要', '麻酔科常勤医師１名以上'],
    ['その他医療従事者の配置（薬剤師、臨床工学技士等）', '要', '臨床工学技士'],
    ['病床数', '要', '１００床以上'],
    ['看護配置', '要', '１０対１看護以上'],
    ['当直体制', '要', '外科系医師１名以上'],
    ['緊急手術の実施体制', '要'],
    ['院内検査（24時間実施体制）', '要'],
    ['他の医療機関との連携体制（患者容態急変時等）', '不要'],
    ['医療機器の保守管理体制', '要'],
    ['倫理審査委員会による審査体制', '要', '届出後当該療養を初めて実施するとき'],
    ['医療安全管理委員会の設置', '要'],
    ['医療機関としての当該技術の実施症例数', '要', '３'],
    ['頻回の実績報告', '要', '１０例まで又は６月間は、毎月報告'],
  ];
  for (const [label, need, detail] of requirements) {
    await c.choose(`${label}（要・不要）`, need);
    if (detail !== undefined) await c.type(`${label}（内容）`, detail);
  }
  await saved(page);

  // ── (a) The チェック結果: no error; the tree beside the forms: every form with required items done.
  await page.goto(`${projectUrl}/check`);
  await c.on('チェック結果', 'チェック結果');
  await expect(page.locator('.loading:visible')).toHaveCount(0, { timeout: 30_000 });
  // The checked pairs of docs/facts.md left blank on their second form: copied, not typed again.
  const copyable = page.locator('li.finding-error').filter({ hasText: 'に同じ事実が記入されています' });
  await expect(copyable).toHaveCount(5);
  const copied: string[] = [];
  for (let left = 4; left >= 0; left--) {
    copied.push(await c.copy(copyable.first()));
    await expect(copyable).toHaveCount(left);
  }
  expect(copied.map((m) => /^エラー(様式第[^「]+「[^」]+」)/.exec(m)?.[1]).sort()).toEqual(
    ['様式第3号「その他の措置」', '様式第3号「保険への加入の有無」', '様式第3号「補償の有無」', '様式第8-2号「医療機関としての当該技術の実施症例数」', '様式第8-2号「当直体制」'].sort(),
  );
  const findings = async (severity: string) => (await page.locator(`li.finding-${severity}`).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').slice(0, 200));
  const errors = await findings('error');
  const warnings = await findings('warning');
  console.log(`チェック結果 — エラー ${errors.length}件、警告 ${warnings.length}件:\n${[...errors, ...warnings].map((w) => `  ${w}`).join('\n')}`);
  expect(errors, 'チェック結果のエラー').toEqual([]);
  await expect(page.getByTestId('check-counts-error')).toHaveText('エラー 0件');
  await page.goto(`${projectUrl}/forms/besshi1-yoshiki9`);
  const nav = page.getByRole('navigation', { name: '様式の一覧' });
  await expect(nav.getByTestId('nav-needed-for')).toContainText('先進医療Bの新規届出に必要な10様式。入力済み 7/7');
  await expect(nav.getByText(/エラー\s*\d/)).toHaveCount(0);

  // ── (b) The package PDF: 名称, 実施責任医師 and the 先進医療にかかる費用 on their forms.
  await page.goto(`${projectUrl}/package`);
  await c.on('書類一式の出力', '書類一式の出力');
  await expect(page.getByLabel('新規届出（先進医療B）')).toBeChecked();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: '一式をPDFで保存', exact: true }).click();
  const download = await downloaded;
  const text = execFileSync('pdftotext', ['-', '-'], { input: readFileSync(await download.path()) }).toString();
  // Each page belongs to the form whose number heads it (「様式第3号」), continued pages to the last one.
  const forms = new Map<string, string>();
  let current = '提出書類一覧';
  for (const pageText of text.split('\f')) {
    current = /^(様式第[0-9-]+号)$/m.exec(pageText.split('\n').slice(0, 5).join('\n'))?.[1] ?? current;
    forms.set(current, `${forms.get(current) ?? ''}${pageText}`);
  }
  expect([...forms.keys()]).toEqual(['提出書類一覧', '様式第1-1号', '様式第2号', '様式第3号', '様式第5号', '様式第6号', '様式第7-1号', '様式第7-2号', '様式第8-1号', '様式第8-2号', '様式第9号']);
  const flat = (s: string) => s.replace(/\s+/g, '');
  // A value wrapped in a table cell may be read around its row's label (「…リンパ / 先進医療の名称 / 節生検」).
  const printed = (form: string, what: string, rowLabel = '') =>
    expect(flat(forms.get(form) ?? '').replaceAll(rowLabel || '\u0000', ''), `${form}に「${what}」`).toContain(flat(what));
  for (const form of ['様式第1-1号', '様式第2号', '様式第3号', '様式第5号', '様式第7-1号', '様式第8-2号']) printed(form, 'インドシアニングリーン蛍光法を用いた腹腔鏡下センチネルリンパ節生検', '先進医療の名称');
  for (const form of ['様式第1-1号', '様式第2号', '様式第8-1号']) printed(form, '𠮷田　一郎');
  for (const form of ['様式第5号', '様式第7-1号']) printed(form, '30,551円');
  // Entered once elsewhere, printed here: 設定's 事務担当者, the committee's members, the copied pairs.
  printed('様式第1-1号', '臨床研究支援センター（先進医療担当）　届出　花子');
  printed('様式第2号', '高橋　健');
  printed('様式第3号', '健康被害が生じた場合は、本院において適切な治療その他必要な措置を講じる（医療費の自己負担分を補償する）。');
  // 様式第3号④: each 適応外 品目 with the 一部変更申請状況 typed on the マスタ.
  printed('様式第3号', '一部変更承認申請の予定なし（企業と協議中）');
  printed('様式第3号', '一部変更承認申請の予定なし（公知申請を検討中）');
  printed('様式第8-2号', '消化器外科当直医師１名（ほかに内科系・外科系当直医師各１名）');
  printed('様式第8-2号', '３例（臨床研究として実施）');
  printed('様式第8-2号', '消化器外科１８名');

  // ── (c) Each fact of docs/facts.md typed (or chosen) once at most.
  const answered = c.entries.filter((e) => e.how === 'typed' || e.how === 'chosen');
  const report: string[] = [];
  const twice: string[] = [];
  for (const f of facts) {
    const hits = answered.filter((e) => f.labels.some((l) => asks(e.label, l)));
    report.push(`  ${f.fact}: ${hits.length}欄${hits.length > 0 ? `（${hits.map((h) => `${h.screen}「${h.label}」`).join('、')}）` : ''}`);
    // The rows of one table (品目1, 品目2) and the parts of one fact (所属, 氏名) on its screen are one typing each.
    if (new Set(hits.map((h) => h.screen)).size > 1) twice.push(`${f.fact}（${f.single}）: ${hits.map((h) => `${h.screen}「${h.label}」`).join(' と ')}`);
  }
  const typed = c.entries.filter((e) => e.how === 'typed').length;
  const chosen = c.entries.filter((e) => e.how === 'chosen').length;
  const picked = c.entries.filter((e) => e.how === 'picked').length;
  console.log(`入力した欄: ${typed}（選択肢から選んだ欄 ${chosen}、マスタから選んだ欄 ${picked}、「この値に統一」で写した欄 ${copied.length}）、訪れた画面: ${c.screens.size}（${[...c.screens].join('・')}）`);
  console.log(`docs/facts.md の事実ごとに入力した欄:\n${report.join('\n')}`);
  // A measurement beside the facts: the same words typed under two questions (not an assertion).
  const byValue = new Map<string, Entry[]>();
  for (const e of c.entries.filter((x) => x.how === 'typed' && x.value.normalize('NFKC').replace(/\s/g, '').length >= 6)) {
    const k = e.value.normalize('NFKC').replace(/\s/g, '');
    byValue.set(k, [...(byValue.get(k) ?? []), e]);
  }
  const repeats = [...byValue.values()].filter((es) => new Set(es.map((e) => `${e.screen}「${questionOf(e.label)}」`)).size > 1);
  console.log(`同じ文を二か所以上で入力した欄（${repeats.length}件）:\n${repeats.map((es) => `  「${es[0]?.value ?? ''}」: ${es.map((e) => `${e.screen}「${e.label}」`).join('、')}`).join('\n')}`);
  expect(twice, '二度入力した事実').toEqual([]);
});
