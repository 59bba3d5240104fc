// Protocol constants with no zod in them, so browser code can import them without the schemas.

/** The longest feedback message, in characters. */
export const FEEDBACK_MAX_LENGTH = 5000;
