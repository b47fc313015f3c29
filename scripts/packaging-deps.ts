/** `npm run packaging:deps`: installs packaging/ when missing (the builder-config test uses it). */
import { ensurePackagingDeps } from './lib/packaging';

ensurePackagingDeps();
