import { childPath, type FieldChecker } from './field-checker.js';
import type { MeansStandard, Region, ResidenceStandard } from './types.js';

function validateResidenceStandard(raw: unknown, path: string, check: FieldChecker): ResidenceStandard | undefined {
  const obj = check.object(raw, path, ['minimumLiving', 'multiplier', 'threshold']);
  if (!obj) return undefined;
  if (obj.threshold !== undefined) {
    if (obj.minimumLiving !== undefined || obj.multiplier !== undefined) {
      check.problem(path, 'thresholdAndLiving');
      return undefined;
    }
    const threshold = check.number(obj.threshold, childPath(path, 'threshold'), { min: 0, exclusiveMin: true });
    return threshold === undefined ? undefined : { threshold };
  }
  if (obj.minimumLiving === undefined || obj.multiplier === undefined) {
    check.problem(path, 'needsLiving');
    return undefined;
  }
  const minimumLiving = check.number(obj.minimumLiving, childPath(path, 'minimumLiving'), { min: 0, exclusiveMin: true });
  const multiplier = check.number(obj.multiplier, childPath(path, 'multiplier'), { min: 0, max: 10, exclusiveMin: true });
  return minimumLiving === undefined || multiplier === undefined ? undefined : { minimumLiving, multiplier };
}

function validateStandard(raw: unknown, path: string, check: FieldChecker): MeansStandard | undefined {
  const obj = check.object(raw, path, ['effectiveFrom', 'citation', 'urban', 'rural']);
  if (!obj) return undefined;
  const effectiveFrom = check.date(obj.effectiveFrom, childPath(path, 'effectiveFrom'));
  const citation = check.localized(obj.citation, childPath(path, 'citation'));
  const urban = validateResidenceStandard(obj.urban, childPath(path, 'urban'), check);
  const rural = validateResidenceStandard(obj.rural, childPath(path, 'rural'), check);
  if (!effectiveFrom || !citation || !urban || !rural) return undefined;
  return { effectiveFrom, citation, urban, rural };
}

function validateRegion(raw: unknown, path: string, check: FieldChecker): Region | undefined {
  const obj = check.object(raw, path, ['id', 'name', 'office', 'standards']);
  if (!obj) return undefined;
  const id = check.id(obj.id, childPath(path, 'id'));
  const name = check.localized(obj.name, childPath(path, 'name'));
  const office = check.id(obj.office, childPath(path, 'office'));
  const standardsPath = childPath(path, 'standards');
  const rawStandards = check.list(obj.standards, standardsPath, { nonEmpty: true });
  const standards: MeansStandard[] = [];
  const seen = new Map<string, number>();
  rawStandards?.forEach((item, i) => {
    const standard = validateStandard(item, childPath(standardsPath, i), check);
    if (!standard) return;
    const earlier = seen.get(standard.effectiveFrom);
    if (earlier !== undefined) {
      check.problem(childPath(childPath(standardsPath, i), 'effectiveFrom'), 'sameStart', { date: standard.effectiveFrom, other: earlier + 1 });
      return;
    }
    seen.set(standard.effectiveFrom, i);
    standards.push(standard);
  });
  if (!id || !name || !office || !rawStandards || standards.length !== rawStandards.length) return undefined;
  standards.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return { id, name, office, standards };
}

/**
 * Reads `regions.yaml`: each region's name, default office and dated hardship standards.
 * Returns the regions at their index in the file, `undefined` where one is wrong.
 */
export function validateRegions(raw: unknown, check: FieldChecker): (Region | undefined)[] | undefined {
  const obj = check.object(raw, '', ['regions']);
  const items = obj && check.list(obj.regions, 'regions', { nonEmpty: true });
  if (!items) return undefined;
  const ids = new Set<string>();
  return items.map((item, i) => {
    const region = validateRegion(item, childPath('regions', i), check);
    if (!region) return undefined;
    if (ids.has(region.id)) {
      check.problem(childPath(childPath('regions', i), 'id'), 'regionTwice', { id: region.id });
      return undefined;
    }
    ids.add(region.id);
    return region;
  });
}
