/**
 * Someone is coming and the resident asks to delete the chat, in one short message: "快删了 他来了", "他回来了 快删掉",
 * "delete everything now he is coming". A domestic-violence victim on a shared phone: the deletion is asked at once,
 * to confirm in one tap, wherever she is (it was "please press Yes or No" and the question naming the violence again).
 */
const SOMEONE_COMING =
  /(他|她|人|老公|丈夫|男人|对象|婆婆|公公|有人)(快|马上|已经)?(回来|来|进来|过来|到家|回家)了|(来人了)|\b(he|she|someone|somebody)('s| is| has)? (coming|back|here|home|coming back|coming home|came (back|home))\b/i;
/** Asked of the bot ("快删", "删掉", "delete it"), not told about ("老公回来了就删我手机里的照片", "he deleted my photos"). */
const DELETE_IT = /快删|赶紧删|马上删|帮我删|删掉|删除|删了吧|清除|清空|清掉|\b(delete|erase|clear|wipe)\b/i;

export function hidesNow(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  const short = /\p{Script=Han}/u.test(t) ? [...t].length <= 30 : t.split(/\s+/).length <= 14;
  return short && SOMEONE_COMING.test(t) && DELETE_IT.test(t);
}
