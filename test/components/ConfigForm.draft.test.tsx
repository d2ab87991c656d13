import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { FIELD_CONTROLS, fieldTypeOf } from '../../src/components/ConfigForm/field-types.js';
import { FIELD_VALUES, toFormValue, toWireValue } from '../../src/components/ConfigForm/field-values.js';
import { useConfigDraft } from '../../src/components/ConfigForm/index.js';
import type { ConfigField } from '../../src/core/types.js';
import { defaultConfigTemplate } from '../../src/testing/mock-refold/index.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

const CONFIG_PATH = '/api/v2/f-sdk/config';

/** A form of the caller's own over the headless draft: plain inputs for the text-like fields only. */
function PlainForm() {
  const draft = useConfigDraft({ slug: 'hubspot' });
  const textual = draft.fields.filter(
    (f) => typeof f.value === 'string' && ['text', 'number', 'json'].includes(f.field.field_type),
  );
  return (
    <form
      data-state={draft.state}
      onSubmit={(event) => {
        event.preventDefault();
        draft.submit();
      }}
    >
      {textual.map((f) => (
        <label key={f.key}>
          {f.field.name}
          <input value={f.value as string} onChange={(event) => f.setValue(event.target.value)} />
          {f.problem && <span role="alert">{f.problem.key}</span>}
        </label>
      ))}
      <output>{JSON.stringify(draft.body())}</output>
      <p>{draft.dirty ? 'dirty' : 'clean'}</p>
      <button type="submit">Save</button>
    </form>
  );
}

describe('useConfigDraft (headless)', () => {
  const { mock, sent } = setupMockWorker();
  const saves = () => sent().filter((r) => r.method === 'PUT' && r.path === CONFIG_PATH);

  it('drives a form of one’s own: only the changed field is serialised and saved', async () => {
    const screen = renderRefold(<PlainForm />, { mock });
    const batch = await screen.findByRole('textbox', { name: 'Batch size' });
    expect(screen.getByText('clean')).toBeTruthy();
    expect(screen.container.querySelector('output')?.textContent).toBe('{}');

    await userEvent.fill(batch, '250');
    expect(screen.getByText('dirty')).toBeTruthy();
    expect(JSON.parse(screen.container.querySelector('output')?.textContent ?? '')).toEqual({
      fields: { batch_size: 250 },
    });

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => screen.container.querySelector('form')?.dataset.state).toBe('saved');
    expect(saves()).toHaveLength(1);
    const body = saves()[0]!.body as { fields: object; workflows?: unknown };
    expect(body.fields).toEqual({ batch_size: 250 });
    expect(body.workflows).toBeUndefined();
    expect(screen.getByText('clean')).toBeTruthy();
  });

  it('blocks the save on a field type’s problem (JSON that does not parse) and leaves the field out of the body', async () => {
    const screen = renderRefold(<PlainForm />, { mock });
    const payload = await screen.findByRole('textbox', { name: /Extra payload/ });
    await userEvent.fill(payload, '{"source":');
    expect(screen.getByRole('alert').textContent).toMatch(/^configForm\.jsonInvalid/);
    expect(screen.container.querySelector('output')?.textContent).toBe('{}');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => screen.container.querySelector('form')?.dataset.state).toBe('error');
    expect(saves()).toHaveLength(0);
  });
});

describe('field-type registry', () => {
  const field = (field_type: string, extra: Partial<ConfigField> = {}): ConfigField => ({
    id: 'f',
    name: 'F',
    field_type,
    ...extra,
  });

  it('has an entry for every type Refold’s config template uses, and none for a type it does not know', () => {
    const used = defaultConfigTemplate({ name: 'Any', slug: 'any' }).fields.map((f) => f.field_type);
    expect(used.filter((type) => fieldTypeOf(field(type)) === undefined)).toEqual([]);
    expect(Object.keys(FIELD_VALUES)).toEqual(expect.arrayContaining([...new Set(used)]));
    expect(Object.keys(FIELD_CONTROLS)).toEqual(Object.keys(FIELD_VALUES));
    // Unknown types (and names of Object.prototype) are shown read-only: no form value, never sent.
    expect(fieldTypeOf(field('color'))).toBeUndefined();
    expect(fieldTypeOf(field('toString'))).toBeUndefined();
    expect(toFormValue(field('color'), '#ff6600')).toBeUndefined();
  });

  it('turns stored values into form values and back, keeping option types', () => {
    const select = field('select', {
      options: [
        { name: 'Ten', value: 10 },
        { name: 'None', value: null },
      ],
    });
    expect(toFormValue(select, 10)).toBe('10');
    expect(toWireValue(select, '10')).toBe(10);
    expect(toWireValue(select, toFormValue(select, null)!)).toBeNull();
    expect(toWireValue(field('number'), ' 42 ')).toBe(42);
    expect(toFormValue(field('date'), '2025-01-15T10:00:00Z')).toBe('2025-01-15');
    expect(toWireValue(field('json', { value: { a: 1 } }), '{"a":2}')).toEqual({ a: 2 });
    expect(toFormValue(field('text'), { region: 'EU' })).toBeUndefined();
  });

  it('groups the types made of several inputs in a fieldset', () => {
    const grouped = (f: ConfigField) => fieldTypeOf(f)?.grouped?.(f) ?? false;
    expect(grouped(field('map'))).toBe(true);
    expect(grouped(field('rule_engine'))).toBe(true);
    expect(grouped(field('select', { multiple: true }))).toBe(true);
    expect(grouped(field('select'))).toBe(false);
    expect(grouped(field('text'))).toBe(false);
  });
});
