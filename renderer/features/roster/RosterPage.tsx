import { useCallback, useMemo, useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';
import { emptyPerson, rosterSchema, type Person } from '../../../shared/model/person';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { SaveStatus } from '../../components/SaveStatus';
import { localJournal } from '../../db/journal';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { DateInput } from '../../components/DateInput';
import { LineText } from '../../components/LineText';

const formSchema = z.object({ people: rosterSchema });
type RosterForm = z.infer<typeof formSchema>;

/** Key, heading and the column's width class: words wrap in their cell, numbers stay narrow. */
const COLUMNS: ReadonlyArray<readonly [keyof Person, string, 'col-text' | 'col-wide' | 'col-count']> = [
  ['name', '氏名', 'col-text'],
  ['department', '所属（診療科）', 'col-text'],
  ['title', '職名', 'col-text'],
  ['qualification', '資格（専門医等）', 'col-wide'],
  ['yearsInDept', '当該診療科の経験年数', 'col-count'],
  ['yearsInTech', '当該技術の経験年数', 'col-count'],
  ['casesOperator', '経験症例数（術者（実施者）として）', 'col-count'],
  ['casesAssistant', '経験症例数（助手として）', 'col-count'],
];

/** 職員名簿: each person entered once; forms print them wherever they appear (実施責任医師 …). */
export function RosterPage() {
  const { repos } = useApp();
  const loaded = useLoad(() => repos.getRoster(), []);
  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (loaded.status === 'error') return <p className="error-box" role="alert">{loaded.message}</p>;
  return <RosterEditor initial={loaded.value} />;
}

function RosterEditor({ initial }: { readonly initial: Person[] }) {
  const { repos } = useApp();
  const journal = useMemo(() => localJournal('roster', formSchema), []);
  const stored = useMemo(() => ({ people: initial }), [initial]);
  const save = useCallback((v: RosterForm) => repos.saveRoster(v.people), [repos]);
  const { form, autosave, formProps } = useAutosavedForm({ stored, savedAt: undefined, journal, save });
  const { register, control } = form;
  const people = useFieldArray({ control, name: 'people', keyName: 'key' });
  const addRef = useRef<HTMLButtonElement>(null);

  return (
    <div className="page-wide">
      <div className="editor-head">
        <h1>職員名簿</h1>
        <SaveStatus autosave={autosave} />
      </div>
      <p className="lead">実施責任医師や実施者をここに一度だけ登録します。案件で選んだ人の情報は、印刷するすべての様式に同じ内容で入り、ここで直すとすべての様式が変わります（提出済みの届出の控えは変わりません）。経験年数・症例数を数えた日を入れておくと、翌年度以降の報告で経験年数を計算し直せます。</p>
      <form className="form" {...formProps}>
        <div className="table-scroll card">
          <table className="grid">
            <thead>
              <tr>
                {COLUMNS.map(([k, label, cls]) => (
                  <th key={k} scope="col" className={cls}>
                    {label}
                  </th>
                ))}
                <th scope="col">常勤・非常勤</th>
                <th scope="col" className="col-date">経験年数・症例数の時点</th>
                <th scope="col">
                  <span className="visually-hidden">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.fields.map((f, i) => (
                <tr key={f.key}>
                  {COLUMNS.map(([k, label, cls]) => (
                    <td key={k} className={cls}>
                      {cls === 'col-count' ? (
                        <input className="input" aria-label={`${label}（${i + 1}人目）`} autoComplete="off" {...register(`people.${i}.${k}`)} />
                      ) : (
                        <LineText aria-label={`${label}（${i + 1}人目）`} {...register(`people.${i}.${k}`)} />
                      )}
                    </td>
                  ))}
                  <td>
                    <select className="input" aria-label={`常勤・非常勤（${i + 1}人目）`} {...register(`people.${i}.fullTime`)}>
                      <option value="常勤">常勤</option>
                      <option value="非常勤">非常勤</option>
                      <option value="">（未選択）</option>
                    </select>
                  </td>
                  <td>
                    <DateInput aria-label={`経験年数・症例数の時点（${i + 1}人目）`} {...register(`people.${i}.experienceAsOf`)} />
                  </td>
                  <td>
                    <RemoveRowButton label={`${i + 1}人目を名簿から削除`} onRemove={() => people.remove(i)} focusAfter={addRef} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button ref={addRef} type="button" className="btn" onClick={() => people.append(emptyPerson(crypto.randomUUID()))}>
            名簿に人を追加
          </button>
        </div>
      </form>
    </div>
  );
}
