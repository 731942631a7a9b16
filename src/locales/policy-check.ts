import type { Catalog } from './catalog.js';

/**
 * What `fayuan policy check` (and the console's 本地政策 page) says is wrong with a policy pack, for an operator who
 * edits the YAML files by hand. Each problem names the file, the line and the key path, then what is wrong
 * (`policy.problem.*`). `{got}` is one of the `policy.got.*` texts, `{what}` one of the `policy.what.*` names.
 */
export const policyCheckMessages = {
  // Where: the file, the line (when the file could be read) and the key path inside it.
  'policy.place.line': { 'zh-CN': '{file} 第 {line} 行（{path}）：{message}', en: '{file}, line {line} ({path}): {message}' },
  'policy.place.path': { 'zh-CN': '{file}（{path}）：{message}', en: '{file} ({path}): {message}' },
  'policy.place.file': { 'zh-CN': '{file}：{message}', en: '{file}: {message}' },

  // What was written where something else was expected.
  'policy.got.nothing': { 'zh-CN': '空的', en: 'empty' },
  'policy.got.null': { 'zh-CN': '空值', en: 'an empty value' },
  'policy.got.list': { 'zh-CN': '一个列表', en: 'a list' },
  'policy.got.mapping': { 'zh-CN': '一组“名称: 内容”', en: 'a group of “name: value” lines' },
  'policy.got.value': { 'zh-CN': '{value}', en: '{value}' },

  'policy.what.officeKind': { 'zh-CN': '办公室类型', en: 'office kind' },
  'policy.what.ruleKind': { 'zh-CN': '规则类型', en: 'rule kind' },
  'policy.what.category': { 'zh-CN': '案件类别', en: 'category' },
  'policy.what.group': { 'zh-CN': '人群', en: 'group' },
  'policy.what.disability': { 'zh-CN': '残疾类别（或写 any 表示任何残疾）', en: 'disability (or write any for every disability)' },
  'policy.kind.centre': { 'zh-CN': '中心（centre）', en: 'centre' },
  'policy.kind.workstation': { 'zh-CN': '工作站（workstation）', en: 'workstation' },

  // Numbers: "a whole number at least 1 and at most 60".
  'policy.number.any': { 'zh-CN': '数字', en: 'a number' },
  'policy.number.whole': { 'zh-CN': '整数', en: 'a whole number' },
  'policy.bound.greater': { 'zh-CN': '大于 {n}', en: 'greater than {n}' },
  'policy.bound.atLeast': { 'zh-CN': '不小于 {n}', en: 'at least {n}' },
  'policy.bound.atMost': { 'zh-CN': '不大于 {n}', en: 'at most {n}' },

  // The folder and the files.
  'policy.problem.notFolder': {
    'zh-CN': '这不是一个文件夹。请给出放着 pack.yaml、regions.yaml 等文件的政策文件夹。',
    en: 'this is not a folder. Give the policy folder that holds pack.yaml, regions.yaml and the other files.',
  },
  'policy.problem.fileMissing': { 'zh-CN': '政策文件夹里没有这个文件。', en: 'this file is missing from the policy folder.' },
  'policy.problem.badYaml': {
    'zh-CN': '文件格式有误，读不出来（常见原因：缩进没对齐、冒号后面少了空格、引号没有配对）。详细信息：{detail}',
    en: 'the file cannot be read (often: lines not indented alike, no space after a colon, or a quote not closed). Details: {detail}',
  },

  // One value.
  'policy.problem.required': { 'zh-CN': '缺少这一项，请填写。', en: 'this is missing; please fill it in.' },
  'policy.problem.notMapping': {
    'zh-CN': '这里应该是一组“名称: 内容”，现在是{got}。',
    en: 'this should be a group of “name: value” lines; it is {got}.',
  },
  'policy.problem.unknownKey': {
    'zh-CN': '这里不认识“{key}”（是不是拼错了？）。这里可以写：{allowed}。',
    en: '“{key}” is not known here (a spelling mistake?). What may be written here: {allowed}.',
  },
  'policy.problem.notList': {
    'zh-CN': '这里应该是一个列表（每一项以“- ”开头），现在是{got}。',
    en: 'this should be a list (each item starting with “- ”); it is {got}.',
  },
  'policy.problem.emptyList': { 'zh-CN': '这个列表是空的，至少要写一项。', en: 'this list is empty; write at least one item.' },
  'policy.problem.notText': { 'zh-CN': '这里要写文字，现在是{got}。', en: 'this needs some text; it is {got}.' },
  'policy.problem.badId': {
    'zh-CN': '“{id}”不能用作代码：代码只能用小写英文字母、数字、“-”和“_”。',
    en: '“{id}” cannot be an id: use only lower-case letters, digits, “-” and “_”.',
  },
  'policy.problem.notOneOf': {
    'zh-CN': '{got}不是已知的{what}。可以写：{allowed}。',
    en: '{got} is not a known {what}. Use one of: {allowed}.',
  },
  'policy.problem.badDate': {
    'zh-CN': '日期要写成“年-月-日”，例如 2025-01-01，现在是{got}。',
    en: 'write the date as year-month-day, for example 2025-01-01; it is {got}.',
  },
  'policy.problem.number': { 'zh-CN': '这里要写{kind}，现在是{got}。', en: 'this must be {kind}; it is {got}.' },
  'policy.problem.numberBounded': {
    'zh-CN': '这里要写{bounds}的{kind}，现在是{got}。',
    en: 'this must be {kind} {bounds}; it is {got}.',
  },
  'policy.problem.notBoolean': {
    'zh-CN': '这里只能写 true（是）或 false（否），现在是{got}。',
    en: 'write true (yes) or false (no) here; it is {got}.',
  },
  'policy.problem.badPhone': {
    'zh-CN': '“{phone}”不像电话号码：只能有数字、空格、“-”、“+”和括号。',
    en: '“{phone}” is not a phone number: use only digits, spaces, “-”, “+” and brackets.',
  },
  'policy.problem.badTimeZone': {
    'zh-CN': '“{zone}”不是时区名称，请写例如 Asia/Shanghai。',
    en: '“{zone}” is not a time zone name; write for example Asia/Shanghai.',
  },

  // Standards (regions.yaml).
  'policy.problem.thresholdAndLiving': {
    'zh-CN': '要么写固定标准 threshold，要么写低保标准 minimumLiving 加倍数 multiplier，两种不能同时写。',
    en: 'give either a fixed threshold, or minimumLiving with multiplier, not both.',
  },
  'policy.problem.needsLiving': {
    'zh-CN': '需要写低保标准 minimumLiving（每人每月多少元）和倍数 multiplier，或者写固定标准 threshold。',
    en: 'this needs minimumLiving (the 低保 standard, yuan per person per month) and multiplier, or a fixed threshold.',
  },
  'policy.problem.sameStart': {
    'zh-CN': '{date} 已经是第 {other} 个标准的生效日期；每个标准要有自己的生效日期。',
    en: '{date} is already the start of standard number {other}; each standard needs its own start date.',
  },
  'policy.problem.regionTwice': { 'zh-CN': '地区“{id}”写了两次。', en: 'the region “{id}” is written twice.' },

  // References between the files.
  'policy.problem.officeTwice': { 'zh-CN': '办公室“{id}”写了两次。', en: 'the office “{id}” is written twice.' },
  'policy.problem.noRegion': {
    'zh-CN': 'regions.yaml 里没有地区“{region}”（现有的地区：{known}）。',
    en: 'there is no region “{region}” in regions.yaml (the regions are: {known}).',
  },
  'policy.problem.noOffice': {
    'zh-CN': 'offices.yaml 里没有办公室“{office}”。',
    en: 'there is no office “{office}” in offices.yaml.',
  },
  'policy.problem.officeOfOtherRegion': {
    'zh-CN': '办公室“{office}”属于地区“{region}”，不属于这个地区。',
    en: 'the office “{office}” belongs to the region “{region}”, not to this one.',
  },
  'policy.problem.routeOfficeOfOtherRegion': {
    'zh-CN': '办公室“{office}”属于地区“{region}”，不属于“{route}”。',
    en: 'the office “{office}” belongs to the region “{region}”, not to “{route}”.',
  },
  'policy.problem.parentNotWorkstation': {
    'zh-CN': '只有工作站才写上级 parent；“{id}”是{kind}。',
    en: 'only a workstation has a parent; “{id}” is a {kind}.',
  },
  'policy.problem.parentNotCentre': {
    'zh-CN': '“{id}”是{kind}；工作站的上级 parent 必须是中心（centre）。',
    en: '“{id}” is a {kind}; a workstation’s parent must be a centre.',
  },
  'policy.problem.idUsed': {
    'zh-CN': '代码“{id}”已经用在 {earlier}；规则代码在整个政策包里不能重复。',
    en: 'the id “{id}” is already used by {earlier}; rule ids must be unique across the pack.',
  },
  'policy.problem.routedTwice': {
    'zh-CN': '“{region}”的 {category} 案件已经由 {earlier} 分派了。',
    en: '{category} cases in “{region}” are already routed by {earlier}.',
  },
  'policy.problem.documentTwice': { 'zh-CN': '材料“{id}”写了两次。', en: 'the document “{id}” is written twice.' },
  'policy.problem.noDocument': {
    'zh-CN': '材料清单（documents）里没有“{id}”。',
    en: 'there is no document “{id}” in the documents list.',
  },
  'policy.problem.notDocumentMapping': {
    'zh-CN': '这里应该是从{what}到材料代码列表的对应，例如 wages: [labor_evidence]。',
    en: 'this should map each {what} to a list of document ids, for example wages: [labor_evidence].',
  },
  'policy.problem.unknownName': { 'zh-CN': '“{key}”不是已知的{what}。', en: '“{key}” is not a known {what}.' },

  // Rules (rules.yaml).
  'policy.problem.emptyCondition': {
    'zh-CN': '空的条件会适用于所有人；请至少写一项：{allowed}。',
    en: 'an empty condition would match everyone; use at least one of: {allowed}.',
  },
  'policy.problem.untilBeforeFrom': {
    'zh-CN': '结束日期 {until} 早于开始日期 {from}。',
    en: 'the end date {until} is before the start date {from}.',
  },
  'policy.problem.scopeHasWhen': {
    'zh-CN': 'scope 规则只列出案件类别 categories，不写条件 when。',
    en: 'a scope rule lists categories, not a when condition.',
  },
  'policy.problem.categoriesOutsideWhen': {
    'zh-CN': '{kind} 规则用 when 条件；请把 categories 写到 when 里面。',
    en: 'a {kind} rule has a when condition; put categories inside it.',
  },

  // `fayuan policy check` itself.
  'policy.check.usage': { 'zh-CN': '用法：fayuan policy check [政策文件夹] [--lang en]', en: 'Usage: fayuan policy check [policy folder] [--lang en]' },
  'policy.check.problems_one': {
    'zh-CN': '政策文件夹 {dir} 里有 1 处问题。改好后再运行 fayuan policy check（格式说明见 docs/policy-pack.md）。',
    en: '1 problem in the policy folder {dir}. Fix it and run fayuan policy check again (docs/policy-pack.md describes the files).',
  },
  'policy.check.problems_other': {
    'zh-CN': '政策文件夹 {dir} 里有 {count} 处问题。改好后再运行 fayuan policy check（格式说明见 docs/policy-pack.md）。',
    en: '{count} problems in the policy folder {dir}. Fix them and run fayuan policy check again (docs/policy-pack.md describes the files).',
  },
  'policy.check.ok': {
    'zh-CN': '没有问题 {version}（{dir}）：{regions} 个地区，{rules} 条本地规则，{offices} 个办公室，{routing} 条分派规则，{documents} 种材料',
    en: 'OK {version} ({dir}): {regions} regions, {rules} rules, {offices} offices, {routing} routing rules, {documents} documents',
  },
  'policy.check.no_standard': {
    'zh-CN': '；注意：{regions} 今天没有生效的经济困难标准',
    en: '; note: no standard in force today for {regions}',
  },
  'policy.check.invalid': {
    'zh-CN': '政策文件夹 {dir} 有问题，法援助手不能使用：',
    en: 'The policy pack in {dir} is not valid:',
  },
} as const satisfies Catalog;
