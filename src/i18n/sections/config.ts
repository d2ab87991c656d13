import { defineMessages } from '../types.js';

/** Strings of the config components. Every key in English and in every shipped locale. */
export const config = defineMessages({
  en: {},
  es: {},
  fr: {},
  de: {},
  ja: {},
});
