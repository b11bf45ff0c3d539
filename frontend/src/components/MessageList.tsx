import { useEffect, useLayoutEffect, useRef } from 'react';
import { Badge, Box, Button, Flex, HStack, Spinner, Stack, Text, VisuallyHidden } from '@chakra-ui/react';
import { useLanguage, useTexts, type Texts } from '../i18n';
import type { ActionResult, Device } from '../protocol';
import { streamingText, type ChatMessage, type ChatState } from '../state';
import { actionLabel } from '../tiers';

function time(ts: string | null): string {
  if (ts === null) return '';
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function ActionLine({ a, devices }: { a: ActionResult; devices: Device[] }) {
  const t = useTexts();
  const language = useLanguage();
  const device = a.deviceId === null ? undefined : devices.find((d) => d.id === a.deviceId);
  return (
    <Box as="li" display="flex" gap={2} alignItems="flex-start" data-testid="action" data-allowed={a.allowed}>
      <Badge colorPalette={a.allowed ? 'green' : 'red'} variant="subtle" flexShrink={0} mt="0.5">
        <span aria-hidden="true">{a.allowed ? '✓' : '✕'}</span>
        {a.allowed ? t.done : t.refused}
      </Badge>
      <Text fontSize="sm" minW="0">
        <Text as="span" fontWeight="semibold">
          {actionLabel(a.action, language)}
          {device ? ` · ${device.name}` : a.deviceId ? ` · ${a.deviceId}` : ''}
        </Text>
        {a.result ? <> ({a.result})</> : null}
      </Text>
    </Box>
  );
}

function BotBubble({ m, devices }: { m: ChatMessage; devices: Device[] }) {
  const t = useTexts();
  const refusedWithoutDetail = m.allowed === false && m.actions.length === 0;
  return (
    <Box as="li" alignSelf="flex-start" maxW={{ base: '92%', md: '80%' }} data-testid="bot-message">
      <Box bg="bg.muted" borderRadius="l3" borderTopLeftRadius="0" px={3} py={2}>
        <VisuallyHidden>{t.botSaid}</VisuallyHidden>
        <Text whiteSpace="pre-wrap" overflowWrap="anywhere">
          {m.text}
        </Text>
        {m.actions.length > 0 && (
          <Box mt={2} pt={2} borderTopWidth="1px" borderColor="border">
            <VisuallyHidden>{t.whatWasDone}</VisuallyHidden>
            <Stack as="ul" gap={1} listStyleType="none" aria-label={t.actionsLabel}>
              {m.actions.map((a, i) => (
                <ActionLine key={i} a={a} devices={devices} />
              ))}
            </Stack>
          </Box>
        )}
        {refusedWithoutDetail && (
          <Badge mt={2} colorPalette="red" variant="subtle">
            {t.notAllowedOnPlan}
          </Badge>
        )}
      </Box>
      <Text fontSize="xs" color="fg.muted" mt={1}>
        ServiceBot{m.source === 'offline' ? t.offlineAssistant : ''} {time(m.timestamp)}
      </Text>
    </Box>
  );
}

/** A person of the support team, named, set apart from the bot. */
function AgentBubble({ m }: { m: ChatMessage }) {
  const t = useTexts();
  const name = m.agentName ?? t.supportTeam;
  return (
    <Box as="li" alignSelf="flex-start" maxW={{ base: '92%', md: '80%' }} data-testid="agent-message">
      <Box bg="blue.subtle" borderRadius="l3" borderTopLeftRadius="0" px={3} py={2} borderLeftWidth="3px" borderColor="blue.solid">
        <VisuallyHidden>{t.agentSaid(name)}</VisuallyHidden>
        <Text whiteSpace="pre-wrap" overflowWrap="anywhere">
          {m.text}
        </Text>
      </Box>
      <Text fontSize="xs" color="fg.muted" mt={1}>
        <Text as="span" fontWeight="semibold" color="fg" data-testid="agent-name">
          {name}
        </Text>{' '}
        · {t.agentByline} {time(m.timestamp)}
      </Text>
    </Box>
  );
}

function statusWords(m: ChatMessage, t: Texts): string {
  switch (m.status) {
    case 'queued':
      return t.queued;
    case 'sending':
      return t.sending;
    case 'stored':
      return t.delivered;
    case 'answered':
      return t.delivered;
    case 'failed':
      return t.notSent;
    default:
      return '';
  }
}

function CustomerBubble({ m, onRetry }: { m: ChatMessage; onRetry: (id: string) => void }) {
  const t = useTexts();
  const failed = m.status === 'failed';
  return (
    <Box as="li" alignSelf="flex-end" maxW={{ base: '92%', md: '80%' }} data-testid="customer-message" data-status={m.status ?? ''}>
      <Box
        bg="teal.solid"
        color="teal.contrast"
        borderRadius="l3"
        borderTopRightRadius="0"
        px={3}
        py={2}
        opacity={m.status === 'queued' ? 0.75 : 1}
      >
        <VisuallyHidden>{t.youSaid}</VisuallyHidden>
        <Text whiteSpace="pre-wrap" overflowWrap="anywhere">
          {m.text}
        </Text>
      </Box>
      <Flex fontSize="xs" color={failed ? 'fg.error' : 'fg.muted'} mt={1} gap={2} justify="flex-end" align="center" wrap="wrap">
        <span>
          {statusWords(m, t)}
          {m.timestamp ? ` · ${time(m.timestamp)}` : ''}
        </span>
        {failed && m.error && <span>{m.error}</span>}
        {failed && m.clientMessageId && (
          <Button size="2xs" variant="outline" onClick={() => onRetry(m.clientMessageId as string)}>
            {t.retry}
          </Button>
        )}
      </Flex>
    </Box>
  );
}

export function MessageList({ state, onRetry }: { state: ChatState; onRetry: (id: string) => void }) {
  const t = useTexts();
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const streaming = streamingText(state);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [state.messages, streaming]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  return (
    <Box
      ref={scroller}
      as="section"
      aria-label={t.conversationLabel}
      tabIndex={0}
      flex="1"
      minH="0"
      overflowY="auto"
      px={{ base: 3, md: 4 }}
      py={3}
      focusRing="inside"
    >
      {state.messages.length === 0 && streaming === null && (
        <Text color="fg.muted" textAlign="center" mt={8}>
          {state.historyLoaded ? t.emptyChat : t.loadingConversation}
        </Text>
      )}
      <Stack as="ol" gap={3} listStyleType="none" m={0} p={0}>
        {state.messages.map((m) =>
          m.sender === 'bot' ? (
            <BotBubble key={m.key} m={m} devices={state.devices} />
          ) : m.sender === 'agent' ? (
            <AgentBubble key={m.key} m={m} />
          ) : (
            <CustomerBubble key={m.key} m={m} onRetry={onRetry} />
          ),
        )}
        {streaming !== null && (
          <Box as="li" alignSelf="flex-start" maxW={{ base: '92%', md: '80%' }} aria-busy="true" data-testid="streaming">
            <Box bg="bg.muted" borderRadius="l3" borderTopLeftRadius="0" px={3} py={2}>
              <Text whiteSpace="pre-wrap" overflowWrap="anywhere">
                {streaming}
              </Text>
            </Box>
            <HStack fontSize="xs" color="fg.muted" mt={1} gap={1}>
              <Spinner size="xs" /> <span>{t.botWriting}</span>
            </HStack>
          </Box>
        )}
      </Stack>
    </Box>
  );
}

