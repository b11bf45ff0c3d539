// The customer's page in the customer's language: English, Spanish or German, the three languages the bot answers in
// (docs/product.md, "Languages"). The page's own words only: what the server sends (replies, handoff notices, the
// `message` of an error frame) is shown as sent. The support console is a staff tool and stays English.
//
// The three dictionaries sit side by side below; `es` and `de` are typed as `Texts` (the shape of `en`), so a key
// missing in one of them, or a function with other parameters, does not compile. Words with a number or a name in
// them are small functions. Devices and rooms follow the bot's own words (src/ServiceBot.Core/Replies/DeviceWords.cs),
// tú and du as in its replies, and "plan" / "Tarif" for a tier; tier names (basic, premium, enterprise) stay as they are.

import { createContext, useContext } from 'react';
import type { Device, DeviceType, ErrorCode, ServiceAction } from './protocol';
import { capitalize, humanize, lowerFirst } from './words';

export type Language = 'en' | 'es' | 'de';
export const LANGUAGES: readonly Language[] = ['en', 'es', 'de'];

/** The first tag whose primary subtag is en, es or de (`es-MX` -> `es`, any case); anything else -> `en`. */
export function pickLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/, 1)[0];
    if (primary === 'en' || primary === 'es' || primary === 'de') return primary;
  }
  return 'en';
}

/** The browser's preferred languages, best first: `navigator.languages`, then `navigator.language`. */
export function browserLanguage(nav: { languages?: readonly string[]; language?: string } | undefined = globalThis.navigator): Language {
  const tags = [...(nav?.languages ?? [])];
  if (nav?.language) tags.push(nav.language);
  return pickLanguage(tags);
}

// ---------------------------------------------------------------- rooms and devices, as the bot says them

type Gender = 'm' | 'f' | 'n';

/** Room -> Spanish word and gender, German word and gender (the table of DeviceWords.cs). */
const ROOMS: Record<string, readonly [string, Gender, string, Gender]> = {
  living_room: ['salón', 'm', 'Wohnzimmer', 'n'],
  bedroom: ['dormitorio', 'm', 'Schlafzimmer', 'n'],
  kitchen: ['cocina', 'f', 'Küche', 'f'],
  office: ['oficina', 'f', 'Büro', 'n'],
  bathroom: ['baño', 'm', 'Bad', 'n'],
  dining_room: ['comedor', 'm', 'Esszimmer', 'n'],
  conference_room: ['sala de conferencias', 'f', 'Konferenzraum', 'm'],
  reception: ['recepción', 'f', 'Empfang', 'm'],
  garage: ['garaje', 'm', 'Garage', 'f'],
  hallway: ['pasillo', 'm', 'Flur', 'm'],
  guest_room: ['cuarto de invitados', 'm', 'Gästezimmer', 'n'],
  kids_room: ['cuarto de los niños', 'm', 'Kinderzimmer', 'n'],
  basement: ['sótano', 'm', 'Keller', 'm'],
  patio: ['patio', 'm', 'Terrasse', 'f'],
  study: ['estudio', 'm', 'Arbeitszimmer', 'n'],
  lobby: ['vestíbulo', 'm', 'Lobby', 'f'],
};

const roomEs = (room: string) => ROOMS[room]?.[0] ?? humanize(room);
const roomDe = (room: string) => ROOMS[room]?.[2] ?? humanize(room);
const genderEs = (room: string): Gender => ROOMS[room]?.[1] ?? 'm';
const genderDe = (room: string): Gender => ROOMS[room]?.[3] ?? 'm';

/** "del dormitorio", "de la cocina". */
const ofRoomEs = (room: string) => (genderEs(room) === 'f' ? `de la ${roomEs(room)}` : `del ${roomEs(room)}`);
/** "en el dormitorio", "en la cocina". */
const inRoomEs = (room: string) => `en ${genderEs(room) === 'f' ? 'la' : 'el'} ${roomEs(room)}`;
/** "im Schlafzimmer", "in der Küche". */
const inRoomDe = (room: string) => (genderDe(room) === 'f' ? `in der ${roomDe(room)}` : `im ${roomDe(room)}`);

const KIND_EN: Record<DeviceType, string> = { SmartSpeaker: 'speaker', SmartDisplay: 'display', SmartHub: 'hub' };
const KIND_ES: Record<DeviceType, string> = { SmartSpeaker: 'altavoz', SmartDisplay: 'pantalla', SmartHub: 'hub' };
const KIND_DE: Record<DeviceType, string> = { SmartSpeaker: 'Lautsprecher', SmartDisplay: 'Display', SmartHub: 'Hub' };

/** "the bedroom speaker". */
const theEn = (d: Device) => `the ${humanize(d.location)} ${KIND_EN[d.type]}`;
/** "el altavoz del dormitorio", "la pantalla de la cocina". */
const theEs = (d: Device) => `${d.type === 'SmartDisplay' ? 'la' : 'el'} ${KIND_ES[d.type]} ${ofRoomEs(d.location)}`;
/** "del altavoz del dormitorio", "de la pantalla de la cocina". */
const ofTheEs = (d: Device) => `${d.type === 'SmartDisplay' ? 'de la' : 'del'} ${KIND_ES[d.type]} ${ofRoomEs(d.location)}`;
/** "der / den Lautsprecher im Schlafzimmer", "das Display in der Küche" (nominative or accusative). */
const theDe = (d: Device, accusative = false) =>
  `${d.type === 'SmartDisplay' ? 'das' : accusative ? 'den' : 'der'} ${KIND_DE[d.type]} ${inRoomDe(d.location)}`;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const joinAnd = (items: string[], and: string) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

// ---------------------------------------------------------------- the dictionaries

const en = {
  // header
  signOut: 'Sign out',
  darkModeLabel: 'Dark mode',
  colorModeTitle: 'Switch light / dark',
  dark: 'Dark',
  light: 'Light',

  // sign-in page
  signInTitle: 'Sign in to ServiceBot',
  signInLead: 'Customer service for your smart speakers, displays and hubs.',
  demoHeading: 'Demo sign-in',
  loadingCustomers: 'Loading customers…',
  demoOff: 'Demo sign-in is off on this server. Sign in with a token below.',
  customersFailed: 'Could not load the sample customers',
  serverAnswered: (status: number) => `the server answered ${status}`,
  tryAgain: 'Try again',
  customerLabel: 'Customer',
  customerHelp: 'Chat as one of the sample customers.',
  startChat: 'Start chat',
  tokenHeading: 'Sign in with a token',
  tokenLabel: 'Access token',
  tokenPlaceholder: 'Paste your sign-in token',
  tokenSubmit: 'Sign in with token',
  staffHeading: 'Support staff',
  staffLead: 'Open the support console: the queue of customers who asked for a person, their transcripts and your replies.',
  staffIdLabel: 'Staff id (demo sign-in)',
  staffTokenLabel: 'or a staff token',
  staffTokenPlaceholder: 'Paste your staff sign-in token',
  openConsole: 'Open support console',

  // chat page
  loadingProfile: 'Loading your profile…',
  tierPrefix: 'Service tier: ',
  chatLead: 'Chat with ServiceBot about your devices.',
  devicesAndPlan: 'Devices and plan',
  /** "Priority support · up to 3 devices" */
  planLine: (priority: string, maxDevices: number) => `${capitalize(priority)} support · up to ${count(maxDevices, 'device', 'devices')}`,

  // connection
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  disconnected: 'Disconnected',
  /** `seconds`: until the next try, null or 0 when it is now. */
  connectionLost: (seconds: number | null) =>
    `Connection lost. Trying again${seconds !== null && seconds > 0 ? ` in ${seconds} s` : ' now'}. Messages you write are kept and sent when the connection is back.`,
  refusedHint: 'If this keeps happening, the server may have refused your sign-in: sign out and sign in again.',
  disconnectedSentence: 'Disconnected.',
  reconnectNow: 'Reconnect now',

  // composer
  suggestionsLabel: 'Suggestions',
  messageLabel: 'Message',
  placeholder: 'Ask about your devices…',
  tooLong: (max: number) => `A message has at most ${max} characters.`,
  offlineHelp: 'Not connected: messages you send now are kept and sent on reconnect.',
  send: 'Send',

  // conversation
  conversationLabel: 'Conversation',
  emptyChat: 'Ask ServiceBot about your devices, or pick a suggestion below.',
  loadingConversation: 'Loading the conversation…',
  botSaid: 'ServiceBot said: ',
  whatWasDone: 'What was done and what was refused:',
  actionsLabel: 'Actions',
  done: 'Done',
  refused: 'Refused',
  notAllowedOnPlan: 'Not allowed on your plan',
  offlineAssistant: ' (offline assistant)',
  supportTeam: 'Support team',
  agentSaid: (name: string) => `${name} from the support team said: `,
  agentByline: 'support team',
  queued: 'Waiting to send',
  sending: 'Sending…',
  delivered: 'Delivered',
  notSent: 'Not sent',
  youSaid: 'You said: ',
  retry: 'Retry',
  botWriting: 'ServiceBot is writing…',
  dismiss: 'Dismiss',
  /** The name in the live region when a person of the support team wrote and gave none. */
  supportFallback: 'Support',
  unreadableFrame: (detail: string) => `The server sent something this page cannot read (${detail}).`,
  errors: {
    bad_request: 'The server could not accept that request.',
    too_large: 'That message is too large to send.',
    unknown_action: 'The server did not recognise that request.',
    rate_limited: 'You are sending messages too quickly. Wait a moment, then try again.',
    unauthorized: 'You are not signed in, or your sign-in has expired. Sign out and sign in again.',
    conflict: 'That conversation has changed in the meantime.',
    not_found: 'That conversation could not be found.',
    internal: 'Something went wrong on our side. Please try again.',
  } satisfies Record<ErrorCode, string>,

  // devices panel
  yourDevices: 'Your devices',
  devicesOnPlan: (n: number, max: number) => `${n} of ${max} on your plan`,
  noDevices: 'No devices registered.',
  loading: 'Loading…',
  updated: 'Updated',
  online: 'Online',
  deviceOffline: 'Offline',
  room: 'Room',
  power: 'Power',
  on: 'On',
  off: 'Off',
  volume: 'Volume',
  playing: 'Playing',
  nothing: 'Nothing',
  audio: 'Audio',
  noSpeaker: 'No speaker',
  deviceTypes: {
    SmartSpeaker: 'Smart speaker',
    SmartDisplay: 'Smart display',
    SmartHub: 'Smart hub',
  } satisfies Record<DeviceType, string>,
  /** A room as a label: "Living room". */
  roomName: (room: string) => capitalize(humanize(room)),

  // plan panel
  yourPlan: (tier: string) => `Your plan: ${tier}`,
  included: 'Included',
  notIncluded: 'Not included',
  withTier: (tier: string) => `with ${tier}`,
  /** After a higher tier's name: ": Dedicated support, up to 10 devices, adds multi-room audio, routines (custom actions)." */
  higherTier: (priority: string, maxDevices: number, adds: string[]) =>
    `: ${capitalize(priority)} support, up to ${count(maxDevices, 'device', 'devices')}${adds.length > 0 ? `, adds ${adds.map((a) => a.toLowerCase()).join(', ')}` : ''}.`,
  actions: {
    status_check: 'Check device status',
    device_info: 'Device information',
    volume_control: 'Change the volume',
    device_power: 'Turn devices on and off',
    device_relocation: 'Move a device to another room',
    music_services: 'Play, pause and skip music',
    multi_room_audio: 'Multi-room audio',
    custom_actions: 'Routines (custom actions)',
  } satisfies Record<ServiceAction, string>,

  // suggestion chips: sent as the customer's message, so each must be a phrasing the server's analyzer reads
  chips: {
    volume: (d: Device, target: number) => `Turn ${theEn(d)} ${target < d.volume ? 'down' : 'up'} to ${target}`,
    pauseMusic: (room: string) => `Pause the music in the ${humanize(room)}`,
    playJazz: (room: string) => `Play jazz in the ${humanize(room)}`,
    playJazzIn2: (room1: string, room2: string) => `Play jazz in the ${humanize(room1)} and the ${humanize(room2)}`,
    routine: (d: Device) => `Every day at 7:00 turn on ${theEn(d)}`,
    power: (d: Device, on: boolean) => `Turn ${on ? 'on' : 'off'} ${theEn(d)}`,
    isOnline: (d: Device) => `Is ${theEn(d)} online?`,
    capabilities: 'What can you do?',
  },
};

export type Texts = typeof en;

const es: Texts = {
  signOut: 'Cerrar sesión',
  darkModeLabel: 'Modo oscuro',
  colorModeTitle: 'Cambiar entre claro y oscuro',
  dark: 'Oscuro',
  light: 'Claro',

  signInTitle: 'Inicia sesión en ServiceBot',
  signInLead: 'Atención al cliente para tus altavoces, pantallas y hubs inteligentes.',
  demoHeading: 'Acceso de demostración',
  loadingCustomers: 'Cargando clientes…',
  demoOff: 'El acceso de demostración está desactivado en este servidor. Inicia sesión con un token más abajo.',
  customersFailed: 'No se han podido cargar los clientes de ejemplo',
  serverAnswered: (status) => `el servidor respondió ${status}`,
  tryAgain: 'Reintentar',
  customerLabel: 'Cliente',
  customerHelp: 'Chatea como uno de los clientes de ejemplo.',
  startChat: 'Empezar a chatear',
  tokenHeading: 'Inicia sesión con un token',
  tokenLabel: 'Token de acceso',
  tokenPlaceholder: 'Pega tu token de acceso',
  tokenSubmit: 'Entrar con el token',
  staffHeading: 'Equipo de soporte',
  staffLead: 'Abre la consola de soporte: la cola de clientes que han pedido hablar con una persona, sus conversaciones y tus respuestas.',
  staffIdLabel: 'ID de empleado (acceso de demostración)',
  staffTokenLabel: 'o un token de empleado',
  staffTokenPlaceholder: 'Pega tu token de empleado',
  openConsole: 'Abrir la consola de soporte',

  loadingProfile: 'Cargando tu perfil…',
  tierPrefix: 'Plan: ',
  chatLead: 'Habla con ServiceBot sobre tus dispositivos.',
  devicesAndPlan: 'Dispositivos y plan',
  planLine: (priority, maxDevices) => `Soporte ${priority} · hasta ${count(maxDevices, 'dispositivo', 'dispositivos')}`,

  connected: 'Conectado',
  connecting: 'Conectando…',
  reconnecting: 'Reconectando…',
  offline: 'Sin conexión',
  disconnected: 'Desconectado',
  connectionLost: (seconds) =>
    `Se ha perdido la conexión. ${seconds !== null && seconds > 0 ? `Lo intento de nuevo en ${seconds} s` : 'Lo intento de nuevo ahora'}. Los mensajes que escribas se guardan y se envían cuando vuelva la conexión.`,
  refusedHint: 'Si sigue pasando, puede que el servidor haya rechazado tu inicio de sesión: cierra sesión y vuelve a entrar.',
  disconnectedSentence: 'Desconectado.',
  reconnectNow: 'Reconectar ahora',

  suggestionsLabel: 'Sugerencias',
  messageLabel: 'Mensaje',
  placeholder: 'Pregunta por tus dispositivos…',
  tooLong: (max) => `Un mensaje puede tener como máximo ${max} caracteres.`,
  offlineHelp: 'Sin conexión: los mensajes que envíes ahora se guardan y se envían al reconectar.',
  send: 'Enviar',

  conversationLabel: 'Conversación',
  emptyChat: 'Pregúntale a ServiceBot por tus dispositivos o elige una sugerencia de abajo.',
  loadingConversation: 'Cargando la conversación…',
  botSaid: 'ServiceBot dijo: ',
  whatWasDone: 'Lo que se hizo y lo que no se permitió:',
  actionsLabel: 'Acciones',
  done: 'Hecho',
  refused: 'No permitido',
  notAllowedOnPlan: 'No está incluido en tu plan',
  offlineAssistant: ' (asistente sin conexión)',
  supportTeam: 'Equipo de soporte',
  agentSaid: (name) => `${name}, del equipo de soporte, dijo: `,
  agentByline: 'equipo de soporte',
  queued: 'Pendiente de envío',
  sending: 'Enviando…',
  delivered: 'Entregado',
  notSent: 'No enviado',
  youSaid: 'Tú dijiste: ',
  retry: 'Reintentar',
  botWriting: 'ServiceBot está escribiendo…',
  dismiss: 'Cerrar',
  supportFallback: 'Soporte',
  unreadableFrame: (detail) => `El servidor ha enviado algo que esta página no puede leer (${detail}).`,
  errors: {
    bad_request: 'El servidor no ha podido aceptar esa solicitud.',
    too_large: 'Ese mensaje es demasiado largo para enviarlo.',
    unknown_action: 'El servidor no ha reconocido esa solicitud.',
    rate_limited: 'Estás enviando mensajes demasiado rápido. Espera un momento y vuelve a intentarlo.',
    unauthorized: 'No has iniciado sesión o tu sesión ha caducado. Cierra sesión y vuelve a entrar.',
    conflict: 'Esa conversación ha cambiado mientras tanto.',
    not_found: 'No se ha encontrado esa conversación.',
    internal: 'Algo ha fallado por nuestra parte. Vuelve a intentarlo.',
  },

  yourDevices: 'Tus dispositivos',
  devicesOnPlan: (n, max) => `${n} de ${max} en tu plan`,
  noDevices: 'No tienes dispositivos registrados.',
  loading: 'Cargando…',
  updated: 'Actualizado',
  online: 'En línea',
  deviceOffline: 'Sin conexión',
  room: 'Habitación',
  power: 'Estado',
  on: 'Encendido',
  off: 'Apagado',
  volume: 'Volumen',
  playing: 'Sonando',
  nothing: 'Nada',
  audio: 'Audio',
  noSpeaker: 'Sin altavoz',
  deviceTypes: {
    SmartSpeaker: 'Altavoz inteligente',
    SmartDisplay: 'Pantalla inteligente',
    SmartHub: 'Hub inteligente',
  },
  roomName: (room) => capitalize(roomEs(room)),

  yourPlan: (tier) => `Tu plan: ${tier}`,
  included: 'Incluido',
  notIncluded: 'No incluido',
  withTier: (tier) => `con ${tier}`,
  higherTier: (priority, maxDevices, adds) =>
    `: soporte ${priority}, hasta ${count(maxDevices, 'dispositivo', 'dispositivos')}${adds.length > 0 ? `; añade ${joinAnd(adds.map(lowerFirst), 'y')}` : ''}.`,
  actions: {
    status_check: 'Consultar el estado de los dispositivos',
    device_info: 'Información de los dispositivos',
    volume_control: 'Cambiar el volumen',
    device_power: 'Encender y apagar dispositivos',
    device_relocation: 'Mover un dispositivo a otra habitación',
    music_services: 'Poner, pausar y saltar música',
    multi_room_audio: 'Audio multihabitación',
    custom_actions: 'Rutinas (acciones personalizadas)',
  },

  chips: {
    volume: (d, target) => `Pon el volumen ${ofTheEs(d)} a ${target}`,
    pauseMusic: (room) => `Pausa la música ${inRoomEs(room)}`,
    playJazz: (room) => `Pon jazz ${inRoomEs(room)}`,
    playJazzIn2: (room1, room2) => `Pon jazz ${inRoomEs(room1)} y ${inRoomEs(room2)}`,
    routine: (d) => `Todos los días a las 7:00 enciende ${theEs(d)}`,
    power: (d, on) => `${on ? 'Enciende' : 'Apaga'} ${theEs(d)}`,
    isOnline: (d) => `¿Está en línea ${theEs(d)}?`,
    capabilities: '¿Qué puedes hacer?',
  },
};

const de: Texts = {
  signOut: 'Abmelden',
  darkModeLabel: 'Dunkelmodus',
  colorModeTitle: 'Zwischen hell und dunkel wechseln',
  dark: 'Dunkel',
  light: 'Hell',

  signInTitle: 'Bei ServiceBot anmelden',
  signInLead: 'Kundenservice für deine smarten Lautsprecher, Displays und Hubs.',
  demoHeading: 'Demo-Anmeldung',
  loadingCustomers: 'Kunden werden geladen…',
  demoOff: 'Die Demo-Anmeldung ist auf diesem Server ausgeschaltet. Melde dich unten mit einem Token an.',
  customersFailed: 'Die Beispielkunden konnten nicht geladen werden',
  serverAnswered: (status) => `der Server antwortete mit ${status}`,
  tryAgain: 'Nochmal versuchen',
  customerLabel: 'Kunde',
  customerHelp: 'Chatte als einer der Beispielkunden.',
  startChat: 'Chat starten',
  tokenHeading: 'Mit einem Token anmelden',
  tokenLabel: 'Zugangstoken',
  tokenPlaceholder: 'Füge dein Anmeldetoken ein',
  tokenSubmit: 'Mit Token anmelden',
  staffHeading: 'Support-Team',
  staffLead: 'Öffne die Support-Konsole: die Warteschlange der Kunden, die nach einer Person gefragt haben, ihre Verläufe und deine Antworten.',
  staffIdLabel: 'Mitarbeiter-ID (Demo-Anmeldung)',
  staffTokenLabel: 'oder ein Mitarbeiter-Token',
  staffTokenPlaceholder: 'Füge dein Mitarbeiter-Token ein',
  openConsole: 'Support-Konsole öffnen',

  loadingProfile: 'Dein Profil wird geladen…',
  tierPrefix: 'Tarif: ',
  chatLead: 'Chatte mit ServiceBot über deine Geräte.',
  devicesAndPlan: 'Geräte und Tarif',
  planLine: (priority, maxDevices) => `${capitalize(priority)}-Support · bis zu ${count(maxDevices, 'Gerät', 'Geräte')}`,

  connected: 'Verbunden',
  connecting: 'Verbinde…',
  reconnecting: 'Verbinde neu…',
  offline: 'Offline',
  disconnected: 'Getrennt',
  connectionLost: (seconds) =>
    `Verbindung verloren. ${seconds !== null && seconds > 0 ? `Neuer Versuch in ${seconds} s` : 'Neuer Versuch läuft'}. Nachrichten, die du schreibst, werden aufbewahrt und gesendet, sobald die Verbindung wieder steht.`,
  refusedHint: 'Wenn das immer wieder passiert, hat der Server deine Anmeldung vielleicht abgelehnt: Melde dich ab und wieder an.',
  disconnectedSentence: 'Getrennt.',
  reconnectNow: 'Jetzt neu verbinden',

  suggestionsLabel: 'Vorschläge',
  messageLabel: 'Nachricht',
  placeholder: 'Frag nach deinen Geräten…',
  tooLong: (max) => `Eine Nachricht darf höchstens ${max} Zeichen haben.`,
  offlineHelp: 'Nicht verbunden: Nachrichten, die du jetzt sendest, werden aufbewahrt und beim Wiederverbinden gesendet.',
  send: 'Senden',

  conversationLabel: 'Unterhaltung',
  emptyChat: 'Frag ServiceBot nach deinen Geräten oder wähle unten einen Vorschlag.',
  loadingConversation: 'Unterhaltung wird geladen…',
  botSaid: 'ServiceBot sagte: ',
  whatWasDone: 'Was erledigt wurde und was nicht erlaubt war:',
  actionsLabel: 'Aktionen',
  done: 'Erledigt',
  refused: 'Nicht erlaubt',
  notAllowedOnPlan: 'In deinem Tarif nicht enthalten',
  offlineAssistant: ' (Offline-Assistent)',
  supportTeam: 'Support-Team',
  agentSaid: (name) => `${name} vom Support-Team sagte: `,
  agentByline: 'Support-Team',
  queued: 'Wartet auf Versand',
  sending: 'Wird gesendet…',
  delivered: 'Zugestellt',
  notSent: 'Nicht gesendet',
  youSaid: 'Du hast gesagt: ',
  retry: 'Nochmal senden',
  botWriting: 'ServiceBot schreibt…',
  dismiss: 'Schließen',
  supportFallback: 'Support',
  unreadableFrame: (detail) => `Der Server hat etwas gesendet, das diese Seite nicht lesen kann (${detail}).`,
  errors: {
    bad_request: 'Der Server konnte diese Anfrage nicht annehmen.',
    too_large: 'Diese Nachricht ist zu groß zum Senden.',
    unknown_action: 'Der Server hat diese Anfrage nicht erkannt.',
    rate_limited: 'Du sendest Nachrichten zu schnell. Warte kurz und versuch es dann noch einmal.',
    unauthorized: 'Du bist nicht angemeldet oder deine Anmeldung ist abgelaufen. Melde dich ab und wieder an.',
    conflict: 'Diese Unterhaltung hat sich inzwischen geändert.',
    not_found: 'Diese Unterhaltung wurde nicht gefunden.',
    internal: 'Bei uns ist etwas schiefgelaufen. Bitte versuch es noch einmal.',
  },

  yourDevices: 'Deine Geräte',
  devicesOnPlan: (n, max) => `${n} von ${max} in deinem Tarif`,
  noDevices: 'Keine Geräte registriert.',
  loading: 'Wird geladen…',
  updated: 'Aktualisiert',
  online: 'Online',
  deviceOffline: 'Offline',
  room: 'Raum',
  power: 'Zustand',
  on: 'An',
  off: 'Aus',
  volume: 'Lautstärke',
  playing: 'Läuft',
  nothing: 'Nichts',
  audio: 'Audio',
  noSpeaker: 'Kein Lautsprecher',
  deviceTypes: {
    SmartSpeaker: 'Smart-Lautsprecher',
    SmartDisplay: 'Smart-Display',
    SmartHub: 'Smart-Hub',
  },
  roomName: (room) => capitalize(roomDe(room)),

  yourPlan: (tier) => `Dein Tarif: ${tier}`,
  included: 'Enthalten',
  notIncluded: 'Nicht enthalten',
  withTier: (tier) => `mit ${tier}`,
  // German labels start with a noun, so they keep their capital in a sentence.
  higherTier: (priority, maxDevices, adds) =>
    `: ${capitalize(priority)}-Support, bis zu ${count(maxDevices, 'Gerät', 'Geräte')}${adds.length > 0 ? `, dazu ${joinAnd(adds, 'und')}` : ''}.`,
  actions: {
    status_check: 'Gerätestatus abfragen',
    device_info: 'Geräteinformationen',
    volume_control: 'Lautstärke ändern',
    device_power: 'Geräte ein- und ausschalten',
    device_relocation: 'Geräte in einen anderen Raum verschieben',
    music_services: 'Musik abspielen, pausieren und überspringen',
    multi_room_audio: 'Multiroom-Audio',
    custom_actions: 'Routinen (eigene Aktionen)',
  },

  chips: {
    volume: (d, target) => `Stell ${theDe(d, true)} auf ${target}`,
    pauseMusic: (room) => `Pausiere die Musik ${inRoomDe(room)}`,
    playJazz: (room) => `Spiel Jazz ${inRoomDe(room)}`,
    playJazzIn2: (room1, room2) => `Spiel Jazz ${inRoomDe(room1)} und ${inRoomDe(room2)}`,
    routine: (d) => `Jeden Tag um 7 Uhr schalte ${theDe(d, true)} ein`,
    power: (d, on) => `Schalte ${theDe(d, true)} ${on ? 'ein' : 'aus'}`,
    isOnline: (d) => `Ist ${theDe(d)} online?`,
    capabilities: 'Was kannst du?',
  },
};

export const TEXTS: Record<Language, Texts> = { en, es, de };

// ---------------------------------------------------------------- React

const LanguageContext = createContext<Language>('en');

/** Gives the page under it its language; without one (the support console) the page is English. */
export const LanguageProvider = LanguageContext.Provider;

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useTexts(): Texts {
  return TEXTS[useContext(LanguageContext)];
}
