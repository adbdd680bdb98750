/** Routing model versions as the office sees them, and who may manage them. */
import { ROUTING_MODEL_REASON_LABELS, ROUTING_MODEL_STATUS_LABELS } from '../../contracts/labels';
import type { RoutingModelVersion } from '../../models/definitions';
import type { Actor } from '../context';
import { isCityOffice, isOfficeOrAdmin } from '../directory/scope';
import { forbidden, type Outcome } from '../result';
import type { HeldOutScores } from './departmentModel';

export interface TrainingSummary {
  documents: number;
  keywords: number;
  duties: number;
  examples: number;
  /** Returns trained on as negative examples (absent in versions from before returns were learnt). */
  returns?: number;
  heldOut: number;
  bySource: Record<string, number>;
  byDepartment: Record<string, number>;
  trainSeconds: number;
  features: number;
}

export interface VersionScores {
  heldOut: HeldOutScores;
  /** The model that was current when this one was trained, scored on the same held-out examples. */
  previous: (HeldOutScores & { id: number }) | null;
}

export interface RoutingVersionView {
  id: number;
  status: string;
  statusLabel: string;
  reason: string;
  reasonLabel: string;
  note: string | null;
  createdAt: string;
  createdBy: number | null;
  activatedAt: string | null;
  activatedBy: number | null;
  summary: TrainingSummary;
  scores: VersionScores;
}

/** A stored version without its weights. */
export function presentVersion(row: RoutingModelVersion): RoutingVersionView {
  return {
    id: row.id,
    status: row.status,
    statusLabel: ROUTING_MODEL_STATUS_LABELS[row.status] ?? row.status,
    reason: row.reason,
    reasonLabel: ROUTING_MODEL_REASON_LABELS[row.reason] ?? row.reason,
    note: row.note,
    createdAt: new Date(row.createdAt).toISOString(),
    createdBy: row.createdBy,
    activatedAt: row.activatedAt ? new Date(row.activatedAt).toISOString() : null,
    activatedBy: row.activatedBy,
    summary: JSON.parse(row.summary) as TrainingSummary,
    scores: JSON.parse(row.scores) as VersionScores,
  };
}

/** Only the city's congress office (and the administrator) trains, imports and switches the city-wide routing model. */
export function checkRoutingManager(actor: Actor | null): Outcome<never> | null {
  if (actor && !isOfficeOrAdmin(actor)) return forbidden('只有人大办公室可以管理分办模型');
  if (actor && !isCityOffice(actor)) return forbidden('分办模型全市共用，只有市人大办公室可以管理');
  return null;
}
