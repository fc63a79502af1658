import type { Card } from '../core/deck/types.js';
import type { ListenStatus } from '../core/audio/listener.js';
import { pitchTargetSeconds } from '../core/pitch/timing.js';
import { pitchReady, onPitchCard } from '../core/session/drill-pitch.js';
import type { DrillSession } from '../core/session/drill-session.js';
import { listen, requireRecorder, type Ears, type ListenOptions } from './pitch-listen.js';

export { requireRecorder };

const QUIET: ListenStatus = { phase: 'waiting', voiceStartMs: null, voiceEndMs: null, heardMs: 0, figures: null, error: null };

/**
 * `prep drill --listen`: the microphone is open only while the pitch card waits for its answer.
 * The recorder starts when the card is shown and ends when it is revealed (by a silence or by
 * space) or left (undo, quit); the revealed card keeps the figures of what was heard. Other
 * cards are never recorded. `stop` ends any recorder still running.
 */
export function listenInDrill(session: DrillSession, card: Card, deck: string, opts: ListenOptions, env = process.env): Ears {
  const spec = requireRecorder(env);
  const target = { subscribe: session.subscribe, send: session.send, ready: () => pitchReady(session.getState()) };
  const subscribers = new Set<() => void>();
  const notify = () => subscribers.forEach((s) => s());
  /** The ears of the pitch card's latest showing; running while `open`. */
  let ears: Ears | null = null;
  let open = false;
  let unrelay = () => {};

  const follow = () => {
    const s = session.getState();
    const wanted = s.phase === 'question' && onPitchCard(s);
    if (wanted && !open) {
      unrelay();
      ears = listen(target, card, deck, opts, env);
      unrelay = ears.source.subscribe(notify);
      open = true;
      notify();
    } else if (!wanted && open) {
      open = false;
      ears?.stop();
    }
  };
  const unsubscribe = session.subscribe(follow);
  follow();

  return {
    source: {
      subscribe: (l) => {
        subscribers.add(l);
        return () => subscribers.delete(l);
      },
      get: () => ears?.source.get() ?? QUIET,
      recorder: spec.name,
      stopAfterSeconds: opts.stopAfter,
      targetSeconds: pitchTargetSeconds(card),
    },
    stop: () => {
      unsubscribe();
      if (open) ears?.stop();
      open = false;
      unrelay();
    },
  };
}
