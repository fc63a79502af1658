import { SessionStore } from './session-store.js';
import { homeReducer, type HomeAction, type HomeState } from './home-state.js';

/**
 * The home screen's store. It commits nothing: picking a deck only ends the screen with a
 * choice, and the command then runs on its own store. A record reaching the sink is a bug.
 */
export class HomeSession extends SessionStore<HomeState, HomeAction> {
  constructor(initial: HomeState) {
    super(
      initial,
      homeReducer,
      {
        append: () => {
          throw new Error('the home screen writes no records');
        },
      },
      (_record, err) => {
        throw err;
      },
    );
  }

  send = (action: HomeAction): boolean => this.apply(action);
}
