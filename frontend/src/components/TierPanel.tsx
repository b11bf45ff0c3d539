import { Badge, Box, Flex, Heading, Stack, Text } from '@chakra-ui/react';
import { useLanguage, useTexts } from '../i18n';
import type { ServiceLevel } from '../protocol';
import { actionLabel, sortTiers, tierRank, tierRows } from '../tiers';
import { capitalize } from '../words';

export function TierPanel({ level, levels }: { level: ServiceLevel | null; levels: ServiceLevel[] | null }) {
  const language = useLanguage();
  const t = useTexts();
  if (level === null) return null;
  const rows = tierRows(level, levels ?? [], language);
  const allowed = rows.filter((r) => r.allowed);
  const refused = rows.filter((r) => !r.allowed);
  const higher = sortTiers(levels ?? []).filter((l) => tierRank(l.level) > tierRank(level.level));

  return (
    <Box as="section" aria-labelledby="plan-heading" borderWidth="1px" borderColor="border" borderRadius="l3" bg="bg.panel" p={4}>
      <Flex justify="space-between" align="baseline" gap={2} wrap="wrap">
        <Heading as="h2" id="plan-heading" size="md">
          {t.yourPlan(capitalize(level.level))}
        </Heading>
      </Flex>
      <Text fontSize="sm" color="fg.muted" mb={3}>
        {t.planLine(level.supportPriority, level.maxDevices)}
      </Text>

      <Heading as="h3" size="sm" mb={1}>
        {t.included}
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
            {t.notIncluded}
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
                    {t.withTier(capitalize(r.upgradeTo))}
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
                {t.higherTier(l.supportPriority, l.maxDevices, adds.map((a) => actionLabel(a, language)))}
              </Text>
            );
          })}
        </Stack>
      )}
    </Box>
  );
}
