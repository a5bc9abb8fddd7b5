import { isWallAddress } from './wall/wallAddress';
import './styles.css';

// The entry only picks the page: the dashboard or the wall, each with everything it needs in one
// request wave (no chunk waits for another to run first); a desk never loads the wall, a wall never the dashboard.
void (isWallAddress(window.location.search) ? import('./wall/startWall') : import('./app/startApp')).then(({ start }) => start());
// Both pages load every collection: the data starts loading while the page's code is still arriving.
void import('./app/earlyLoad').then(({ startEarly }) => startEarly());
