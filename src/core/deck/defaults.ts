/** A card id: lowercase letters and digits in words joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** An ISO date `2026-03-05` or a local date-time `2026-03-05T14:00` / `2026-03-05T14:00:30`. */
export const INTERVIEW_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

/** The pitch prompt when the deck does not set one. */
export const DEFAULT_PITCH_PROMPT = 'Tell me about yourself.';

/** The pitch length in seconds when the deck does not set one. */
export const DEFAULT_PITCH_SECONDS = 30;
