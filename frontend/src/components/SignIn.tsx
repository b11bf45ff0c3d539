import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  Field,
  Flex,
  Heading,
  Input,
  NativeSelect,
  Separator,
  Spinner,
  Stack,
  Text,
} from '@chakra-ui/react';
import { fetchCustomers, type CustomersResult } from '../api';
import { useTexts } from '../i18n';
import { loadLastCustomer, saveLastCustomer, type Auth } from '../storage';
import { capitalize } from '../words';
import { AppHeader } from './AppHeader';

export function SignIn({ onSignIn }: { onSignIn: (auth: Auth) => void }) {
  const t = useTexts();
  const [result, setResult] = useState<CustomersResult | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [customerId, setCustomerId] = useState('');
  const [token, setToken] = useState('');
  const [staffId, setStaffId] = useState('');
  const [staffToken, setStaffToken] = useState('');

  useEffect(() => {
    const abort = new AbortController();
    setResult(null);
    fetchCustomers(abort.signal).then(
      (r) => {
        setResult(r);
        if (r.kind === 'ok' && r.customers.length > 0) {
          const last = loadLastCustomer();
          setCustomerId(r.customers.some((c) => c.id === last) ? (last as string) : r.customers[0]!.id);
        }
      },
      () => undefined, // aborted
    );
    return () => abort.abort();
  }, [attempt]);

  const demoSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (customerId === '') return;
    saveLastCustomer(customerId);
    onSignIn({ kind: 'demo', customerId });
  };

  const tokenSubmit = (e: FormEvent) => {
    e.preventDefault();
    const t = token.trim();
    if (t !== '') onSignIn({ kind: 'token', token: t });
  };

  const staffSubmit = (e: FormEvent) => {
    e.preventDefault();
    const t = staffToken.trim();
    const id = staffId.trim();
    if (t !== '') onSignIn({ kind: 'staffToken', token: t });
    else if (id !== '') onSignIn({ kind: 'staff', staffId: id });
  };

  return (
    <Flex direction="column" minH="100dvh">
      <AppHeader />
      <Box as="main" flex="1" px={{ base: 3, md: 6 }} py={{ base: 6, md: 12 }}>
        <Card.Root maxW="lg" mx="auto">
          <Card.Header>
            <Heading as="h1" size="xl">
              {t.signInTitle}
            </Heading>
            <Text color="fg.muted">{t.signInLead}</Text>
          </Card.Header>
          <Card.Body>
            <Stack gap={6}>
              <section aria-labelledby="demo-heading">
                <Heading as="h2" id="demo-heading" size="md" mb={3}>
                  {t.demoHeading}
                </Heading>
                {result === null && (
                  <Flex align="center" gap={2} color="fg.muted" role="status">
                    <Spinner size="sm" /> {t.loadingCustomers}
                  </Flex>
                )}
                {result?.kind === 'disabled' && (
                  <Text color="fg.muted">{t.demoOff}</Text>
                )}
                {result?.kind === 'failed' && (
                  <Alert.Root status="error">
                    <Alert.Indicator />
                    <Alert.Content>
                      <Alert.Title>{t.customersFailed}</Alert.Title>
                      <Alert.Description>{result.status !== null ? t.serverAnswered(result.status) : result.error}</Alert.Description>
                    </Alert.Content>
                    <Button size="sm" variant="outline" onClick={() => setAttempt((a) => a + 1)}>
                      {t.tryAgain}
                    </Button>
                  </Alert.Root>
                )}
                {result?.kind === 'ok' && (
                  <form onSubmit={demoSubmit}>
                    <Stack gap={3}>
                      <Field.Root>
                        <Field.Label>{t.customerLabel}</Field.Label>
                        <NativeSelect.Root>
                          <NativeSelect.Field value={customerId} onChange={(e) => setCustomerId(e.currentTarget.value)}>
                            {result.customers.map((c) => (
                              <option key={c.id} value={c.id}>
                                {c.name} ({capitalize(c.serviceLevel)})
                              </option>
                            ))}
                          </NativeSelect.Field>
                          <NativeSelect.Indicator />
                        </NativeSelect.Root>
                        <Field.HelperText>{t.customerHelp}</Field.HelperText>
                      </Field.Root>
                      <Button type="submit" colorPalette="teal" disabled={customerId === ''}>
                        {t.startChat}
                      </Button>
                    </Stack>
                  </form>
                )}
              </section>
              <Separator />
              <section aria-labelledby="token-heading">
                <Heading as="h2" id="token-heading" size="md" mb={3}>
                  {t.tokenHeading}
                </Heading>
                <form onSubmit={tokenSubmit}>
                  <Stack gap={3}>
                    <Field.Root>
                      <Field.Label>{t.tokenLabel}</Field.Label>
                      <Input
                        type="password"
                        autoComplete="off"
                        spellCheck={false}
                        value={token}
                        onChange={(e) => setToken(e.currentTarget.value)}
                        placeholder={t.tokenPlaceholder}
                      />
                    </Field.Root>
                    <Button type="submit" variant="outline" disabled={token.trim() === ''}>
                      {t.tokenSubmit}
                    </Button>
                  </Stack>
                </form>
              </section>
            </Stack>
          </Card.Body>
        </Card.Root>
        <Card.Root maxW="lg" mx="auto" mt={6} variant="subtle">
          <Card.Header>
            <Heading as="h2" id="staff-heading" size="md">
              {t.staffHeading}
            </Heading>
            <Text color="fg.muted" fontSize="sm">
              {t.staffLead}
            </Text>
          </Card.Header>
          <Card.Body>
            <form onSubmit={staffSubmit} aria-labelledby="staff-heading">
              <Stack gap={3}>
                <Field.Root disabled={result?.kind === 'disabled'}>
                  <Field.Label>{t.staffIdLabel}</Field.Label>
                  <Input
                    value={staffId}
                    onChange={(e) => setStaffId(e.currentTarget.value)}
                    placeholder="staff_001"
                    autoComplete="username"
                    spellCheck={false}
                  />
                </Field.Root>
                <Field.Root>
                  <Field.Label>{t.staffTokenLabel}</Field.Label>
                  <Input
                    type="password"
                    autoComplete="off"
                    spellCheck={false}
                    value={staffToken}
                    onChange={(e) => setStaffToken(e.currentTarget.value)}
                    placeholder={t.staffTokenPlaceholder}
                  />
                </Field.Root>
                <Button type="submit" colorPalette="blue" disabled={staffId.trim() === '' && staffToken.trim() === ''}>
                  {t.openConsole}
                </Button>
              </Stack>
            </form>
          </Card.Body>
        </Card.Root>
      </Box>
    </Flex>
  );
}
