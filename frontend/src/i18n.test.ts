import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ChakraProvider, defaultSystem } from '@chakra-ui/react';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus } from './client';
import { Composer } from './components/Composer';
import { ConnectionBanner } from './components/Connection';
import { DevicesPanel } from './components/DevicesPanel';
import { MessageList } from './components/MessageList';
import { SignIn } from './components/SignIn';
import { TierPanel } from './components/TierPanel';
import { browserLanguage, LANGUAGES, LanguageProvider, pickLanguage, TEXTS, type Language, type Texts } from './i18n';
import type { ServiceLevel } from './protocol';
import { chatReducer, describeError, initialChatState } from './state';
import { suggestions } from './suggestions';
import { device, messageFrame } from './testing';

describe('pickLanguage', () => {
  it('takes the primary subtag of the first tag it speaks', () => {
    expect(pickLanguage(['es-MX'])).toBe('es');
    expect(pickLanguage(['de-AT', 'en-US'])).toBe('de');
    expect(pickLanguage(['fr-FR', 'de'])).toBe('de');
    expect(pickLanguage(['en-GB', 'es'])).toBe('en');
  });
  it('falls back to English', () => {
    expect(pickLanguage(['fr'])).toBe('en');
    expect(pickLanguage(['fr-CA', 'pt-BR', 'zh-Hans-CN'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
    expect(pickLanguage(['', '  '])).toBe('en');
  });
  it('ignores case and reads only the primary subtag', () => {
    expect(pickLanguage(['ES-es'])).toBe('es');
    expect(pickLanguage(['DE'])).toBe('de');
    expect(pickLanguage(['de_CH'])).toBe('de');
    expect(pickLanguage(['deu', 'esperanto', 'es'])).toBe('es');
  });
  it('reads navigator.languages first, then navigator.language', () => {
    expect(browserLanguage({ languages: ['fr', 'es-419'], language: 'de' })).toBe('es');
    expect(browserLanguage({ languages: ['fr'], language: 'de-DE' })).toBe('de');
    expect(browserLanguage({ languages: [], language: 'es-AR' })).toBe('es');
    expect(browserLanguage({})).toBe('en');
    expect(browserLanguage(undefined)).toBe('en');
  });
});

// ---------------------------------------------------------------- the dictionaries

type Args<T> = { [K in keyof T as T[K] extends (...a: never[]) => string ? K : never]: T[K] extends (...a: infer P) => string ? P : never };

const speaker = device({ id: 'dev_002', type: 'SmartSpeaker', name: 'Bedroom Speaker', location: 'bedroom', volume: 35 });
const kitchen = device();

/** Sample arguments for every function of a dictionary (typed: a new function needs its sample here). */
const TOP_ARGS: Args<Texts> = {
  serverAnswered: [503],
  planLine: ['priority', 3],
  connectionLost: [5],
  tooLong: [4000],
  agentSaid: ['Sam Rivera'],
  unreadableFrame: ['frame is not JSON'],
  devicesOnPlan: [2, 3],
  roomName: ['living_room'],
  yourPlan: ['Premium'],
  withTier: ['Enterprise'],
  higherTier: ['dedicated', 10, [TEXTS.en.actions.multi_room_audio, TEXTS.en.actions.custom_actions]],
};
const CHIP_ARGS: Args<Texts['chips']> = {
  volume: [kitchen, 20],
  pauseMusic: ['bedroom'],
  playJazz: ['bedroom'],
  playJazzIn2: ['bedroom', 'kitchen'],
  routine: [speaker],
  power: [speaker, false],
  isOnline: [speaker],
};

/** Every leaf of a dictionary as [path, text]: strings as they are, functions called with their sample. */
function leaves(dict: Texts): [string, unknown][] {
  const out: [string, unknown][] = [];
  const walk = (node: Record<string, unknown>, shape: Record<string, unknown>, args: Record<string, unknown[]>, path: string) => {
    expect(Object.keys(node).sort(), `keys of ${path || 'the dictionary'}`).toEqual(Object.keys(shape).sort());
    for (const key of Object.keys(shape)) {
      const value = node[key];
      const where = path ? `${path}.${key}` : key;
      if (typeof shape[key] === 'function') {
        expect(typeof value, where).toBe('function');
        out.push([where, (value as (...a: unknown[]) => unknown)(...(args[key] ?? []))]);
      } else if (typeof shape[key] === 'object') {
        walk(value as Record<string, unknown>, shape[key] as Record<string, unknown>, key === 'chips' ? (CHIP_ARGS as Record<string, unknown[]>) : {}, where);
      } else {
        out.push([where, value]);
      }
    }
  };
  walk(dict as unknown as Record<string, unknown>, TEXTS.en as unknown as Record<string, unknown>, TOP_ARGS as Record<string, unknown[]>, '');
  return out;
}

describe('dictionaries', () => {
  it.each(LANGUAGES)('%s has every key, each a non-empty text', (lang) => {
    const all = leaves(TEXTS[lang]);
    expect(all.length).toBeGreaterThan(100);
    for (const [path, text] of all) {
      expect(typeof text, path).toBe('string');
      expect((text as string).trim(), path).not.toBe('');
      expect(text as string, path).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('has Spanish and German for every text (only the words the languages share are left as in English)', () => {
    const english = new Map(leaves(TEXTS.en));
    const same = (lang: Language) => leaves(TEXTS[lang]).filter(([path, text]) => english.get(path) === text).map(([path]) => path);
    expect(same('es')).toEqual(['audio']);
    expect(same('de')).toEqual(['offline', 'supportFallback', 'online', 'deviceOffline', 'audio']);
  });

  it('says devices and rooms as the bot does', () => {
    expect(TEXTS.es.roomName('living_room')).toBe('Salón');
    expect(TEXTS.de.roomName('kitchen')).toBe('Küche');
    expect(TEXTS.es.roomName('attic_loft')).toBe('Attic loft');
    expect(TEXTS.es.planLine('priority', 1)).toBe('Soporte priority · hasta 1 dispositivo');
    expect(TEXTS.de.planLine('dedicated', 10)).toBe('Dedicated-Support · bis zu 10 Geräte');
    expect(TEXTS.en.planLine('standard', 1)).toBe('Standard support · up to 1 device');
    expect(TEXTS.es.higherTier('dedicated', 10, ['Audio multihabitación', 'Rutinas (acciones personalizadas)'])).toBe(
      ': soporte dedicated, hasta 10 dispositivos; añade audio multihabitación y rutinas (acciones personalizadas).',
    );
    expect(TEXTS.de.higherTier('priority', 3, ['Musik abspielen, pausieren und überspringen'])).toBe(
      ': Priority-Support, bis zu 3 Geräte, dazu Musik abspielen, pausieren und überspringen.',
    );
  });
});

// ---------------------------------------------------------------- suggestion chips

const levels: ServiceLevel[] = [
  { level: 'basic', allowedActions: ['status_check', 'device_info', 'volume_control', 'device_power'], maxDevices: 1, supportPriority: 'standard' },
  { level: 'premium', allowedActions: ['status_check', 'device_info', 'volume_control', 'device_power', 'device_relocation', 'music_services'], maxDevices: 3, supportPriority: 'priority' },
  { level: 'enterprise', allowedActions: ['status_check', 'device_info', 'volume_control', 'device_power', 'device_relocation', 'music_services', 'multi_room_audio', 'custom_actions'], maxDevices: 10, supportPriority: 'dedicated' },
];
const tier = (name: string) => levels.find((l) => l.level === name)!;

describe('suggestions in Spanish and German', () => {
  it('are the phrasings the analyzer reads, for a premium customer', () => {
    expect(suggestions([speaker, kitchen], tier('premium'), 10, 'es')).toEqual([
      'Pon el volumen de la pantalla de la cocina a 20',
      'Pon jazz en el dormitorio',
      'Apaga el altavoz del dormitorio',
      '¿Está en línea el altavoz del dormitorio?',
      '¿Qué puedes hacer?',
    ]);
    expect(suggestions([speaker, kitchen], tier('premium'), 10, 'de')).toEqual([
      'Stell das Display in der Küche auf 20',
      'Spiel Jazz im Schlafzimmer',
      'Schalte den Lautsprecher im Schlafzimmer aus',
      'Ist der Lautsprecher im Schlafzimmer online?',
      'Was kannst du?',
    ]);
  });
  it('cover routines, several rooms and paused music for enterprise', () => {
    const office = device({ id: 'dev_004', type: 'SmartSpeaker', name: 'Office Speaker', location: 'office', nowPlaying: 'jazz', power: 'off' });
    const conference = device({ id: 'dev_005', type: 'SmartDisplay', name: 'Conference Room Display', location: 'conference_room', volume: 20 });
    const es = suggestions([office, conference], tier('enterprise'), 10, 'es');
    expect(es).toContain('Pon el volumen de la pantalla de la sala de conferencias a 35');
    expect(es).toContain('Pausa la música en la oficina');
    expect(es).toContain('Pon jazz en la oficina y en la sala de conferencias');
    expect(es).toContain('Todos los días a las 7:00 enciende el altavoz de la oficina');
    expect(es).toContain('Enciende el altavoz de la oficina');
    const de = suggestions([office, conference], tier('enterprise'), 10, 'de');
    expect(de).toContain('Stell das Display im Konferenzraum auf 35');
    expect(de).toContain('Pausiere die Musik im Büro');
    expect(de).toContain('Spiel Jazz im Büro und im Konferenzraum');
    expect(de).toContain('Jeden Tag um 7 Uhr schalte den Lautsprecher im Büro ein');
    expect(de).toContain('Schalte den Lautsprecher im Büro ein');
  });
  it('keep "what can you do" last when trimmed', () => {
    const s = suggestions([speaker, kitchen], tier('enterprise'), 3, 'de');
    expect(s).toHaveLength(3);
    expect(s[2]).toBe('Was kannst du?');
  });
});

// ---------------------------------------------------------------- the page's own notices

describe('notices the page writes itself', () => {
  it('are in the page language, and keep the server message as sent', () => {
    expect(describeError('rate_limited', '', 'es')).toBe('Estás enviando mensajes demasiado rápido. Espera un momento y vuelve a intentarlo.');
    expect(describeError('internal', 'Try again in 30 s.', 'de')).toBe('Bei uns ist etwas schiefgelaufen. Bitte versuch es noch einmal. (Try again in 30 s.)');
    let s = initialChatState(null, 'es');
    s = chatReducer(s, { type: 'frame', frame: { type: 'error', code: 'unauthorized', message: 'unknown customer' } });
    s = chatReducer(s, { type: 'badFrame', error: 'frame is not JSON' });
    expect(s.notices.map((n) => n.text)).toEqual([
      'No has iniciado sesión o tu sesión ha caducado. Cierra sesión y vuelve a entrar. (unknown customer)',
      'El servidor ha enviado algo que esta página no puede leer (frame is not JSON).',
    ]);
    // The bot's reply itself is never translated by the page.
    s = chatReducer(s, { type: 'frame', frame: messageFrame({ message: 'He bajado el volumen.' }) });
    expect(s.messages[0]!.text).toBe('He bajado el volumen.');
  });
});

// ---------------------------------------------------------------- rendered in Spanish and German

function render(language: Language, element: ReactElement): string {
  return renderToStaticMarkup(
    createElement(ChakraProvider, { value: defaultSystem, children: createElement(LanguageProvider, { value: language }, element) }),
  );
}

const premium = tier('premium');

describe('components in the page language', () => {
  it('the devices panel says its labels and the device states in Spanish', () => {
    const html = render('es', createElement(DevicesPanel, { devices: [speaker, device({ power: 'off', status: 'offline' })], changes: { dev_002: 1 }, level: premium }));
    for (const words of ['Tus dispositivos', '2 de 3 en tu plan', 'Altavoz inteligente', 'Pantalla inteligente', 'Habitación', 'Dormitorio', 'Cocina', 'Estado', 'Encendido', 'Apagado', 'Volumen', 'Sonando', 'Nada', 'En línea', 'Sin conexión', 'Actualizado']) {
      expect(html).toContain(words);
    }
    expect(html).not.toMatch(/Your devices|Room|Power|Playing|Online|Offline|Updated/);
  });

  it('the devices panel in German, and still in English without a language', () => {
    const de = render('de', createElement(DevicesPanel, { devices: [kitchen], changes: {}, level: premium }));
    for (const words of ['Deine Geräte', '1 von 3 in deinem Tarif', 'Smart-Display', 'Raum', 'Küche', 'Zustand', 'An', 'Lautstärke', 'Läuft', 'Nichts']) expect(de).toContain(words);
    const en = renderToStaticMarkup(createElement(ChakraProvider, { value: defaultSystem, children: createElement(DevicesPanel, { devices: [kitchen], changes: {}, level: premium }) }));
    for (const words of ['Your devices', '1 of 3 on your plan', 'Smart display', 'Kitchen', 'Power', 'Playing']) expect(en).toContain(words);
  });

  it('the composer: placeholder, button, label and chips', () => {
    const chips = suggestions([speaker, kitchen], premium, 5, 'es');
    const html = render('es', createElement(Composer, { onSend: () => undefined, suggestions: chips, online: false }));
    expect(html).toContain('placeholder="Pregunta por tus dispositivos…"');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Enviar<\/button>/);
    expect(html).toContain('>Mensaje<');
    expect(html).toContain('aria-label="Sugerencias"');
    expect(html).toContain('Pon jazz en el dormitorio');
    expect(html).toContain('Sin conexión: los mensajes que envíes ahora se guardan');
    expect(html).not.toMatch(/Ask about|>Send<|Suggestions/);
  });

  it('the plan panel and its upgrade prompts', () => {
    const html = render('es', createElement(TierPanel, { level: tier('basic'), levels }));
    expect(html).toContain('Tu plan: Basic');
    expect(html).toContain('Soporte standard · hasta 1 dispositivo');
    expect(html).toContain('No incluido');
    expect(html).toContain('Audio multihabitación');
    expect(html).toContain('con Enterprise');
    expect(html).toContain('con Premium');
    const de = render('de', createElement(TierPanel, { level: tier('basic'), levels }));
    expect(de).toContain('Dein Tarif: Basic');
    expect(de).toContain('mit Premium');
    expect(de).toContain('Priority-Support, bis zu 3 Geräte, dazu Geräte in einen anderen Raum verschieben und Musik abspielen, pausieren und überspringen.');
  });

  it('the conversation: empty state, markers of a failed message, actions', () => {
    let s = initialChatState('conv-1', 'es');
    s = chatReducer(s, { type: 'frame', frame: { type: 'history', conversationId: 'conv-1', messages: [] } });
    expect(render('es', createElement(MessageList, { state: s, onRetry: () => undefined }))).toContain('Pregúntale a ServiceBot por tus dispositivos o elige una sugerencia de abajo.');
    s = chatReducer(s, { type: 'queued', clientMessageId: 'c1', text: 'sube el volumen' });
    s = chatReducer(s, { type: 'sent', clientMessageId: 'c1' });
    s = chatReducer(s, { type: 'frame', frame: { type: 'error', code: 'rate_limited', message: '', clientMessageId: 'c1' } });
    s = chatReducer(s, {
      type: 'frame',
      frame: messageFrame({ message: 'He subido el volumen.', actions: [{ action: 'volume_control', deviceId: 'dev_003', allowed: true, result: 'volume 70' }] }),
    });
    const html = render('es', createElement(MessageList, { state: { ...s, devices: [kitchen] }, onRetry: () => undefined }));
    expect(html).toContain('No enviado');
    expect(html).toContain('Reintentar');
    expect(html).toContain('Estás enviando mensajes demasiado rápido.');
    expect(html).toContain('Hecho');
    expect(html).toContain('Cambiar el volumen');
    expect(html).toContain('He subido el volumen.');
    expect(html).toContain('(asistente sin conexión)');
  });

  it('the connection banner and the sign-in page', () => {
    const lost: ConnectionStatus = { phase: 'waiting', failures: 3, retryAt: null, everOpened: false };
    const banner = render('de', createElement(ConnectionBanner, { status: lost, onReconnect: () => undefined }));
    expect(banner).toContain('Verbindung verloren. Neuer Versuch läuft.');
    expect(banner).toContain('Melde dich ab und wieder an.');
    expect(banner).toContain('Jetzt neu verbinden');
    // The header's colour mode toggle reads <html>'s class: a stand-in for the document, as the tests run in node.
    vi.stubGlobal('document', { documentElement: { classList: { contains: () => false } } });
    let signIn: string;
    try {
      signIn = render('es', createElement(SignIn, { onSignIn: () => undefined }));
    } finally {
      vi.unstubAllGlobals();
    }
    expect(signIn).toContain('Inicia sesión en ServiceBot');
    expect(signIn).toContain('Cargando clientes…');
    expect(signIn).toContain('Inicia sesión con un token');
    expect(signIn).toContain('placeholder="Pega tu token de acceso"');
    expect(signIn).toContain('aria-label="Modo oscuro"');
    expect(signIn).not.toMatch(/Sign in|Loading|Paste/);
  });
});
