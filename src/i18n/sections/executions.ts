import { defineMessages } from '../types.js';

/** Strings of the executions components. Every key in English and in every shipped locale. */
export const executions = defineMessages({
  en: {},
  es: {},
  fr: {},
  de: {},
  ja: {},
});
