/** A card id: lowercase letters and digits in words joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The pitch prompt when the deck does not set one. */
export const DEFAULT_PITCH_PROMPT = 'Tell me about yourself.';

/** The pitch length in seconds when the deck does not set one. */
export const DEFAULT_PITCH_SECONDS = 30;
