import { useEffect, useState } from 'react';
import { Badge, Box, Button, Flex, Heading, HStack, Stack, Text, VisuallyHidden } from '@chakra-ui/react';
import { fetchServiceLevels } from '../api';
import type { ServiceLevel } from '../protocol';
import type { SavedSession } from '../storage';
import { useLanguage, useTexts } from '../i18n';
import { suggestions } from '../suggestions';
import { capitalize } from '../words';
import { useChat } from '../useChat';
import { AppHeader } from './AppHeader';
import { Composer } from './Composer';
import { ConnectionBanner, ConnectionBadge } from './Connection';
import { DevicesPanel } from './DevicesPanel';
import { HandoffBanner } from './HandoffBanner';
import { MessageList } from './MessageList';
import { Notices } from './Notices';
import { TierPanel } from './TierPanel';

export function tierColor(level: string): string {
  switch (level.toLowerCase()) {
    case 'enterprise':
      return 'purple';
    case 'premium':
      return 'orange';
    default:
      return 'gray';
  }
}

export function ChatPage({ session, onSignOut }: { session: SavedSession; onSignOut: () => void }) {
  const language = useLanguage();
  const t = useTexts();
  const chat = useChat(session, language);
  const { state, status } = chat;
  const [levels, setLevels] = useState<ServiceLevel[] | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    void fetchServiceLevels(abort.signal).then((l) => {
      if (!abort.signal.aborted) setLevels(l);
    });
    return () => abort.abort();
  }, []);

  const customer = state.customer;
  const level = state.serviceLevel;
  const quick = suggestions(state.devices, level, 5, language);

  return (
    <Flex direction="column" minH="100dvh">
      <AppHeader>
        <ConnectionBadge status={status} />
        <Button size={{ base: 'xs', sm: 'sm' }} variant="outline" onClick={onSignOut} flexShrink={0}>
          {t.signOut}
        </Button>
      </AppHeader>
      <Flex
        flex="1"
        direction={{ base: 'column', lg: 'row' }}
        gap={{ base: 3, md: 4 }}
        w="full"
        maxW="1440px"
        mx="auto"
        px={{ base: 2, md: 6 }}
        py={{ base: 2, md: 4 }}
        minW="0"
      >
        <Box
          as="main"
          flex="1"
          minW="0"
          display="flex"
          flexDirection="column"
          borderWidth="1px"
          borderColor="border"
          borderRadius="l3"
          bg="bg.panel"
          h={{ base: 'calc(100dvh - 64px)', lg: 'calc(100dvh - 90px)' }}
          minH="420px"
        >
          <Stack gap={0} px={{ base: 3, md: 4 }} py={3} borderBottomWidth="1px" borderColor="border">
            <HStack gap={2} wrap="wrap">
              <Heading as="h1" size={{ base: 'md', md: 'lg' }}>
                {customer ? customer.name : t.loadingProfile}
              </Heading>
              {level && (
                <Badge colorPalette={tierColor(level.level)} variant="solid" size="md" data-testid="tier">
                  <VisuallyHidden>{t.tierPrefix}</VisuallyHidden>
                  {capitalize(level.level)}
                </Badge>
              )}
            </HStack>
            <Text fontSize="sm" color="fg.muted">
              {level ? t.planLine(level.supportPriority, level.maxDevices) : t.chatLead}
            </Text>
          </Stack>
          <ConnectionBanner status={status} onReconnect={chat.reconnectNow} />
          <HandoffBanner handoff={state.handoff} conversationId={state.conversationId} />
          <Notices notices={state.notices} onDismiss={chat.dismissNotice} />
          <MessageList state={state} onRetry={chat.retry} />
          <Composer onSend={chat.send} suggestions={quick} online={status.phase === 'open'} />
        </Box>
        <Box as="aside" aria-label={t.devicesAndPlan} w={{ base: 'full', lg: '380px' }} flexShrink={0} minW="0">
          <Stack gap={{ base: 3, md: 4 }} h={{ lg: 'calc(100dvh - 90px)' }} overflowY={{ lg: 'auto' }}>
            <DevicesPanel devices={state.devices} changes={state.deviceChanges} level={level} />
            <TierPanel level={level} levels={levels} />
          </Stack>
        </Box>
      </Flex>
      <VisuallyHidden aria-live="polite" aria-atomic="true" data-testid="announcer">
        <span key={state.announcementSeq}>{state.announcement}</span>
      </VisuallyHidden>
    </Flex>
  );
}
