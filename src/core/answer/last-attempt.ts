/** A typed answer as saved with its grade (a card's newest one is kept in its grade summary). */
export interface TypedAttempt {
  text: string;
  /** ISO time of the grade. */
  at: string;
}
