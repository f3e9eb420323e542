import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Project } from '../../../shared/model/project';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { DeadlinesSection } from '../deadlines/DeadlinesSection';
import { FirstRunChecklist } from './FirstRunChecklist';

/** 案件一覧: one project = one 先進医療 technology being prepared. */
export function ProjectListPage() {
  const { repos } = useApp();
  const list = useLoad(() => repos.listProjects(), []);
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string }>();
  const [deleting, setDeleting] = useState<Project>();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();

  const act = async (what: () => Promise<void>): Promise<void> => {
    try {
      await what();
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : '操作できませんでした。' });
    }
  };

  const openSample = () =>
    act(async () => {
      const [{ parseSample }, data] = await Promise.all([import('../../../shared/samples/sample'), import('../../../assets/samples/sample-project.json')]);
      const r = parseSample(data.default);
      if (!r.ok) throw new Error(r.message);
      // A second click opens the sample already here instead of silently making an identical copy.
      const here = (await repos.listProjects()).projects.find((p) => p.name === r.sample.project.name);
      if (here) {
        navigate(`/projects/${here.id}`);
        return;
      }
      // With the fonts its 新規届出 comes 提出済み・承認 with the as-filed copy (issue 11); without them, 作成中.
      const fonts = await import('../../fonts/fonts').then((m) => m.loadFonts()).catch(() => undefined);
      const p = await repos.importSample(r.sample, fonts);
      navigate(`/projects/${p.id}`);
    });

  const create = () =>
    act(async () => {
      const p = await repos.createProject(name.trim() === '' ? '新しい案件' : name);
      setName('');
      navigate(`/projects/${p.id}`);
    });

  return (
    <div className="page-narrow">
      <h1>案件一覧</h1>
      <p className="lead">案件は、準備中の先進医療技術ひとつ分の書類一式です。</p>
      {/* First run (issue 15 item 7): until 設定・職員名簿・マスタ・案件 are all there. */}
      {list.status === 'ready' && <FirstRunChecklist projects={list.value.projects.length} onCreate={() => document.getElementById('new-project')?.focus()} />}
      <p className="sample-row">
        <button type="button" className="btn" onClick={() => void openSample()}>
          サンプルを開く
        </button>
        <span className="muted">架空の大学病院の先進医療B（協力医療機関2施設）で、すべての様式を記入済みの案件を追加します。</span>
      </p>
      <form
        className="create-row"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label className="field-label" htmlFor="new-project">
          新しい案件の名前
        </label>
        <div className="inline">
          <input id="new-project" className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="例：腹腔鏡下センチネルリンパ節生検（2027年度届出）" />
          <button type="submit" className="btn btn-primary">
            案件を作成
          </button>
        </div>
      </form>
      <Notice notice={notice} />
      {/* 期限 of every project (issue 14 item 6); loaded again when the projects change. */}
      {list.status === 'ready' && <DeadlinesSection refreshKey={list.value.projects.map((p) => `${p.id}@${p.updatedAt}`).join(',')} />}
      {list.status === 'loading' && <p className="loading">読み込み中…</p>}
      {list.status === 'error' && <p className="error-box" role="alert">{list.message}</p>}
      {list.status === 'ready' && (
        <>
          {list.value.unreadable > 0 && (
            <p className="error-box" role="alert">
              読み取れない案件が{list.value.unreadable}件あります。データは消さずに残しています。
            </p>
          )}
          {list.value.projects.length === 0 ? (
            <p className="empty">まだ案件がありません。上の欄に名前を入れて「案件を作成」を押してください。</p>
          ) : (
            <ul className="project-list" aria-label="案件">
              {list.value.projects.map((p) => (
                <li key={p.id} className="project-item">
                  {renaming?.id === p.id ? (
                    <form
                      className="inline"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void act(async () => {
                          await repos.renameProject(p.id, renaming.name);
                          setRenaming(undefined);
                          list.reload();
                        });
                      }}
                    >
                      <label className="visually-hidden" htmlFor={`rename-${p.id}`}>
                        案件名
                      </label>
                      <input id={`rename-${p.id}`} className="input" value={renaming.name} autoFocus onChange={(e) => setRenaming({ id: p.id, name: e.target.value })} />
                      <button type="submit" className="btn btn-primary btn-small">
                        名前を保存
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setRenaming(undefined)}>
                        キャンセル
                      </button>
                    </form>
                  ) : (
                    <>
                      <div className="project-main">
                        <Link href={`/projects/${p.id}`} className="project-name">
                          {p.name || '無題の案件'}
                        </Link>
                        <span className="project-tech">{p.technologyName || '医療技術名 未入力'}</span>
                        <span className="project-date">更新：{new Date(p.updatedAt).toLocaleString('ja-JP')}</span>
                      </div>
                      <div className="project-actions">
                        <button type="button" className="btn btn-small" onClick={() => setRenaming({ id: p.id, name: p.name })} aria-label={`「${p.name}」の名前を変更`}>
                          名前を変更
                        </button>
                        <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setDeleting(p)} aria-label={`「${p.name}」を削除`}>
                          削除
                        </button>
                      </div>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <ConfirmDialog
        open={deleting !== undefined}
        title="案件を削除しますか"
        confirmLabel="削除する"
        danger
        onCancel={() => setDeleting(undefined)}
        onConfirm={() =>
          void act(async () => {
            if (deleting) await repos.deleteProject(deleting.id);
            setDeleting(undefined);
            list.reload();
            document.getElementById('new-project')?.focus(); // focus must not fall to <body>
          })
        }
      >
        <p>「{deleting?.name}」を、様式・費用・届出の経過と提出済みの控え・実施医療機関ごと削除します。間違えたときは「バックアップ」画面の「この状態に戻す」でこの案件だけを元に戻せます。</p>
      </ConfirmDialog>
    </div>
  );
}
