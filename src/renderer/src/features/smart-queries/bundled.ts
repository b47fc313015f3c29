/** The catalogue shipped with the app, validated like any imported one. */
import bundledJson from './catalogue.json';
import { parseCatalogue, type Catalogue } from './catalogue';

export const bundledCatalogue = (): Catalogue => parseCatalogue(bundledJson);
