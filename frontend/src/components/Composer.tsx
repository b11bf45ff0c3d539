import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Box, Button, Field, Flex, Textarea } from '@chakra-ui/react';
import { useTexts } from '../i18n';
import { MESSAGE_MAX_LENGTH } from '../protocol';

export function Composer({
  onSend,
  suggestions,
  online,
}: {
  onSend: (text: string) => void;
  suggestions: string[];
  online: boolean;
}) {
  const t = useTexts();
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const trimmed = text.trim();
  const tooLong = trimmed.length > MESSAGE_MAX_LENGTH;
  const canSend = trimmed.length > 0 && !tooLong;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!canSend) return;
    onSend(trimmed);
    setText('');
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <Box borderTopWidth="1px" borderColor="border" px={{ base: 3, md: 4 }} py={3}>
      {suggestions.length > 0 && (
        <Flex
          role="group"
          aria-label={t.suggestionsLabel}
          gap={2}
          mb={2}
          wrap={{ base: 'nowrap', md: 'wrap' }}
          overflowX={{ base: 'auto', md: 'visible' }}
          pb={{ base: 1, md: 0 }}
          css={{ scrollbarWidth: 'thin' }}
        >
          {suggestions.map((s) => (
            <Button
              key={s}
              size="xs"
              variant="outline"
              borderRadius="full"
              onClick={() => onSend(s)}
              flexShrink={0}
              whiteSpace={{ base: 'nowrap', md: 'normal' }}
              h="auto"
              minH="6"
              py={1}
              textAlign="start"
            >
              {s}
            </Button>
          ))}
        </Flex>
      )}
      <form onSubmit={submit}>
        <Flex gap={2} align="flex-end">
          <Field.Root flex="1" invalid={tooLong}>
            <Field.Label srOnly>{t.messageLabel}</Field.Label>
            <Textarea
              ref={input}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              onKeyDown={onKeyDown}
              rows={1}
              autoresize
              maxH="8lh"
              placeholder={t.placeholder}
              autoComplete="off"
            />
            {tooLong && <Field.ErrorText>{t.tooLong(MESSAGE_MAX_LENGTH)}</Field.ErrorText>}
            {!online && !tooLong && (
              <Field.HelperText>{t.offlineHelp}</Field.HelperText>
            )}
          </Field.Root>
          <Button type="submit" colorPalette="teal" disabled={!canSend}>
            {t.send}
          </Button>
        </Flex>
      </form>
    </Box>
  );
}
