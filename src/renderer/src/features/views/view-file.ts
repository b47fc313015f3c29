/**
 * The saved-view file: a versioned envelope around the explorer's serialisable view (filters,
 * mode, appearance, layout, camera, node positions, expanded nodes). Reading one never throws: a bad file gives
 * an Error whose message says what is wrong and where.
 */
import { z } from 'zod';
import { ViewState } from '../../state/view-state';

const VIEW_FORMAT = 'smart-network-view';
/** 2 adds node positions and layout settings, 3 style rules; versions 1 and 2 still open. */
const VIEW_VERSION = 3;
const VIEW_EXTENSION = '.snview.json';

export const ViewFile = z.strictObject({
  format: z.literal(VIEW_FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(VIEW_VERSION)]),
  name: z.string().max(200).default(''),
  saved_at: z.iso.datetime(),
  view: ViewState,
});
export type ViewFile = z.infer<typeof ViewFile>;

/** Largest file worth reading: views are a few kilobytes, even with many expanded nodes. */
const MAX_VIEW_FILE_BYTES = 5_000_000;

export function createViewFile(view: ViewState, name = '', now = new Date()): ViewFile {
  return { format: VIEW_FORMAT, version: VIEW_VERSION, name, saved_at: now.toISOString(), view };
}

export const serializeViewFile = (file: ViewFile): string => `${JSON.stringify(file, null, 2)}\n`;

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : 'the file';
  return `${where}: ${issue.message}`;
}

/** Reads a view file; the result is the view, or an Error explaining why it cannot be opened. */
export function parseViewFile(text: string): ViewFile | Error {
  if (text.length > MAX_VIEW_FILE_BYTES) return new Error('This file is too large to be a view.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return new Error('This file is not a saved view: it is not valid JSON.');
  }
  if (typeof json !== 'object' || json === null || Reflect.get(json, 'format') !== VIEW_FORMAT) {
    return new Error(`This file is not a saved view (expected "format": "${VIEW_FORMAT}").`);
  }
  const version: unknown = Reflect.get(json, 'version');
  if (typeof version === 'number' && version > VIEW_VERSION) {
    return new Error(
      `This view was saved by a newer version of Smart Network (format ${version}); this one reads format ${VIEW_VERSION}.`,
    );
  }
  const parsed = ViewFile.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map(describeIssue);
  return new Error(`This view file is damaged or incomplete — ${issues.join('; ')}.`);
}

export function viewFileName(name: string): string {
  const stem =
    name
      .trim()
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'view';
  return `${stem}${VIEW_EXTENSION}`;
}
