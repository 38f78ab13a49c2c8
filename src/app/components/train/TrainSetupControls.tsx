/**
 * The training setup: data (for the head models: generated anchors, or the features of the current
 * set), model and optimiser, and each
 * run's learning rate and prior, focal α and γf, steps. A number is committed on Enter or when the
 * box loses focus, checked against the setup table's range (worker/trainSetup.ts); a bad value stays
 * in the box, marked invalid with the reason, and changes nothing. Every commit is one undo step.
 */
import { useState, type KeyboardEvent } from 'react';
import type { StringKey } from '../../../i18n/strings.ts';
import {
  TRAIN_FIELDS,
  trainFieldProblem,
  type TrainChoiceField,
  type TrainNumberField,
  type TrainSetup,
} from '../../../worker/trainSetup.ts';
import { useApp, useAppStore } from '../../hooks/context.tsx';
import { useT } from '../../hooks/i18n.ts';
import { fmtCount } from '../../../viz/format.ts';

function fieldKey(key: keyof TrainSetup): StringKey {
  return `train.field.${key}` as StringKey;
}

const NUMBER_FIELDS = new Map(
  TRAIN_FIELDS.filter((f): f is TrainNumberField => f.kind === 'number').map((f) => [f.key, f]),
);

function NumberBox({ field }: { readonly field: TrainNumberField }) {
  const s = useT();
  const store = useAppStore();
  const value = useApp((st) => st.train.setup[field.key]);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const parsed = Number(text.trim());
  const problem = text.trim() === '' ? 'is not a number' : trainFieldProblem(field, parsed);
  const commit = () => {
    if (draft === null) return;
    if (problem === null) {
      store.getState().setTrainSetup({ [field.key]: parsed });
      setDraft(null);
    }
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') setDraft(null);
  };
  const id = `train-field-${field.key}`;
  return (
    <div className="train-field">
      <label htmlFor={id}>{s(fieldKey(field.key))}</label>
      <input
        id={id}
        data-testid={id}
        type="text"
        inputMode="decimal"
        size={8}
        value={text}
        aria-invalid={problem !== null}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKey}
      />
      {draft !== null && problem !== null ? (
        <span className="train-field-problem" role="status">
          {s('train.badValue', { field: s(fieldKey(field.key)), value: text, why: problem })}
        </span>
      ) : null}
    </div>
  );
}

function Box({ name }: { readonly name: TrainNumberField['key'] }) {
  const field = NUMBER_FIELDS.get(name);
  return field ? <NumberBox field={field} /> : null;
}

const CHOICE_FIELDS = new Map(
  TRAIN_FIELDS.filter((f): f is TrainChoiceField => f.kind === 'choice').map((f) => [f.key, f]),
);

/** A choice of the setup table as a select; option labels are the strings `train.<key>.<option>`. */
function Choice({ name }: { readonly name: TrainChoiceField['key'] }) {
  const s = useT();
  const store = useAppStore();
  const value = useApp((st) => st.train.setup[name]);
  const field = CHOICE_FIELDS.get(name);
  if (!field) return null;
  const id = `train-${name}`;
  return (
    <div className="train-field">
      <label htmlFor={id}>{s(fieldKey(name))}</label>
      <select
        id={id}
        data-testid={id}
        value={value}
        // the select offers only the field's options, the values the setup type allows
        onChange={(e) =>
          store.getState().setTrainSetup({ [name]: e.target.value } as Partial<TrainSetup>)
        }
      >
        {field.options.map((o) => (
          <option key={o} value={o}>
            {s(`train.${name}.${o}` as StringKey)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What the set's own features are (or that it has none), under the data choice. */
function SetFeatures() {
  const s = useT();
  const source = useApp((st) => st.source);
  const base = source.kind === 'explicit' ? source.base : null;
  const f = base?.features;
  // An added row drops the features (data/edits.ts): say so before the worker refuses.
  const added = source.edits.some((e) => e.op === 'add');
  return (
    <p className="train-note" data-testid="train-set-features">
      {base && f && !added
        ? s('train.data.setInfo', {
            name: source.kind === 'explicit' ? source.name : '',
            R: fmtCount(base.R),
            d: f.d,
          })
        : s('train.data.noFeatures')}
    </p>
  );
}

export function TrainSetupControls() {
  const s = useT();
  const model = useApp((st) => st.train.setup.model);
  const data = useApp((st) => st.train.setup.data);
  const head = model !== 'free';
  return (
    <div className="train-setup">
      <fieldset>
        <legend>{s('train.modelTitle')}</legend>
        <Choice name="model" />
        {model === 'mlp' ? <Box name="hidden" /> : null}
        <Choice name="optimizer" />
        <Box name="steps" />
      </fieldset>
      {head ? (
        <fieldset>
          <legend>{s('train.dataTitle')}</legend>
          <Choice name="data" />
          {data === 'set' ? <SetFeatures /> : null}
          {data === 'generated' ? (
            <>
              <Box name="anchors" />
              <Box name="imbalance" />
              <Box name="overlap" />
              <Box name="classes" />
              <Box name="dataSeed" />
            </>
          ) : null}
        </fieldset>
      ) : null}
      <fieldset>
        <legend>{s('train.lossTitle')}</legend>
        <Box name="lrDr" />
        <Box name="lrFocal" />
        <Box name="lrBce" />
        {head ? (
          <>
            <Box name="priorDr" />
            <Box name="priorFocal" />
            <Box name="priorBce" />
          </>
        ) : null}
        <Box name="alpha" />
        <Box name="gamma" />
      </fieldset>
    </div>
  );
}
