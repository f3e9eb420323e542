import { useCallback, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { buildJizenSoudanDocument, resolveJizenSoudan, type JizenSoudanPrint } from '../../../shared/forms/jizen-soudan/layout';
import { formMeta, type FaxDestination, type InstitutionProfile, type JizenSoudan } from '../../../shared/forms/jizen-soudan/schema';
import type { MasterList } from '../../../shared/forms/field';
import type { Product } from '../../../shared/model/master';
import type { Project } from '../../../shared/model/project';
import { addQuick } from '../../forms/master-lists';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { PagePreview } from '../../components/PagePreview';
import { SaveStatus } from '../../components/SaveStatus';
import type { LoadedFonts } from '../../fonts/fonts';
import { useFonts } from '../../fonts/use-fonts';
import { FontStatus } from '../../components/FontStatus';
import { ExportBar } from '../../components/ExportBar';
import { JizenSoudanFields } from './JizenSoudanFields';
import { fromFormValues, jizenSoudanJournal, toFormValues, type FormValues } from './form-values';

interface Loaded {
  readonly savedAt: string | undefined;
  readonly project: Project;
  readonly data: JizenSoudan;
  readonly profile: InstitutionProfile;
  readonly destination: FaxDestination;
  /** The 品目 of the マスタ the sheet picks from (issue 15). */
  readonly products: readonly Product[];
}

export function JizenSoudanPage({ projectId }: { readonly projectId: string }) {
  const { repos } = useApp();
  const loaded = useLoad<Loaded>(
    async () => {
      const [project, data, profile, destination, savedAt, products] = await Promise.all([
        repos.getProject(projectId),
        repos.getConsultation(projectId),
        repos.getInstitution(),
        repos.getFaxDestination(),
        repos.consultationSavedAt(projectId),
        repos.getMasterList('products'),
      ]);
      return { project, data, profile, destination, savedAt, products };
    },
    [projectId],
  );
  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (loaded.status === 'error') return <p className="error-box" role="alert">{loaded.message}</p>;
  // No write happens before the initial load (DATA-10): the editor mounts only with loaded data.
  return <Editor key={projectId} {...loaded.value} />;
}

function Editor({ project, data, profile, destination, savedAt, products: loadedProducts }: Loaded) {
  const { repos } = useApp();
  // 「品目を新しく登録」 in the picker adds to the マスタ: the picker and the preview follow at once.
  const [products, setProducts] = useState(loadedProducts);
  const addProduct = useCallback(
    async (list: MasterList, values: Readonly<Record<string, string>>): Promise<string> => {
      const id = crypto.randomUUID();
      const next = addQuick(await repos.getMasters(), list, values, id);
      await repos.saveMasterList('products', [...next.products]);
      setProducts(next.products);
      return id;
    },
    [repos],
  );
  const journal = useMemo(() => jizenSoudanJournal(project.id), [project.id]);
  const stored = useMemo(() => toFormValues(data, profile, project.technologyName), [data, profile, project.technologyName]);
  const save = useCallback(
    async (values: FormValues, editedAt: string) => {
      const { data: d, technologyName } = fromFormValues(values, profile);
      await repos.saveConsultation(project.id, d, technologyName, editedAt);
    },
    [repos, profile, project.id],
  );
  const { form, committed, autosave, formProps } = useAutosavedForm({ stored, savedAt, journal, save });
  const { getValues } = form;
  const { flush } = autosave;
  const fontLoad = useFonts();
  const fonts = fontLoad.state.status === 'ready' ? fontLoad.state.fonts : undefined;

  const printOf = useCallback(
    (values: FormValues): JizenSoudanPrint => {
      const { data: d, technologyName } = fromFormValues(values, profile);
      return resolveJizenSoudan(d, profile, technologyName, destination, undefined, { category: project.category, products });
    },
    [profile, destination, project.category, products],
  );
  const preview = useMemo(() => (fonts ? buildJizenSoudanDocument(printOf(committed), fonts.metrics) : undefined), [fonts, committed, printOf]);

  const baseName = `事前相談申込書_${committed.technologyName.trim() || project.name}`;

  return (
    <div className="editor-layout">
      <section className="editor-pane" aria-labelledby="form-title">
        <nav className="breadcrumb" aria-label="現在位置">
          <Link href="/">案件一覧</Link> › <Link href={`/projects/${project.id}`}>{project.name || '無題の案件'}</Link> › 事前相談申込書
        </nav>
        <div className="editor-head">
          <h1 id="form-title">{formMeta.title}</h1>
          <SaveStatus autosave={autosave} />
        </div>
        <ExportBar
          baseName={baseName}
          fonts={fonts}
          beforeExport={flush}
          current={() => buildOrNull(fonts, printOf(structuredClone(getValues())))}
        />
        <form className="form" {...formProps}>
          <JizenSoudanFields form={form} committed={committed} profile={profile} category={project.category} projectId={project.id} products={products} onAddProduct={addProduct} />
        </form>
      </section>
      <aside className="preview-pane" aria-label="A4プレビュー">
        <div className="preview-head">
          <h2>A4プレビュー</h2>
          {preview && (
            <p className="preview-meta">
              {preview.laidOut.pages.length === 1 ? 'A4 1枚' : `A4 ${preview.laidOut.pages.length}枚（別紙あり：${preview.annexed.join('、')}）`}
              {preview.longTextSize < 10.5 && `・長い記入欄を${preview.longTextSize}ptに縮小`}
            </p>
          )}
        </div>
        {preview ? <PagePreview doc={preview.laidOut} label="事前相談申込書のプレビュー" /> : <FontStatus state={fontLoad.state} onRetry={fontLoad.retry} />}
      </aside>
    </div>
  );
}

function buildOrNull(fonts: LoadedFonts | undefined, print: JizenSoudanPrint) {
  return fonts ? { doc: buildJizenSoudanDocument(print, fonts.metrics), fonts } : undefined;
}
