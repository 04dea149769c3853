'use client';

import { useState } from 'react';
import type { LabKey } from '@/lib/lab/lab-keys';
import { CIPHER_PANELS, type StreamInfo } from '@/lib/worker/protocol';
import { useClockEvery, READOUT_MS } from '../analytics/use-clock-every';
import { useLab, useLabState } from './lab-context';
import { NewKeysButton } from './new-keys-button';

const label = 'text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400';

function KeyField({ mode, value }: { mode: LabKey; value: string }) {
  const lab = useLab();
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `${mode}-key`;
  const title = mode === 'ecb' ? 'AES-128 key: ECB, CBC, CTR (16 bytes)' : 'AES-256 key: GCM (32 bytes)';

  const commit = () => {
    if (draft === null) return;
    const error = lab.setKey(mode, draft);
    setProblem(error);
    if (!error) setDraft(null);
  };

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className={label}>
        {title}
      </label>
      <input
        id={id}
        value={draft ?? value}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') {
            setDraft(null);
            setProblem(null);
          }
        }}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        className="w-full rounded-lg border-0 bg-white px-3 py-1.5 font-mono text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-sky-500 aria-invalid:ring-rose-500 dark:bg-slate-900 dark:ring-slate-700"
        data-testid={`${mode}-key-input`}
      />
      {problem && (
        <p id={`${id}-problem`} className="text-xs text-rose-700 dark:text-rose-300" role="alert">
          {problem}. The previous key is still in use.
        </p>
      )}
    </div>
  );
}

/** What each mode starts a frame from, and why it never repeats under one key. */
const START: Record<string, { name: string; note: string }> = {
  gcm: { name: 'GCM nonce', note: '4-byte random salt ‖ 8-byte counter: never the same twice under one key' },
  cbc: { name: 'CBC IV', note: 'fresh and random for every frame' },
  ctr: { name: 'CTR initial counter block', note: 'fresh and random for every frame, so no counter repeats' },
};

/** A stream's nonce or IV for the frame on screen (test id: its panel's), and which engine ran its AES. */
function StartValue({ stream, testId }: { stream: StreamInfo; testId: string }) {
  const { name, note } = START[stream.mode];
  const packets = stream.packets > 1;
  return (
    <p>
      {packets ? `${name}s of this frame’s ${stream.packets} packets: ` : `${name} of this frame: `}
      <code className="font-mono break-all text-slate-800 dark:text-slate-200" data-testid={testId}>
        {stream.nonceHex}
      </code>
      {packets ? ` and the next ${stream.packets - 1} counter values, one per packet of at most 900 KiB` : ''} ({note})
      · by {stream.engine === 'webcrypto' ? 'the browser’s native WebCrypto' : 'noble (pure JavaScript)'}
    </p>
  );
}

/** The two keys (editable hex), fresh keys on demand, and the nonces or IVs of the frame on screen. */
export function KeyControls() {
  const { settings } = useLabState();
  const { streams } = useClockEvery(READOUT_MS);

  return (
    <div className="flex flex-col gap-3">
      <KeyField key={`ecb-${settings.ecbKeyHex}`} mode="ecb" value={settings.ecbKeyHex} />
      <KeyField key={`gcm-${settings.gcmKeyHex}`} mode="gcm" value={settings.gcmKeyHex} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <NewKeysButton
          className="rounded-lg bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200"
          testId="new-keys"
        />
        <div className="min-w-0 flex-1 text-xs text-slate-500 dark:text-slate-400">
          {streams ? (
            CIPHER_PANELS.filter((panel) => streams[panel].nonceHex).map((panel) => (
              <StartValue key={panel} stream={streams[panel]} testId={`${panel}-nonce`} />
            ))
          ) : (
            <p>
              GCM nonce of this frame: <code data-testid="gcm-nonce">—</code>
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
