// Upgrade demand shaped for charts: labels in plain words, bar lengths, and the summary sentence.
// Pure functions over the report of the staff frame `upgradeDemand` (docs/protocol.md), so they are tested without a DOM.

import type { ActionDemand, DemandCounts, UpgradeDemandReport } from './protocol';
import { actionLabel } from './tiers';
import { capitalize } from './words';

/** One bar: what it stands for, its counts, and its length as a share (0..1) of the chart's longest bar. */
export interface DemandBar extends DemandCounts {
  key: string;
  label: string;
  share: number;
}

export const WHOLE_TIER_LABEL = 'A whole tier (no single action)';

export function actionDemandLabel(action: ActionDemand['action']): string {
  return action === null ? WHOLE_TIER_LABEL : actionLabel(action);
}

/** `2026-11-02` -> `2 Nov` (the day is a UTC date, shown as such whatever the viewer's time zone). */
export function dayLabel(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

function bars<T extends DemandCounts>(rows: T[], key: (row: T) => string, label: (row: T) => string): DemandBar[] {
  const longest = Math.max(0, ...rows.map((r) => r.total));
  return rows.map((r) => ({
    key: key(r),
    label: label(r),
    refusals: r.refusals,
    questions: r.questions,
    total: r.total,
    share: longest === 0 ? 0 : r.total / longest,
  }));
}

export function actionBars(report: UpgradeDemandReport): DemandBar[] {
  return bars(report.byAction, (a) => a.action ?? '(tier)', (a) => actionDemandLabel(a.action));
}

export function upgradeBars(report: UpgradeDemandReport): DemandBar[] {
  return bars(report.byUpgrade, (u) => `${u.fromTier}->${u.toTier}`, (u) => `${capitalize(u.fromTier)} → ${capitalize(u.toTier)}`);
}

export function dayBars(report: UpgradeDemandReport): DemandBar[] {
  return bars(report.byDay, (d) => d.day, (d) => dayLabel(d.day));
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "5 upgrade requests from 2 Nov to 8 Nov: 3 refusals, 2 questions." */
export function demandSummary(report: UpgradeDemandReport): string {
  const range = report.from === report.to ? `on ${dayLabel(report.from)}` : `from ${dayLabel(report.from)} to ${dayLabel(report.to)}`;
  if (report.totals.total === 0) return `No upgrade demand ${range}.`;
  return `${plural(report.totals.total, 'upgrade request', 'upgrade requests')} ${range}: `
    + `${plural(report.totals.refusals, 'refusal', 'refusals')}, ${plural(report.totals.questions, 'question', 'questions')}.`;
}

/** "5 (3 refused, 2 asked)": a bar's numbers as text. */
export function countsText(c: DemandCounts): string {
  return `${c.total} (${c.refusals} refused, ${c.questions} asked)`;
}
