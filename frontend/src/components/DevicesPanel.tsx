import type { ReactNode } from 'react';
import { Badge, Box, Flex, Heading, HStack, Stack, Text } from '@chakra-ui/react';
import { useTexts } from '../i18n';
import type { Device, ServiceLevel } from '../protocol';
import { hasSpeaker } from '../tiers';

function Row({ label, children, field }: { label: string; children: ReactNode; field: string }) {
  return (
    <>
      <Box as="dt" color="fg.muted">
        {label}
      </Box>
      <Box as="dd" m={0} data-field={field} minW="0">
        {children}
      </Box>
    </>
  );
}

function DeviceCard({ d, changed }: { d: Device; changed: boolean }) {
  const t = useTexts();
  const speaker = hasSpeaker(d);
  return (
    <Box as="li" borderWidth="1px" borderColor="border" borderRadius="l2" p={3} data-testid="device" data-device-id={d.id}>
      <Flex justify="space-between" gap={2} align="flex-start" wrap="wrap">
        <Stack gap={0} minW="0">
          <Heading as="h3" size="sm">
            {d.name}
          </Heading>
          <Text fontSize="sm" color="fg.muted">
            {t.deviceTypes[d.type]}
          </Text>
        </Stack>
        <HStack gap={1}>
          {changed && (
            <Badge colorPalette="blue" variant="subtle">
              {t.updated}
            </Badge>
          )}
          <Badge colorPalette={d.status === 'online' ? 'green' : 'gray'} variant="subtle">
            {d.status === 'online' ? t.online : t.deviceOffline}
          </Badge>
        </HStack>
      </Flex>
      <Box as="dl" display="grid" gridTemplateColumns="auto 1fr" columnGap={3} rowGap={1} mt={2} fontSize="sm">
        <Row label={t.room} field="room">
          {t.roomName(d.location)}
        </Row>
        <Row label={t.power} field="power">
          {d.power === 'on' ? t.on : t.off}
        </Row>
        {speaker ? (
          <>
            <Row label={t.volume} field="volume">
              <Flex align="center" gap={2}>
                <span>{d.volume}</span>
                <Box flex="1" maxW="32" h="1.5" bg="bg.emphasized" borderRadius="full" aria-hidden="true">
                  <Box h="full" w={`${d.volume}%`} bg="teal.solid" borderRadius="full" transition="width 0.3s" />
                </Box>
              </Flex>
            </Row>
            <Row label={t.playing} field="playing">
              {d.nowPlaying ?? t.nothing}
            </Row>
          </>
        ) : (
          <Row label={t.audio} field="audio">
            {t.noSpeaker}
          </Row>
        )}
      </Box>
    </Box>
  );
}

export function DevicesPanel({
  devices,
  changes,
  level,
}: {
  devices: Device[];
  changes: Record<string, number>;
  level: ServiceLevel | null;
}) {
  const t = useTexts();
  return (
    <Box as="section" aria-labelledby="devices-heading" borderWidth="1px" borderColor="border" borderRadius="l3" bg="bg.panel" p={4}>
      <Flex justify="space-between" align="baseline" mb={3} gap={2} wrap="wrap">
        <Heading as="h2" id="devices-heading" size="md">
          {t.yourDevices}
        </Heading>
        {level && (
          <Text fontSize="sm" color="fg.muted">
            {t.devicesOnPlan(devices.length, level.maxDevices)}
          </Text>
        )}
      </Flex>
      {devices.length === 0 ? (
        <Text color="fg.muted">{level ? t.noDevices : t.loading}</Text>
      ) : (
        <Stack as="ul" gap={2} listStyleType="none" m={0} p={0} aria-live="off">
          {devices.map((d) => (
            <DeviceCard key={d.id} d={d} changed={(changes[d.id] ?? 0) > 0} />
          ))}
        </Stack>
      )}
    </Box>
  );
}
