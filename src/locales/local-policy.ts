import type { Catalog } from './catalog.js';

/**
 * What the console's 本地政策 page hears from the server when an operator adds next year's 低保 standard:
 * one text per field that needs changing, and what happened when it was saved (or could not be).
 */
export const localPolicyMessages = {
  'policy.residence.urban': { 'zh-CN': '城镇', en: 'town' },
  'policy.residence.rural': { 'zh-CN': '农村', en: 'rural' },

  'policy.new.regionUnknown': { 'zh-CN': '没有这个地区，请重新打开本页再试。', en: 'There is no such region. Open this page again and retry.' },
  'policy.new.amountMissing': {
    'zh-CN': '请填写{residence}低保标准：每人每月多少元，例如 1250。',
    en: 'Give the {residence} 低保 standard: yuan per person per month, for example 1250.',
  },
  'policy.new.thresholdMissing': {
    'zh-CN': '请填写{residence}经济困难标准：每人每月多少元，例如 2500。',
    en: 'Give the {residence} hardship standard: yuan per person per month, for example 2500.',
  },
  'policy.new.amountNotNumber': {
    'zh-CN': '“{value}”不是金额。请只写数字，单位是元，例如 1250 或 1250.50。',
    en: '“{value}” is not an amount. Write only the number of yuan, for example 1250 or 1250.50.',
  },
  'policy.new.amountNotPositive': { 'zh-CN': '低保标准要大于 0 元。', en: 'The standard must be more than 0 yuan.' },
  'policy.new.amountTooPrecise': { 'zh-CN': '金额最多写到分（小数点后两位）。', en: 'Write the amount to the fen at most (two decimals).' },
  'policy.new.amountTooLarge': {
    'zh-CN': '每人每月 {value} 元太高了，请核对一下（最多 {max} 元）。',
    en: '{value} yuan per person per month looks too high; please check it (at most {max} yuan).',
  },
  'policy.new.dateMissing': { 'zh-CN': '请填写新标准从哪一天开始执行。', en: 'Give the day the new standard starts.' },
  'policy.new.dateInvalid': {
    'zh-CN': '“{value}”不是日期。请写成 年-月-日，例如 2027-01-01。',
    en: '“{value}” is not a date. Write it year-month-day, for example 2027-01-01.',
  },
  'policy.new.dateNotAfterCurrent': {
    'zh-CN': '新标准的开始日期要晚于现行标准的开始日期（{current}）。',
    en: 'The new standard must start after the standard in force now, which started on {current}.',
  },
  'policy.new.dateTaken': {
    'zh-CN': '从 {date} 起已经登记了一个标准。日期不同的新标准才能登记；要改正已登记的那个，请点它下面的“改正这个标准”。',
    en: 'A standard starting on {date} is already registered. A new standard needs a day of its own; to correct the registered one, press "Correct this standard" under it.',
  },
  'policy.new.dateTooFar': { 'zh-CN': '{date} 离今天超过三年，请核对年份。', en: '{date} is more than three years away; please check the year.' },
  'policy.new.citationMissing': {
    'zh-CN': '请写明依据，例如公布新标准的通知名称。',
    en: 'Give the basis, for example the title of the notice that published the new standard.',
  },
  'policy.new.citationTooLong': {
    'zh-CN': '依据写得太长了（{count} 个字），请只写通知的名称，{max} 个字以内。',
    en: 'The basis is too long ({count} characters); give only the title of the notice, at most {max} characters.',
  },
  'policy.new.citationEnMissing': {
    'zh-CN': '请也写上英文的依据（英文页面上显示）。',
    en: 'Give the basis in English too (the English pages show it).',
  },

  // Refusals of the whole change, as the page's error message.
  'policy.error.invalid': { 'zh-CN': '有 {count} 处需要修改，请看各项下面的说明。', en: '{count} field(s) need changing; see the note under each.' },
  'policy.error.changed': {
    'zh-CN': '本地政策刚刚被别人改过。请重新打开本页，看过最新内容后再登记。',
    en: 'The local policy was changed by someone else just now. Open this page again, check what it says and then add the standard.',
  },
  'policy.error.not_writable': {
    'zh-CN': '新标准没有保存：法援助手没有权限写入政策文件夹（{dir}）。请把这句话转给您的IT人员：“请让运行法援助手的账户可以写入这个文件夹和其中的 regions.yaml。”改好后，在本页重新保存即可，不需要重启。',
    en: 'The new standard was not saved: the assistant may not write to the policy folder ({dir}). Pass this on to your IT person: “Please let the account that runs the assistant write to this folder and to regions.yaml in it.” Then save again on this page; no restart is needed.',
  },
  'policy.error.pack_invalid': {
    'zh-CN': '新标准没有保存：政策文件夹里有别的问题，需要先改好。请让您的IT人员运行 fayuan policy check，它会说明是哪个文件、哪一行。',
    en: 'The new standard was not saved: something else in the policy folder needs fixing first. Ask your IT person to run fayuan policy check; it says which file and which line.',
  },
} as const satisfies Catalog;
