import { describe, expect, it } from 'vitest';
import { parseUpgradeDemandFrame } from './protocol';
import { sampleReport } from './testing';
import { actionBars, countsText, dayBars, dayLabel, demandSummary, upgradeBars, WHOLE_TIER_LABEL } from './upgradeDemand';

describe('upgrade demand shaped for charts', () => {
  it('labels actions in plain words and a tier-only question as such, longest bar full length', () => {
    expect(actionBars(sampleReport())).toEqual([
      { key: 'music_services', label: 'Play, pause and skip music', refusals: 3, questions: 1, total: 4, share: 1 },
      { key: '(tier)', label: WHOLE_TIER_LABEL, refusals: 0, questions: 2, total: 2, share: 0.5 },
    ]);
  });

  it('names upgrades from -> to and days as UTC dates, quiet days kept with zero length', () => {
    expect(upgradeBars(sampleReport()).map((b) => [b.label, b.share])).toEqual([
      ['Basic → Premium', 1],
      ['Basic → Enterprise', 0.5],
    ]);
    expect(dayBars(sampleReport()).map((b) => [b.label, b.total, b.share])).toEqual([
      ['2 Nov', 2, 0.5],
      ['3 Nov', 0, 0],
      ['4 Nov', 4, 1],
    ]);
    expect(dayLabel('not a day')).toBe('not a day');
  });

  it('says the totals in a sentence, and says plainly when there is nothing', () => {
    expect(demandSummary(sampleReport())).toBe('6 upgrade requests from 2 Nov to 4 Nov: 3 refusals, 3 questions.');
    const quiet = sampleReport({ from: '2026-11-02', to: '2026-11-02', byAction: [], byUpgrade: [], byDay: [], totals: { refusals: 0, questions: 0, total: 0 } });
    expect(demandSummary(quiet)).toBe('No upgrade demand on 2 Nov.');
    expect(actionBars(quiet)).toEqual([]);
    expect(countsText({ refusals: 1, questions: 0, total: 1 })).toBe('1 (1 refused, 0 asked)');
  });
});

describe('parseUpgradeDemandFrame', () => {
  it('reads the frame the server documents', () => {
    const frame = { type: 'upgradeDemand', ...sampleReport() };
    expect(parseUpgradeDemandFrame(JSON.parse(JSON.stringify(frame)))).toEqual({ ok: true, frame });
  });

  it('refuses a frame of the wrong shape with the field that is wrong', () => {
    const good = { type: 'upgradeDemand', ...sampleReport() };
    expect(parseUpgradeDemandFrame({ ...good, totals: undefined })).toEqual({ ok: false, error: 'upgradeDemand.totals must be an object' });
    expect(parseUpgradeDemandFrame({ ...good, byDay: [{ day: '2026-11-02', refusals: -1, questions: 0, total: -1 }] })).toEqual({
      ok: false,
      error: 'upgradeDemand.byDay[0]: counts must not be negative',
    });
    expect(parseUpgradeDemandFrame({ ...good, type: 'profile' }).ok).toBe(false);
    expect(parseUpgradeDemandFrame('nope').ok).toBe(false);
  });
});
