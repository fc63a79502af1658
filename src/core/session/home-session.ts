import { Store } from './session-store.js';
import { homeReducer, type HomeAction, type HomeState } from './home-state.js';

/**
 * The home screen's store. It commits nothing, so it has no log to write to: picking a deck only
 * ends the screen with a choice, and the command then runs on its own store.
 */
export class HomeSession extends Store<HomeState, HomeAction> {
  constructor(initial: HomeState) {
    super(initial, homeReducer);
  }

  send = (action: HomeAction): void => this.reduce(action);
}
