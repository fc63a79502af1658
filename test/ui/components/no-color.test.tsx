import { afterEach, describe, expect, it, vi } from 'vitest';

import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { AnswerClock } from '../../../src/ui/components/answer-clock.js';
import { GradeBar } from '../../../src/ui/components/grade-bar.js';
import { PitchTimer } from '../../../src/ui/components/pitch-timer.js';
import { plain } from '../../helpers/ink.js';
import { useColour } from '../../helpers/colour.js';

/** An SGR colour code: foreground, background, bright, 256-colour or RGB. */
// eslint-disable-next-line no-control-regex
const COLOUR_CODE = /\x1b\[(?:3\d|4\d|9[0-7]|10[0-7])(?:;[\d;]*)?m/;

// Colour on, as on a terminal, so the colour and NO_COLOR tests can fail.
useColour();
afterEach(() => vi.unstubAllEnvs());

const GRADES = [
  { grade: 1 as const, name: 'Again', wait: '10m' },
  { grade: 2 as const, name: 'Hard', wait: '1d' },
  { grade: 3 as const, name: 'Good', wait: '3d' },
  { grade: 4 as const, name: 'Easy', wait: '8d' },
];
const NOW = 1_000_000;

// The coloured pieces of the drill, pitch and mock screens. Each takes its colour from a role in
// ui/theme.ts, so NO_COLOR (https://no-color.org) turns every one of them off in that one place.
const pieces: Array<[string, () => ReactElement, string]> = [
  ['the grade bar', () => <GradeBar grades={GRADES} suggested={3} />, 'Good'],
  ['the pitch timer, running into its last seconds', () => <PitchTimer startedAt={NOW - 27_000} stoppedAt={null} targetSeconds={30} clock={() => NOW} />, '30 s'],
  ['the pitch timer, over its target', () => <PitchTimer startedAt={NOW - 40_000} stoppedAt={NOW} targetSeconds={30} clock={() => NOW} />, '30 s'],
  ['the answer clock of a mock', () => <AnswerClock clock={{ text: '0:42', target: '0:30', fill: 1, zone: 'over', words: '[over]' }} width={60} />, '0:42'],
];

describe('colour follows NO_COLOR in every coloured piece', () => {
  it.each(pieces)('%s is coloured on a colour terminal', (_what, piece, text) => {
    const { lastFrame, unmount } = render(piece());
    expect(plain(lastFrame())).toContain(text);
    expect(lastFrame()).toMatch(COLOUR_CODE);
    unmount();
  });

  it.each(pieces)('%s has no colour at all with NO_COLOR set', (_what, piece, text) => {
    vi.stubEnv('NO_COLOR', '1');
    const { lastFrame, unmount } = render(piece());
    expect(plain(lastFrame())).toContain(text);
    expect(lastFrame()).not.toMatch(COLOUR_CODE);
    unmount();
  });
});
