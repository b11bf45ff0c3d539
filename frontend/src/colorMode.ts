// Light and dark colour modes: Chakra's `_dark` styles follow a `dark` class on <html>.

import { useCallback, useState } from 'react';
import { loadColorMode, saveColorMode, type ColorMode } from './storage';

function systemPrefersDark(): boolean {
  try {
    return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  } catch {
    return false;
  }
}

export function applyColorMode(mode: ColorMode): void {
  const root = document.documentElement;
  root.classList.toggle('dark', mode === 'dark');
  root.classList.toggle('light', mode === 'light');
  root.style.colorScheme = mode;
}

export function initColorMode(): ColorMode {
  const mode = loadColorMode() ?? (systemPrefersDark() ? 'dark' : 'light');
  applyColorMode(mode);
  return mode;
}

export function useColorMode(): { mode: ColorMode; toggle: () => void } {
  const [mode, setMode] = useState<ColorMode>(() =>
    document.documentElement.classList.contains('dark') ? 'dark' : 'light',
  );
  const toggle = useCallback(() => {
    setMode((current) => {
      const next: ColorMode = current === 'dark' ? 'light' : 'dark';
      applyColorMode(next);
      saveColorMode(next);
      return next;
    });
  }, []);
  return { mode, toggle };
}
