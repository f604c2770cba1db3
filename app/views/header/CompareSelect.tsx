/**
 * CompareSelect.tsx - picks a second kernel variant to run the same scenario on, side by side.
 */
import { VARIANT_IDS, VARIANTS, type VariantId } from '@engine';
import { useStore } from '../../store';

export function CompareSelect() {
  const variant = useStore((s) => s.variant);
  const compare = useStore((s) => s.compareVariant);
  const setCompare = useStore((s) => s.setCompareVariant);
  return (
    <label className="compare-select">
      Compare with{' '}
      <select value={compare ?? ''} onChange={(e) => setCompare((e.target.value || null) as VariantId | null)} data-testid="compare-select">
        <option value="">(no comparison)</option>
        {VARIANT_IDS.filter((v) => v !== variant).map((v) => (
          <option key={v} value={v}>
            {VARIANTS[v].label}
          </option>
        ))}
      </select>
    </label>
  );
}
