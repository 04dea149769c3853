import { AUDIO, GCM_TAG_BYTES, VIDEO, wireShares, type PacketTrack, type Stretch } from './packet-example';

const BAR: Record<Stretch['kind'], string> = {
  quiet: 'bg-slate-300 dark:bg-slate-600',
  busy: 'bg-amber-500 dark:bg-amber-400',
};

/** One track: a bar per packet, as tall as the packet is long on the wire, with what was going on beneath. */
function Track({ track, summary }: { track: PacketTrack; summary: string }) {
  const stretches = wireShares(track);
  return (
    <figure className="flex min-w-0 flex-col gap-2">
      <figcaption className="flex flex-wrap items-baseline gap-x-3">
        <span className="text-xl font-semibold lg:text-2xl">{track.title}</span>
        <span className="text-base text-slate-600 lg:text-lg dark:text-slate-400">{track.note}</span>
      </figcaption>
      <div className="flex gap-1.5" role="img" aria-label={`${track.title} packets under AES-256-GCM: ${summary}`}>
        {stretches.map(({ stretch, shares }, i) => (
          <div key={i} className="flex min-w-0 flex-col gap-1.5" style={{ flexGrow: shares.length, flexBasis: 0 }}>
            <div className="flex h-24 items-end gap-px lg:h-[clamp(2.5rem,calc((100cqh_-_9rem)_/_2),8rem)]">
              {shares.map((share, j) => (
                <span
                  key={j}
                  className={`min-w-0 flex-1 rounded-t-[2px] ${BAR[stretch.kind]}`}
                  style={{ height: `${(share * 100).toFixed(1)}%` }}
                />
              ))}
            </div>
            <span
              aria-hidden="true"
              title={stretch.label}
              className={`truncate text-sm lg:text-base ${
                stretch.kind === 'busy'
                  ? 'font-medium text-amber-800 dark:text-amber-300'
                  : 'text-slate-500 dark:text-slate-400'
              }`}
            >
              {stretch.label}
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}

/**
 * A sketch of one participant's packets under AES-256-GCM (made-up sizes, see packet-example.ts): who
 * speaks and when the picture changes show in the bars' heights, without the key.
 */
export function PacketDiagram() {
  return (
    <div className="flex flex-col gap-6" data-testid="packet-diagram">
      <Track track={AUDIO} summary="tiny while silent, big and uneven while she speaks" />
      <Track track={VIDEO} summary="small while the picture stays still, big when she moves or the slide changes" />
      <p className="text-base text-slate-600 lg:text-lg dark:text-slate-400">
        Bar height: a packet’s length on the wire, which GCM keeps (plus the same {GCM_TAG_BYTES}-byte tag on each). A
        sketch with made-up sizes, not a capture.
      </p>
    </div>
  );
}
