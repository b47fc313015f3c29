/**
 * The generate form as data: every generator field with its limits, the size presets of the
 * seed's size table, and the conversion of what was typed into a validated request. The upper
 * bounds are the server's own (from its settings) once known; until then the defaults are
 * shown and the server decides.
 */
import { GenerateRequest, type GenerateInput, type ServerSettings } from '@shared/api';
import { detailsFromZod } from '@shared/errors';

export type FieldKey =
  | 'consultants_per_region'
  | 'field_consultants_per_consultant'
  | 'companies_per_field_consultant'
  | 'products_per_company'
  | 'incumbents_per_company'
  | 'direct_coverage_probability'
  | 'rating_probability'
  | 'recommendation_probability';

export type FieldSpec = {
  key: FieldKey;
  label: string;
  kind: 'count' | 'probability';
  min: number;
  /** Upper bound (the server's, or its default until known) and the variable that sets it. */
  max: number;
  bound?: string;
  /** True when `max` is the server's configured bound, which the form then enforces. */
  fromServer?: boolean;
};

type BoundSetting = keyof Pick<
  ServerSettings,
  | 'max_consultants_per_region'
  | 'max_field_consultants_per_consultant'
  | 'max_companies_per_field'
  | 'max_products_per_company'
>;

/** The settings field that carries each variable's value. */
const BOUND_SETTINGS: Record<string, BoundSetting> = {
  MAX_CONSULTANTS_PER_REGION: 'max_consultants_per_region',
  MAX_FIELD_CONSULTANTS_PER_CONSULTANT: 'max_field_consultants_per_consultant',
  MAX_COMPANIES_PER_FIELD: 'max_companies_per_field',
  MAX_PRODUCTS_PER_COMPANY: 'max_products_per_company',
};

export const GENERATOR_FIELDS: readonly FieldSpec[] = [
  {
    key: 'consultants_per_region',
    label: 'Consultants per region',
    kind: 'count',
    min: 1,
    max: 50,
    bound: 'MAX_CONSULTANTS_PER_REGION',
  },
  {
    key: 'field_consultants_per_consultant',
    label: 'Field consultants per consultant',
    kind: 'count',
    min: 1,
    max: 5,
    bound: 'MAX_FIELD_CONSULTANTS_PER_CONSULTANT',
  },
  {
    key: 'companies_per_field_consultant',
    label: 'Companies per field consultant',
    kind: 'count',
    min: 1,
    max: 10,
    bound: 'MAX_COMPANIES_PER_FIELD',
  },
  {
    key: 'products_per_company',
    label: 'Products per company',
    kind: 'count',
    min: 1,
    max: 8,
    bound: 'MAX_PRODUCTS_PER_COMPANY',
  },
  {
    key: 'incumbents_per_company',
    label: 'Incumbent products per company',
    kind: 'count',
    min: 0,
    max: 8,
    bound: 'MAX_PRODUCTS_PER_COMPANY',
  },
  {
    key: 'direct_coverage_probability',
    label: 'Direct coverage probability',
    kind: 'probability',
    min: 0,
    max: 1,
  },
  {
    key: 'rating_probability',
    label: 'Rating probability',
    kind: 'probability',
    min: 0,
    max: 1,
  },
  {
    key: 'recommendation_probability',
    label: 'Recommendation probability',
    kind: 'probability',
    min: 0,
    max: 1,
  },
];

/** The fields with the server's bounds in place of the defaults (as they are without settings). */
export function generatorFields(settings: ServerSettings | null): readonly FieldSpec[] {
  if (!settings) return GENERATOR_FIELDS;
  return GENERATOR_FIELDS.map((spec) => {
    const setting = spec.bound ? BOUND_SETTINGS[spec.bound] : undefined;
    return setting ? { ...spec, max: settings[setting], fromServer: true } : spec;
  });
}

/** Why a preset cannot be used with these bounds, or null when it can. */
export function presetProblem(
  preset: (typeof PRESETS)[number],
  fields: readonly FieldSpec[],
): string | null {
  const spec = fields.find((f) => f.key === 'consultants_per_region');
  if (!spec?.fromServer || preset.consultants <= spec.max) return null;
  return `Above this server's limit of ${spec.max} consultants per region (${spec.bound ?? ''})`;
}

export type GenerateForm = {
  regions: string[];
  values: Record<FieldKey, string>;
  seed: string;
  mode: 'append' | 'replace';
};

/** The seed's size table: nodes grow linearly with consultants (about 24 per consultant). */
export const PRESETS = [
  { id: 'small', label: 'Small', consultants: 10, approxNodes: 720 },
  { id: 'medium', label: 'Medium', consultants: 50, approxNodes: 3_600 },
  { id: 'large', label: 'Large', consultants: 100, approxNodes: 7_200 },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];

/** The server's defaults, which give the seed's size table. */
const defaultValues = (): Record<FieldKey, string> => ({
  consultants_per_region: '10',
  field_consultants_per_consultant: '2',
  companies_per_field_consultant: '3',
  products_per_company: '2',
  incumbents_per_company: '1',
  direct_coverage_probability: '0.3',
  rating_probability: '0.6',
  recommendation_probability: '0.6',
});

export const initialForm = (regions: readonly string[]): GenerateForm => ({
  regions: [...regions],
  values: defaultValues(),
  seed: '',
  mode: 'append',
});

/** A preset resets every field to its default and sets the consultants per region. */
export function applyPreset(form: GenerateForm, id: PresetId): GenerateForm {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) return form;
  return {
    ...form,
    values: { ...defaultValues(), consultants_per_region: String(preset.consultants) },
  };
}

/** Estimated node count of a form (linear in consultants, from the size table). */
export function estimateNodes(form: GenerateForm): number | null {
  const consultants = Number(form.values.consultants_per_region);
  if (!Number.isFinite(consultants) || consultants <= 0) return null;
  return Math.round((consultants * form.regions.length * PRESETS[0].approxNodes) / 30);
}

export type FormErrors = Partial<Record<FieldKey | 'regions' | 'seed' | 'form', string>>;

function fieldError(spec: FieldSpec, text: string): string | null {
  if (text.trim() === '') return 'required';
  const n = Number(text);
  if (!Number.isFinite(n)) return 'a number';
  if (spec.kind === 'count' && !Number.isInteger(n)) return 'a whole number';
  if (n < spec.min) return `at least ${spec.min}`;
  if (spec.kind === 'probability' && n > spec.max) return 'between 0 and 1';
  if (spec.fromServer && n > spec.max)
    return `at most ${spec.max} (${spec.bound ?? 'server limit'})`;
  return null;
}

/**
 * A validated request, or the errors by field. Counts above a server's known bound are refused
 * here; above a default bound they pass, and the server decides.
 */
export function toGenerateRequest(
  form: GenerateForm,
  fields: readonly FieldSpec[] = GENERATOR_FIELDS,
): { request: GenerateInput } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (form.regions.length === 0) errors.regions = 'choose at least one region';
  const request: Record<string, unknown> = { regions: form.regions, mode: form.mode };
  for (const spec of fields) {
    const text = form.values[spec.key];
    const error = fieldError(spec, text);
    if (error) errors[spec.key] = error;
    else request[spec.key] = Number(text);
  }
  if (form.seed.trim() !== '') {
    const seed = Number(form.seed);
    if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1)
      errors.seed = 'a whole number from 0 to 2147483647';
    else request.seed = seed;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const parsed = GenerateRequest.safeParse(request);
  if (!parsed.success) {
    const first = detailsFromZod(parsed.error)[0];
    return {
      errors: { form: first ? `${first.field ?? 'request'}: ${first.message}` : 'invalid request' },
    };
  }
  return { request: parsed.data };
}

/** Shown under a count field when the value goes over its bound. */
export function boundHint(spec: FieldSpec, text: string): string | null {
  const n = Number(text);
  if (spec.kind !== 'count' || !spec.bound || !Number.isFinite(n) || n <= spec.max) return null;
  if (spec.fromServer) return `Above this server's limit of ${spec.max} (${spec.bound}).`;
  return `Above the default limit of ${spec.max}; the server must allow it (${spec.bound}).`;
}
