import type { Applicant } from '../knowledge/cases/applicant.js';
import { DECISIONS, isCaseStatus, type Resolution } from '../knowledge/cases/case-lifecycle.js';
import { isLocale } from '../locales/catalog.js';
import type { FieldCipher } from './field-cipher.js';
import type { CaseDecision, CaseRecord, StoredCaseEvent } from '../knowledge/cases/case-repository.js';

export type { CaseDecision, CaseFacts, CaseRecord, StoredCaseEvent } from '../knowledge/cases/case-repository.js';

/** A row of `cases` as the driver returns it. */
export interface CaseRow {
  ref: string;
  submission_id: string;
  conversation_key: string;
  channel: string;
  address: string;
  locale: string;
  category: string;
  region: string | null;
  route: string | null;
  urgent: number;
  same_day: number;
  facts: string;
  decision: string;
  policy_version: string;
  applicant: string;
  description: string;
  status: string;
  assignee: string | null;
  lawyer: string | null;
  requested_documents: string;
  due_at: number | null;
  resolution: string | null;
  decided_at: number | null;
  created_at: number;
  updated_at: number;
  rating: number | null;
  rating_comment: string | null;
  rated_at: number | null;
}

/** A row of `case_events`. */
export interface EventRow {
  id: number;
  ref: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor: string;
  actor_kind: string;
  note: string | null;
  details: string;
  at: number;
}

/** A case row with its sealed columns (applicant, description, rating comment) opened. */
export function openCaseRow<R extends Partial<Pick<CaseRow, 'applicant' | 'description' | 'rating_comment'>>>(row: R, cipher: FieldCipher): R {
  return {
    ...row,
    ...(row.applicant !== undefined ? { applicant: cipher.open(row.applicant) } : {}),
    ...(row.description !== undefined ? { description: cipher.open(row.description) } : {}),
    ...(row.rating_comment !== undefined ? { rating_comment: cipher.openOrNull(row.rating_comment) } : {}),
  };
}

/** An event row with its note opened. */
export function openEventRow(row: EventRow, cipher: FieldCipher): EventRow {
  return { ...row, note: cipher.openOrNull(row.note) };
}

/** A JSON object column; `{}` when damaged. */
export function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function parseStrings(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function parseApplicant(text: string): Applicant {
  const raw = parseObject(text);
  const readable = Object.keys(raw).length > 0;
  const applicant: Applicant = {
    relation: raw.relation === 'relative' ? 'relative' : 'self',
    // Unknown means "do not risk it".
    safeToContact: raw.safeToContact === true,
    chatNotices: readable && raw.chatNotices !== false,
  };
  if (typeof raw.name === 'string') applicant.name = raw.name;
  if (typeof raw.phone === 'string') applicant.phone = raw.phone;
  if (typeof raw.safeTimes === 'string') applicant.safeTimes = raw.safeTimes;
  if (typeof raw.contactWords === 'string') applicant.contactWords = raw.contactWords;
  if (typeof raw.documentsNote === 'string') applicant.documentsNote = raw.documentsNote;
  if (typeof raw.kinship === 'string') applicant.kinship = raw.kinship;
  if (typeof raw.relativeName === 'string') applicant.relativeName = raw.relativeName;
  return applicant;
}

export function parseDecision(text: string): CaseDecision & Record<string, unknown> {
  const raw = parseObject(text);
  return {
    ...raw,
    outcome: typeof raw.outcome === 'string' ? raw.outcome : 'needs_review',
    urgent: raw.urgent === true,
    sameDay: raw.sameDay === true,
  };
}

/** A stored case from its row; damaged JSON columns read as empty, contact as unsafe. */
export function caseFromRow(row: CaseRow): CaseRecord {
  const requestedDocuments = parseStrings(row.requested_documents);
  return {
    ref: row.ref,
    submissionId: row.submission_id,
    conversationKey: row.conversation_key,
    channel: row.channel,
    address: row.address,
    locale: isLocale(row.locale) ? row.locale : 'zh-CN',
    category: row.category,
    region: row.region,
    route: row.route,
    urgent: row.urgent === 1,
    sameDay: row.same_day === 1,
    facts: parseObject(row.facts),
    decision: parseDecision(row.decision),
    policyVersion: row.policy_version,
    applicant: parseApplicant(row.applicant),
    description: row.description,
    status: isCaseStatus(row.status) ? row.status : 'new',
    assignee: row.assignee,
    lawyer: row.lawyer,
    requestedDocuments,
    materialsRequested: requestedDocuments.length > 0,
    dueAt: row.due_at,
    resolution: (DECISIONS as readonly string[]).includes(row.resolution ?? '') ? (row.resolution as Resolution) : null,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    rating: row.rating,
    ratingComment: row.rating_comment,
    ratedAt: row.rated_at,
  };
}

/** A history event from its row. */
export function eventFromRow(row: EventRow): StoredCaseEvent {
  const details = parseObject(row.details);
  return {
    id: row.id,
    ref: row.ref,
    action: row.action as StoredCaseEvent['action'],
    from: isCaseStatus(row.from_status) ? row.from_status : null,
    to: isCaseStatus(row.to_status) ? row.to_status : 'new',
    actor: { kind: row.actor_kind === 'staff' || row.actor_kind === 'system' ? row.actor_kind : 'resident', name: row.actor },
    note: row.note,
    details: {
      ...(Array.isArray(details.documents) ? { documents: details.documents.filter((d): d is string => typeof d === 'string') } : {}),
      ...(typeof details.lawyer === 'string' ? { lawyer: details.lawyer } : {}),
    },
    at: row.at,
  };
}
