/**
 * VariantSwitch.tsx - the kernels as one radio group, in two groups by kernel version: Linux v5.5
 * (upstream, the split POC, and the POC with patch 19/23 whole or with just one of its two hunks)
 * and Linux v7.1 (upstream, and the POC with and without 19/23 as if rebased: hypothetical,
 * marked so). The list comes from the engine.
 */
import { KERNEL_VERSIONS, VARIANTS, variantsOf } from '@engine';
import { useStore } from '../../store';

export function VariantSwitch() {
  const variant = useStore((s) => s.variant);
  const setVariant = useStore((s) => s.setVariant);
  return (
    <fieldset className="segmented variant-switch" data-testid="variant-switch">
      <legend>Kernel</legend>
      {KERNEL_VERSIONS.map((k) => (
        <span key={k.version} className="variant-group" role="group" aria-label={`Linux ${k.version}`} data-testid={`variant-group-${k.version}`}>
          <span className="variant-version" title={`Linux ${k.version} (${k.release}): ${k.sources.join(', ')}; ${k.userspace}`}>
            {k.version}
          </span>
          {variantsOf(k.version).map((id) => {
            const v = VARIANTS[id];
            return (
              <label key={id} className={`${id === variant ? 'is-on' : ''}${v.hypothetical ? ' is-hypothetical' : ''}`} title={`${v.label}: ${v.description}. Follows ${v.follows}.`}>
                <input type="radio" name="variant" value={id} checked={id === variant} onChange={() => setVariant(id)} data-testid={`variant-${id}`} />
                {v.tag}
              </label>
            );
          })}
        </span>
      ))}
    </fieldset>
  );
}
