export { count } from './count';
