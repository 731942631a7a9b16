import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { KnowledgeStore } from '../knowledge/faq/knowledge-store.js';
import { KnowledgeBase, type Judged } from '../knowledge/faq/knowledge-base.js';
import type { FaqEntry, PolicyValues } from '../knowledge/faq/faq-entry.js';
import { policyValuesToday } from '../knowledge/faq/policy-values.js';
import { renderAnswer } from '../knowledge/faq/render-answer.js';
import { classifyIntent } from '../knowledge/intents/intent-classifier.js';
import { understand } from '../knowledge/understanding/understand.js';
import type { KbJudge, UnderstandDeps } from '../knowledge/understanding/types.js';
import type { PolicyPack } from '../knowledge/policy/types.js';
import type { BotReply, Choice } from '../flows/events.js';
import { choice, reply } from '../flows/replies.js';
import type { KnowledgeAnswer, TopicInput, UnderstandInput, Understanding } from '../flows/understanding.js';
import type { Localized } from '../locales/catalog.js';
import { answerAction } from '../knowledge/faq/answer-actions.js';

/** The knowledge base and the understanding step as the conversation uses them. */
export interface KnowledgeServices {
  knowledge: KnowledgeBase;
  understandText(input: UnderstandInput): Promise<Understanding>;
  showTopic(input: TopicInput): Promise<KnowledgeAnswer>;
  close(): Promise<void>;
}

/**
 * The understanding step's dependencies over a knowledge base: its judge (the in-memory index) and
 * the intent classifier. `kb ask`, `chat --jsonl` and the bot all build them here, so they agree.
 * `judged` holds the last judgement, to record an unanswered question without searching twice.
 */
export function understandingDeps(knowledge: KnowledgeBase): UnderstandDeps & { judged: Map<string, Judged> } {
  const judged = new Map<string, Judged>();
  const judge: KbJudge = (text, locale) => {
    const j = knowledge.judge(text, locale);
    judged.set(text, j);
    return { band: j.match.band, topic: j.match.topic, candidates: j.match.candidates, score: j.match.score, ...(j.match.lowConfidence ? { lowConfidence: true } : {}) };
  };
  return { judge, classify: classifyIntent, judged };
}

function bilingual(entry: FaqEntry, values: PolicyValues): Localized {
  return { 'zh-CN': renderAnswer(entry, 'zh-CN', values), en: renderAnswer(entry, 'en', values) };
}

function topicChoice(entry: FaqEntry): Choice {
  return { id: `faq:${entry.id}`, label: entry.title };
}

const NOTHING: KnowledgeAnswer = { band: 'unknown', topic: null, candidates: [], replies: [] };

/** Opens the knowledge base (seeding it from `knowledge/faq` on first start) and keeps it current. */
export async function openKnowledge(config: Config, store: KnowledgeStore, pack: PolicyPack, logger: Logger): Promise<KnowledgeServices> {
  const opening = KnowledgeBase.open(store, {
    seedDir: path.join(config.knowledgeDir, 'faq'),
    synonymsFile: path.join(config.knowledgeDir, 'synonyms.yaml'),
    worker: config.kbIndexWorker,
    onError: (error) => logger.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'knowledge base refresh or record failed'),
    // Entry files are the operator's text, never a resident's: their names and problems can be logged.
    onSeedProblems: (problems) =>
      logger.warn({ files: problems.map((p) => ({ file: path.basename(p.file), problems: p.problems.map((q) => `${q.field}: ${q.message}`) })) }, 'knowledge entry files left out of the new knowledge base'),
    // Ids only: what a release's files changed, and the edited entries whose new shipped text waits in the console.
    onShippedUpdate: (update) => logger.info(update, 'knowledge base took the shipped entries of this release'),
  });
  // Trains the intent classifier now, while the bot starts (the index is built meanwhile on its worker):
  // ~0.15 s of this thread that, once messages flow, would stall every conversation at once.
  classifyIntent('你好');
  const knowledge = await opening;
  const stopRefresh = knowledge.startAutoRefresh(config.kbRefreshSeconds * 1000);
  const values = policyValuesToday(pack);

  const answerWith = (entry: FaqEntry): BotReply[] => {
    const related = entry.related.map((id) => knowledge.entry(id)).filter((e): e is FaqEntry => e !== undefined).slice(0, 3);
    return [
      reply('core.text', { text: bilingual(entry, values()) }, [
        ...related.map(topicChoice),
        ...(answerAction(entry.id) === 'status' ? [choice('menu.status', 'faq.choice.status')] : []),
        choice('menu.apply', 'faq.choice.apply'),
        choice('menu.back', 'core.back_to_menu'),
      ]),
    ];
  };

  const unknown = (): BotReply[] => [
    reply('faq.unknown'),
    reply('faq.unknown.callHotline', { hotline: pack.hotline }, [
      choice('menu.human', 'faq.choice.human'),
      choice('menu.apply', 'faq.choice.apply'),
      choice('menu.back', 'core.back_to_menu'),
    ]),
  ];

  /** The knowledge base's judgement as replies: an answer, "did you mean", or "I do not know". */
  const answerFor = (band: KnowledgeAnswer['band'], topic: string | null, candidates: string[]): KnowledgeAnswer => {
    const entry = band === 'answer' && topic ? knowledge.entry(topic) : undefined;
    if (entry) return { band: 'answer', topic: entry.id, candidates, replies: answerWith(entry) };
    const suggested = band === 'suggest' ? candidates.map((id) => knowledge.entry(id)).filter((e): e is FaqEntry => e !== undefined) : [];
    if (suggested.length > 0) {
      return { band: 'suggest', topic: null, candidates, replies: [reply('faq.didYouMean', {}, [...suggested.map(topicChoice), choice('menu.human', 'faq.choice.human')])] };
    }
    return { band: 'unknown', topic: null, candidates, replies: unknown() };
  };

  return {
    knowledge,
    async understandText(input) {
      const { text, where } = input;
      const deps = understandingDeps(knowledge);
      const meaning = understand(input, deps);
      const kb = meaning.kind === 'question' ? meaning.kb : meaning.kind === 'story' && meaning.asks ? meaning.kb : null;
      if (!kb) return { meaning, answer: NOTHING };
      // Not answered, or answered with low confidence: kept for `kb unanswered`.
      const judged = deps.judged.get(text);
      // Before consent nothing the resident typed is kept, not even as an unanswered question.
      if (judged && where.kind !== 'before_consent') await knowledge.record(text, judged);
      return { meaning, answer: answerFor(kb.band, kb.topic, kb.candidates) };
    },
    async showTopic({ topic }) {
      const entry = knowledge.entry(topic);
      return entry ? { band: 'answer', topic, candidates: [topic], replies: answerWith(entry) } : { band: 'unknown', topic: null, candidates: [], replies: unknown() };
    },
    async close() {
      stopRefresh();
      await knowledge.close();
    },
  };
}
