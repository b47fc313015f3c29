/** The renderer's only door to main: one `api` object of named async functions. */
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('api', {});
