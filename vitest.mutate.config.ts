// The unit tests of the engine only (src/), for `npm run mutate`: the UI's tests cannot notice a
// change in the kernel procedures that the engine's own tests miss, and they double the time.
import base from './vite.config';

export default { ...base, test: { ...base.test, include: ['src/**/*.test.ts'] } };
