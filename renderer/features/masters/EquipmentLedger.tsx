import { useCallback, useMemo, useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import { fromLedgerForm, ledgerFormSchema, toLedgerForm, type LedgerForm } from '../../../shared/cost/form';
import type { Equipment, Product } from '../../../shared/model/master';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { SaveStatus } from '../../components/SaveStatus';
import { localJournal } from '../../db/journal';
import { DbError } from '../../db/repositories';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { DateInput } from '../../components/DateInput';
import { LineText } from '../../components/LineText';

const COLS: ReadonlyArray<readonly [keyof LedgerForm['items'][number], string, string?]> = [
  ['name', '機器名', 'col-wide'],
  ['purchasePrice', '購入価格（円）', 'col-yen'],
  ['residualValue', '残存価格（円）', 'col-yen'],
  ['usefulLifeYears', '耐用年数（年）', 'col-narrow'],
  ['usesPerYear', '年間使用回数', 'col-narrow'],
  ['purchasedOn', '購入年月日', 'col-date'],
];

/** 機器台帳: each device's depreciation inputs once, linked from the cost models that use it (R-C-2). */
export function EquipmentLedger() {
  const { repos } = useApp();
  const load = useLoad(async () => {
    const [equipment, products] = await Promise.all([repos.getMasterList('equipment'), repos.getMasterList('products')]);
    return { equipment, products };
  }, []);
  if (load.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (load.status === 'error') return <p className="error-box" role="alert">{load.message}</p>;
  return <LedgerEditor initial={load.value.equipment} products={load.value.products} />;
}

/**
 * The 品目 (医療機器) of the 医薬品・医療機器 台帳 a device is (issue 15). Picking one names the device
 * after it when the 機器名 is blank; a device picked elsewhere keeps its own 機器名 (台帳 names may be shorter).
 */
function ProductCell({ i, value, products, onPick }: { readonly i: number; readonly value: string; readonly products: readonly Product[]; readonly onPick: (id: string) => void }) {
  const devices = products.filter((p) => p.kind === '医療機器');
  const broken = value !== '' && !products.some((p) => p.id === value);
  return (
    <>
      <select className="input" aria-label={`医薬品・医療機器の台帳の品目（${i + 1}行目）`} value={value} onChange={(e) => onPick(e.target.value)}>
        <option value="">（品目と結び付けない）</option>
        {devices.map((p) => (
          <option key={p.id} value={p.id}>{`${p.name || '（品目名未入力）'}${p.spec ? `（${p.spec}）` : ''}`}</option>
        ))}
        {broken && <option value={value}>（台帳から削除された品目）</option>}
      </select>
      {broken && <span className="msg msg-warning cell-msg">結び付けた品目が台帳から削除されています。選び直してください。</span>}
    </>
  );
}

function LedgerEditor({ initial, products }: { readonly initial: Equipment[]; readonly products: readonly Product[] }) {
  const { repos } = useApp();
  const journal = useMemo(() => localJournal('master:equipment', ledgerFormSchema), []);
  const stored = useMemo(() => toLedgerForm(initial), [initial]);
  const save = useCallback(
    async (v: LedgerForm) => {
      const r = fromLedgerForm(v);
      if (!r.items) throw new DbError('invalid', '入力に誤りがある欄があるため、機器台帳を保存していません。注意のある欄を直してください（入力はそのまま残っています）。');
      await repos.saveMasterList('equipment', r.items);
    },
    [repos],
  );
  const { form, committed, autosave, formProps, withoutDrafts } = useAutosavedForm({ stored, savedAt: undefined, journal, save });
  // A just-added row is a draft: no messages in its cells until something is typed (drafts sit at the end).
  const errors = useMemo(() => fromLedgerForm(withoutDrafts(committed)).errors, [committed, withoutDrafts]);
  const rows = useFieldArray({ control: form.control, name: 'items', keyName: 'key' });
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="eq-h">
      <div className="editor-head">
        <h2 id="eq-h">機器台帳</h2>
        <SaveStatus autosave={autosave} />
      </div>
      <p className="lead">費用の計算（様式第7-1号・第7-2号）で台帳の機器を選ぶと、ここの購入価格・残存価格・耐用年数・年間使用回数で償却費を計算します。値を直すと、その機器を使うすべての案件の費用が変わります。</p>
      <form className="form" {...formProps}>
        <div className="table-scroll card">
          <table className="grid">
            <thead>
              <tr>
                {COLS.map(([k, label, cls]) => (
                  <th key={k} scope="col" className={cls}>
                    {label}
                  </th>
                ))}
                <th scope="col" className="col-wide">医薬品・医療機器の台帳の品目</th>
                <th scope="col">
                  <span className="visually-hidden">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.fields.map((f, i) => (
                <tr key={f.key}>
                  {COLS.map(([k, label, cls]) => {
                    const err = errors.get(`items.${i}.${k}`);
                    const errId = `eq-${i}-${k}-err`;
                    return (
                      <td key={k} className={cls}>
                        {k === 'purchasedOn' ? (
                          <DateInput aria-label={`${label}（${i + 1}行目）`} aria-invalid={err !== undefined} aria-describedby={err ? errId : undefined} {...form.register(`items.${i}.${k}`)} />
                        ) : k === 'name' ? (
                          <LineText aria-label={`${label}（${i + 1}行目）`} aria-invalid={err !== undefined} aria-describedby={err ? errId : undefined} {...form.register(`items.${i}.${k}`)} />
                        ) : (
                          <input className="input" aria-label={`${label}（${i + 1}行目）`} aria-invalid={err !== undefined} aria-describedby={err ? errId : undefined} autoComplete="off" {...form.register(`items.${i}.${k}`)} />
                        )}
                        {err && (
                          <span id={errId} className="msg msg-error cell-msg">
                            {err}
                          </span>
                        )}
                      </td>
                    );
                  })}
                  <td className="col-wide">
                    <ProductCell
                      i={i}
                      value={committed.items[i]?.productId ?? ''}
                      products={products}
                      onPick={(id) => {
                        form.setValue(`items.${i}.productId`, id, { shouldDirty: true });
                        const p = products.find((x) => x.id === id);
                        if (p && form.getValues(`items.${i}.name`).trim() === '') form.setValue(`items.${i}.name`, p.name, { shouldDirty: true });
                      }}
                    />
                  </td>
                  <td>
                    <RemoveRowButton label={`${i + 1}行目の機器を削除`} onRemove={() => rows.remove(i)} focusAfter={addRef} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button
          ref={addRef}
          type="button"
          className="btn"
          onClick={() => rows.append({ id: crypto.randomUUID(), productId: '', name: '', purchasePrice: '', residualValue: '0', usefulLifeYears: '', usesPerYear: '', purchasedOn: '' })}
        >
          機器を追加
        </button>
      </form>
    </section>
  );
}
