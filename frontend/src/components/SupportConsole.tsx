import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Badge, Box, Button, CloseButton, Flex, Heading, HStack, Stack, Text, Textarea, VisuallyHidden } from '@chakra-ui/react';
import { heldByMe, priorityWords, selectedEntry, waitedSeconds, waitedWords, type ConsoleMessage, type ConsoleState } from '../console';
import { MESSAGE_MAX_LENGTH, type QueueEntry } from '../protocol';
import type { Auth } from '../storage';
import { capitalize } from '../words';
import { DEMAND_DAYS, useConsole, type SupportConsole as Console } from '../useConsole';
import { AppHeader } from './AppHeader';
import { tierColor } from './ChatPage';
import { ConnectionBadge } from './Connection';
import { UpgradeDemandCharts } from './UpgradeDemandCharts';

function priorityColor(priority: string): string {
  switch (priority) {
    case 'dedicated':
      return 'purple';
    case 'priority':
      return 'orange';
    default:
      return 'gray';
  }
}

/** Re-renders every few seconds, so waiting times count on between queue updates. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

function time(ts: string | null): string {
  if (ts === null) return '';
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function QueueRow({ entry, state, now, onOpen }: { entry: QueueEntry; state: ConsoleState; now: number; onOpen: () => void }) {
  const selected = state.selected === entry.conversationId;
  const mine = heldByMe(state, entry);
  return (
    <Box as="li" listStyleType="none">
      <Box
        as="button"
        onClick={onOpen}
        w="full"
        textAlign="left"
        px={3}
        py={2}
        borderWidth="1px"
        borderRadius="l2"
        borderColor={selected ? 'teal.solid' : 'border'}
        bg={selected ? 'teal.subtle' : 'bg.panel'}
        _hover={{ bg: 'bg.muted' }}
        focusRing="outside"
        aria-current={selected ? 'true' : undefined}
        data-testid="queue-entry"
        data-conversation={entry.conversationId}
        data-priority={entry.supportPriority}
        data-status={entry.status}
      >
        <Flex justify="space-between" align="center" gap={2}>
          <HStack gap={2} minW="0">
            <Text fontWeight="bold" fontSize="lg" w="8" flexShrink={0} data-testid="queue-position">
              {entry.position === null ? '' : `#${entry.position}`}
            </Text>
            <Text fontWeight="semibold" truncate data-testid="queue-customer">
              {entry.customerName}
            </Text>
          </HStack>
          <Text fontSize="xs" color="fg.muted" flexShrink={0} data-testid="queue-waited">
            {entry.status === 'waiting' ? 'waiting' : 'asked'} {waitedWords(waitedSeconds(state, entry, now))}
            {entry.status === 'waiting' ? '' : ' ago'}
          </Text>
        </Flex>
        <HStack gap={1.5} mt={1} wrap="wrap">
          <Badge colorPalette={priorityColor(entry.supportPriority)} variant="solid" size="sm">
            {priorityWords(entry.supportPriority)}
          </Badge>
          <Badge colorPalette={tierColor(entry.tier)} variant="subtle" size="sm">
            {capitalize(entry.tier)}
          </Badge>
          {entry.status === 'assigned' ? (
            <Badge colorPalette={mine ? 'teal' : 'blue'} variant="outline" size="sm">
              {mine ? 'With you' : `With ${entry.staffName ?? 'a colleague'}`}
            </Badge>
          ) : (
            entry.expectedWaitMinutes !== null && (
              <Text fontSize="xs" color="fg.muted">
                customer told ~{entry.expectedWaitMinutes} min
              </Text>
            )
          )}
        </HStack>
      </Box>
    </Box>
  );
}

function TranscriptLine({ m }: { m: ConsoleMessage }) {
  const support = m.sender !== 'customer';
  const who = m.sender === 'customer' ? 'Customer' : m.sender === 'bot' ? 'ServiceBot' : (m.agentName ?? 'Support');
  return (
    <Box as="li" listStyleType="none" alignSelf={support ? 'flex-end' : 'flex-start'} maxW="85%" data-testid="transcript-message" data-sender={m.sender}>
      <Box
        px={3}
        py={2}
        borderRadius="l3"
        bg={m.sender === 'customer' ? 'bg.muted' : m.sender === 'agent' ? 'blue.subtle' : 'teal.subtle'}
      >
        <VisuallyHidden>{who} said: </VisuallyHidden>
        <Text whiteSpace="pre-wrap" overflowWrap="anywhere">
          {m.text}
        </Text>
      </Box>
      <Text fontSize="xs" color="fg.muted" mt={0.5} textAlign={support ? 'right' : 'left'}>
        {who} {time(m.timestamp)}
      </Text>
    </Box>
  );
}

function ReplyBox({ onReply, disabled }: { onReply: (text: string) => boolean; disabled: boolean }) {
  const [text, setText] = useState('');
  const trimmed = text.trim();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (onReply(trimmed)) setText('');
  };
  return (
    <form onSubmit={submit} aria-label="Reply to the customer">
      <Flex gap={2} align="flex-end">
        <Textarea
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
          }}
          placeholder="Write to the customer as yourself…"
          aria-label="Your reply"
          rows={2}
          maxLength={MESSAGE_MAX_LENGTH}
          autoresize
          disabled={disabled}
        />
        <Button type="submit" colorPalette="teal" disabled={disabled || trimmed === ''}>
          Send
        </Button>
      </Flex>
    </form>
  );
}

function TranscriptPanel({ console: c, now }: { console: Console; now: number }) {
  const { state } = c;
  const scroller = useRef<HTMLDivElement>(null);
  const t = state.transcript !== null && state.transcript.conversationId === state.selected ? state.transcript : null;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [t?.messages.length]);

  if (state.selected === null) {
    return (
      <Flex flex="1" align="center" justify="center" color="fg.muted" p={6} textAlign="center">
        Pick a conversation from the queue to read its transcript.
      </Flex>
    );
  }
  if (t === null) {
    return (
      <Flex flex="1" align="center" justify="center" color="fg.muted" p={6}>
        Loading the transcript…
      </Flex>
    );
  }

  const entry = selectedEntry(state);
  const mine = heldByMe(state, entry);
  const id = t.conversationId;
  const standing =
    entry === null
      ? 'No longer in the queue (handed back or closed).'
      : entry.status === 'waiting'
        ? `Waiting · #${entry.position ?? '?'} · ${waitedWords(waitedSeconds(state, entry, now))}`
        : mine
          ? 'You are handling this conversation. The bot stays silent until you hand it back.'
          : `${entry.staffName ?? 'A colleague'} is handling this conversation.`;

  return (
    <Flex direction="column" flex="1" minH="0">
      <Stack gap={1} px={4} py={3} borderBottomWidth="1px" borderColor="border">
        <HStack gap={2} wrap="wrap">
          <Heading as="h2" size="lg" data-testid="transcript-customer">
            {t.customer.name}
          </Heading>
          <Badge colorPalette={tierColor(t.customer.serviceLevel)} variant="solid">
            {capitalize(t.customer.serviceLevel)}
          </Badge>
        </HStack>
        <Text fontSize="sm" color="fg.muted" data-testid="transcript-standing">
          {standing}
        </Text>
        <HStack gap={2} mt={1} wrap="wrap">
          {entry?.status === 'waiting' && (
            <Button size="sm" colorPalette="teal" onClick={() => c.take(id)}>
              Take
            </Button>
          )}
          {mine && (
            <Button size="sm" variant="outline" onClick={() => c.handBack(id)}>
              Hand back to the bot
            </Button>
          )}
          {(mine || entry?.status === 'waiting') && (
            <Button size="sm" variant="outline" colorPalette="red" onClick={() => c.close(id)}>
              Close
            </Button>
          )}
        </HStack>
      </Stack>
      <Box ref={scroller} flex="1" minH="0" overflowY="auto" px={4} py={3} as="section" aria-label="Transcript" tabIndex={0}>
        <Stack as="ol" gap={2} m={0} p={0}>
          {t.messages.map((m) => (
            <TranscriptLine key={m.key} m={m} />
          ))}
        </Stack>
      </Box>
      {mine && (
        <Box borderTopWidth="1px" borderColor="border" px={4} py={3}>
          <ReplyBox onReply={(text) => c.reply(id, text)} disabled={c.status.phase !== 'open'} />
        </Box>
      )}
    </Flex>
  );
}

export function SupportConsole({ auth, onSignOut }: { auth: Auth; onSignOut: () => void }) {
  const c = useConsole(auth);
  const { state } = c;
  const now = useNow(5_000);
  const waiting = state.entries.filter((e) => e.status === 'waiting').length;

  return (
    <Flex direction="column" minH="100dvh">
      <AppHeader>
        <Text fontSize="sm" color="fg.muted" truncate data-testid="staff-name">
          {state.me ? `Support console · ${state.me.name}` : 'Support console'}
        </Text>
        <ConnectionBadge status={c.status} />
        <Button size={{ base: 'xs', sm: 'sm' }} variant="outline" onClick={onSignOut} flexShrink={0}>
          Sign out
        </Button>
      </AppHeader>
      {state.notices.length > 0 && (
        <Stack gap={2} px={{ base: 3, md: 6 }} pt={2} maxW="1440px" mx="auto" w="full">
          {state.notices.map((n) => (
            <Alert.Root key={n.id} status="error" size="sm" role="alert">
              <Alert.Indicator />
              <Alert.Content>
                <Alert.Description>{n.text}</Alert.Description>
              </Alert.Content>
              <CloseButton size="xs" aria-label="Dismiss" onClick={() => c.dismissNotice(n.id)} />
            </Alert.Root>
          ))}
        </Stack>
      )}
      <Flex
        flex="1"
        direction={{ base: 'column', lg: 'row' }}
        gap={4}
        w="full"
        maxW="1440px"
        mx="auto"
        px={{ base: 2, md: 6 }}
        py={{ base: 2, md: 4 }}
        minW="0"
      >
        <Box
          as="section"
          aria-labelledby="queue-heading"
          w={{ base: 'full', lg: '400px' }}
          flexShrink={0}
          borderWidth="1px"
          borderColor="border"
          borderRadius="l3"
          bg="bg.panel"
          p={3}
          h={{ lg: 'calc(100dvh - 90px)' }}
          overflowY={{ lg: 'auto' }}
        >
          <Flex justify="space-between" align="baseline" mb={2}>
            <Heading as="h1" size="md" id="queue-heading">
              Support queue
            </Heading>
            <Text fontSize="xs" color="fg.muted" data-testid="queue-summary">
              {waiting} waiting · {state.staffOnline} staff online
            </Text>
          </Flex>
          <Text fontSize="xs" color="fg.muted" mb={3}>
            Dedicated first, then priority, then standard; longest waiting first within each.
          </Text>
          {state.entries.length === 0 ? (
            <Text color="fg.muted" textAlign="center" py={6}>
              Nobody is waiting for a person right now.
            </Text>
          ) : (
            <Stack as="ol" gap={2} m={0} p={0} aria-label="Conversations in the queue">
              {state.entries.map((e) => (
                <QueueRow key={e.conversationId} entry={e} state={state} now={now} onOpen={() => c.open(e.conversationId)} />
              ))}
            </Stack>
          )}
        </Box>
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
          h={{ base: '70dvh', lg: 'calc(100dvh - 90px)' }}
          minH="420px"
        >
          <TranscriptPanel console={c} now={now} />
        </Box>
      </Flex>
      <Box
        as="section"
        aria-labelledby="demand-heading"
        w="full"
        maxW="1440px"
        mx="auto"
        px={{ base: 2, md: 6 }}
        pb={{ base: 2, md: 4 }}
        data-testid="upgrade-demand"
      >
        <Box borderWidth="1px" borderColor="border" borderRadius="l3" bg="bg.panel" p={3}>
          <Flex justify="space-between" align="baseline" mb={2} gap={2}>
            <Heading as="h2" size="md" id="demand-heading">
              Upgrade demand, last {DEMAND_DAYS} days
            </Heading>
            <Button size="xs" variant="outline" onClick={() => c.refreshDemand()}>
              Refresh
            </Button>
          </Flex>
          {state.demand === null ? (
            <Text color="fg.muted">Loading the report…</Text>
          ) : (
            <UpgradeDemandCharts report={state.demand} />
          )}
        </Box>
      </Box>
    </Flex>
  );
}
