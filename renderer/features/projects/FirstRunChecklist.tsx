import { Link } from 'wouter';
import { toIsoDate, todayIn } from '../../../shared/dates/iso-date';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { firstRunSteps, type FirstRunStep } from './first-run';
import './first-run.css';

/**
 * 「はじめに」 (issue 15 item 7): on the start page until every step is done — 設定 → 職員名簿 → マスタ
 * → 案件, each with whether it is done from the stored data and a way there.
 */
export function FirstRunChecklist({ projects, onCreate }: { readonly projects: number; readonly onCreate: () => void }) {
  const { repos } = useApp();
  const loaded = useLoad(async () => ({ profile: await repos.getInstitution(), masters: await repos.getMasters() }), []);
  if (loaded.status !== 'ready') return null;
  const steps = firstRunSteps({ ...loaded.value, projects, today: toIsoDate(todayIn('Asia/Tokyo')) });
  const done = steps.filter((s) => s.done).length;
  if (done === steps.length) return null;
  return (
    <section className="card first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">はじめに（{done}/{steps.length} 完了）</h2>
      <p className="muted">一度入力すれば、すべての案件の様式に入ります。上から順に入力してください。</p>
      <ol className="first-run-steps">
        {steps.map((s) => (
          <li key={s.key} className={s.done ? 'first-run-step done' : 'first-run-step'} data-testid={`first-run-${s.key}`}>
            <StepLink step={s} onCreate={onCreate} />
            <span className="first-run-state">{s.done ? '済み' : `未入力（${s.missing}）`}</span>
            <span className="first-run-what">{s.what}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function StepLink({ step, onCreate }: { readonly step: FirstRunStep; readonly onCreate: () => void }) {
  if (step.href) return <Link href={step.href}>{step.title}</Link>;
  return (
    <button type="button" className="link-button" onClick={onCreate}>
      案件の名前を入力
    </button>
  );
}
