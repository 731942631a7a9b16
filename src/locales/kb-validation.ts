import type { Catalog } from './catalog.js';

/**
 * What the knowledge-base validator (src/knowledge/faq/validate-entry.ts) says is wrong with an entry,
 * as the console shows it to an operator. `{field}` is one of the `kbValidation.field.*` names and
 * `{language}` one of the `kbValidation.language.*` names.
 */
export const kbValidationMessages = {
  'kbValidation.field.id': { 'zh-CN': '条目代码', en: 'Entry id' },
  'kbValidation.field.title': { 'zh-CN': '标题', en: 'Title' },
  'kbValidation.field.questions': { 'zh-CN': '居民的问法', en: 'How residents ask' },
  'kbValidation.field.answer': { 'zh-CN': '回答', en: 'Answer' },
  'kbValidation.field.nextSteps': { 'zh-CN': '下一步', en: 'Next steps' },
  'kbValidation.field.basis': { 'zh-CN': '法律依据', en: 'Legal basis' },
  'kbValidation.field.contact': { 'zh-CN': '何时联系', en: 'When to contact us' },
  'kbValidation.field.tags': { 'zh-CN': '搜索词', en: 'Search words' },
  'kbValidation.field.related': { 'zh-CN': '相关条目', en: 'Related entries' },
  'kbValidation.field.reviewBy': { 'zh-CN': '复核日期', en: 'Review by' },
  'kbValidation.language.zh-CN': { 'zh-CN': '中文', en: 'Chinese' },
  'kbValidation.language.en': { 'zh-CN': '英文', en: 'English' },

  'kbValidation.notAnEntry': {
    'zh-CN': '条目内容无法识别，请重新打开编辑页面再试。',
    en: 'This entry could not be read. Open the editor again and retry.',
  },
  'kbValidation.unknownField': {
    'zh-CN': '“{name}”不是条目的内容项，请删除。',
    en: '“{name}” is not part of an entry; remove it.',
  },
  'kbValidation.badId': {
    'zh-CN': '条目代码只能用小写英文字母、数字和下划线，例如 wage_arrears。',
    en: 'The entry id may only use lower-case letters, digits and underscores, for example wage_arrears.',
  },
  'kbValidation.textMissingAll': {
    'zh-CN': '“{field}”需要填写中文和英文两种内容。',
    en: '“{field}” needs a Chinese and an English text.',
  },
  'kbValidation.textMissing': {
    'zh-CN': '“{field}”缺少{language}内容。',
    en: '“{field}” has no {language} text.',
  },
  'kbValidation.answerTooLong': {
    'zh-CN': '{language}回答有 {count} 句，请控制在 {max} 句以内，其余写进“下一步”。',
    en: 'The {language} answer has {count} sentences; keep it to {max} and move the rest to “Next steps”.',
  },
  'kbValidation.listMissingAll': {
    'zh-CN': '“{field}”需要填写中文和英文两组内容。',
    en: '“{field}” needs a Chinese and an English list.',
  },
  'kbValidation.listMissing': {
    'zh-CN': '“{field}”缺少{language}内容，请每行填写一条。',
    en: '“{field}” has no {language} list; write one item per line.',
  },
  'kbValidation.listTooShort': {
    'zh-CN': '“{field}”的{language}内容只有 {count} 条，至少需要 {min} 条。',
    en: '“{field}” has {count} {language} items; at least {min} are needed.',
  },
  'kbValidation.unknownPlaceholder': {
    'zh-CN': '无法识别的占位符 {{name}}，只能使用：{allowed}。',
    en: 'Unknown placeholder {{name}}. Use one of: {allowed}.',
  },
  'kbValidation.questionNotChinese': {
    'zh-CN': '“{question}”不是中文，请移到英文问法里。',
    en: '“{question}” is not Chinese; move it to the English phrasings.',
  },
  'kbValidation.questionHasChinese': {
    'zh-CN': '“{question}”含有中文，请移到中文问法里。',
    en: '“{question}” contains Chinese; move it to the Chinese phrasings.',
  },
  'kbValidation.badTags': {
    'zh-CN': '搜索词请用逗号分隔，例如：欠薪, 工资, 12348。',
    en: 'Search words must be separated by commas, for example: 欠薪, wages, 12348.',
  },
  'kbValidation.badRelated': {
    'zh-CN': '相关条目请填写条目代码，用逗号分隔，例如：labor_arbitration, cost。',
    en: 'Related entries must be entry ids separated by commas, for example: labor_arbitration, cost.',
  },
  'kbValidation.relatedSelf': {
    'zh-CN': '条目不能把自己列为相关条目。',
    en: 'An entry cannot be related to itself.',
  },
  'kbValidation.relatedMissing': {
    'zh-CN': '相关条目“{id}”不存在。',
    en: 'Related entry “{id}” does not exist.',
  },
  'kbValidation.badReviewBy': {
    'zh-CN': '复核日期请写成“年-月-日”，例如 2027-06-30。',
    en: 'The review date must be written year-month-day, for example 2027-06-30.',
  },
  'kbValidation.questionTwice': {
    'zh-CN': '问法“{question}”重复填写了两次。',
    en: 'The phrasing “{question}” is listed twice.',
  },
  'kbValidation.questionTaken': {
    'zh-CN': '问法“{question}”已经属于条目“{owner}”，请改写，或从其中一个条目里删除。',
    en: 'The phrasing “{question}” already belongs to entry “{owner}”. Reword it or remove it from one of them.',
  },
  'kbValidation.idTwice': {
    'zh-CN': '条目代码“{id}”在这次保存的内容里出现了两次。',
    en: 'The entry id “{id}” appears twice in what you are saving.',
  },
  'kbValidation.idExists': {
    'zh-CN': '已经有条目使用代码“{id}”，请换一个代码，或直接编辑那个条目。',
    en: 'An entry with the id “{id}” already exists. Choose another id or edit that entry.',
  },
  'kbValidation.idUnknown': {
    'zh-CN': '没有代码为“{id}”的条目，可能已被删除。',
    en: 'There is no entry with the id “{id}”; it may have been removed.',
  },
  'kbValidation.idInAnotherFile': {
    'zh-CN': '另一个文件已经使用了条目代码“{id}”。',
    en: 'Another file already has the entry id “{id}”.',
  },
  'kbValidation.notYaml': {
    'zh-CN': '文件格式有误，无法读取：{detail}',
    en: 'The file is not valid YAML: {detail}',
  },
} as const satisfies Catalog;
