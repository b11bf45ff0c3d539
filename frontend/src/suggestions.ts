// Quick replies that fit the customer's tier and devices, in the page's language. Each is sent as the customer's
// message, so the Spanish and German ones are phrasings the server's analyzer reads (see the chips in i18n.ts).

import { TEXTS, type Language } from './i18n';
import type { Device, ServiceLevel } from './protocol';
import { hasSpeaker } from './tiers';

export function suggestions(devices: Device[], level: ServiceLevel | null, max = 5, language: Language = 'en'): string[] {
  const chips = TEXTS[language].chips;
  const allows = (a: string) => level?.allowedActions.includes(a) ?? false;
  const out: string[] = [];
  const speakers = devices.filter(hasSpeaker);
  // Prefer a display for the volume example, the way people talk about a loud kitchen display.
  const loud = speakers.find((d) => d.type === 'SmartDisplay') ?? speakers[0];
  const musicDevice = speakers.find((d) => d.type === 'SmartSpeaker') ?? speakers[0];

  if (loud && allows('volume_control')) {
    out.push(chips.volume(loud, loud.volume === 20 ? 35 : 20));
  }
  if (musicDevice && allows('music_services')) {
    out.push(musicDevice.nowPlaying ? chips.pauseMusic(musicDevice.location) : chips.playJazz(musicDevice.location));
  }
  if (speakers.length >= 2 && allows('multi_room_audio')) {
    out.push(chips.playJazzIn2(speakers[0]!.location, speakers[1]!.location));
  }
  if (devices[0] && allows('custom_actions')) {
    out.push(chips.routine(devices[0]));
  }
  const first = devices[0];
  if (first && allows('device_power')) {
    out.push(chips.power(first, first.power !== 'on'));
  }
  if (first && allows('status_check')) {
    out.push(chips.isOnline(first));
  }
  out.push(chips.capabilities);
  // "What can you do?" always stays; trim the device ones to fit.
  const unique = [...new Set(out)];
  if (unique.length <= max) return unique;
  return [...unique.slice(0, max - 1), chips.capabilities];
}
