/**
 * 別紙1 様式第4号 — title and content unknown (spec §3.4, §9): no guidance exists in the 記載要領.
 * It is required in the 協力医療機関 package, so it stays on the checklist as a clearly labelled
 * free-form page (「推定様式」) rather than invented fields (form-layouts.md §7.3).
 */
import { z } from 'zod';
import { para } from '../../../document/model';
import type { FormDefinition } from '../../definition';
import { emptyAnswers, longText } from '../../field';
import { BODY, body, formSection, title } from '../../layout-helpers';

export const yoshiki4Schema = z.object({
  content: longText({
    label: '記載内容',
    required: { A: 'opt', B: 'opt' },
    help: '様式第4号の正式な様式と記載内容は確認できていません。厚生労働省の様式を確認し、その内容をここに書いてください。協力医療機関の届出に必要です。',
  }),
});

export const yoshiki4: FormDefinition<typeof yoshiki4Schema> = {
  id: 'besshi1/yoshiki4',
  besshi: '別紙1',
  number: '様式第4号',
  title: '（様式未確認）',
  estimatedLayout: true,
  answers: yoshiki4Schema,
  empty: () => emptyAnswers(yoshiki4Schema),
  build(facts, a) {
    return formSection(facts, {
      formNumber: '様式第4号',
      title: '様式第4号',
      pageNumbers: true,
      blocks: [title('様式第４号'), para(`先進医療の名称：${facts.technologyName}`, BODY, { leading: 1.7, spaceAfter: 6 }), body(a.content, 0)],
    });
  },
};
