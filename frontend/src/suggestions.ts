// Quick replies that fit the customer's tier and devices.

import type { Device, ServiceLevel } from './protocol';
import { deviceKind, hasSpeaker, humanize } from './tiers';

function phrase(d: Device): string {
  return `the ${humanize(d.location)} ${deviceKind(d)}`;
}

export function suggestions(devices: Device[], level: ServiceLevel | null, max = 5): string[] {
  const allows = (a: string) => level?.allowedActions.includes(a) ?? false;
  const out: string[] = [];
  const speakers = devices.filter(hasSpeaker);
  // Prefer a display for the volume example, the way people talk about a loud kitchen display.
  const loud = speakers.find((d) => d.type === 'SmartDisplay') ?? speakers[0];
  const musicDevice = speakers.find((d) => d.type === 'SmartSpeaker') ?? speakers[0];

  if (loud && allows('volume_control')) {
    const target = loud.volume === 20 ? 35 : 20;
    out.push(`Turn ${phrase(loud)} ${target < loud.volume ? 'down' : 'up'} to ${target}`);
  }
  if (musicDevice && allows('music_services')) {
    out.push(musicDevice.nowPlaying ? `Pause the music in the ${humanize(musicDevice.location)}` : `Play jazz in the ${humanize(musicDevice.location)}`);
  }
  if (speakers.length >= 2 && allows('multi_room_audio')) {
    out.push(`Play jazz in the ${humanize(speakers[0]!.location)} and the ${humanize(speakers[1]!.location)}`);
  }
  if (devices[0] && allows('custom_actions')) {
    out.push(`Every day at 7:00 turn on ${phrase(devices[0])}`);
  }
  const first = devices[0];
  if (first && allows('device_power')) {
    out.push(`Turn ${first.power === 'on' ? 'off' : 'on'} ${phrase(first)}`);
  }
  if (first && allows('status_check')) {
    out.push(`Is ${phrase(first)} online?`);
  }
  out.push('What can you do?');
  // "What can you do?" always stays; trim the device ones to fit.
  const unique = [...new Set(out)];
  if (unique.length <= max) return unique;
  return [...unique.slice(0, max - 1), 'What can you do?'];
}
