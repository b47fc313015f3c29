/** The app's version, from package.json (bundled at build time, read as JSON under tsx). */
import pkg from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
