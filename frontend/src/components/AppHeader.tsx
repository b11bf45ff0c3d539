import type { ReactNode } from 'react';
import { Box, Button, Flex, HStack, Text } from '@chakra-ui/react';
import { useColorMode } from '../colorMode';
import { useTexts } from '../i18n';

function Logo() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#0f766e" />
      <path d="M8 11a3 3 0 0 1 3-3h10a3 3 0 0 1 3 3v7a3 3 0 0 1-3 3h-6l-5 4v-4a3 3 0 0 1-2-3z" fill="#fff" />
      <circle cx="13" cy="14.5" r="1.5" fill="#0f766e" />
      <circle cx="19" cy="14.5" r="1.5" fill="#0f766e" />
    </svg>
  );
}

export function ColorModeToggle() {
  const { mode, toggle } = useColorMode();
  const t = useTexts();
  const dark = mode === 'dark';
  return (
    <Button size={{ base: 'xs', sm: 'sm' }} variant="ghost" px={{ base: 1.5, sm: 3 }} onClick={toggle} aria-pressed={dark} aria-label={t.darkModeLabel} title={t.colorModeTitle}>
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
      <Box as="span" display={{ base: 'none', sm: 'inline' }} aria-hidden="true">
        {dark ? t.dark : t.light}
      </Box>
    </Button>
  );
}

export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <Box as="header" borderBottomWidth="1px" borderColor="border" bg="bg.panel" px={{ base: 3, md: 6 }} py={2}>
      <Flex align="center" gap={{ base: 2, sm: 3 }} maxW="1440px" mx="auto">
        <HStack gap={2} flexShrink={0}>
          <Logo />
          <Text fontWeight="bold" fontSize={{ base: 'md', sm: 'lg' }}>
            ServiceBot
          </Text>
        </HStack>
        <Flex flex="1" justify="flex-end" align="center" gap={{ base: 1, sm: 2 }} minW="0">
          {children}
          <ColorModeToggle />
        </Flex>
      </Flex>
    </Box>
  );
}
