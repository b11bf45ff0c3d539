// What a tier allows, what it does not, and which tier would.

import { TEXTS, type Language } from './i18n';
import { SERVICE_ACTIONS, SERVICE_TIERS, type Device, type ServiceLevel } from './protocol';
import { humanize } from './words';

/** An action's label in the page's language; an action this page does not know is shown by its name. */
export function actionLabel(action: string, language: Language = 'en'): string {
  const labels: Record<string, string> = TEXTS[language].actions;
  return labels[action] ?? humanize(action);
}

export function tierRank(level: string): number {
  const i = (SERVICE_TIERS as readonly string[]).indexOf(level.toLowerCase());
  return i < 0 ? SERVICE_TIERS.length : i;
}

export function sortTiers(levels: ServiceLevel[]): ServiceLevel[] {
  return [...levels].sort((a, b) => tierRank(a.level) - tierRank(b.level));
}

/** The lowest tier above `current` that allows `action`, or null. */
export function upgradeTierFor(action: string, current: string, levels: ServiceLevel[]): string | null {
  const rank = tierRank(current);
  for (const l of sortTiers(levels)) {
    if (tierRank(l.level) > rank && l.allowedActions.includes(action)) return l.level;
  }
  return null;
}

export interface TierRow {
  action: string;
  label: string;
  allowed: boolean;
  /** For a refused action: the tier that would allow it. */
  upgradeTo: string | null;
}

/** Every known action (and any extra the server names), allowed first, in the product's order. */
export function tierRows(current: ServiceLevel, levels: ServiceLevel[], language: Language = 'en'): TierRow[] {
  const known: string[] = [...SERVICE_ACTIONS];
  for (const l of [current, ...levels]) for (const a of l.allowedActions) if (!known.includes(a)) known.push(a);
  const rows = known.map((action) => {
    const allowed = current.allowedActions.includes(action);
    return { action, label: actionLabel(action, language), allowed, upgradeTo: allowed ? null : upgradeTierFor(action, current.level, levels) };
  });
  return [...rows.filter((r) => r.allowed), ...rows.filter((r) => !r.allowed)];
}

export function hasSpeaker(device: Device): boolean {
  return device.type === 'SmartSpeaker' || device.type === 'SmartDisplay';
}
