/**
 * Issue 14 item 5 (spec §3.15, 記載要領 第5-4(2)): the 健康危険情報 grade helper lists the definitions
 * the answers meet, in the 記載要領's own words, and suggests the most serious grade among them.
 */
import { describe, expect, it } from 'vitest';
import { emptyHealthRiskDoc, type HealthRiskAnswers } from '../../../shared/reports/safety';
import { suggestGrade } from '../../../shared/reports/safety-grade';

const answers = (over: Partial<HealthRiskAnswers>): HealthRiskAnswers => ({ ...emptyHealthRiskDoc().answers, ...over });

describe('グレードの目安', () => {
  it('影響の可能性あり・緊急性が高い・根拠は三つのどれでも → グレードA', () => {
    for (const basis of ['科学的根拠が明確', '科学的根拠は明確ではないが重大な健康問題になると予測される', '国外の関係機関が重大な健康問題として警告している'] as const) {
      const s = suggestGrade(answers({ impact: '可能性がある', urgency: '高い', basis }));
      expect(s?.grade).toBe('A');
      expect(s?.met.map((d) => d.text)).toHaveLength(1);
    }
    expect(suggestGrade(answers({ impact: '可能性がある', urgency: '高い', basis: '科学的根拠が明確' }))?.met[0]?.text).toBe('本邦において何らかの健康への影響がある可能性があり、緊急性が高く、科学的根拠が明確である場合');
  });

  it('影響の可能性はあるが緊急性が高くない → グレードB; 可能性は低いが国外機関の警告・明確な根拠 → グレードB', () => {
    expect(suggestGrade(answers({ impact: '可能性がある', urgency: '高くない' }))?.grade).toBe('B');
    expect(suggestGrade(answers({ impact: '可能性は低い', basis: '国外の関係機関が重大な健康問題として警告している' }))?.met.map((d) => d.text)).toEqual(['本邦において健康への影響がある可能性は低いが、国外の関係機関が重大な健康問題として警告している場合']);
    expect(suggestGrade(answers({ impact: '可能性は低い', basis: '科学的根拠が明確' }))?.grade).toBe('B');
  });

  it('可能性が低く根拠も明確でない、既知の情報、国内対策済み → グレードC', () => {
    expect(suggestGrade(answers({ impact: '可能性は低い', basis: '科学的根拠は明確ではない' }))?.grade).toBe('C');
    expect(suggestGrade(answers({ known: '既知の情報である' }))?.met.map((d) => d.text)).toEqual(['既知の情報である場合']);
    expect(suggestGrade(answers({ measures: '国内対策が既に行われている' }))?.grade).toBe('C');
  });

  it('定義が重なるときは重い方を目安にし、当てはまる定義をすべて示す', () => {
    const s = suggestGrade(answers({ impact: '可能性がある', urgency: '高い', basis: '科学的根拠が明確', known: '既知の情報である' }));
    expect(s?.grade).toBe('A');
    expect(s?.met.map((d) => d.grade)).toEqual(['A', 'C']);
  });

  it('どの定義にも当たらない回答・未回答では目安を出さない', () => {
    expect(suggestGrade(answers({}))).toBeUndefined();
    expect(suggestGrade(answers({ impact: '可能性がある', urgency: '高い', basis: '科学的根拠は明確ではない', known: '既知の情報ではない', measures: '国内対策は行われていない' }))).toBeUndefined();
  });
});
