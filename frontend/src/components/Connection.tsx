import { useEffect, useState } from 'react';
import { Badge, Box, Button, Flex, Text } from '@chakra-ui/react';
import type { ConnectionStatus } from '../client';
import { TEXTS, useTexts, type Texts } from '../i18n';

function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function connectionLabel(status: ConnectionStatus, t: Texts = TEXTS.en): string {
  switch (status.phase) {
    case 'open':
      return t.connected;
    case 'connecting':
      return status.everOpened || status.failures > 0 ? t.reconnecting : t.connecting;
    case 'waiting':
      return t.offline;
    case 'stopped':
      return t.disconnected;
  }
}

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const t = useTexts();
  const palette = status.phase === 'open' ? 'green' : status.phase === 'waiting' ? 'red' : 'yellow';
  return (
    <Badge colorPalette={palette} variant="subtle" size={{ base: 'sm', sm: 'md' }} flexShrink={0} role="status" data-testid="connection-state" data-phase={status.phase}>
      <Box as="span" w="2" h="2" borderRadius="full" bg="currentColor" aria-hidden="true" />
      {connectionLabel(status, t)}
    </Badge>
  );
}

/** Shown in the chat while it is not connected: what happens and a way to try now. */
export function ConnectionBanner({ status, onReconnect }: { status: ConnectionStatus; onReconnect: () => void }) {
  const t = useTexts();
  const seconds = useSecondsUntil(status.phase === 'waiting' ? status.retryAt : null);
  if (status.phase === 'open' || (status.phase === 'connecting' && !status.everOpened && status.failures === 0)) return null;
  const refusedHint = !status.everOpened && status.failures >= 3 ? ` ${t.refusedHint}` : '';
  return (
    <Flex
      align="center"
      gap={3}
      wrap="wrap"
      px={{ base: 3, md: 4 }}
      py={2}
      bg="bg.warning"
      color="fg.warning"
      borderBottomWidth="1px"
      borderColor="border.warning"
    >
      <Text fontSize="sm" flex="1" minW="12rem">
        {status.phase === 'waiting'
          ? `${t.connectionLost(seconds)}${refusedHint}`
          : status.phase === 'connecting'
            ? t.reconnecting
            : t.disconnectedSentence}
      </Text>
      {status.phase === 'waiting' && (
        <Button size="xs" variant="outline" onClick={onReconnect}>
          {t.reconnectNow}
        </Button>
      )}
    </Flex>
  );
}
