/** The sample's 様式第6号 内訳 rows (103,867点 = 727,069円 + 311,601円), for passages that retype some of them. */
export type InsuredRow = { readonly part: string; readonly item: string; readonly points: string; readonly times: string };

export const SAMPLE_INSURED_ROWS: readonly InsuredRow[] = [
  { part: '初・再診', item: 'A000 初診料', points: '291点', times: '1回' },
  { part: '入院', item: 'A100 急性期一般入院料1', points: '1,650点', times: '10日' },
  { part: '入院', item: 'A100 注3 14日以内の期間の加算', points: '450点', times: '10日' },
  { part: '検査', item: 'D005 末梢血液一般検査', points: '21点', times: '4回' },
  { part: '検査', item: 'D007 生化学的検査（I）（10項目以上）', points: '103点', times: '4回' },
  { part: '画像診断', item: 'E200 CT撮影（64列以上のマルチスライス型の機器）', points: '1,000点', times: '1回' },
  { part: '手術', item: 'K655-2 腹腔鏡下胃切除術（単純切除術）', points: '64,120点', times: '1回' },
  { part: '手術', item: 'K936 自動縫合器加算', points: '2,500点', times: '3回' },
  { part: '麻酔', item: 'L008 マスク又は気管内挿管による閉鎖循環式全身麻酔', points: '6,610点', times: '1回' },
  { part: '病理診断', item: 'N003 術中迅速病理組織標本作製', points: '1,990点', times: '1回' },
  { part: '病理診断', item: 'N000 病理組織標本作製（1臓器につき）', points: '860点', times: '1回' },
];
