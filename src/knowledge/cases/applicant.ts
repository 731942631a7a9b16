/** Who applied and how they may be contacted. Personal data: never log it. */
export interface Applicant {
  name?: string;
  phone?: string;
  /** `relative`: a close relative applying for someone else (LAL 24). */
  relation: 'self' | 'relative';
  /**
   * Whether staff may phone or text the resident. False when that could put them at risk (for
   * example domestic violence: "do not call, only contact me here"); staff cards then warn.
   */
  safeToContact: boolean;
  /** When phoning is safe, in the resident's words ("工作日上午9点到11点"). */
  safeTimes?: string;
  /** The resident's own words about contacting them, when they said more than the choice ("only text me, never call"). */
  contactWords?: string;
  /** Documents the applicant said they have, in their words ("x-ray and hospital bills"). */
  documentsNote?: string;
  /** A relative applying: who they are to the applicant, in their words ("我是他儿子"). */
  kinship?: string;
  /** A relative applying: their own name, whom staff ask for on the phone number (theirs) — `name` is the applicant's. */
  relativeName?: string;
  /**
   * Whether progress notices may be pushed into the chat the resident applied from. Default true:
   * the chat is the channel they chose, also when phoning is unsafe. False: nothing is pushed, and
   * the resident sees progress only when they ask (查询进度).
   */
  chatNotices?: boolean;
}

/** The contact answers of the intake conversation (its `ApplicantDetails` fits). */
export interface ContactAnswers {
  relation: 'self' | 'relative' | null;
  name: string | null;
  phone: string | null;
  /** `never`: "do not call; only contact me here". `quiet`: no calls and no messages pushed into the chat either. */
  contactPreference: 'any' | 'times' | 'never' | 'quiet' | null;
  safeTimes: string | null;
  /** What the resident said about calls beyond the choice ("only text me, never call"). */
  contactWords?: string | null;
  /** What the resident said about the number when it is not their own ("这是借我工友的手机"). */
  phoneWords?: string | null;
}

/**
 * The applicant as stored, from the intake's contact answers (the case submission uses it). "Do not call; only
 * contact me here" makes phoning unsafe but keeps chat notices on, as promised; "no calls and no messages" turns
 * them off too (stored only then: an absent `chatNotices` is on). No preference means the question was not asked
 * (it is asked when violence at home is told): phoning is fine. The resident's own words about calls and about the number
 * (a borrowed phone) are kept together as the contact note staff read.
 * @example applicantFromAnswers(draft.applicant)
 */
export function applicantFromAnswers(answers: ContactAnswers): Applicant {
  const preference = answers.contactPreference;
  const applicant: Applicant = {
    relation: answers.relation ?? 'self',
    safeToContact: preference !== 'never' && preference !== 'quiet',
    // "No calls, no messages": someone may read the phone the chat is on; progress is seen only when asked for.
    ...(preference === 'quiet' ? { chatNotices: false } : {}),
  };
  if (answers.name) applicant.name = answers.name;
  if (answers.phone) applicant.phone = answers.phone;
  if (answers.contactPreference === 'times' && answers.safeTimes) applicant.safeTimes = answers.safeTimes;
  // A borrowed phone is a contact note as much as "he reads my phone": staff would otherwise ask the friend for her.
  const words = [answers.phoneWords, answers.contactWords].filter((w): w is string => typeof w === 'string' && w !== '');
  if (words.length > 0) applicant.contactWords = words.join(' / ');
  return applicant;
}
