/** The notifier's settings (NotifierSettings), derived from the configuration once. */
export const NOTIFIER_SETTINGS = Symbol('NOTIFIER_SETTINGS');
/** The random source of the retry jitter (Math.random unless a test pins it). */
export const RANDOM_SOURCE = Symbol('RANDOM_SOURCE');
