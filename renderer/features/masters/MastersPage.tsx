import { useRef, type ReactNode } from 'react';
import { useFieldArray, type Control, type UseFormRegister } from 'react-hook-form';
import { Link } from 'wouter';
import { z } from 'zod';
import {
  COMMITTEE_TYPES,
  LABEL_USES,
  MEMBER_CATEGORIES,
  PRODUCT_KINDS,
  committeeFindings,
  committeesSchema,
  departmentsSchema,
  emptyCommittee,
  emptyDepartment,
  emptyMember,
  emptyProduct,
  productFindings,
  productsSchema,
  type EthicsCommittee,
  type MasterFinding,
} from '../../../shared/model/master';
import { useApp } from '../../app/context';
import type { MasterLists } from '../../db/repositories';
import { useLoad } from '../../app/use-load';
import { FieldMessages } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { EquipmentLedger } from './EquipmentLedger';
import { useMasterListForm } from './use-master-list-form';
import { PhraseLibrary } from './PhraseLibrary';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { DateInput } from '../../components/DateInput';
import { LineText } from '../../components/LineText';
import { parseYen } from '../../../shared/money/yen';

export type MasterTab = 'departments' | 'committees' | 'products' | 'equipment' | 'phrases';

const TABS: ReadonlyArray<readonly [MasterTab, string]> = [
  ['committees', '倫理審査委員会'],
  ['products', '医薬品・医療機器'],
  ['equipment', '機器台帳'],
  ['departments', '診療科'],
  ['phrases', '定型文'],
];

/** マスタ: the institution's facts entered once and picked by every project's forms. */
export function MastersPage({ tab }: { readonly tab: string }) {
  const current = TABS.find(([k]) => k === tab)?.[0] ?? 'committees';
  return (
    <div className="page-wide">
      <h1>マスタ（院内の台帳）</h1>
      <p className="lead">
        委員会・品目・機器・診療科・定型文をここに一度だけ登録します。様式では一覧から選ぶだけで、ここで直すと、その項目を使うすべての案件の様式が変わります。職員は <Link href="/roster">職員名簿</Link> で登録します。
      </p>
      <nav className="tabs" aria-label="台帳の種類">
        {TABS.map(([k, label]) => (
          <Link key={k} href={`/masters/${k}`} className={k === current ? 'tab tab-current' : 'tab'} aria-current={k === current ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      {current === 'committees' && <MasterLoader list="committees">{(v) => <CommitteesEditor initial={v} />}</MasterLoader>}
      {current === 'products' && <MasterLoader list="products">{(v) => <ProductsEditor initial={v} />}</MasterLoader>}
      {current === 'equipment' && <EquipmentLedger />}
      {current === 'departments' && <MasterLoader list="departments">{(v) => <DepartmentsEditor initial={v} />}</MasterLoader>}
      {current === 'phrases' && <PhraseLibrary />}
    </div>
  );
}

/** Reads one master list, then shows its editor. */
function MasterLoader<K extends 'departments' | 'products' | 'committees'>({ list, children }: { readonly list: K; readonly children: (v: MasterLists[K]) => ReactNode }) {
  const { repos } = useApp();
  const load = useLoad(() => repos.getMasterList(list), [list]);
  if (load.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (load.status === 'error') return <p className="error-box" role="alert">{load.message}</p>;
  return <>{children(load.value)}</>;
}

function findingsAsMessages(f: readonly MasterFinding[]) {
  return f.map((x) => ({ ruleId: x.ruleId, severity: x.severity, message: x.message }));
}

// ── 診療科 ────────────────────────────────────────────────────────────────────
const departmentsForm = z.object({ items: departmentsSchema });

function DepartmentsEditor({ initial }: { readonly initial: z.infer<typeof departmentsSchema> }) {
  const { form, autosave, formProps } = useMasterListForm('departments', departmentsForm, initial);
  const rows = useFieldArray({ control: form.control, name: 'items', keyName: 'key' });
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="dept-h">
      <div className="editor-head">
        <h2 id="dept-h">診療科</h2>
        <SaveStatus autosave={autosave} />
      </div>
      <p className="lead">様式第8-2号の「診療科別の常勤医師数」に印刷します。病理部門・輸血部門など、常勤医師のいる部門も登録します。</p>
      <form className="form" {...formProps}>
        <table className="grid card">
          <thead>
            <tr>
              <th scope="col">診療科名</th>
              <th scope="col">常勤医師数</th>
              <th scope="col">
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.fields.map((f, i) => (
              <tr key={f.key}>
                <td>
                  <input className="input" aria-label={`診療科名（${i + 1}行目）`} autoComplete="off" {...form.register(`items.${i}.name`)} />
                </td>
                <td>
                  <input className="input" aria-label={`常勤医師数（${i + 1}行目）`} autoComplete="off" {...form.register(`items.${i}.fullTimeDoctors`)} />
                </td>
                <td>
                  <RemoveRowButton label={`${i + 1}行目の診療科を削除`} onRemove={() => rows.remove(i)} focusAfter={addRef} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={addRef} type="button" className="btn" onClick={() => rows.append(emptyDepartment(crypto.randomUUID()))}>
          診療科を追加
        </button>
      </form>
    </section>
  );
}

// ── 医薬品・医療機器 ───────────────────────────────────────────────────────────
const productsForm = z.object({ items: productsSchema });

/**
 * 購入単価 as typed (「1,884円」, full-width digits): integer yen once it reads as an amount, blank =
 * none; other text stays in the form as typed (the save is refused and the field says why).
 */
function unitPriceOf(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (v.trim() === '') return undefined;
  const r = parseYen(v);
  return r.ok ? r.value : v;
}

function ProductsEditor({ initial }: { readonly initial: z.infer<typeof productsSchema> }) {
  const { form, committed, autosave, formProps } = useMasterListForm('products', productsForm, initial);
  const rows = useFieldArray({ control: form.control, name: 'items', keyName: 'key' });
  const addRef = useRef<HTMLButtonElement>(null);
  const r = form.register;
  return (
    <section aria-labelledby="prod-h">
      <div className="editor-head">
        <h2 id="prod-h">医薬品・医療機器</h2>
        <SaveStatus autosave={autosave} />
      </div>
      <p className="lead">様式第3号 2-1 の①②③の表（適応外の品目は④の一部変更申請状況も）に印刷します。承認又は認証番号は16桁です。未承認の品目は「未承認」を選ぶと、番号と適応は「なし」と印刷されます。</p>
      <form className="form" {...formProps}>
        {rows.fields.map((f, i) => {
          const p = committed.items[i];
          const n = `${i + 1}件目`;
          return (
            <fieldset key={f.key} className="group card">
              <legend>
                {n}：{p?.name || '（品目名未入力）'}
              </legend>
              <div className="grid-2">
                <label className="inline-field">
                  <span>種別</span>
                  <select className="input" aria-label={`種別（${n}）`} {...r(`items.${i}.kind`)}>
                    {PRODUCT_KINDS.map((k) => (
                      <option key={k}>{k}</option>
                    ))}
                  </select>
                </label>
                <label className="inline-field">
                  <span>品目名</span>
                  <input className="input" aria-label={`品目名（${n}）`} autoComplete="off" {...r(`items.${i}.name`)} />
                </label>
                <label className="inline-field">
                  <span>製造販売業者名及び連絡先</span>
                  <input className="input" aria-label={`製造販売業者名及び連絡先（${n}）`} autoComplete="off" {...r(`items.${i}.maker`)} />
                </label>
                <label className="inline-field">
                  <span>型式・規格</span>
                  <input className="input" aria-label={`型式・規格（${n}）`} autoComplete="off" {...r(`items.${i}.spec`)} />
                </label>
                <label className="inline-field">
                  <span>医薬品医療機器法承認又は認証番号（16桁）</span>
                  <input className="input" aria-label={`医薬品医療機器法承認又は認証番号（16桁）（${n}）`} autoComplete="off" {...r(`items.${i}.approvalNumber`)} />
                </label>
                <label className="inline-field">
                  <span>医薬品医療機器法上の適応外使用の該当</span>
                  <select className="input" aria-label={`医薬品医療機器法上の適応外使用の該当（${n}）`} {...r(`items.${i}.labelUse`)}>
                    <option value="">（選択）</option>
                    {LABEL_USES.map((k) => (
                      <option key={k}>{k}</option>
                    ))}
                  </select>
                </label>
                <label className="inline-field">
                  <span>購入単価（円）</span>
                  <input
                    className="input"
                    aria-label={`購入単価（円）（${n}）`}
                    aria-describedby={`prod-price-${i}`}
                    autoComplete="off"
                    {...r(`items.${i}.unitPrice`, { setValueAs: unitPriceOf })}
                  />
                  <span id={`prod-price-${i}`} className={typeof p?.unitPrice === 'string' ? 'msg msg-error' : 'field-help'}>
                    {typeof p?.unitPrice === 'string' ? '金額として読み取れません（例：1,884）。直すまで保存されません。' : '医療材料・医薬品は、費用の計算で選ぶと単価に入ります。'}
                  </span>
                </label>
              </div>
              <label className="inline-field">
                <span>医薬品医療機器法承認又は認証上の適応</span>
                <textarea className="input textarea" rows={2} aria-label={`医薬品医療機器法承認又は認証上の適応（${n}）`} {...r(`items.${i}.approvedIndication`)} />
              </label>
              <label className="inline-field">
                <span>未承認又は適応外使用に該当する場合の使用方法等</span>
                <textarea className="input textarea" rows={2} aria-label={`使用方法等（${n}）`} {...r(`items.${i}.usage`)} />
              </label>
              <label className="inline-field">
                <span>医薬品医療機器法承認一部変更申請状況</span>
                <textarea
                  className="input textarea"
                  rows={2}
                  aria-label={`医薬品医療機器法承認一部変更申請状況（${n}）`}
                  aria-describedby={`prod-change-${i}`}
                  {...r(`items.${i}.partialChangeStatus`)}
                />
                <span id={`prod-change-${i}`} className="field-help">
                  適応外の品目について、適応拡大の一部変更申請の状況を製造販売業者に確認して書きます。様式第3号 2-1 ④に印刷されます。
                </span>
              </label>
              {p && <FieldMessages id={`prod-msg-${i}`} messages={findingsAsMessages(productFindings(p))} />}
              <RemoveRowButton label={`${n}の品目を削除`} onRemove={() => rows.remove(i)} focusAfter={addRef} />
            </fieldset>
          );
        })}
        <button ref={addRef} type="button" className="btn" onClick={() => rows.append(emptyProduct(crypto.randomUUID()))}>
          品目を追加
        </button>
      </form>
    </section>
  );
}

// ── 倫理審査委員会 ─────────────────────────────────────────────────────────────
const committeesForm = z.object({ items: committeesSchema });
type CommitteesForm = z.infer<typeof committeesForm>;

function CommitteesEditor({ initial }: { readonly initial: EthicsCommittee[] }) {
  const { form, committed, autosave, formProps } = useMasterListForm('committees', committeesForm, initial);
  const rows = useFieldArray({ control: form.control, name: 'items', keyName: 'key' });
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="com-h">
      <div className="editor-head">
        <h2 id="com-h">倫理審査委員会</h2>
        <SaveStatus autosave={autosave} />
      </div>
      <p className="lead">様式第2号の「倫理審査委員会の構成員」に印刷します。倫理指針の構成要件（5名以上、3つの区分それぞれ1名以上、外部委員2名以上、男女両性）を確かめます。</p>
      <form className="form" {...formProps}>
        {rows.fields.map((f, i) => {
          const c = committed.items[i];
          return (
            <fieldset key={f.key} className="group card">
              <legend>{c?.name || `（${i + 1}件目・名称未入力）`}</legend>
              <div className="grid-2">
                <label className="inline-field">
                  <span>委員会の名称</span>
                  <input className="input" aria-label={`委員会の名称（${i + 1}件目）`} autoComplete="off" {...form.register(`items.${i}.name`)} />
                </label>
                <label className="inline-field">
                  <span>種類</span>
                  <select className="input" aria-label={`委員会の種類（${i + 1}件目）`} {...form.register(`items.${i}.type`)}>
                    {COMMITTEE_TYPES.map((t) => (
                      <option key={t}>{t}</option>
                    ))}
                  </select>
                </label>
              </div>
              <Members index={i} control={form.control} register={form.register} committeeName={c?.name || `${i + 1}件目の委員会`} />
              {c && <FieldMessages id={`com-msg-${i}`} messages={findingsAsMessages(committeeFindings(c))} />}
              <RemoveRowButton label={`${c?.name || `${i + 1}件目の委員会`}を削除`} onRemove={() => rows.remove(i)} focusAfter={addRef} text="委員会を削除" />
            </fieldset>
          );
        })}
        <button ref={addRef} type="button" className="btn" onClick={() => rows.append(emptyCommittee(crypto.randomUUID()))}>
          委員会を追加
        </button>
      </form>
    </section>
  );
}

function Members({ index, control, register, committeeName }: { readonly index: number; readonly control: Control<CommitteesForm>; readonly register: UseFormRegister<CommitteesForm>; readonly committeeName: string }) {
  const rows = useFieldArray({ control, name: `items.${index}.members`, keyName: 'key' });
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <div className="table-scroll">
      <table className="grid">
        <caption className="visually-hidden">{committeeName}の構成員</caption>
        <thead>
          <tr>
            <th scope="col">氏名</th>
            <th scope="col">所属・職名</th>
            <th scope="col">区分</th>
            <th scope="col">外部委員</th>
            <th scope="col">性別</th>
            <th scope="col" className="col-date">就任日・退任日</th>
            <th scope="col">
              <span className="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.fields.map((f, j) => {
            const who = `${committeeName}・${j + 1}人目`;
            return (
              <tr key={f.key}>
                <td className="col-text">
                  <LineText aria-label={`氏名（${who}）`} {...register(`items.${index}.members.${j}.name`)} />
                </td>
                <td className="col-wide">
                  <LineText aria-label={`所属・職名（${who}）`} {...register(`items.${index}.members.${j}.position`)} />
                </td>
                <td>
                  <select className="input" aria-label={`区分（${who}）`} {...register(`items.${index}.members.${j}.category`)}>
                    <option value="">（選択）</option>
                    {MEMBER_CATEGORIES.map((c) => (
                      <option key={c}>{c}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <select className="input" aria-label={`外部委員（${who}）`} {...register(`items.${index}.members.${j}.external`)}>
                    <option value="">（選択）</option>
                    <option>外部</option>
                    <option>内部</option>
                  </select>
                </td>
                <td>
                  <select className="input" aria-label={`性別（${who}）`} {...register(`items.${index}.members.${j}.sex`)}>
                    <option value="">（選択）</option>
                    <option>男</option>
                    <option>女</option>
                  </select>
                </td>
                <td className="col-date">
                  <label className="term-part">
                    <span className="sub-label">就任日</span>
                    <DateInput aria-label={`就任日（${who}）`} {...register(`items.${index}.members.${j}.from`)} />
                  </label>
                  <label className="term-part">
                    <span className="sub-label">退任日</span>
                    <DateInput aria-label={`退任日（${who}）`} {...register(`items.${index}.members.${j}.to`)} />
                  </label>
                </td>
                <td>
                  <RemoveRowButton label={`${who}を削除`} onRemove={() => rows.remove(j)} focusAfter={addRef} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button ref={addRef} type="button" className="btn" onClick={() => rows.append(emptyMember(crypto.randomUUID()))}>
        委員を追加
      </button>
    </div>
  );
}
