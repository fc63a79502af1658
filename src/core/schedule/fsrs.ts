import { fsrs, generatorParameters, type FSRS } from 'ts-fsrs';

const cache = new Map<number, FSRS>();

/**
 * The FSRS-6 scheduler (ts-fsrs defaults) at a desired retention. Fuzz stays off so that the
 * intervals shown on the grade bar are the ones that are stored.
 */
export function scheduler(retention = 0.9): FSRS {
  let f = cache.get(retention);
  if (!f) {
    f = fsrs(generatorParameters({ request_retention: retention, enable_fuzz: false }));
    cache.set(retention, f);
  }
  return f;
}
