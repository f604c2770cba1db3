/**
 * builderSlice.ts - the scenario builder's state: the document under edit with its undo history,
 * the canvas positions beside it (UI state: moving a node is not an undo step) and the selection.
 * The first state is the autosaved one, so work survives a reload.
 */
import type { StateCreator } from 'zustand';
import { taskLabel, type Scenario } from '@engine';
import { emptyScenario, nodeId, withTaskIds, type ItemKind, type ItemRef, type Positions, type XY } from '../views/builder/builderDoc';
import { addItem, deleteItem, renameItem } from '../views/builder/docOps';
import { amend, historyOf, push, redo, undo, type History } from '../views/builder/history';
import { BACKUP_KEY, loadSaved, PREVIOUS_KEY, SAVE_KEY, serializeDoc, type UnreadableSave } from '../views/builder/savedDoc';
import { repairScenario } from '../views/builder/drawable';
import { defaultPosition, placeMissing } from '../views/builder/defaultPosition';
import type { Store } from './index';

export interface BuilderSlice {
  builder: History<Scenario>;
  builderPositions: Positions;
  builderSelection: ItemRef | null;
  /**
   * Any edit of the document, as a pure function of it (docOps.ts, connect.ts). Successive edits
   * with the same `field` (keystrokes in one input) make a single undo step.
   */
  builderEdit: (f: (s: Scenario) => Scenario, field?: string) => void;
  /** The field of the last edit, while typing in it may still amend that edit. */
  builderField: string | null;
  /** Adds a module, livepatch or task (at `at` when dropped) and selects it. */
  builderAdd: (kind: ItemKind, at?: XY) => void;
  /** Null when done, else why the name was refused. */
  builderRename: (ref: ItemRef, name: string) => string | null;
  builderDelete: (ref: ItemRef) => void;
  builderUndo: () => void;
  builderRedo: () => void;
  builderSelect: (ref: ItemRef | null) => void;
  builderMove: (id: string, at: XY) => void;
  /** Replaces the document (New, Start from preset): an undoable edit like any other. */
  builderLoad: (s: Scenario) => void;
  /**
   * An autosave the builder could not draw, waiting for the user to repair, download or set it
   * aside. Until then nothing is autosaved over it.
   */
  builderRecovery: UnreadableSave | null;
  /** Opens the repaired save (what could be read of it); the original stays under BACKUP_KEY. */
  builderRecoverRepair: () => void;
  /** Starts from an empty builder; the unreadable save stays under BACKUP_KEY. */
  builderRecoverSetAside: () => void;
  /**
   * Opens any input (a link's scenario, one the simulator failed on) in the builder: what it
   * cannot draw is left out. Returns what was left out or added.
   */
  builderOpenInput: (input: unknown) => string[];
  /**
   * A shared Build link's scenario, opened as the user's own editable copy: an undoable edit, and
   * the document it replaces is kept under PREVIOUS_KEY (undo history does not survive a reload).
   */
  builderOpenShared: (s: Scenario) => void;
  /** What the last shared link replaced, while the notice about it is shown. */
  builderShared: SharedNotice | null;
  /** Brings back the document a shared link replaced (an undoable edit too). */
  builderRestorePrevious: () => void;
  builderDismissShared: () => void;
}

export interface SharedNotice {
  title: string;
  /** The replaced document's title, or null when there was nothing to keep (empty or the same). */
  previousTitle: string | null;
}

const isEmptyDoc = (s: Scenario): boolean => !s.modules.length && !s.livepatches.length && !s.tasks.length;

/** Node ids and kinds of a document's items, for placing the ones without a position. */
export function itemNodes(s: Scenario): { id: string; kind: ItemKind }[] {
  const refs: ItemRef[] = [
    ...s.livepatches.map((p) => ({ kind: 'livepatch' as const, name: p.name })),
    ...s.modules.map((m) => ({ kind: 'module' as const, name: m.name })),
    ...s.tasks.map((t, i) => ({ kind: 'task' as const, name: taskLabel(t, i) })),
  ];
  return refs.map((r) => ({ id: nodeId(r), kind: r.kind }));
}

/** Keeps a copy of an unreadable save where no autosave writes. */
export function backUp(raw: string): void {
  try {
    window.localStorage?.setItem(BACKUP_KEY, raw);
  } catch {
    // Full or disabled storage: the save is still at SAVE_KEY, which nothing overwrites until the user chooses.
  }
}

function initialBuilder(): Pick<BuilderSlice, 'builder' | 'builderPositions' | 'builderRecovery'> {
  let text: string | null = null;
  try {
    text = typeof window === 'undefined' ? null : (window.localStorage?.getItem(SAVE_KEY) ?? null);
  } catch {
    // Storage can be off (privacy settings): start empty.
  }
  const saved = loadSaved(text);
  if (saved.kind === 'unreadable') backUp(saved.save.raw);
  const doc = saved.kind === 'ok' ? saved.doc : null;
  const scenario = doc?.scenario ?? emptyScenario();
  return {
    builder: historyOf(scenario),
    builderPositions: placeMissing(itemNodes(scenario), doc?.positions ?? {}),
    builderRecovery: saved.kind === 'unreadable' ? saved.save : null,
  };
}

export const createBuilderSlice: StateCreator<Store, [], [], BuilderSlice> = (set, get) => {
  const commit = (next: Scenario, extra: Partial<BuilderSlice> = {}): void => {
    const { builder, builderPositions } = get();
    // Undo may bring back items whose position was never kept (loaded then replaced): place them.
    set({ builder: push(builder, next), builderField: null, builderPositions: placeMissing(itemNodes(next), extra.builderPositions ?? builderPositions), ...extra });
  };
  const travel = (h: History<Scenario>): void => {
    set({ builder: h, builderField: null, builderPositions: placeMissing(itemNodes(h.present), get().builderPositions) });
  };
  return {
    ...initialBuilder(),
    builderSelection: null,
    builderField: null,
    builderEdit: (f, field) => {
      const { builder, builderField } = get();
      const next = f(builder.present);
      if (next === builder.present) return;
      if (field && field === builderField) set({ builder: amend(builder, next) });
      else commit(next, { builderField: field ?? null });
    },
    builderAdd: (kind, at) => {
      const { scenario, ref } = addItem(get().builder.present, kind);
      const positions = get().builderPositions;
      const id = nodeId(ref);
      const where = at ?? defaultPosition(kind, itemNodes(get().builder.present).map((n) => positions[n.id]).filter(Boolean));
      commit(scenario, { builderPositions: { ...positions, [id]: where }, builderSelection: ref });
    },
    builderRename: (ref, name) => {
      const r = renameItem(get().builder.present, ref, name);
      if ('error' in r) return r.error;
      if (r.scenario === get().builder.present) return null;
      const positions = get().builderPositions;
      const next = { ...ref, name };
      // Copied, not moved: undoing the rename finds the node where it was.
      commit(r.scenario, { builderPositions: { ...positions, [nodeId(next)]: positions[nodeId(ref)] ?? { x: 0, y: 0 } }, builderSelection: next });
      return null;
    },
    builderDelete: (ref) => {
      commit(deleteItem(get().builder.present, ref), { builderSelection: null });
    },
    builderUndo: () => travel(undo(get().builder)),
    builderRedo: () => travel(redo(get().builder)),
    builderSelect: (builderSelection) => set({ builderSelection }),
    builderMove: (id, at) => set({ builderPositions: { ...get().builderPositions, [id]: at } }),
    builderLoad: (s) => {
      const next = withTaskIds(s);
      // Fresh columns for the loaded items, not the old document's spots for same-named ones.
      const keep = Object.fromEntries(Object.entries(get().builderPositions).filter(([id]) => !itemNodes(next).some((n) => n.id === id)));
      commit(next, { builderPositions: placeMissing(itemNodes(next), keep), builderSelection: null });
    },
    builderRecoverRepair: () => {
      const r = get().builderRecovery;
      if (!r) return;
      backUp(r.raw);
      const scenario = withTaskIds(r.repair?.scenario ?? emptyScenario());
      set({
        builder: historyOf(scenario),
        builderPositions: placeMissing(itemNodes(scenario), r.repair?.positions ?? {}),
        builderSelection: null,
        builderField: null,
        builderRecovery: null,
      });
    },
    builderRecoverSetAside: () => {
      const r = get().builderRecovery;
      if (r) backUp(r.raw);
      set({ builderRecovery: null });
    },
    builderShared: null,
    builderOpenShared: (shared) => {
      const { builder, builderPositions } = get();
      const cur = builder.present;
      const next = withTaskIds(shared);
      if (JSON.stringify(next) === JSON.stringify(withTaskIds(cur))) {
        set({ builderShared: { title: shared.title, previousTitle: null } });
        return;
      }
      let previousTitle: string | null = null;
      if (!isEmptyDoc(cur)) {
        try {
          window.localStorage?.setItem(PREVIOUS_KEY, serializeDoc({ scenario: cur, positions: builderPositions }));
        } catch {
          // Storage off or full: Undo still brings it back during this visit.
        }
        previousTitle = cur.title;
      }
      get().builderLoad(next);
      set({ builderShared: { title: shared.title, previousTitle } });
    },
    builderRestorePrevious: () => {
      let text: string | null = null;
      try {
        text = window.localStorage?.getItem(PREVIOUS_KEY) ?? null;
      } catch {
        // Nothing to read: the notice says so below.
      }
      const saved = loadSaved(text);
      if (saved.kind !== 'ok') return;
      const { scenario, positions } = saved.doc;
      get().builderLoad(scenario);
      set({ builderPositions: placeMissing(itemNodes(withTaskIds(scenario)), { ...get().builderPositions, ...positions }), builderShared: null });
    },
    builderDismissShared: () => set({ builderShared: null }),
    builderOpenInput: (input) => {
      const { scenario, changes } = repairScenario(input);
      get().builderLoad(scenario);
      return changes;
    },
  };
};
