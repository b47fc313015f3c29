import { describe, expect, it } from 'vitest';
import {
  checkForm,
  formValues,
  nodeFields,
  serverFieldErrors,
} from '../../../../src/renderer/src/features/edit/edit-form';
import { NODE_PROPS, OwnsIncumbentProps } from '../../../../src/shared/domain';
import { propertyFields } from '../../../../src/shared/property-fields';

const consultant = {
  id: 'NAI-C-1',
  name: 'Ann Lee',
  region: 'NAI',
  sales_region: 'East',
  channel: 'Direct',
  pca: 'Bo',
  consultant_advisor: 'Cy',
  performance: 70,
  influence: 40,
  email: 'ann@example.com',
};

describe('edit forms from the domain schemas', () => {
  it('gives each property the input its kind calls for, id and stamp left out', () => {
    const fields = nodeFields('CONSULTANT');
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    expect(Object.keys(byKey)).not.toContain('id');
    expect(Object.keys(byKey)).not.toContain('generation_id');
    expect(byKey.performance).toMatchObject({ kind: 'int', min: 0, max: 100 });
    expect(byKey.channel).toMatchObject({ kind: 'enum' });
    expect(byKey.channel && 'options' in byKey.channel && byKey.channel.options).toContain(
      'Direct',
    );
    expect(byKey.email).toMatchObject({ kind: 'text' });
    expect(nodeFields('CONSULTANT', true).map((f) => f.key)).toContain('id');
    const owns = Object.fromEntries(propertyFields(OwnsIncumbentProps).map((f) => [f.key, f]));
    expect(owns.manager_since_date?.kind).toBe('date');
    expect(owns.multi_mandate_manager?.kind).toBe('boolean');
    expect(owns.commitment_market_value).toMatchObject({ kind: 'int', min: 0 });
    expect(owns.commitment_market_value).not.toHaveProperty('max', Number.MAX_SAFE_INTEGER);
  });

  it('reads the typed texts back and sends only what changed', () => {
    const fields = nodeFields('CONSULTANT');
    const values = formValues(fields, consultant);
    expect(values.performance).toBe('70');
    const check = checkForm(
      NODE_PROPS.CONSULTANT,
      fields,
      { ...values, performance: '85', name: 'Ann B. Lee' },
      consultant,
    );
    expect(check).toEqual({ ok: true, properties: { performance: 85, name: 'Ann B. Lee' } });
    expect(checkForm(NODE_PROPS.CONSULTANT, fields, values, consultant)).toEqual({
      ok: true,
      properties: {},
    });
  });

  it('names each field at fault', () => {
    const fields = nodeFields('CONSULTANT');
    const values = formValues(fields, consultant);
    const check = checkForm(
      NODE_PROPS.CONSULTANT,
      fields,
      { ...values, performance: '150', influence: '', name: '' },
      consultant,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(['influence', 'name', 'performance']);
    expect(check.errors.influence).toBe('required');
    expect(check.errors.performance).toMatch(/100/);
  });

  it('maps the server’s field names onto the form', () => {
    expect(
      serverFieldErrors([
        { field: 'properties.aum', message: 'too big' },
        { field: 'version', message: 'stale' },
        { message: 'no field' },
      ]),
    ).toEqual({ aum: 'too big', version: 'stale' });
  });
});
