import { Alert } from '@chakra-ui/react';
import type { Handoff } from '../state';

/** Where the customer's request for a person stands: their place and wait, or who is with them, in the server's words (their language). */
export function HandoffBanner({ handoff, conversationId }: { handoff: Handoff | null; conversationId: string | null }) {
  if (handoff === null || (conversationId !== null && handoff.conversationId !== conversationId)) return null;
  const status = handoff.status === 'assigned' ? 'success' : handoff.status === 'queued' ? 'info' : 'neutral';
  return (
    <Alert.Root status={status} size="sm" borderRadius="0" data-testid="handoff" data-status={handoff.status} aria-live="polite">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>{handoff.title}</Alert.Title>
        <Alert.Description>{handoff.text}</Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}
