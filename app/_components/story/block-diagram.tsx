import { blockExample, spliceExample, type BlockGrid } from './block-example';

function Grid({ grid, title, note, accent }: { grid: BlockGrid; title: string; note: string; accent: string }) {
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <figcaption className="flex flex-col gap-1">
        <span className={`text-xl font-semibold lg:text-2xl ${accent}`}>{title}</span>
        <span className="text-base text-slate-600 lg:text-lg dark:text-slate-400">{note}</span>
      </figcaption>
      <div
        className="grid aspect-[4/3] w-full gap-1 rounded-lg bg-slate-900/5 p-1 lg:w-[min(100%,calc((100cqh_-_5.5rem)_*_4_/_3))] dark:bg-white/5"
        style={{ gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))` }}
        role="img"
        aria-label={`${title}: ${grid.tiles.length} blocks, ${grid.distinct} different`}
      >
        {grid.tiles.map((tile, i) => (
          <span key={i} className="rounded-[3px]" style={{ backgroundColor: tile.color }} title={tile.hex} />
        ))}
      </div>
    </figure>
  );
}

/** Three grids side by side, each with its title, note and colour. */
function Grids({ testId, grids }: { testId: string; grids: Parameters<typeof Grid>[0][] }) {
  return (
    <div className="grid grid-cols-1 gap-6 sm:grid-cols-3 lg:gap-10" data-testid={testId}>
      {grids.map((grid) => (
        <Grid key={grid.title} {...grid} />
      ))}
    </div>
  );
}

/**
 * Three grids of 16-byte blocks — plaintext, AES-128-ECB, AES-256-GCM — computed with the site's own
 * cipher code when the page is built. Hovering a tile shows its bytes.
 */
export function BlockDiagram() {
  const { plaintext, ecb, gcm } = blockExample();
  return (
    <Grids
      testId="block-diagram"
      grids={[
        {
          grid: plaintext,
          title: 'Plaintext',
          note: `${plaintext.tiles.length} blocks, ${plaintext.distinct} different`,
          accent: 'text-slate-900 dark:text-white',
        },
        {
          grid: ecb,
          title: 'AES-128-ECB',
          note: `still ${ecb.distinct} different, in the same places`,
          accent: 'text-rose-700 dark:text-rose-300',
        },
        {
          grid: gcm,
          title: 'AES-256-GCM',
          note: `${gcm.distinct} different: the shape is gone`,
          accent: 'text-emerald-700 dark:text-emerald-300',
        },
      ]}
    />
  );
}

/**
 * The integrity step: AES-128-ECB tiles as sent, the same ciphertext with the wall's block copied over the
 * face by someone without the key, and what the receiver decrypts from it — without complaint.
 */
export function SpliceDiagram() {
  const { sent, edited, received } = spliceExample();
  return (
    <Grids
      testId="splice-diagram"
      grids={[
        {
          grid: sent,
          title: 'Sent: AES-128-ECB',
          note: 'the call, encrypted',
          accent: 'text-rose-700 dark:text-rose-300',
        },
        {
          grid: edited,
          title: 'On the wire, edited',
          note: 'the wall’s block pasted over the face: no key',
          accent: 'text-slate-900 dark:text-white',
        },
        {
          grid: received,
          title: 'Decrypted, accepted',
          note: 'the receiver has nothing to tell it apart',
          accent: 'text-amber-700 dark:text-amber-300',
        },
      ]}
    />
  );
}
