import { defineMessages } from '../types.js';

/** Strings of the catalog components. Every key in English and in every shipped locale. */
export const catalog = defineMessages({
  en: {},
  es: {},
  fr: {},
  de: {},
  ja: {},
});
