import { conditionMentions } from '../policy/condition.js';
import type { PolicyPack } from '../policy/types.js';
import { ADULT_AGE, ELDERLY_AGE, type Disability, type GroupId } from './vocabulary.js';

/** Ages from `low` to `high` years, both included: what "七十多" (70–79) or "in my seventies" allows. */
export interface AgeRange {
  low: number;
  high: number;
}

/**
 * Every age line the decision turns on (an age at or above the line is treated differently from one below it):
 * the law's 18 and 60, and every `ageAtLeast` / `ageBelow` of the pack's rules. Sorted, each once.
 * @example ageLines(defaultPack) // [18, 60, 70]
 */
export function ageLines(pack: PolicyPack): number[] {
  const mentions = { ages: new Set<number>([ADULT_AGE, ELDERLY_AGE]), disabilities: new Set<Disability>(), groups: new Set<GroupId>() };
  for (const rule of pack.rules) if (rule.kind !== 'scope') conditionMentions(rule.when, mentions);
  return [...mentions.ages].sort((a, b) => a - b);
}

/**
 * Whether an age known only as a range decides as an exact age would: no line falls inside it, so every age it
 * allows is treated alike. Returns the age to record (the range's lowest), or the line the range straddles.
 * @example rangeDecision({ low: 70, high: 79 }, [18, 60, 70]) // { age: 70 }
 * @example rangeDecision({ low: 10, high: 19 }, [18, 60, 70]) // { line: 18 }
 */
export function rangeDecision(range: AgeRange, lines: readonly number[]): { age: number } | { line: number } {
  const line = lines.find((l) => range.low < l && l <= range.high);
  return line === undefined ? { age: range.low } : { line };
}
