/**
 * Both languages at once, for tests and scripts (the app fetches Chinese only when asked: strings.ts
 * loadLang). Importing this module also registers the Chinese table, so t('zh') is Chinese at once.
 */
import { EN_PARTS, en, registerLang } from './strings.ts';
import { ZH_PARTS, zh } from './zh/index.ts';

registerLang('zh', zh);

/** Every topic's table in both languages. */
export const STRING_PARTS = {
  app: { en: EN_PARTS.app, zh: ZH_PARTS.app },
  controls: { en: EN_PARTS.controls, zh: ZH_PARTS.controls },
  notices: { en: EN_PARTS.notices, zh: ZH_PARTS.notices },
  panels: { en: EN_PARTS.panels, zh: ZH_PARTS.panels },
  baseline: { en: EN_PARTS.baseline, zh: ZH_PARTS.baseline },
  export: { en: EN_PARTS.export, zh: ZH_PARTS.export },
  train: { en: EN_PARTS.train, zh: ZH_PARTS.train },
  tour: { en: EN_PARTS.tour, zh: ZH_PARTS.tour },
} as const;

/** The merged tables, one object per language. */
export const strings = { en, zh } as const;
