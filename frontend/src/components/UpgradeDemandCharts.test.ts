import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ChakraProvider, defaultSystem } from '@chakra-ui/react';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../testing';
import type { UpgradeDemandReport } from '../protocol';
import { UpgradeDemandCharts } from './UpgradeDemandCharts';

function render(report: UpgradeDemandReport): string {
  return renderToStaticMarkup(createElement(ChakraProvider, { value: defaultSystem, children: createElement(UpgradeDemandCharts, { report }) }));
}

function section(html: string, testId: string): string {
  const start = html.indexOf(`data-testid="${testId}"`);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf('</figure>', start);
  return html.slice(start, end);
}

describe('UpgradeDemandCharts', () => {
  it('draws the three charts with their labels and numbers as text', () => {
    const html = render(sampleReport());

    expect(html).toContain('6 upgrade requests from 2 Nov to 4 Nov: 3 refusals, 3 questions.');
    const byAction = section(html, 'demand-by-action');
    expect(byAction).toContain('role="img"');
    expect(byAction).toContain('<title>Wanted actions: Play, pause and skip music 4 (3 refused, 1 asked); A whole tier (no single action) 2 (0 refused, 2 asked)</title>');
    expect(byAction.match(/<g data-bar=/g)).toHaveLength(2);
    expect(byAction).toMatch(/data-row="music_services".*>3<.*>1<.*>4</s);

    const byUpgrade = section(html, 'demand-by-upgrade');
    expect(byUpgrade).toContain('Basic → Premium');
    expect(byUpgrade).toContain('Basic → Enterprise');

    const byDay = section(html, 'demand-by-day');
    expect(byDay.match(/<g data-bar=/g)).toHaveLength(3);
    // The quiet day has a column of no height and no row in the numbers table.
    expect(byDay).toContain('data-row="2026-11-04"');
    expect(byDay).not.toContain('data-row="2026-11-03"');
    expect(html).not.toContain('demand-empty');
  });

  it('bars are as long as their counts: the longest fills the bar area, half the count half the length', () => {
    const byAction = section(render(sampleReport()), 'demand-by-action');
    const widths = [...byAction.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));

    // music: 3 refused + 1 asked of the full 320; the tier question: 0 + 2 asked = half.
    expect(widths).toEqual([240, 80, 0, 160]);
  });

  it('shows an empty state instead of empty charts', () => {
    const html = render(
      sampleReport({ byAction: [], byUpgrade: [], byDay: [{ day: '2026-11-02', refusals: 0, questions: 0, total: 0 }], totals: { refusals: 0, questions: 0, total: 0 } }),
    );

    expect(html).toContain('data-testid="demand-empty"');
    expect(html).toContain('No upgrade demand from 2 Nov to 4 Nov.');
    expect(html).not.toContain('<svg role="img"');
  });
});
