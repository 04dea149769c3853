/**
 * Video files and the webcam, through an HTMLVideoElement: the browser demuxes and decodes whatever it
 * can play (WebM, MP4, MOV, Ogg…). A source is handed over only once its first frame has decoded; files
 * the browser cannot read come back as a SourceError with the reason in plain words.
 */
import { SourceError, type FrameSource, type SourceInfo } from './source';

/** How long a file may take to show its first frame before the lab gives up on it. */
const LOAD_TIMEOUT_MS = 20_000;

function mediaErrorMessage(name: string, error: MediaError | null): string {
  switch (error?.code) {
    case MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED:
      return `“${name}” is not a video or picture this browser can play (unknown format or unsupported codec).`;
    case MediaError.MEDIA_ERR_DECODE:
      return `“${name}” could not be decoded: the file is damaged or truncated.`;
    case MediaError.MEDIA_ERR_NETWORK:
      return `“${name}” could not be read.`;
    default:
      return `“${name}” could not be played${error?.message ? ` (${error.message})` : ''}.`;
  }
}

function createVideoElement(): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.preload = 'auto';
  video.crossOrigin = 'anonymous';
  video.disablePictureInPicture = true;
  // Decoding needs the element in the document in some browsers; it is kept out of sight.
  video.setAttribute('aria-hidden', 'true');
  video.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:2px;opacity:0;pointer-events:none;';
  document.body.appendChild(video);
  return video;
}

/** Resolves when the element has its first frame; rejects with a SourceError otherwise. */
function firstFrame(video: HTMLVideoElement, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new SourceError(`“${name}” did not start within ${LOAD_TIMEOUT_MS / 1000} s.`)),
      LOAD_TIMEOUT_MS,
    );
    const done = (error?: Error) => {
      clearTimeout(timer);
      video.removeEventListener('loadeddata', onData);
      video.removeEventListener('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onData = () => {
      if (video.videoWidth === 0 || video.videoHeight === 0) done(new SourceError(`“${name}” has no video track.`));
      else done();
    };
    const onError = () => done(new SourceError(mediaErrorMessage(name, video.error)));
    video.addEventListener('loadeddata', onData);
    video.addEventListener('error', onError);
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) onData();
  });
}

class VideoElementSource implements FrameSource {
  readonly picture = null;

  constructor(
    readonly video: HTMLVideoElement,
    readonly info: SourceInfo,
    private readonly release: () => void,
  ) {}

  dispose(): void {
    this.video.pause();
    this.release();
    this.video.removeAttribute('src');
    this.video.srcObject = null;
    this.video.load();
    this.video.remove();
  }
}

/** The plain-words reason a playing video stopped, from its element's error. */
export function playbackErrorMessage(video: HTMLVideoElement, name: string): string {
  return mediaErrorMessage(name, video.error);
}

/**
 * Opens a video from a URL (a sample) or a File (an upload).
 * @param fps frames a second when known (samples); otherwise 30 is assumed for numbering.
 */
export async function openVideo(
  input: string | File,
  options: { name?: string; fps?: number } = {},
): Promise<FrameSource> {
  const name = options.name ?? (typeof input === 'string' ? input : input.name);
  if (typeof input !== 'string' && input.size === 0) throw new SourceError(`“${name}” is empty (0 bytes).`);
  const url = typeof input === 'string' ? input : URL.createObjectURL(input);
  const release = () => {
    if (typeof input !== 'string') URL.revokeObjectURL(url);
  };
  const video = createVideoElement();
  const source = new VideoElementSource(
    video,
    { kind: 'video', name, width: 0, height: 0, duration: null, fps: options.fps ?? 30 },
    release,
  );
  try {
    video.src = url;
    await firstFrame(video, name);
  } catch (error) {
    source.dispose();
    throw error;
  }
  const duration = Number.isFinite(video.duration) && video.duration > 0 ? video.duration : null;
  return new VideoElementSource(
    video,
    { kind: 'video', name, width: video.videoWidth, height: video.videoHeight, duration, fps: options.fps ?? 30 },
    release,
  );
}

function cameraErrorMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera access was denied. Allow the camera for this site in the browser’s address bar, then try again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found on this device.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is in use by another application or could not be started.';
    default:
      return `The camera could not be started${error instanceof Error && error.message ? `: ${error.message}` : ''}.`;
  }
}

/** Opens the webcam ("your own Zoom call"). Disposing the source stops the camera. */
export async function openWebcam(): Promise<FrameSource> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new SourceError(
      'This browser gives pages no camera access here (it needs a secure context: https or localhost).',
    );
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
      audio: false,
    });
  } catch (error) {
    throw new SourceError(cameraErrorMessage(error));
  }
  const stop = () => stream.getTracks().forEach((track) => track.stop());
  const video = createVideoElement();
  video.srcObject = stream;
  try {
    await Promise.all([video.play(), firstFrame(video, 'Webcam')]);
  } catch (error) {
    stop();
    video.remove();
    throw error instanceof SourceError ? error : new SourceError(cameraErrorMessage(error));
  }
  const fps = stream.getVideoTracks()[0]?.getSettings().frameRate ?? 30;
  return new VideoElementSource(
    video,
    { kind: 'webcam', name: 'Webcam', width: video.videoWidth, height: video.videoHeight, duration: null, fps },
    stop,
  );
}
