/**
 * Search across projects (issue 19 item 3): a workspace of 100 realistic projects (each the
 * realistic B project of bench/realistic-project.ts, its prose told apart by its number), one of
 * which holds the phrase an office wrote three years ago. Prints the index build, and the query
 * time for that phrase (target < 50 ms) and for a phrase every project holds.
 */
import type { Sample } from '../shared/samples/sample';
import { ProjectSearch, passagesOf, type SearchSource } from '../shared/search/project-search';
import { realisticProject } from './realistic-project';
import { percentiles } from './timing';

const PROJECTS = 100;
const UNIQUE = '対応表は臨床研究推進センターの施錠できる保管庫で保管する';

function workspace(sample: Sample): SearchSource {
  const base = realisticProject(sample, '2024-04-01T00:00:00.000Z');
  const project = base.projects[0];
  if (!project) throw new Error('no project');
  const projects = Array.from({ length: PROJECTS }, (_, n) => {
    const id = `bench-${n}`;
    const forms = new Map(
      base.formAnswers.map((row) => {
        const answers: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row.answers)) answers[k] = typeof v === 'string' && v.length > 40 ? `${v}（第${n + 1}版）` : v;
        if (n === 37 && row.formId === 'besshi1/yoshiki3') answers.privacy = `試料は連結可能匿名化し、${UNIQUE}。`;
        return [row.formId, answers] as const;
      }),
    );
    return { project: { ...project, id, name: `技術${n + 1}（令和${(n % 8) + 1}年度）` }, forms };
  });
  return { projects, people: base.settings.flatMap((s) => (s.key === 'roster' ? s.value : [])) };
}

export function searchRows(sample: Sample, runs: number): Array<[string, string, string]> {
  const source = workspace(sample);
  const passages = passagesOf(source);
  const chars = passages.reduce((n, p) => n + p.text.length, 0);
  const build = percentiles(Math.max(3, Math.floor(runs / 2)), () => new ProjectSearch(passages));
  const search = build.value;
  const one = percentiles(50, () => search.search('施錠できる保管庫'));
  const every = percentiles(50, () => search.search('センチネルリンパ節'));
  if (one.value.length !== 1) throw new Error(`search: expected 1 hit, got ${one.value.length}`);
  return [
    [`search index of ${PROJECTS} projects (${passages.length.toLocaleString('en')} passages, ${(chars / 1_000_000).toFixed(1)} M characters; built when 検索 opens)`, `${build.median.toFixed(0)} ms`, ''],
    [`search across ${PROJECTS} projects: a phrase in 1 of them (目標 < 50 ms)`, `${one.median.toFixed(2)} ms`, `p95 ${one.p95.toFixed(2)} ms`],
    [`search across ${PROJECTS} projects: a phrase in all of them (${every.value.length} hits shown)`, `${every.median.toFixed(2)} ms`, `p95 ${every.p95.toFixed(2)} ms`],
  ];
}
