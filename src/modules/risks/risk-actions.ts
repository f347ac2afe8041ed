import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ActionChanges, ActionService, NewAction } from '../actions/actions.service.js';
import type { LocalisedTitle } from '../actions/actions.schema.js';
import type { RiskRow } from './risk.present.js';
import { RiskRepository } from './risk.repository.js';

/** The actions source of risk treatments: one open action per treatment not done. */
export const RISK_ACTION_SOURCE = 'risk';

const actionKey = (treatmentId: string) => `${RISK_ACTION_SOURCE}:${treatmentId}`;

/**
 * Keeps "my actions" in step with a risk's treatments: each treatment not done is an open action
 * (assignee its owner, due its due date, in the risk's office); done or removed treatments close theirs.
 * Called inside the writing transaction after every change to a risk's treatments or office.
 */
export class RiskActions {
  constructor(private readonly actions: ActionService) {}

  async syncIn(trx: Transaction<Database>, risk: Pick<RiskRow, 'id' | 'office_id'>): Promise<void> {
    const repo = new RiskRepository(trx);
    const exists = (await repo.findById(risk.id)) !== undefined;
    const treatments = exists ? await repo.treatments(risk.id) : [];
    const wanted = new Map<string, NewAction>(
      treatments
        .filter((t) => t.status !== 'done')
        .map((t) => [
          actionKey(t.id),
          {
            source: RISK_ACTION_SOURCE,
            source_key: actionKey(t.id),
            subject_type: 'risk',
            subject_id: risk.id,
            office_id: risk.office_id,
            assignee_person_id: t.owner_person_id,
            code: t.id,
            reason_codes: [],
            due_date: t.due_date,
          },
        ]),
    );
    const open = (await this.actions.openIn(trx, RISK_ACTION_SOURCE)).filter((a) => a.subject_id === risk.id);
    const changes: {
      open: NewAction[];
      close: ActionChanges['close'][number][];
      update: ActionChanges['update'][number][];
    } = { open: [], close: [], update: [] };
    for (const action of open) {
      const want = wanted.get(action.source_key);
      if (!want) {
        const done = treatments.some((t) => actionKey(t.id) === action.source_key);
        changes.close.push({ id: action.id, reason: done ? 'resolved' : 'removed' });
        continue;
      }
      wanted.delete(action.source_key);
      if (
        want.assignee_person_id !== action.assignee_person_id ||
        want.office_id !== action.office_id ||
        want.due_date !== action.due_date
      )
        changes.update.push({
          id: action.id,
          changes: {
            assignee_person_id: want.assignee_person_id,
            office_id: want.office_id,
            due_date: want.due_date,
          },
        });
    }
    changes.open.push(...wanted.values());
    await this.actions.applyIn(trx, changes);
  }
}

/** Titles of the risk source's codes (treatment ids): the treatments' own words, in every language. */
export async function treatmentTitles(repo: RiskRepository): Promise<Map<string, LocalisedTitle>> {
  const rows = await repo.openTreatmentDescriptions();
  return new Map(
    rows.map((row) => [row.id, { en: row.description, fr: row.description, es: row.description }]),
  );
}
