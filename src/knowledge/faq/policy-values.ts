import type { Localized } from '../../locales/catalog.js';
import { domainMessages } from '../../locales/domain.js';
import { officeById, regionById, rulesInForce, thresholdFor, todayIn } from '../policy/lookup.js';
import type { PolicyPack } from '../policy/types.js';
import type { PolicyValues } from './faq-entry.js';

/**
 * The values of the default policy pack (region demo-city, domain.md §3), for tests and for
 * `fayuan kb show` when no pack is at hand. The bot uses {@link policyValuesFromPack}.
 */
export const DEMO_POLICY_VALUES: PolicyValues = {
  hotline: '12348',
  decisionDays: 7,
  thresholdSummary: {
    'zh-CN': '家庭人均月收入城镇不超过920元、农村不超过550元（示例市本级）',
    en: 'household income per person per month of at most 920 yuan in towns and 550 yuan in rural areas (Demo City)',
  },
  localScopeSummary: {
    'zh-CN': '婚姻家庭（离婚等）、房屋征收与补偿、农资质量（假种子、化肥、农药）、劳动合同（辞退、补偿）',
    en: 'marriage and family (divorce and similar), house expropriation and compensation, faulty seeds, fertiliser or pesticide, employment contract (dismissal, severance)',
  },
  centreName: { 'zh-CN': '示例市法律援助中心', en: 'Demo City Legal Aid Centre' },
};

/**
 * The placeholders' values for residents of one region, read from the policy pack in force today:
 * hotline, decision days, the hardship thresholds, the locally added scope and the centre's name.
 */
export function policyValuesFromPack(pack: PolicyPack, regionId: string, now: Date = new Date()): PolicyValues {
  const date = todayIn(pack.timeZone, now);
  const region = regionById(pack, regionId);
  const urban = thresholdFor(pack, regionId, 'urban', date);
  const rural = thresholdFor(pack, regionId, 'rural', date);
  const regionName: Localized = region?.name ?? { 'zh-CN': regionId, en: regionId };
  const thresholdSummary: Localized =
    urban !== undefined && rural !== undefined
      ? {
          'zh-CN': `家庭人均月收入城镇不超过${urban}元、农村不超过${rural}元（${regionName['zh-CN']}）`,
          en: `household income per person per month of at most ${urban} yuan in towns and ${rural} yuan in rural areas (${regionName.en})`,
        }
      : { 'zh-CN': '以当地公布的标准为准', en: 'the standard published locally' };
  const categories = [...new Set(rulesInForce(pack, regionId, 'scope', date).flatMap((rule) => rule.categories))];
  const names = categories.map((c) => (domainMessages as Record<string, Localized | undefined>)[`category.${c}`] ?? { 'zh-CN': c, en: c });
  const localScopeSummary: Localized =
    names.length > 0
      ? { 'zh-CN': names.map((n) => n['zh-CN']).join('、'), en: names.map((n) => n.en.toLowerCase()).join(', ') }
      : { 'zh-CN': '暂无', en: 'nothing beyond the national list' };
  const office = region ? officeById(pack, region.office) : undefined;
  return {
    hotline: pack.hotline,
    decisionDays: pack.decisionDays,
    thresholdSummary,
    localScopeSummary,
    centreName: office?.name ?? regionName,
  };
}

/**
 * The placeholders' values when the resident's region is not known yet (a question asked before an
 * application): the thresholds of every region side by side, the rest as for the first region.
 */
export function policyValuesForAllRegions(pack: PolicyPack, now: Date = new Date()): PolicyValues {
  const perRegion = pack.regions.map((region) => policyValuesFromPack(pack, region.id, now));
  const first = perRegion[0] ?? policyValuesFromPack(pack, '', now);
  const summary = (locale: 'zh-CN' | 'en') => perRegion.map((v) => (v.thresholdSummary as Localized)[locale]).join(locale === 'zh-CN' ? '；' : '; ');
  return perRegion.length > 1 ? { ...first, thresholdSummary: { 'zh-CN': summary('zh-CN'), en: summary('en') } } : first;
}

/**
 * {@link policyValuesForAllRegions} for the day in the pack's time zone, worked out once a day: every answer the
 * bot gives fills its placeholders, and the values change only when the rules in force do (a date), or when a
 * region's standards are replaced while the bot runs (the console's 本地政策 page).
 */
export function policyValuesToday(pack: PolicyPack, now: () => Date = () => new Date()): () => PolicyValues {
  let day: string | undefined;
  let values: PolicyValues | undefined;
  // A standard added on the console's 本地政策 page gives its region a new list: worked out again then too.
  let standards: unknown[] = [];
  return () => {
    const at = now();
    const today = todayIn(pack.timeZone, at);
    if (values === undefined || today !== day || pack.regions.some((r, i) => r.standards !== standards[i])) {
      values = policyValuesForAllRegions(pack, at);
      day = today;
      standards = pack.regions.map((r) => r.standards);
    }
    return values;
  };
}
