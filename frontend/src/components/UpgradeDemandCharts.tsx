import { Box, Flex, Heading, Stack, Table, Text } from '@chakra-ui/react';
import { useId } from 'react';
import type { UpgradeDemandReport } from '../protocol';
import { actionBars, countsText, dayBars, demandSummary, upgradeBars, type DemandBar } from '../upgradeDemand';

// Refusals and questions keep one colour each across the three charts; the legend names them.
const REFUSAL_FILL = 'var(--chakra-colors-orange-solid)';
const QUESTION_FILL = 'var(--chakra-colors-blue-solid)';

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 320;
const VALUE_WIDTH = 48;

/**
 * The support console's upgrade demand: what customers wanted beyond their plan (refused by the gate or asked about),
 * by action, by tier upgrade and by day. Props-driven: give it the report of a staff `upgradeDemand` frame.
 */
export function UpgradeDemandCharts({ report }: { report: UpgradeDemandReport }) {
  const headingId = useId();
  const empty = report.totals.total === 0;
  return (
    <Box as="section" aria-labelledby={headingId} borderWidth="1px" borderColor="border" borderRadius="l3" bg="bg.panel" p={4}>
      <Heading as="h2" id={headingId} size="md">
        Upgrade demand
      </Heading>
      <Text fontSize="sm" color="fg.muted" mb={3} data-testid="demand-summary">
        {demandSummary(report)}
      </Text>
      {empty ? (
        <Text data-testid="demand-empty">
          Nothing to chart yet: no customer was refused for their plan or asked about a higher one in these days.
        </Text>
      ) : (
        <Stack gap={6}>
          <Legend />
          <HorizontalBars title="Wanted actions" bars={actionBars(report)} testId="demand-by-action" />
          <HorizontalBars title="Upgrades wanted (from → to)" bars={upgradeBars(report)} testId="demand-by-upgrade" />
          <DayColumns bars={dayBars(report)} />
        </Stack>
      )}
    </Box>
  );
}

function Legend() {
  return (
    <Flex gap={4} fontSize="sm" aria-hidden="true">
      <Flex align="center" gap={1}>
        <svg width="12" height="12">
          <rect width="12" height="12" fill={REFUSAL_FILL} />
        </svg>
        Refused for the plan
      </Flex>
      <Flex align="center" gap={1}>
        <svg width="12" height="12">
          <rect width="12" height="12" fill={QUESTION_FILL} />
        </svg>
        Asked about a plan
      </Flex>
    </Flex>
  );
}

/** A bar per row, refusals then questions stacked, with the label and the numbers written beside it. */
function HorizontalBars({ title, bars, testId }: { title: string; bars: DemandBar[]; testId: string }) {
  const titleId = useId();
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const height = bars.length * ROW_HEIGHT;
  return (
    <Box as="figure" m={0} data-testid={testId}>
      <Heading as="h3" size="sm" mb={2} id={titleId}>
        {title}
      </Heading>
      <Box overflowX="auto">
        <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
          <title>{`${title}: ${bars.map((b) => `${b.label} ${countsText(b)}`).join('; ')}`}</title>
          {bars.map((b, i) => {
            const y = i * ROW_HEIGHT;
            const refused = b.total === 0 ? 0 : (b.share * BAR_WIDTH * b.refusals) / b.total;
            const asked = b.total === 0 ? 0 : (b.share * BAR_WIDTH * b.questions) / b.total;
            return (
              <g key={b.key} data-bar={b.key}>
                <text x={0} y={y + 18} fontSize="13" fill="currentColor">
                  {b.label}
                </text>
                <rect x={LABEL_WIDTH} y={y + 5} width={refused} height={ROW_HEIGHT - 10} fill={REFUSAL_FILL} />
                <rect x={LABEL_WIDTH + refused} y={y + 5} width={asked} height={ROW_HEIGHT - 10} fill={QUESTION_FILL} />
                <text x={LABEL_WIDTH + refused + asked + 6} y={y + 18} fontSize="13" fill="currentColor">
                  {b.total}
                </text>
              </g>
            );
          })}
        </svg>
      </Box>
      <Numbers bars={bars} caption={title} />
    </Box>
  );
}

const DAYS_WIDTH = 560;
const CHART_HEIGHT = 120;
const MAX_COLUMN = 40;
const DAY_LABEL_SPACE = 48;

/** A column per day of the range, oldest first, with each day's total written above its column. */
function DayColumns({ bars }: { bars: DemandBar[] }) {
  const titleId = useId();
  // The chart keeps its size in pixels: a week gets wide columns, a year narrow ones, and the words never scale.
  const column = Math.min(MAX_COLUMN, DAYS_WIDTH / Math.max(bars.length, 1));
  const plot = Math.ceil(column * bars.length);
  // Room on the right for the last day's label, which starts at its column.
  const width = plot + DAY_LABEL_SPACE;
  const height = CHART_HEIGHT + 34;
  const step = Math.max(1, Math.ceil(DAY_LABEL_SPACE / column));
  const gap = Math.min(6, column / 4);
  return (
    <Box as="figure" m={0} data-testid="demand-by-day">
      <Heading as="h3" size="sm" mb={2} id={titleId}>
        Per day (UTC)
      </Heading>
      <Box overflowX="auto">
        <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
          <title>{`Per day: ${bars.map((b) => `${b.label} ${b.total}`).join(', ')}`}</title>
          <line x1={0} x2={plot} y1={14 + CHART_HEIGHT} y2={14 + CHART_HEIGHT} stroke="currentColor" strokeOpacity={0.3} />
          {bars.map((b, i) => {
            const x = i * column + gap / 2;
            const refused = b.total === 0 ? 0 : (b.share * CHART_HEIGHT * b.refusals) / b.total;
            const asked = b.total === 0 ? 0 : (b.share * CHART_HEIGHT * b.questions) / b.total;
            const top = 14 + CHART_HEIGHT - refused - asked;
            return (
              <g key={b.key} data-bar={b.key}>
                <rect x={x} y={top + asked} width={column - gap} height={refused} fill={REFUSAL_FILL} />
                <rect x={x} y={top} width={column - gap} height={asked} fill={QUESTION_FILL} />
                {b.total > 0 && column >= 14 && (
                  <text x={x + (column - gap) / 2} y={top - 3} fontSize="11" textAnchor="middle" fill="currentColor">
                    {b.total}
                  </text>
                )}
                {i % step === 0 && (
                  <text x={i * column} y={height - 6} fontSize="11" fill="currentColor">
                    {b.label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </Box>
      <Numbers bars={bars.filter((b) => b.total > 0)} caption="Per day (UTC)" />
    </Box>
  );
}

/** The chart's numbers as a table: what a screen reader reads and anyone can copy. */
function Numbers({ bars, caption }: { bars: DemandBar[]; caption: string }) {
  return (
    <Table.Root size="sm" mt={2} variant="outline" maxW="xl">
      <Table.Caption srOnly>{caption}</Table.Caption>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeader scope="col"> </Table.ColumnHeader>
          <Table.ColumnHeader scope="col" textAlign="end">
            Refused
          </Table.ColumnHeader>
          <Table.ColumnHeader scope="col" textAlign="end">
            Asked
          </Table.ColumnHeader>
          <Table.ColumnHeader scope="col" textAlign="end">
            Total
          </Table.ColumnHeader>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {bars.map((b) => (
          <Table.Row key={b.key} data-row={b.key}>
            <Table.Cell as="th" scope="row" fontWeight="normal">
              {b.label}
            </Table.Cell>
            <Table.Cell textAlign="end">{b.refusals}</Table.Cell>
            <Table.Cell textAlign="end">{b.questions}</Table.Cell>
            <Table.Cell textAlign="end">{b.total}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table.Root>
  );
}
