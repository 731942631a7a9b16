import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { KnowledgeStore } from '../knowledge/faq/knowledge-store.js';
import { KnowledgeBase } from '../knowledge/faq/knowledge-base.js';
import type { FaqEntry, PolicyValues } from '../knowledge/faq/faq-entry.js';
import { policyValuesForAllRegions } from '../knowledge/faq/policy-values.js';
import { renderAnswer } from '../knowledge/faq/render-answer.js';
import { classifyIntent } from '../knowledge/intents/intent-classifier.js';
import type { PolicyPack } from '../knowledge/policy/types.js';
import type { BotReply, Choice } from '../flows/events.js';
import { choice, reply } from '../flows/replies.js';
import { looksLikeQuestion } from '../flows/question-words.js';
import type { IntentId, KnowledgeAnswer, TopicInput, UnderstandInput, Understanding } from '../flows/understanding.js';
import type { Localized } from '../locales/catalog.js';

/** The knowledge base and intent classifier as the conversation uses them. */
export interface KnowledgeServices {
  knowledge: KnowledgeBase;
  understandText(input: UnderstandInput): Promise<Understanding>;
  showTopic(input: TopicInput): Promise<KnowledgeAnswer>;
  close(): Promise<void>;
}

/** Intents that steer the conversation; anything else (or a weak guess) is a question for the knowledge base. */
const STEERING: readonly IntentId[] = ['apply', 'status', 'human', 'restart', 'cancel', 'language', 'greeting', 'thanks'];

function bilingual(entry: FaqEntry, values: PolicyValues): Localized {
  return { 'zh-CN': renderAnswer(entry, 'zh-CN', values), en: renderAnswer(entry, 'en', values) };
}

function topicChoice(entry: FaqEntry): Choice {
  return { id: `faq:${entry.id}`, label: entry.title };
}

/** Opens the knowledge base (seeding it from `knowledge/faq` on first start) and keeps it current. */
export async function openKnowledge(config: Config, store: KnowledgeStore, pack: PolicyPack, logger: Logger): Promise<KnowledgeServices> {
  const knowledge = await KnowledgeBase.open(store, {
    seedDir: path.join(config.knowledgeDir, 'faq'),
    synonymsFile: path.join(config.knowledgeDir, 'synonyms.yaml'),
    onError: (error) => logger.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'knowledge base refresh or record failed'),
  });
  const stopRefresh = knowledge.startAutoRefresh(config.kbRefreshSeconds * 1000);
  classifyIntent('你好'); // trains the intent classifier now rather than on a resident's first message
  const values = () => policyValuesForAllRegions(pack);

  const answerWith = (entry: FaqEntry): BotReply[] => {
    const related = entry.related.map((id) => knowledge.entry(id)).filter((e): e is FaqEntry => e !== undefined).slice(0, 3);
    return [
      reply('core.text', { text: bilingual(entry, values()) }, [
        ...related.map(topicChoice),
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

  return {
    knowledge,
    async understandText({ text }) {
      const question = looksLikeQuestion(text);
      const judged = knowledge.judge(text);
      const { match } = judged;
      // A question the knowledge base answers confidently needs no intent classification (the costly
      // part). Otherwise a question ("今天天气怎么样") steers only when the classifier is very sure; a
      // plain request ("我要申请") steers when it is sure.
      if (!(question && match.band === 'answer')) {
        const intent = classifyIntent(text);
        const sure = intent !== null && intent.confidence >= (question ? 0.95 : 0.6);
        if (sure && STEERING.includes(intent.intent)) {
          return { intent: intent.intent, answer: { band: 'unknown', topic: null, replies: [] } };
        }
      }
      await knowledge.record(text, judged);
      const entry = match.band === 'answer' && match.topic ? knowledge.entry(match.topic) : undefined;
      if (entry) return { intent: 'question', answer: { band: 'answer', topic: entry.id, replies: answerWith(entry) } };
      const suggested = match.band === 'suggest' ? match.candidates.map((id) => knowledge.entry(id)).filter((e): e is FaqEntry => e !== undefined) : [];
      if (suggested.length > 0) {
        return {
          intent: 'question',
          answer: {
            band: 'suggest',
            topic: null,
            replies: [reply('faq.didYouMean', {}, [...suggested.map(topicChoice), choice('menu.human', 'faq.choice.human')])],
          },
        };
      }
      return { intent: 'question', answer: { band: 'unknown', topic: null, replies: unknown() } };
    },
    async showTopic({ topic }) {
      const entry = knowledge.entry(topic);
      return entry ? { band: 'answer', topic, replies: answerWith(entry) } : { band: 'unknown', topic: null, replies: unknown() };
    },
    async close() {
      stopRefresh();
    },
  };
}
