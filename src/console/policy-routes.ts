import { formatPolicyProblem } from '../knowledge/policy/load-policy-pack.js';
import type { Locale } from '../locales/catalog.js';
import { translate } from '../locales/render.js';
import type { AddOutcome, StaffPolicy } from '../staff/staff-policy.js';
import type { Route } from './console-api.js';
import { HttpError, fromRefusal, sendJson } from './http-kit.js';

/** A refused change as the page shows it: each field's words beside the field, a broken pack's problems as a list. */
function refused(outcome: Exclude<AddOutcome, { ok: true }>, locale: Locale): HttpError {
  if (outcome.problems) {
    const fields = Object.fromEntries(outcome.problems.map((p) => [p.field, translate(p.key, locale, p.params)]));
    return new HttpError(outcome.status, outcome.code, outcome.key, outcome.params ?? {}, { fields });
  }
  if (outcome.packProblems) {
    return new HttpError(outcome.status, outcome.code, outcome.key, outcome.params ?? {}, { problems: outcome.packProblems.map((p) => formatPolicyProblem(p, locale)) });
  }
  return fromRefusal(outcome);
}

/** `/api/policy…`: the 本地政策 page (docs/staff-api.md). */
export function policyRoutes(policy: StaffPolicy): Route[] {
  return [
    { method: 'GET', pattern: /^\/api\/policy$/, handle: async (q) => sendJson(q.res, 200, await policy.view(q.account)) },
    {
      method: 'POST',
      pattern: /^\/api\/policy\/standards$/,
      handle: async (q) => {
        const outcome = await policy.addStandard(q.account, await q.body());
        if (!outcome.ok) throw refused(outcome, q.locale);
        sendJson(q.res, 201, outcome);
      },
    },
  ];
}
