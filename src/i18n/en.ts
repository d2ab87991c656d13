/** English, the default catalog. Every visible and assistive string of the library has a key here. */
export const en = {
  'connect.popupBlocked':
    'The browser blocked the sign-in window. Allow pop-ups for this site and try again.',
  'connect.timeout': 'The sign-in took too long. Try again.',
  'connect.required': 'This field is required.',
  'connect.invalid': 'This value is not valid.',
  'error.generic': 'Something went wrong. Try again.',
};

/** The message catalog: every key with its English text. */
export type RefoldMessages = typeof en;
