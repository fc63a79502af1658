/** The parts of a prep sheet the Markdown importer takes. */
export type SectionKind = 'questions' | 'pitch' | 'ask';

// Checked in this order: "Questions to Ask Them" is an ask section although it names questions.
const ASK =
  /\bquestions?\s+(?:to\s+ask|for\s+(?:them|the\s+(?:interviewers?|team|panel|hiring\s+manager)|your\s+interviewers?))\b|\bask\s+them\b|\bwhat\s+to\s+ask\b|\breverse\s+interview\b/;
const PITCH = /\btell\s+me\s+about\s+yourself\b|\b(?:elevator\s+)?pitch\b|\bintroduce\s+yourself\b/;
const QUESTIONS =
  /\b(?:likely|expected|anticipated|probable|possible|common|top|typical|interview|behaviou?ral|technical)\b.*\bquestions?\b|\bquestions?\s*(?:and|&|\+)\s*answers?\b|\bq\s*&\s*a\b|\bquestions?\s+(?:they|the\s+interviewers?)\b.*\bask\b|^(?:\d+\s+)?questions?$/;

/**
 * Which section a heading starts, from its wording: "5 Most Likely Questions and Answers" and
 * "Likely Questions" are questions, "30-Second Tell Me About Yourself" is the pitch,
 * "Questions to Ask Them" is the ask section; anything else is undefined.
 */
export function sectionKind(heading: string): SectionKind | undefined {
  const h = heading.toLowerCase().replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
  if (ASK.test(h)) return 'ask';
  if (PITCH.test(h)) return 'pitch';
  if (QUESTIONS.test(h)) return 'questions';
  return undefined;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, half: 0.5 };

/** The length a pitch heading names: "30-Second" -> 30, "2-minute" or "Two Minute" -> 120. */
export function headingSeconds(heading: string): number | undefined {
  const h = heading.toLowerCase();
  const sec = /(\d+)\s*-?\s*(?:seconds?|secs?|s)\b/.exec(h);
  if (sec?.[1]) return Number(sec[1]) || undefined;
  const min = /(\d+(?:\.\d+)?|one|two|three|half)\s*[- ]?\s*(?:a\s+)?(?:minutes?|mins?)\b/.exec(h);
  if (min?.[1]) {
    const n = NUMBER_WORDS[min[1]] ?? Number(min[1]);
    return n > 0 ? Math.round(n * 60) : undefined;
  }
  return undefined;
}
