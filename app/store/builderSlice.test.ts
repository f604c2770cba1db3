import { describe, expect, it } from 'vitest';
import { useStore } from './index';

const names = () => useStore.getState().builder.present.modules.map((m) => m.name);

describe('builderSlice', () => {
  it('adds, renames (keeping the position), undoes and redoes', () => {
    const s = useStore.getState();
    s.builderAdd('module', { x: 5, y: 6 });
    expect(names()).toEqual(['M1']);
    expect(useStore.getState().builderSelection).toEqual({ kind: 'module', name: 'M1' });
    expect(s.builderRename({ kind: 'module', name: 'M1' }, 'bad name')).toMatch(/letters/);
    expect(s.builderRename({ kind: 'module', name: 'M1' }, 'A')).toBeNull();
    expect(useStore.getState().builderPositions['module:A']).toEqual({ x: 5, y: 6 });
    s.builderUndo();
    expect(names()).toEqual(['M1']);
    expect(useStore.getState().builderPositions['module:M1']).toEqual({ x: 5, y: 6 });
    s.builderRedo();
    expect(names()).toEqual(['A']);
  });

  it('merges keystrokes in one field into one undo step', () => {
    const s = useStore.getState();
    const before = useStore.getState().builder.past.length;
    for (const t of ['a', 'ab', 'abc']) s.builderEdit((d) => ({ ...d, title: t }), 'title');
    expect(useStore.getState().builder.past.length).toBe(before + 1);
    s.builderUndo();
    expect(useStore.getState().builder.present.title).toBe('My scenario');
  });

  it('loads a preset with task ids and fresh positions, undoably', () => {
    const s = useStore.getState();
    s.builderLoad({ ...useStore.getState().scenario });
    const d = useStore.getState().builder.present;
    expect(d.tasks.every((t) => t.id)).toBe(true);
    expect(Object.keys(useStore.getState().builderPositions)).toEqual(expect.arrayContaining(d.modules.map((m) => `module:${m.name}`)));
    s.builderUndo();
    expect(names()).toEqual(['A']);
  });
});
