import { childPath, FieldChecker } from './field-checker.js';
import type { DocumentInfo, DocumentRequirements, LocalRule, Office, PolicyPack, PolicyProblem, Region, RoutingRule } from './types.js';
import { validateDocuments } from './validate-documents.js';
import { validateOffices } from './validate-offices.js';
import { validatePackMeta } from './validate-pack-meta.js';
import { validateRegions } from './validate-regions.js';
import { validateRules } from './validate-rules.js';

/** The files of a policy pack folder, in the order they are checked. */
export const PACK_FILES = ['pack.yaml', 'regions.yaml', 'rules.yaml', 'offices.yaml', 'documents.yaml'] as const;
export type PackFileName = (typeof PACK_FILES)[number];

/** The parsed YAML of each file (absent when the file is missing or not valid YAML; the loader reports those). */
export type PackFiles = Partial<Record<PackFileName, unknown>>;

/** Entries at their index in the file; `undefined` where an entry is wrong. */
type Slots<T> = (T | undefined)[];

interface PackParts {
  regions?: Slots<Region>;
  rules?: Slots<LocalRule>;
  offices?: Slots<Office>;
  routing?: Slots<RoutingRule>;
  documents?: Slots<DocumentInfo>;
  requirements?: DocumentRequirements;
}

const present = <T>(slots: Slots<T>): T[] => slots.filter((x): x is T => x !== undefined);

/**
 * Validates the parsed pack files and, when nothing is wrong, assembles the {@link PolicyPack}.
 * Pure: the loader reads and parses the files; this checks every field and every cross-reference,
 * reporting as many problems as it can in one run.
 */
export function validatePolicyPack(files: PackFiles): { pack?: PolicyPack; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const checker = (file: PackFileName) => new FieldChecker(file, problems);
  const read = <T>(file: PackFileName, validate: (raw: unknown, check: FieldChecker) => T) =>
    file in files ? validate(files[file], checker(file)) : undefined;
  const meta = read('pack.yaml', validatePackMeta);
  const regions = read('regions.yaml', validateRegions);
  const rules = read('rules.yaml', validateRules);
  const offices = read('offices.yaml', validateOffices);
  const documents = read('documents.yaml', validateDocuments);
  // A file is complete when it was read and nothing in it is wrong: only then can "no such id" be reported.
  const failed = new Set(problems.map((p) => p.file));
  const complete = (file: PackFileName) => file in files && !failed.has(file);
  const parts: PackParts = { regions, rules, ...offices, ...documents };
  checkReferences(parts, problems, complete);

  if (problems.length > 0 || !meta || !regions || !rules || !offices || !documents?.requirements) return { problems };
  const pack: PolicyPack = {
    ...meta,
    regions: present(regions),
    rules: present(rules),
    offices: present(offices.offices),
    routing: present(offices.routing),
    documents: present(documents.documents),
    requirements: documents.requirements,
  };
  return { pack, problems };
}

/** Every id a file refers to must exist, and ids that appear in decisions must be unique. */
function checkReferences(parts: PackParts, problems: PolicyProblem[], complete: (file: PackFileName) => boolean): void {
  const regionsFile = new FieldChecker('regions.yaml', problems);
  const rulesFile = new FieldChecker('rules.yaml', problems);
  const officesFile = new FieldChecker('offices.yaml', problems);
  const documentsFile = new FieldChecker('documents.yaml', problems);
  const regionIds = complete('regions.yaml') ? new Set(present(parts.regions ?? []).map((r) => r.id)) : undefined;
  const officeById = complete('offices.yaml') ? new Map(present(parts.offices ?? []).map((o) => [o.id, o])) : undefined;

  const seenOffices = new Set<string>();
  parts.offices?.forEach((office, i) => {
    if (!office) return;
    const path = childPath('offices', i);
    if (seenOffices.has(office.id)) officesFile.problem(childPath(path, 'id'), 'officeTwice', { id: office.id });
    seenOffices.add(office.id);
    if (regionIds && !regionIds.has(office.region)) {
      officesFile.problem(childPath(path, 'region'), 'noRegion', { region: office.region, known: [...regionIds].join(', ') });
    }
  });
  if (officeById) {
    parts.regions?.forEach((region, i) => {
      if (!region) return;
      const office = officeById.get(region.office);
      const path = childPath(childPath('regions', i), 'office');
      if (!office) regionsFile.problem(path, 'noOffice', { office: region.office });
      else if (office.region !== region.id) regionsFile.problem(path, 'officeOfOtherRegion', { office: office.id, region: office.region });
    });
    parts.offices?.forEach((office, i) => {
      if (!office?.parent) return;
      const path = childPath(childPath('offices', i), 'parent');
      const parent = officeById.get(office.parent);
      if (office.kind !== 'workstation') officesFile.problem(path, 'parentNotWorkstation', { id: office.id, kind: { key: `policy.kind.${office.kind}` } });
      else if (!parent) officesFile.problem(path, 'noOffice', { office: office.parent });
      else if (parent.kind !== 'centre') officesFile.problem(path, 'parentNotCentre', { id: parent.id, kind: { key: `policy.kind.${parent.kind}` } });
    });
  }

  const decisionIds = new Map<string, string>();
  const claim = (id: string, where: string, check: FieldChecker, path: string) => {
    const earlier = decisionIds.get(id);
    if (earlier) check.problem(path, 'idUsed', { id, earlier });
    else decisionIds.set(id, `${check.file} ${where}`);
  };
  parts.rules?.forEach((rule, i) => {
    if (!rule) return;
    const path = childPath('rules', i);
    claim(rule.id, path, rulesFile, childPath(path, 'id'));
    rule.regions.forEach((region, j) => {
      if (regionIds && !regionIds.has(region)) rulesFile.problem(childPath(childPath(path, 'regions'), j), 'noRegion', { region, known: [...regionIds].join(', ') });
    });
  });
  const routed = new Map<string, string>();
  parts.routing?.forEach((route, i) => {
    if (!route) return;
    const path = childPath('routing', i);
    claim(route.id, path, officesFile, childPath(path, 'id'));
    if (regionIds && !regionIds.has(route.region)) officesFile.problem(childPath(path, 'region'), 'noRegion', { region: route.region, known: [...regionIds].join(', ') });
    const office = officeById?.get(route.office);
    if (officeById && !office) officesFile.problem(childPath(path, 'office'), 'noOffice', { office: route.office });
    else if (office && office.region !== route.region) {
      officesFile.problem(childPath(path, 'office'), 'routeOfficeOfOtherRegion', { office: office.id, region: office.region, route: route.region });
    }
    route.categories.forEach((category, j) => {
      const key = `${route.region}/${category}`;
      const earlier = routed.get(key);
      if (earlier) {
        officesFile.problem(childPath(childPath(path, 'categories'), j), 'routedTwice', { category, region: route.region, earlier });
      } else routed.set(key, path);
    });
  });

  const documentIds = new Set<string>();
  parts.documents?.forEach((doc, i) => {
    if (!doc) return;
    if (documentIds.has(doc.id)) documentsFile.problem(childPath(childPath('documents', i), 'id'), 'documentTwice', { id: doc.id });
    documentIds.add(doc.id);
  });
  const req = parts.requirements;
  if (!req || parts.documents?.some((d) => d === undefined)) return;
  const known = (ids: string[], path: string) =>
    ids.forEach((id, i) => {
      if (!documentIds.has(id)) documentsFile.problem(childPath(path, i), 'noDocument', { id });
    });
  known(req.always, 'required.always');
  known(req.meansTested, 'required.meansTested');
  known(req.mandatory, 'required.mandatory');
  known(req.otherwise, 'required.otherwise');
  known(req.minor ?? [], 'required.minor');
  known(req.onBehalf ?? [], 'required.onBehalf');
  for (const [category, ids] of Object.entries(req.byCategory)) known(ids ?? [], `required.byCategory.${category}`);
  known(req.proofs.disability, 'required.proofs.disability');
  for (const [group, ids] of Object.entries(req.proofs.groups)) known(ids ?? [], `required.proofs.groups.${group}`);
}
