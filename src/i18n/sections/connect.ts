import { defineMessages } from '../types.js';

/** Strings of the connect components. Every key in English and in every shipped locale. */
export const connect = defineMessages({
  en: {},
  es: {},
  fr: {},
  de: {},
  ja: {},
});
