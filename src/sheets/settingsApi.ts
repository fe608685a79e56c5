/** getSettings / saveSettings: the per-document settings (SPEC.md "Settings"). */
import type { Settings } from '../core/types';
import { loadSettings, storeSettings } from './settingsStore';

export function getSettings(): Settings {
  return loadSettings().settings;
}

export function saveSettings(partial: unknown): Settings {
  return storeSettings(partial);
}
