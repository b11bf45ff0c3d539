import { Alert, CloseButton, Stack } from '@chakra-ui/react';
import { useTexts } from '../i18n';
import type { Notice } from '../state';

export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: number) => void }) {
  const t = useTexts();
  if (notices.length === 0) return null;
  return (
    <Stack gap={2} px={{ base: 3, md: 4 }} pt={2}>
      {notices.map((n) => (
        <Alert.Root key={n.id} status={n.tone === 'error' ? 'error' : 'info'} size="sm" role="alert">
          <Alert.Indicator />
          <Alert.Content>
            <Alert.Description>{n.text}</Alert.Description>
          </Alert.Content>
          <CloseButton size="xs" aria-label={t.dismiss} onClick={() => onDismiss(n.id)} />
        </Alert.Root>
      ))}
    </Stack>
  );
}
