import type { Locale } from '../../locales/catalog.js';
import type { CategoryId, Disability } from '../eligibility/vocabulary.js';

/** Danger to life or safety, now: what kind decides which numbers the resident gets. */
export type DangerKind = 'violence' | 'domestic_violence' | 'self_harm' | 'child' | 'medical';

/** Short phrases that steer the conversation (issue 12 ids). */
/**
 * `ask`: "我想问一下", a bare "怎么办": the resident means to ask but has not said what; `hours`: when the
 * centre is open ("你们几点上班"). Both at the menu only.
 */
export type SteerIntent = 'apply' | 'status' | 'person' | 'restart' | 'cancel' | 'language' | 'delete' | 'greeting' | 'thanks' | 'help' | 'ask' | 'hours' | 'repair' | 'send_files';

/** Where the resident is when they type: decides what an ordinary text most likely is. */
export type Where =
  | { kind: 'before_consent' }
  | { kind: 'menu' }
  /** `category`: the application's, when recorded (a story that names no one else is about it). */
  | { kind: 'intake_question'; step: string; freeText: boolean; category?: string | null }
  | { kind: 'handoff_waiting' }
  | { kind: 'handoff_live' }
  | { kind: 'other' };

/** The knowledge base's judgement of a question, as the understanding step needs it. */
export interface KbJudgement {
  band: 'answer' | 'suggest' | 'unknown';
  topic: string | null;
  candidates: string[];
  score: number;
  /** An answer given close to the threshold (see `LOW_CONFIDENCE_MARGIN`). */
  lowConfidence?: boolean;
}

/** The knowledge base as a plain function (the in-memory index is pure computation). */
export type KbJudge = (text: string, locale: Locale) => KbJudgement;

/** A guess from a trained intent classifier (optional; only consulted for short, non-question texts). */
export type IntentGuess = (text: string) => { intent: string; confidence: number } | null;

/** Facts a story states plainly; `atLeast` marks an age read from "七十多" (unconfirmed); `whose` says whether the age is the resident's or a relative's, when the story says. */
export interface StatedFacts {
  age?: { years: number; atLeast: boolean; whose?: 'self' | 'relative' };
  /** Months of unpaid wages ("干了半年没拿到钱" → 6). */
  unpaidMonths?: number;
  /** Whose problem: the resident's own, or a relative's ("我儿子…"). */
  forWhom?: 'self' | 'relative';
  migrantWorker?: boolean;
  /** A disability the story states ("我是聋哑人", "I'm blind"), and whose: offered at the disability question, never taken unasked. */
  disability?: StatedDisability;
}

/**
 * A disability a story states: its kind as the disability question lists it, or `unspecified` ("我是残疾人", "I'm
 * disabled": which kind is asked); `whose`: the resident's own or a relative's ("我儿子是聋哑人").
 */
export interface StatedDisability {
  kind: Disability | 'unspecified';
  whose: 'self' | 'relative';
}

export interface UnderstandInput {
  text: string;
  locale: Locale;
  where: Where;
  /** Danger was recognised earlier in this conversation: a plain "打哪个电话" then asks for the emergency numbers. */
  afterDanger?: boolean;
  /** The danger in this text was already answered (the numbers were given): read what else it says, never warn twice. */
  dangerTold?: boolean;
}

export interface UnderstandDeps {
  judge: KbJudge;
  classify?: IntentGuess;
}

/**
 * What the resident means, by precedence: danger → steering intent → problem story → question → an answer; with
 * `abuseAtHome` when the text also tells of violence at home as a habit or history (abuse-told.ts), and to whom — read
 * once here, for the conversation's one gentle line with 110 and 12338.
 */
export type Meaning = MeaningKind & { abuseAtHome?: 'self' | 'relative' };

type MeaningKind =
  | { kind: 'danger'; danger: DangerKind }
  /** Asks which number to call for help now (safety-numbers.ts): the emergency numbers, at once; `cannotCall`: right after a
   *  warning, cannot call without being heard — how to reach the police without a sound. */
  | { kind: 'safety_numbers'; cannotCall?: true }
  | { kind: 'steer'; intent: SteerIntent; locale?: Locale }
  | { kind: 'story'; category: CategoryId; facts: StatedFacts; asks: boolean; kb: KbJudgement }
  /** `category`: at the menu, the problem the question names ("老板不给钱", "离婚需要什么材料"), for the offer to apply after the answer. */
  | { kind: 'question'; kb: KbJudgement; category?: CategoryId }
  | { kind: 'answer' };
