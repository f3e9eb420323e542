/**
 * The sample's filing history (issue 11 item 10): its 新規届出 is 提出済み → 受理 → 承認・告示, with
 * the as-filed copy rendered from the sample itself, so a newcomer sees the timeline and a filed
 * package. Needs the fonts (the copy holds the exact PDF and Word bytes); without them the sample's
 * filing stays 作成中.
 */
import type { FiledCopy } from '../filings/as-filed';
import type { Filing } from '../filings/filing';
import { freezeFiling, resolveFiling, type Fonts } from '../filings/freeze';
import type { WorkspaceData } from '../io/tables';
import type { Sample } from './sample';

export async function withSampleFilings(data: WorkspaceData, sample: Sample, fonts: Fonts, at: string): Promise<WorkspaceData> {
  const first = data.filings[0];
  const story = sample.filings[0];
  const filed = story?.events.find((e) => e.status === 'filed');
  if (!first || !story || !filed?.method) return data;
  const copy: FiledCopy = await freezeFiling(resolveFiling(data, first, filed.date, { filedOn: filed.date, method: filed.method }), first.id, fonts, `${filed.date}T00:00:00.000Z`);
  const last = story.events.at(-1);
  const filing: Filing = {
    ...first,
    kind: story.kind,
    title: story.title,
    status: last?.status ?? 'filed',
    events: story.events.map((e) => ({ ...e, at })),
    templateSetId: copy.templateSetId,
    rev: story.events.length,
    updatedAt: at,
  };
  return { ...data, filings: [filing, ...data.filings.slice(1)], filedCopies: [...data.filedCopies, copy] };
}
