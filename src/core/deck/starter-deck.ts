/** What the starter deck is made for. */
export interface StarterOptions {
  /** The deck name: the file name without `.yaml`. */
  name: string;
  /** The `$schema` target of the yaml-language-server line: a URL or a path. */
  schema: string;
}

/**
 * The text of a new deck: every key shown once with a comment on what it is for, example cards
 * to overwrite, and the schema line editors use to check and complete it. It loads and lints
 * without a problem, so `prep drill <name>` works before the first edit.
 */
export function starterDeck({ name, schema }: StarterOptions): string {
  const company = name
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  // A name like "null" or "123" would otherwise be read back as something other than text.
  const text = (s: string): string => (/^(?:null|true|false|~|[\d.+-].*)$/i.test(s) ? JSON.stringify(s) : s);
  return `# yaml-language-server: $schema=${schema}
# A prep deck: one file per interview. Replace the examples with your own, then run
#   prep lint ${name}     to check it (every problem, with its line)
#   prep drill ${name}    to drill it
# Editors with YAML support (VS Code's YAML extension, say) check and complete this file
# through the schema line above.

# The title shows at the top of every card; company, role and interview are optional.
title: ${company} interview
company: ${text(company)}
# role: Software Engineer
# interview: 2026-03-05          # the date (or 2026-03-05T14:00): prep plans reviews around it

# Your answer to "Tell me about yourself", timed by prep pitch.
pitch:
  seconds: 30                    # target length; about 75 words at a calm pace
  script: >
    I build developer tools. Lately I have been making test suites fast enough to run on
    every save, which cut our team's wait for feedback from minutes to seconds. I want to
    bring that to ${company}, where the same problem meets far more developers.
  points:                        # the beats the pitch must hit
    - What I do, in one line
    - One proof, with a number
    - Why this company

# The questions you expect, each with the answer you would give.
questions:
  - id: why-us                   # keep the id when you reword the question: progress is kept under it
    question: Why do you want to work here?
    answer: >
      Because your product solves a problem I have worked on myself, and I want to
      work on it where it reaches the most people.
    points:                      # what the answer must hit; shown when you reveal it
      - The problem we share
      - text: The reach I want     # a point may list other phrasings a typed answer may use
        match: [the most people, the widest reach]
    tags: [motivation]           # optional labels
    seconds: 45                  # optional target for how long to speak

  - id: hardest-bug
    question: Tell me about the hardest bug you fixed.
    answer: >
      Situation, what I did, and what changed: a race in our cache that lost writes under
      load. I reproduced it with a stress test, found the missing lock, and added the test
      to CI so it cannot come back.
    points:
      - The situation, in one sentence
      - What I did, step by step
      - The result, with a number
    seconds: 60

# Questions to ask them at the end: plain text, or with an id and why you ask.
ask:
  - id: first-project
    question: What would my first project be?
    why: It shows what they need most.
  - How does the team decide what to build next?

# Words a typed answer may use for one another, either way round.
aliases:
  CI: continuous integration
`;
}
