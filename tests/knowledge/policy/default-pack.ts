import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/config.js';
import { loadPolicyPack } from '../../../src/knowledge/policy/load-policy-pack.js';
import type { PolicyPack } from '../../../src/knowledge/policy/types.js';

/** The default pack shipped in policy/default (domain.md §3). */
export const DEFAULT_PACK_DIR = path.join(PROJECT_ROOT, 'policy', 'default');

let loaded: Promise<PolicyPack> | undefined;

/** Loads the default pack once per test file. */
export function defaultPack(): Promise<PolicyPack> {
  loaded ??= loadPolicyPack(DEFAULT_PACK_DIR);
  return loaded;
}

/** A date on which the default pack's 2022 standards apply. */
export const DATE = '2025-06-01';
