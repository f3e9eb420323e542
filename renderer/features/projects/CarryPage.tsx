import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { costLineCount } from '../../../shared/cost/model';
import { FORMS } from '../../../shared/forms/registry';
import { NEVER_CARRIED, carryParts, deriveProject, productPicks, type CarryPart } from '../../../shared/projects/carry';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { Field } from '../../components/Field';
import { LineText } from '../../components/LineText';

/**
 * 「この案件をもとに新しい案件を作る」 (issue 19 item 1): the user picks what the new project carries
 * from this one — or from the as-filed copy of one of its filings — section by section. Everything
 * carried is marked 要確認 in the new project; what belongs to this technology alone is never carried
 * (shared/projects/carry.ts).
 */
export function CarryPage({ projectId }: { readonly projectId: string }) {
  const { repos } = useApp();
  const [, navigate] = useLocation();
  const [from, setFrom] = useState('');
  const copies = useLoad(() => repos.carry.copies(projectId), [projectId]);
  const source = useLoad(() => repos.carry.source(projectId, from === '' ? undefined : from), [projectId, from]);
  const [name, setName] = useState('');
  const [parts, setParts] = useState<ReadonlySet<string>>(new Set());
  const [extra, setExtra] = useState({ products: false, cost: false, sites: false });
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fromId = useId();
  const src = source.status === 'ready' ? source.value : undefined;
  const offered = useMemo(() => (src ? carryParts(src) : []), [src]);
  const byForm = useMemo(() => FORMS.map((form) => ({ form, parts: offered.filter((p) => p.formId === form.id) })).filter((g) => g.parts.some((p) => p.filled)), [offered]);

  if (source.status === 'error') return <p className="error-box" role="alert">{source.message}</p>;
  const sourceName = src ? src.project.name || src.project.technologyName || '無題の案件' : '';
  const nameProblem = name.trim() === '' ? '新しい案件の案件名を入力してください。' : undefined;
  const picks = src ? productPicks(src).length : 0;
  const costRows = src ? costLineCount(src.cost) : 0;
  const toggle = (p: CarryPart, on: boolean) => setParts((now) => (on ? new Set([...now, p.id]) : new Set([...now].filter((x) => x !== p.id))));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (nameProblem || !src || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const derived = deriveProject(src, { name, parts: [...parts], ...extra }, { newId: () => crypto.randomUUID(), now: new Date().toISOString() });
      const created = await repos.carry.create(derived);
      navigate(`/projects/${created.id}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : '新しい案件を作れませんでした。');
      setBusy(false);
    }
  };

  return (
    <div className="page-narrow">
      <nav className="breadcrumb" aria-label="現在位置">
        <Link href="/">案件一覧</Link> › <Link href={`/projects/${projectId}`}>{sourceName || '案件'}</Link> › もとにして新しい案件を作る
      </nav>
      <h1>この案件をもとに新しい案件を作る</h1>
      <p className="lead">
        選んだ項目を新しい案件に引き継ぎます。引き継いだ値には「要確認」が付き、確かめて「確認済みにする」を押すか書き直すまで残ります。もとの案件は変わりません。
      </p>
      <p className="notice" data-testid="never-carried">
        次の内容は引き継ぎません。新しい案件で入力してください：{NEVER_CARRIED.join('、')}。
      </p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="新しい案件の案件名" messages={tried && nameProblem ? [{ ruleId: 'CARRY', severity: 'error', message: nameProblem }] : []}>
          {({ id, describedBy }) => <LineText id={id} aria-describedby={describedBy} aria-invalid={tried && nameProblem !== undefined ? true : undefined} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div className="field">
          <label className="field-label" htmlFor={fromId}>
            もとにする内容
          </label>
          <select
            id={fromId}
            className="input input-auto"
            value={from}
            onChange={(e) => {
              // Another source offers other parts: nothing chosen for the last one is carried from this one unseen.
              setFrom(e.target.value);
              setParts(new Set());
              setExtra({ products: false, cost: false, sites: false });
            }}
          >
            <option value="">この案件の今の内容</option>
            {copies.status === 'ready' && copies.value.map((c) => <option key={c.filingId} value={c.filingId}>{c.label}</option>)}
          </select>
        </div>
        {!src ? (
          <p className="loading">読み込み中…</p>
        ) : (
          <>
            <h2>引き継ぐ様式の項目</h2>
            {byForm.length === 0 && <p className="muted">引き継げる記入済みの項目はありません。</p>}
            {byForm.map(({ form, parts: list }) => (
              <fieldset key={form.id} className="carry-form">
                <legend>
                  {form.besshi} {form.number} {form.title}
                </legend>
                {list.map((p) => (
                  <label key={p.id} className="check">
                    <input type="checkbox" checked={parts.has(p.id)} disabled={!p.filled} onChange={(e) => toggle(p, e.target.checked)} /> {p.heading}
                    {!p.filled && <span className="muted">（未記入）</span>}
                  </label>
                ))}
              </fieldset>
            ))}
            <fieldset className="carry-form">
              <legend>様式のほかに引き継ぐもの</legend>
              <label className="check">
                <input type="checkbox" checked={extra.products} disabled={picks === 0} onChange={(e) => setExtra({ ...extra, products: e.target.checked })} /> 医薬品・医療機器（様式で選んだ品目）
              </label>
              <label className="check">
                <input type="checkbox" checked={extra.cost} disabled={costRows === 0} onChange={(e) => setExtra({ ...extra, cost: e.target.checked })} /> 費用の計算
              </label>
              <label className="check">
                <input type="checkbox" checked={extra.sites} disabled={src.sites.length === 0} onChange={(e) => setExtra({ ...extra, sites: e.target.checked })} /> 実施医療機関（{src.sites.length}件）
              </label>
            </fieldset>
          </>
        )}
        {error && (
          <p className="error-box" role="alert">
            {error}
          </p>
        )}
        <p>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? '作成中…' : '新しい案件を作る'}
          </button>
        </p>
      </form>
    </div>
  );
}
