/**
 * VariantSwitch.tsx - the five kernels as one radio group: upstream, the split POC, and the POC
 * with patch 19/23 whole or with just one of its two hunks.
 */
import { VARIANT_IDS, VARIANTS } from '@engine';
import { useStore } from '../../store';

export function VariantSwitch() {
  const variant = useStore((s) => s.variant);
  const setVariant = useStore((s) => s.setVariant);
  return (
    <fieldset className="segmented" data-testid="variant-switch">
      <legend>Kernel</legend>
      {VARIANT_IDS.map((id) => (
        <label key={id} className={id === variant ? 'is-on' : ''} title={`${VARIANTS[id].label}: ${VARIANTS[id].description}`}>
          <input type="radio" name="variant" value={id} checked={id === variant} onChange={() => setVariant(id)} data-testid={`variant-${id}`} />
          {VARIANTS[id].short}
        </label>
      ))}
    </fieldset>
  );
}
