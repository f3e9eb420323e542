/**
 * 別紙1 様式第5号 先進医療の内容（概要） — spec §3.5, layout [FILLED] (form-layouts.md §3.6).
 * 先進医療の名称 and 適応症 are facts of the technology; the cost comes from the cost model.
 */
import { z } from 'zod';
import { REQ_BOTH, longText } from '../../field';

export const yoshiki5Schema = z.object({
  lead: longText({ label: '内容', required: { A: 'opt', B: 'opt' }, help: '技術の要約を一段落で書く場合に使います（なくても構いません）。' }),
  advancement: longText({
    label: '（先進性）',
    required: REQ_BOTH,
    help: '対象疾患の病態・発生頻度・推定患者数・標準的な診断や治療を示し、従来の技術に比べて何が優れているかを書きます。',
    source: 'S2 §5(2)①',
  }),
  outline: longText({ label: '（概要）', required: REQ_BOTH, help: '実施の手順を時間の流れに沿って書きます。', source: 'S2 §5(2)②' }),
  effect: longText({ label: '（効果）', required: REQ_BOTH, help: '期待される効果を書きます。検査の場合は、結果が診療にどう役立つかを書きます。', source: 'S2 §5(2)③' }),
  costText: longText({
    label: '（先進医療にかかる費用）',
    required: { A: 'opt', B: 'opt' },
    help: '費用の内訳や説明を書きます。1症例当たりの金額と、患者が全額を負担しない場合の医療機関負担額・患者請求額は費用の計算から自動で印刷されます。',
    source: 'S2 §5(2)④',
  }),
});
export type Yoshiki5 = z.infer<typeof yoshiki5Schema>;
