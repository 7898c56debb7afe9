import type { readerEn } from './reader-en.js';

/** 关于服务器状态与理解的中文文案：追问被理解成什么、章节的其他语言版本、索引预热中、达到长度上限被截断的回答。 */
export const readerZh = {
  'understood.answering': '正在回答：',
  'understood.edit': '修改这个问题',
  'edition.label': '阅读语言',
  'mode.warming': '指南正在加载…',
  'mode.warmingTitle': '服务器仍在加载指南，几秒后即可提问。',
  'badge.truncatedTitle': '回答达到长度上限，在此处被截断；显示的内容仍已与引用核对。',
} satisfies Record<keyof typeof readerEn, string>;
