/**
 * The one-tap step offered under an entry's answer besides "apply": for the entry on checking progress, the
 * resident's own progress ("我的案子进度怎么样了" is answered with how to check, then 查询进度 checks it here).
 */
export type AnswerAction = 'status';

const ACTIONS: Readonly<Record<string, AnswerAction>> = { case_status: 'status' };

export function answerAction(entryId: string): AnswerAction | null {
  return ACTIONS[entryId] ?? null;
}
