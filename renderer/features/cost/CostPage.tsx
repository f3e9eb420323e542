import { useCallback, useMemo, useState } from 'react';
import { useFieldArray, useForm, type UseFormRegister } from 'react-hook-form';
import { Link } from 'wouter';
import { calculateCost, type CostBreakdown } from '../../../shared/cost/calculate';
import { costFormSchema, fromCostForm, materialFromProduct, toCostForm, type CostForm } from '../../../shared/cost/form';
import type { CostModel } from '../../../shared/cost/model';
import { ROUNDING_LABEL } from '../../../shared/cost/rational';
import { todayIn } from '../../../shared/dates/iso-date';
import { formatYen, formatYenWithUnit } from '../../../shared/money/yen';
import type { Equipment, Product } from '../../../shared/model/master';
import { costDate, type Project } from '../../../shared/model/project';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { DateInput } from '../../components/DateInput';
import { LineText } from '../../components/LineText';
import { SaveStatus } from '../../components/SaveStatus';
import { localJournal } from '../../db/journal';
import { DbError } from '../../db/repositories';

interface Loaded {
  readonly project: Project;
  readonly model: CostModel;
  readonly savedAt: string | undefined;
  readonly ledger: Equipment[];
  /** 医薬品・医療機器 台帳: the 品目 a 医療材料・医薬品 row is picked from (issue 15). */
  readonly products: Product[];
}

/** 様式第7-1号・第7-2号 の積算: the one place the 先進医療にかかる費用 is computed (R-C-1…R-C-5). */
export function CostPage({ projectId }: { readonly projectId: string }) {
  const { repos } = useApp();
  const loaded = useLoad<Loaded>(async () => {
    const [project, model, savedAt, ledger, products] = await Promise.all([repos.getProject(projectId), repos.getCostModel(projectId), repos.costModelSavedAt(projectId), repos.getMasterList('equipment'), repos.getMasterList('products')]);
    return { project, model, savedAt, ledger, products };
  }, [projectId]);
  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (loaded.status === 'error') return <p className="error-box" role="alert">{loaded.message}</p>;
  return <CostEditor key={projectId} {...loaded.value} />;
}

type Col = { readonly key: string; readonly label: string; readonly kind?: 'text' | 'date' | 'select'; readonly options?: ReadonlyArray<readonly [string, string]>; readonly className?: string };

const EQUIPMENT: readonly Col[] = [
  { key: 'name', label: '機器名', className: 'col-wide' },
  { key: 'purchasePrice', label: '購入価格（円）', className: 'col-yen' },
  { key: 'residualValue', label: '残存価格（円）', className: 'col-yen' },
  { key: 'usefulLifeYears', label: '耐用年数（年）', className: 'col-narrow' },
  { key: 'usesPerYear', label: '年間使用回数', className: 'col-narrow' },
  { key: 'purchasedOn', label: '購入年月日', kind: 'date', className: 'col-date' },
  { key: 'usesPerCase', label: '1症例当たり使用回数', className: 'col-narrow' },
];
const STAFF: readonly Col[] = [
  { key: 'jobTitle', label: '職種', className: 'col-wide' },
  { key: 'unitPrice', label: '単価（円）', className: 'col-yen' },
  { key: 'per', label: '単価の単位', kind: 'select', options: [['hour', '円/時間'], ['minute', '円/分']] },
  { key: 'minutes', label: '所要時間（分）', className: 'col-narrow' },
];
const MATERIALS: readonly Col[] = [
  { key: 'name', label: '品名', className: 'col-wide' },
  { key: 'kind', label: '区分', kind: 'select', options: [['material', '医療材料'], ['drug', '医薬品']] },
  { key: 'unitPrice', label: '単価（円）', className: 'col-yen' },
  { key: 'quantity', label: '数量', className: 'col-narrow' },
];
const OTHERS: readonly Col[] = [
  { key: 'name', label: '項目', className: 'col-wide' },
  { key: 'amount', label: '金額（円）', className: 'col-yen' },
];

type ListName = 'equipment' | 'staff' | 'materials' | 'others';

const newRow: Record<ListName, () => Record<string, string>> = {
  equipment: () => ({ id: crypto.randomUUID(), equipmentId: '', name: '', purchasePrice: '', residualValue: '0', usefulLifeYears: '', usesPerYear: '', purchasedOn: '', usesPerCase: '1' }),
  staff: () => ({ id: crypto.randomUUID(), jobTitle: '', unitPrice: '', per: 'hour', minutes: '' }),
  materials: () => ({ id: crypto.randomUUID(), productId: '', name: '', kind: 'material', unitPrice: '', quantity: '1' }),
  others: () => ({ id: crypto.randomUUID(), name: '', amount: '' }),
};

/** 品目 a 医療材料・医薬品 row can be picked from (医療機器 go to 医療機器使用料). */
const MATERIAL_KINDS: ReadonlySet<Product['kind']> = new Set(['医療材料', '医薬品', '再生医療等製品']);

function CostEditor({ project, model, savedAt, ledger: loadedLedger, products }: Loaded) {
  const [ledger, setLedger] = useState(loadedLedger);
  const { repos } = useApp();
  const journal = useMemo(() => localJournal(`cost:${project.id}`, costFormSchema), [project.id]);
  const stored = useMemo(() => toCostForm(model), [model]);
  const save = useCallback(
    async (values: CostForm, editedAt: string) => {
      const r = fromCostForm(values, ledger);
      if (!r.model) throw new DbError('invalid', '入力に誤りがある欄があるため、費用の計算を保存していません。注意のある欄を直してください（入力はそのまま残っています）。');
      await repos.saveCostModel(project.id, r.model, editedAt);
    },
    [repos, project.id, ledger],
  );
  const { form, committed, autosave, formProps, withoutDrafts } = useAutosavedForm({ stored, savedAt, journal, save });
  const { register, control } = form;

  // A just-added row is a draft (「未入力の行があります」): no messages in its cells, totals as saved. Drafts sit at the end, so row indices match.
  const parsed = useMemo(() => fromCostForm(withoutDrafts(committed), ledger), [committed, ledger, withoutDrafts]);
  const ledgerById = useMemo(() => new Map(ledger.map((e) => [e.id, e])), [ledger]);
  const materialProducts = useMemo(() => products.filter((p) => MATERIAL_KINDS.has(p.kind)), [products]);
  /** 「品目を選ぶ」: the row's 品名・区分・単価 are filled from the 台帳's 品目 (the 数量 stays). */
  const pickProduct = (i: number, productId: string): void => {
    const row = form.getValues(`materials.${i}`);
    const p = products.find((x) => x.id === productId);
    if (!p) {
      form.setValue(`materials.${i}.productId`, '', { shouldDirty: true });
      return;
    }
    const filled = materialFromProduct(row, p);
    for (const key of ['productId', 'name', 'kind', 'unitPrice'] as const) form.setValue(`materials.${i}.${key}`, filled[key], { shouldDirty: true });
  };
  const [ledgerMessage, setLedgerMessage] = useState<string>();
  /** 「台帳に登録」: the row's device goes into the 機器台帳 and the row links to it. */
  const registerInLedger = async (i: number): Promise<void> => {
    const row = parsed.model?.equipment[i];
    const typed = committed.equipment[i];
    if (!row || !typed) {
      setLedgerMessage('この行の入力に誤りがあるため、台帳に登録できません。注意のある欄を直してください。');
      return;
    }
    const entry: Equipment = { id: crypto.randomUUID(), name: row.name, purchasePrice: row.purchasePrice, residualValue: row.residualValue, usefulLifeYears: row.usefulLifeYears, usesPerYear: row.usesPerYear, purchasedOn: row.purchasedOn };
    try {
      const current = await repos.getMasterList('equipment');
      await repos.saveMasterList('equipment', [...current, entry]);
      setLedger([...current, entry]);
      form.setValue(`equipment.${i}.equipmentId`, entry.id, { shouldDirty: true });
      setLedgerMessage(`「${entry.name || '（機器名未入力）'}」を機器台帳に登録しました。`);
    } catch (e) {
      setLedgerMessage(e instanceof Error ? e.message : '機器台帳に登録できませんでした。');
    }
  };
  // R-C-2: a device's 耐用年数 is judged at the 届出日 (the project's planned filing date, else today).
  const breakdown = useMemo(() => (parsed.model ? calculateCost(parsed.model, costDate(project, todayIn('Asia/Tokyo'))) : undefined), [parsed, project]);

  return (
    <div className="page-wide">
      <nav className="breadcrumb" aria-label="現在位置">
        <Link href="/">案件一覧</Link> › <Link href={`/projects/${project.id}`}>{project.name || '無題の案件'}</Link> › 費用の計算
      </nav>
      <div className="editor-head">
        <h1>費用の計算（様式第7-1号・第7-2号）</h1>
        <SaveStatus autosave={autosave} />
      </div>
      <p className="lead">
        ここで計算した「先進医療にかかる費用」が、様式第3号(11)・第5号・第6号・第7-1号のすべてに同じ金額で印刷されます。金額は全角数字やカンマ付きでも入力できます。
      </p>
      <form className="form" {...formProps}>
        {ledgerMessage && <p className="msg msg-info" role="status">{ledgerMessage}</p>}
        <RowTable title="医療機器使用料の内訳" name="equipment" cols={EQUIPMENT} control={control} register={register} errors={parsed.errors}
          lead={{
            label: '機器台帳',
            render: (i) => {
              const id = committed.equipment[i]?.equipmentId ?? '';
              const broken = id !== '' && !ledgerById.has(id);
              return (
                <>
                  <select className="input" aria-label={`機器台帳（${i + 1}行目）`} {...register(`equipment.${i}.equipmentId`)}>
                    <option value="">（この行に直接入力）</option>
                    {ledger.map((e) => (
                      <option key={e.id} value={e.id}>{e.name || '（機器名未入力）'}</option>
                    ))}
                    {broken && <option value={id}>（台帳から削除された機器）</option>}
                  </select>
                  {broken && <span className="msg msg-warning cell-msg">台帳から削除された機器です。この行に保存された値で計算しています。</span>}
                  {id === '' && (
                    <button type="button" className="btn btn-small" aria-label={`${i + 1}行目の機器を機器台帳に登録`} onClick={() => void registerInLedger(i)}>
                      台帳に登録
                    </button>
                  )}
                </>
              );
            },
          }}
          locked={(i, key) => {
            const e = ledgerById.get(committed.equipment[i]?.equipmentId ?? '');
            if (!e || key === 'usesPerCase') return undefined;
            const v = e[key as keyof Equipment];
            return typeof v === 'number' ? formatYen(v) : v;
          }}
          computed={{ label: '1症例当たり償却費', render: (i) => breakdown?.equipment[i] ? <Computed amount={breakdown.equipment[i].amount} formula={breakdown.equipment[i].formula} /> : '—' }} />
        <RowTable title="人件費の積算根拠" name="staff" cols={STAFF} control={control} register={register} errors={parsed.errors}
          computed={{ label: '金額', render: (i) => breakdown?.staff[i] ? <Computed amount={breakdown.staff[i].amount} formula={breakdown.staff[i].formula} /> : '—' }} />
        <RowTable title="医療材料・医薬品費" name="materials" cols={MATERIALS} control={control} register={register} errors={parsed.errors}
          lead={{
            label: '医薬品・医療機器の台帳',
            render: (i) => {
              const id = committed.materials[i]?.productId ?? '';
              const broken = id !== '' && !products.some((p) => p.id === id);
              return (
                <>
                  <select className="input" aria-label={`医薬品・医療機器の台帳から選ぶ品目（${i + 1}行目）`} value={id} onChange={(e) => pickProduct(i, e.target.value)}>
                    <option value="">（この行に直接入力）</option>
                    {materialProducts.map((p) => (
                      <option key={p.id} value={p.id}>{`${p.name || '（品目名未入力）'}（${p.kind}）`}</option>
                    ))}
                    {broken && <option value={id}>（台帳から削除された品目）</option>}
                  </select>
                  {broken && <span className="msg msg-warning cell-msg">台帳から削除された品目です。この行の品名・単価で計算しています。</span>}
                </>
              );
            },
          }}
          computed={{ label: '金額', render: (i) => breakdown?.materials[i] ? <Computed amount={breakdown.materials[i].amount} formula={breakdown.materials[i].formula} /> : '—' }} />
        <RowTable title="その他" name="others" cols={OTHERS} control={control} register={register} errors={parsed.errors} />

        <fieldset className="group" data-field="patientPays">
          <legend>端数の扱いと患者負担</legend>
          <label className="inline-field">
            <span>1円未満の端数</span>
            <select className="input input-auto" {...register('rounding')}>
              {(['round', 'floor', 'ceil'] as const).map((r) => (
                <option key={r} value={r}>
                  {ROUNDING_LABEL[r]}
                </option>
              ))}
            </select>
          </label>
          <div className="radios">
            <label className="radio">
              <input type="radio" value="all" {...register('patientMode')} /> 全額を患者に請求する
            </label>
            <label className="radio">
              <input type="radio" value="part" {...register('patientMode')} /> 一部を医療機関が負担する
            </label>
          </div>
          {committed.patientMode === 'part' && (
            <label className="inline-field">
              <span>患者に請求する額（円）</span>
              <input className="input input-auto" aria-invalid={parsed.errors.has('patientCharge')} {...register('patientCharge')} />
              {parsed.errors.get('patientCharge') && <span className="msg msg-error">{parsed.errors.get('patientCharge')}</span>}
            </label>
          )}
        </fieldset>
      </form>
      <Totals breakdown={breakdown} />
    </div>
  );
}

function Computed({ amount, formula }: { readonly amount: number; readonly formula: string }) {
  return (
    <span className="computed">
      <strong>{formatYenWithUnit(amount)}</strong>
      <span className="formula">{formula}</span>
    </span>
  );
}

function RowTable(props: {
  readonly title: string;
  readonly name: ListName;
  readonly cols: readonly Col[];
  readonly control: ReturnType<typeof useForm<CostForm>>['control'];
  readonly register: UseFormRegister<CostForm>;
  readonly errors: ReadonlyMap<string, string>;
  readonly computed?: { readonly label: string; readonly render: (row: number) => React.ReactNode };
  /** A first column (the 機器台帳 link). */
  readonly lead?: { readonly label: string; readonly render: (row: number) => React.ReactNode };
  /** A value shown read-only instead of the input (taken from the 機器台帳). */
  readonly locked?: (row: number, key: string) => string | undefined;
}) {
  const rows = useFieldArray({ control: props.control, name: props.name });
  return (
    <section className="card" data-field={props.name} aria-labelledby={`${props.name}-title`}>
      <h2 id={`${props.name}-title`}>{props.title}</h2>
      <div className="table-scroll">
        <table className="grid">
          <thead>
            <tr>
              {props.lead && <th scope="col" className="col-lead">{props.lead.label}</th>}
              {props.cols.map((c) => (
                <th key={c.key} scope="col" className={c.className}>
                  {c.label}
                </th>
              ))}
              {props.computed && <th scope="col">{props.computed.label}</th>}
              <th scope="col">
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.fields.map((f, i) => (
              <tr key={f.id}>
                {props.lead && <td className="col-lead">{props.lead.render(i)}</td>}
                {props.cols.map((c) => {
                  const path = `${props.name}.${i}.${c.key}`;
                  const err = props.errors.get(path);
                  const label = `${c.label}（${i + 1}行目）`;
                  // Paths are built from the column list of this very table.
                  const reg = props.register(path as Parameters<UseFormRegister<CostForm>>[0]);
                  const lockedValue = props.locked?.(i, c.key);
                  if (lockedValue !== undefined) {
                    const locked = { readOnly: true, className: 'input-locked', 'aria-label': `${label}（機器台帳の値）`, value: lockedValue };
                    return (
                      <td key={c.key} className={c.className}>
                        {c.kind === 'date' ? <DateInput {...locked} /> : c.className === 'col-wide' ? <LineText {...locked} /> : <input {...locked} className="input input-locked" />}
                      </td>
                    );
                  }
                  return (
                    <td key={c.key} className={c.className}>
                      {c.kind === 'select' ? (
                        <select className="input" aria-label={label} {...reg}>
                          {c.options?.map(([v, l]) => (
                            <option key={v} value={v}>
                              {l}
                            </option>
                          ))}
                        </select>
                      ) : (
                        c.kind === 'date' ? (
                          <DateInput aria-label={label} aria-invalid={err !== undefined} aria-describedby={err ? `${path}-err` : undefined} {...reg} />
                        ) : c.className === 'col-wide' ? (
                          <LineText aria-label={label} aria-invalid={err !== undefined} aria-describedby={err ? `${path}-err` : undefined} {...reg} />
                        ) : (
                          <input className="input" aria-label={label} aria-invalid={err !== undefined} aria-describedby={err ? `${path}-err` : undefined} {...reg} />
                        )
                      )}
                      {err && (
                        <span id={`${path}-err`} className="msg msg-error cell-msg">
                          {err}
                        </span>
                      )}
                    </td>
                  );
                })}
                {props.computed && <td className="computed-cell">{props.computed.render(i)}</td>}
                <td className="row-actions">
                  <button type="button" className="btn btn-small" aria-label={`${props.title}の${i + 1}行目を削除`} onClick={() => rows.remove(i)}>
                    削除
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="btn" onClick={() => rows.append(newRow[props.name]() as never)}>
        {props.title}に行を追加
      </button>
    </section>
  );
}

function Totals({ breakdown }: { readonly breakdown: CostBreakdown | undefined }) {
  if (!breakdown) {
    return (
      <section className="card totals" aria-labelledby="totals-title">
        <h2 id="totals-title">先進医療にかかる費用</h2>
        <p className="msg msg-error">入力に誤りがある欄があるため、合計を計算できません。</p>
      </section>
    );
  }
  const rows: Array<[string, number]> = [
    ['医療機器使用料', breakdown.equipmentTotal],
    ['人件費', breakdown.staffTotal],
    ['医療材料・医薬品費', breakdown.materialTotal],
    ['その他', breakdown.otherTotal],
  ];
  return (
    <section className="card totals" aria-labelledby="totals-title">
      <h2 id="totals-title">先進医療にかかる費用</h2>
      <dl className="totals-list">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{formatYenWithUnit(v)}</dd>
          </div>
        ))}
        <div className="grand">
          <dt>先進医療にかかる費用（1症例当たり）</dt>
          <dd data-testid="cost-total">{formatYenWithUnit(breakdown.total)}</dd>
        </div>
        {breakdown.institutionBurden > 0 && (
          <>
            <div>
              <dt>患者に請求する額</dt>
              <dd>{formatYenWithUnit(breakdown.patientCharge)}</dd>
            </div>
            <div>
              <dt>医療機関が負担する額</dt>
              <dd>{formatYenWithUnit(breakdown.institutionBurden)}</dd>
            </div>
          </>
        )}
      </dl>
      {breakdown.messages.map((m) => (
        <p key={m} className="msg msg-warning">
          {m}
        </p>
      ))}
    </section>
  );
}
