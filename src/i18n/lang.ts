/** The languages of the interface: every string a person sees exists in both (src/i18n/strings.ts). */
export type Lang = 'en' | 'zh';
