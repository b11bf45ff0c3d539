import { Badge, Box, Flex, Heading, Stack, Text } from '@chakra-ui/react';
import type { ServiceLevel } from '../protocol';
import { actionLabel, capitalize, sortTiers, tierRank, tierRows } from '../tiers';

export function TierPanel({ level, levels }: { level: ServiceLevel | null; levels: ServiceLevel[] | null }) {
  if (level === null) return null;
  const rows = tierRows(level, levels ?? []);
  const allowed = rows.filter((r) => r.allowed);
  const refused = rows.filter((r) => !r.allowed);
  const higher = sortTiers(levels ?? []).filter((l) => tierRank(l.level) > tierRank(level.level));

  return (
    <Box as="section" aria-labelledby="plan-heading" borderWidth="1px" borderColor="border" borderRadius="l3" bg="bg.panel" p={4}>
      <Flex justify="space-between" align="baseline" gap={2} wrap="wrap">
        <Heading as="h2" id="plan-heading" size="md">
          Your plan: {capitalize(level.level)}
        </Heading>
      </Flex>
      <Text fontSize="sm" color="fg.muted" mb={3}>
        {capitalize(level.supportPriority)} support · up to {level.maxDevices} device{level.maxDevices === 1 ? '' : 's'}
      </Text>

      <Heading as="h3" size="sm" mb={1}>
        Included
      </Heading>
      <Stack as="ul" gap={1} listStyleType="none" m={0} p={0} mb={3} fontSize="sm" data-testid="allowed-actions">
        {allowed.map((r) => (
          <Flex as="li" key={r.action} gap={2} data-action={r.action}>
            <Text as="span" color="fg.success" aria-hidden="true">
              ✓
            </Text>
            <span>{r.label}</span>
          </Flex>
        ))}
      </Stack>

      {refused.length > 0 && (
        <>
          <Heading as="h3" size="sm" mb={1}>
            Not included
          </Heading>
          <Stack as="ul" gap={1} listStyleType="none" m={0} p={0} fontSize="sm" data-testid="refused-actions">
            {refused.map((r) => (
              <Flex as="li" key={r.action} gap={2} wrap="wrap" data-action={r.action}>
                <Text as="span" color="fg.error" aria-hidden="true">
                  ✕
                </Text>
                <span>{r.label}</span>
                {r.upgradeTo && (
                  <Badge colorPalette="purple" variant="outline" size="sm">
                    with {capitalize(r.upgradeTo)}
                  </Badge>
                )}
              </Flex>
            ))}
          </Stack>
        </>
      )}

      {higher.length > 0 && (
        <Stack gap={1} mt={3} fontSize="sm" color="fg.muted">
          {higher.map((l) => {
            const adds = l.allowedActions.filter((a) => !level.allowedActions.includes(a));
            return (
              <Text key={l.level}>
                <Text as="span" fontWeight="semibold" color="fg">
                  {capitalize(l.level)}
                </Text>
                : {capitalize(l.supportPriority)} support, up to {l.maxDevices} devices
                {adds.length > 0 ? `, adds ${adds.map((a) => actionLabel(a).toLowerCase()).join(', ')}` : ''}.
              </Text>
            );
          })}
        </Stack>
      )}
    </Box>
  );
}
