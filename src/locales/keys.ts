import type { Catalog } from './catalog.js';

/** Texts of `fayuan keys` (the data key of encryption at rest; docs/privacy.md). */
export const keyMessages = {
  'keys.usage': {
    'zh-CN': '用法：fayuan keys rotate | fayuan keys show-id',
    en: 'Usage: fayuan keys rotate | fayuan keys show-id',
  },
  'keys.id': { 'zh-CN': '当前数据密钥编号：{id}（{source}）', en: 'Current data key id: {id} ({source})' },
  'keys.source.env': { 'zh-CN': '来自 FAYUAN_DATA_KEY', en: 'from FAYUAN_DATA_KEY' },
  'keys.source.file': { 'zh-CN': '来自密钥文件 {file}', en: 'from the key file {file}' },
  'keys.env.needs_old': {
    'zh-CN':
      '使用 FAYUAN_DATA_KEY 时，请先停止机器人，把新密钥写入 FAYUAN_DATA_KEY、旧密钥写入 FAYUAN_DATA_KEY_OLD，再运行 fayuan keys rotate；完成后删除 FAYUAN_DATA_KEY_OLD。',
    en: 'With FAYUAN_DATA_KEY: stop the bot, put the new key in FAYUAN_DATA_KEY and the old one in FAYUAN_DATA_KEY_OLD, then run fayuan keys rotate; remove FAYUAN_DATA_KEY_OLD when it is done.',
  },
  'keys.rotated': {
    'zh-CN': '已换用新数据密钥 {id}：重新加密了 {values} 项数据和 {files} 个文件。请立即备份新密钥（{where}）；旧密钥已不再需要。',
    en: 'Now using data key {id}: {values} values and {files} files encrypted again. Back up the new key now ({where}); the old key is no longer needed.',
  },
} satisfies Catalog;
