import { useCallback, useMemo, useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';
import { personLine, type Person } from '../../../shared/model/person';
import { PROJECT_SCHEMES, projectSchema, type Project } from '../../../shared/model/project';
import { Link } from 'wouter';
import { useApp } from '../../app/context';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { Field } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { localJournal } from '../../db/journal';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { DateInput } from '../../components/DateInput';

const factsSchema = z.object({
  technologyName: z.string().max(500),
  indication: z.string().max(1000),
  category: z.enum(['A', 'B']),
  scheme: projectSchema.shape.scheme,
  filingDate: z.string().max(10),
  responsiblePhysicianId: z.string().max(64),
  filer: z.object({ name: z.string().max(200), address: z.string().max(300), founderName: z.string().max(200) }),
  notices: projectSchema.shape.notices,
});
type Facts = z.infer<typeof factsSchema>;

/** 技術の基本情報: the facts every form prints — entered once here (R-ID-1, R-ID-2). */
export function TechnologyFacts({ project, roster, onSaved }: { readonly project: Project; readonly roster: readonly Person[]; readonly onSaved: () => void }) {
  const { repos } = useApp();
  const journal = useMemo(() => localJournal(`technology:${project.id}`, factsSchema), [project.id]);
  const stored = useMemo<Facts>(
    () => ({
      technologyName: project.technologyName,
      indication: project.indication,
      category: project.category,
      scheme: project.scheme,
      filingDate: project.filingDate,
      responsiblePhysicianId: project.responsiblePhysicianId,
      filer: project.filer,
      notices: project.notices,
    }),
    [project],
  );
  const save = useCallback(
    async (v: Facts, editedAt: string) => {
      await repos.saveTechnology(project.id, v, editedAt);
      onSaved();
    },
    [repos, project.id, onSaved],
  );
  const { form, autosave, formProps } = useAutosavedForm({ stored, savedAt: project.updatedAt, journal, save });
  const { register, control } = form;
  const notices = useFieldArray({ control, name: 'notices', keyName: 'key' });
  const addNoticeRef = useRef<HTMLButtonElement>(null);

  return (
    <section className="card" aria-labelledby="tech-title">
      <div className="editor-head">
        <h2 id="tech-title">技術の基本情報</h2>
        <SaveStatus autosave={autosave} />
      </div>
      <p className="muted">ここに入力した値が、事前相談申込書とすべての様式に印刷されます。</p>
      <form className="form" {...formProps}>
        <Field fieldKey="technologyName" label="先進医療の名称" help="告示・届出に用いる技術の名称です（事前相談申込書の「医療技術名」と同じ値です）。">
          {({ id, describedBy }) => <input id={id} className="input" autoComplete="off" aria-describedby={describedBy} {...register('technologyName')} />}
        </Field>
        <Field fieldKey="indication" label="適応症" help="対象となる負傷、疾病又はそれらの症状です。すべての様式で同じ表記にします。">
          {({ id, describedBy }) => <input id={id} className="input" autoComplete="off" aria-describedby={describedBy} {...register('indication')} />}
        </Field>
        <Field fieldKey="filingDate" label="届出日（予定）" help="様式第1-1号・第1-2号の提出年月日として和暦で印刷され、機器が耐用年数を過ぎているかの判定にも使います（未入力のときは今日）。">
          {({ id, describedBy }) => <DateInput id={id} aria-describedby={describedBy} {...register('filingDate')} />}
        </Field>
        <Field fieldKey="responsiblePhysicianId" label="実施責任医師" help="職員名簿から選びます。様式第1-1号・第1-2号・第2号・第8-1号・第8-2号・別紙2 様式第8号に、名簿の内容（実施診療科を含む）がそのまま印刷されます。">
          {({ id, describedBy }) => (
            <div className="inline">
              <select id={id} className="input" aria-describedby={describedBy} {...register('responsiblePhysicianId')}>
                <option value="">（選択してください）</option>
                {roster.map((p) => (
                  <option key={p.id} value={p.id}>
                    {personLine(p) || '（氏名未入力）'}
                  </option>
                ))}
              </select>
              <Link href="/roster" className="btn btn-small">
                職員名簿を開く
              </Link>
            </div>
          )}
        </Field>
        <Field fieldKey="scheme" label="制度" help="患者申出療養では、変更申請が「患者申出療養の研究実施計画の変更について」として表紙付きで印刷され、告示の見出しが【患者申出療養告示番号と名称】になります。">
          {({ id, describedBy }) => (
            <select id={id} className="input" aria-describedby={describedBy} {...register('scheme')}>
              {PROJECT_SCHEMES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="group" data-field="category">
          <legend>作成する区分</legend>
          <div className="radios">
            <label className="radio">
              <input type="radio" value="A" {...register('category')} /> 先進医療A
            </label>
            <label className="radio">
              <input type="radio" value="B" {...register('category')} /> 先進医療B
            </label>
          </div>
          <p className="field-help">先進医療Aでは、記載要領で「必ずしも記載する必要はない」とされる項目を省略できます。</p>
        </fieldset>
        <fieldset className="group" data-field="notices">
          <legend>告示番号の履歴</legend>
          <p className="field-help">告示番号は、ほかの技術が告示から外れると変わります（「10(1)」のような枝番もあります）。番号と適用日を履歴として登録すると、報告書には報告時点の番号が入ります。</p>
          {notices.fields.length > 0 && (
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">告示番号</th>
                  <th scope="col">適用日</th>
                  <th scope="col">備考</th>
                  <th scope="col">
                    <span className="visually-hidden">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {notices.fields.map((f, i) => (
                  <tr key={f.key}>
                    <td>
                      <input className="input" aria-label={`告示番号（${i + 1}行目）`} autoComplete="off" {...register(`notices.${i}.number`)} />
                    </td>
                    <td>
                      <DateInput aria-label={`適用日（${i + 1}行目）`} {...register(`notices.${i}.validFrom`)} />
                    </td>
                    <td>
                      <input className="input" aria-label={`備考（${i + 1}行目）`} autoComplete="off" {...register(`notices.${i}.note`)} />
                    </td>
                    <td>
                      <RemoveRowButton label={`${i + 1}行目の告示番号を削除`} onRemove={() => notices.remove(i)} focusAfter={addNoticeRef} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button ref={addNoticeRef} type="button" className="btn" onClick={() => notices.append({ id: crypto.randomUUID(), number: '', validFrom: '', note: '' })}>
            告示番号を追加
          </button>
        </fieldset>
        <fieldset className="group" data-field="filer">
          <legend>届出医療機関（この案件だけ別の医療機関として届け出る場合）</legend>
          <p className="field-help">協力医療機関の届出を準備する場合などに入力します。空欄の項目は「設定 › 医療機関情報」の値が使われます。</p>
          <Field label="届出医療機関の名称">{({ id }) => <input id={id} className="input" autoComplete="off" {...register('filer.name')} />}</Field>
          <Field label="届出医療機関の所在地">{({ id }) => <input id={id} className="input" autoComplete="off" {...register('filer.address')} />}</Field>
          <Field label="届出医療機関の開設者氏名">{({ id }) => <input id={id} className="input" autoComplete="off" {...register('filer.founderName')} />}</Field>
        </fieldset>
      </form>
    </section>
  );
}
