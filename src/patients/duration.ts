import type { Lang } from '../schema/common';

/** "6 hours", "3 days", "2 weeks", "4 months" — the way a patient would say how long. */
export function formatDuration(days: number, lang: Lang): string {
  const unit = (n: number, en: string, zh: string): string => (lang === 'zh' ? `${n}${zh}` : `${n} ${en}${n === 1 ? '' : 's'}`);
  if (days < 1) return unit(Math.max(1, Math.round(days * 24)), 'hour', '小时');
  if (days < 14) return unit(Math.round(days), 'day', '天');
  if (days < 60) return unit(Math.round(days / 7), 'week', '周');
  if (days < 730) return unit(Math.round(days / 30), 'month', '个月');
  return unit(Math.round(days / 365), 'year', '年');
}
