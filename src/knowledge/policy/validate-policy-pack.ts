import { childPath, FieldChecker } from './field-checker.js';
import type { PolicyPack, PolicyProblem } from './types.js';
import { validateDocuments } from './validate-documents.js';
import { validateOffices } from './validate-offices.js';
import { validatePackMeta } from './validate-pack-meta.js';
import { validateRegions } from './validate-regions.js';
import { validateRules } from './validate-rules.js';

/** The files of a policy pack folder, in the order they are checked. */
export const PACK_FILES = ['pack.yaml', 'regions.yaml', 'rules.yaml', 'offices.yaml', 'documents.yaml'] as const;
export type PackFileName = (typeof PACK_FILES)[number];

/** The parsed YAML of each file (absent when the file is missing or not valid YAML). */
export type PackFiles = Partial<Record<PackFileName, unknown>>;

/**
 * Validates the parsed pack files and, when nothing is wrong, assembles the {@link PolicyPack}.
 * Pure: the loader reads and parses the files; this checks every field and every cross-reference.
 */
export function validatePolicyPack(files: PackFiles): { pack?: PolicyPack; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const checker = (file: PackFileName) => new FieldChecker(file, problems);
  const has = (file: PackFileName) => file in files;
  const meta = has('pack.yaml') ? validatePackMeta(files['pack.yaml'], checker('pack.yaml')) : undefined;
  const regions = has('regions.yaml') ? validateRegions(files['regions.yaml'], checker('regions.yaml')) : undefined;
  const rules = has('rules.yaml') ? validateRules(files['rules.yaml'], checker('rules.yaml')) : undefined;
  const offices = has('offices.yaml') ? validateOffices(files['offices.yaml'], checker('offices.yaml')) : undefined;
  const documents = has('documents.yaml') ? validateDocuments(files['documents.yaml'], checker('documents.yaml')) : undefined;
  if (!meta || !regions || !rules || !offices || !documents || problems.length > 0) return { problems };

  const pack: PolicyPack = { ...meta, regions, rules, ...offices, ...documents };
  checkReferences(pack, problems);
  return problems.length > 0 ? { problems } : { pack, problems };
}

/** Every id a file refers to must exist, and ids that appear in decisions must be unique. */
function checkReferences(pack: PolicyPack, problems: PolicyProblem[]): void {
  const regionsFile = new FieldChecker('regions.yaml', problems);
  const rulesFile = new FieldChecker('rules.yaml', problems);
  const officesFile = new FieldChecker('offices.yaml', problems);
  const documentsFile = new FieldChecker('documents.yaml', problems);
  const regionIds = new Set(pack.regions.map((r) => r.id));
  const officeById = new Map<string, (typeof pack.offices)[number]>();

  pack.offices.forEach((office, i) => {
    const path = childPath('offices', i);
    if (officeById.has(office.id)) officesFile.problem(childPath(path, 'id'), `office "${office.id}" is defined twice`);
    officeById.set(office.id, office);
    if (!regionIds.has(office.region)) {
      officesFile.problem(childPath(path, 'region'), `no region "${office.region}" in regions.yaml (known: ${[...regionIds].join(', ')})`);
    }
  });
  pack.regions.forEach((region, i) => {
    const office = officeById.get(region.office);
    const path = childPath(childPath('regions', i), 'office');
    if (!office) regionsFile.problem(path, `no office "${region.office}" in offices.yaml`);
    else if (office.region !== region.id) regionsFile.problem(path, `office "${office.id}" belongs to region "${office.region}"`);
  });

  const decisionIds = new Map<string, string>();
  const claim = (id: string, where: string, check: FieldChecker, path: string) => {
    const earlier = decisionIds.get(id);
    if (earlier) check.problem(path, `id "${id}" is already used by ${earlier}; rule ids must be unique across the pack`);
    else decisionIds.set(id, `${check.file} ${where}`);
  };
  pack.rules.forEach((rule, i) => {
    const path = childPath('rules', i);
    claim(rule.id, path, rulesFile, childPath(path, 'id'));
    rule.regions.forEach((region, j) => {
      if (!regionIds.has(region)) rulesFile.problem(childPath(childPath(path, 'regions'), j), `no region "${region}" in regions.yaml`);
    });
  });
  const routed = new Map<string, string>();
  pack.routing.forEach((route, i) => {
    const path = childPath('routing', i);
    claim(route.id, path, officesFile, childPath(path, 'id'));
    if (!regionIds.has(route.region)) officesFile.problem(childPath(path, 'region'), `no region "${route.region}" in regions.yaml`);
    const office = officeById.get(route.office);
    if (!office) officesFile.problem(childPath(path, 'office'), `no office "${route.office}" in offices`);
    else if (office.region !== route.region) {
      officesFile.problem(childPath(path, 'office'), `office "${office.id}" belongs to region "${office.region}", not "${route.region}"`);
    }
    route.categories.forEach((category, j) => {
      const key = `${route.region}/${category}`;
      const earlier = routed.get(key);
      if (earlier) {
        officesFile.problem(childPath(childPath(path, 'categories'), j), `${category} in ${route.region} is already routed by ${earlier}`);
      } else routed.set(key, path);
    });
  });

  const documentIds = new Set<string>();
  pack.documents.forEach((doc, i) => {
    if (documentIds.has(doc.id)) documentsFile.problem(childPath(childPath('documents', i), 'id'), `document "${doc.id}" is defined twice`);
    documentIds.add(doc.id);
  });
  const known = (ids: string[], path: string) =>
    ids.forEach((id, i) => {
      if (!documentIds.has(id)) documentsFile.problem(childPath(path, i), `no document "${id}" in the documents list`);
    });
  const req = pack.requirements;
  known(req.always, 'required.always');
  known(req.meansTested, 'required.meansTested');
  known(req.mandatory, 'required.mandatory');
  known(req.otherwise, 'required.otherwise');
  for (const [category, ids] of Object.entries(req.byCategory)) known(ids ?? [], `required.byCategory.${category}`);
  known(req.proofs.disability, 'required.proofs.disability');
  for (const [group, ids] of Object.entries(req.proofs.groups)) known(ids ?? [], `required.proofs.groups.${group}`);
}
