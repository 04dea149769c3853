/**
 * The built-in samples, as the sample generator (scripts/samples) describes them in
 * public/samples/samples.json.
 */
import manifest from '../../public/samples/samples.json';

/** Where the site is served: "" or a sub-path such as "/ecb-lens" (next.config.js, from BASE_PATH). */
const BASE_PATH = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/** A rectangle in a sample's own pixels. */
export interface SampleRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Sample {
  id: string;
  kind: 'video' | 'picture';
  /** The file's URL on this site, base path included (e.g. /samples/meeting.webm). */
  file: string;
  title: string;
  description: string;
  width: number;
  height: number;
  fps: number | null;
  durationS: number | null;
  /** A video's scenes in order, in seconds (the meeting: speaker, slide, slide-updated). */
  scenes: { name: string; start: number; end: number }[];
  /** Named moments of a video, in seconds (the meeting: speaker, slide, slideUpdated). */
  moments: Record<string, number>;
  /** Named regions, in the sample's pixels (the meeting: face, firstBar). */
  regions: Record<string, SampleRegion>;
  /** When someone speaks, [start, end] in seconds as measured in the audio (empty without a voice). */
  speech: [number, number][];
  /** What is said in each `speech` interval, in order. */
  transcript: string[];
}

export const SAMPLES: readonly Sample[] = manifest.map((entry) => ({
  id: entry.id,
  kind: entry.kind === 'video' ? 'video' : 'picture',
  file: `${BASE_PATH}${entry.file}`,
  title: entry.title,
  description: entry.description,
  width: entry.width,
  height: entry.height,
  fps: 'fps' in entry && typeof entry.fps === 'number' ? entry.fps : null,
  durationS: 'durationS' in entry && typeof entry.durationS === 'number' ? entry.durationS : null,
  scenes: (('scenes' in entry ? entry.scenes : undefined) ?? []).map(({ name, start, end }) => ({ name, start, end })),
  moments: ('moments' in entry ? entry.moments : undefined) ?? {},
  regions: ('regions' in entry ? entry.regions : undefined) ?? {},
  speech: (('speech' in entry ? entry.speech : undefined) ?? []).map(([start, end]): [number, number] => [start, end]),
  transcript: [...(('transcript' in entry ? entry.transcript : undefined) ?? [])],
}));

export const SAMPLE_IDS: readonly string[] = SAMPLES.map((sample) => sample.id);

/** The sample with this id; throws for an unknown one (ids come from {@link SAMPLE_IDS}). */
export function sampleById(id: string): Sample {
  const sample = SAMPLES.find((candidate) => candidate.id === id);
  if (!sample) throw new RangeError(`no sample “${id}”; samples are ${SAMPLE_IDS.join(', ')}`);
  return sample;
}
