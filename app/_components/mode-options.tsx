import { MODES } from '@/lib/cipher/keys';
import { MODE_COPY } from '@/app/_content/panels';

/** The four modes as `<option>`s of a select, by their full names (value: `ecb`, `cbc`, `ctr`, `gcm`). */
export function ModeOptions() {
  return MODES.map((mode) => (
    <option key={mode} value={mode}>
      {MODE_COPY[mode].title}
    </option>
  ));
}
