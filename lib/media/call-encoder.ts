/**
 * The call as a live call would send it: video frames and sound encoded in the browser with WebCodecs —
 * VP8 (or VP9) in real-time mode at a chosen bitrate, and Opus at a variable bit rate in 20 ms frames —
 * into the packets that would go on the wire. Their sizes and times are what even GCM leaves in sight.
 * Thin DOM code: the reading of the packets is lib/traffic's.
 */

/** One encoded packet, as it would be sent. */
export interface EncodedPacket {
  track: 'audio' | 'video';
  /** Presentation time, seconds. */
  time: number;
  /** Seconds it covers (20 ms for audio, a frame for video). */
  duration: number;
  size: number;
  key: boolean;
  data: Uint8Array;
}

/** What the encoders are set to. */
export interface CallEncoderOptions {
  width: number;
  height: number;
  /** Video bits per second. */
  videoBitrate: number;
  /** Audio bits per second (Opus VBR aims at it on average). */
  audioBitrate: number;
  onPacket(packet: EncodedPacket): void;
  onError(message: string): void;
}

/** The audio is encoded at 48 kHz mono in 20 ms frames, as calls do (RFC 6716 §2.1.4). */
export const AUDIO_RATE = 48_000;
export const AUDIO_FRAME = 960;

/** A problem with encoding, worded for the page (no WebCodecs, no codec). */
export class EncoderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncoderError';
  }
}

function videoConfig(codec: string, options: CallEncoderOptions): VideoEncoderConfig {
  return {
    codec,
    width: options.width,
    height: options.height,
    bitrate: options.videoBitrate,
    bitrateMode: 'variable',
    framerate: 30,
    latencyMode: 'realtime',
  };
}

function audioConfig(options: CallEncoderOptions): AudioEncoderConfig {
  return {
    codec: 'opus',
    sampleRate: AUDIO_RATE,
    numberOfChannels: 1,
    bitrate: options.audioBitrate,
    bitrateMode: 'variable',
    // 20 ms frames, and no discontinuous transmission: every 20 ms sends a packet, silent or not.
    opus: { frameDuration: 20_000, usedtx: false },
  } as AudioEncoderConfig;
}

/**
 * The two encoders of one call. `start()` finds a video codec this browser encodes at the size asked
 * (VP8, else VP9) and checks Opus; then frames and samples go in and packets come out, in order per track.
 */
export class CallEncoder {
  private video: VideoEncoder | null = null;
  private audio: AudioEncoder | null = null;
  private samples = new Float32Array(0);
  /** Seconds of sound encoded so far. */
  private audioTime = 0;
  private frames = 0;
  codec = '';

  constructor(private readonly options: CallEncoderOptions) {}

  async start(): Promise<void> {
    if (typeof VideoEncoder === 'undefined' || typeof AudioEncoder === 'undefined')
      throw new EncoderError(
        'This browser has no WebCodecs encoders (VideoEncoder, AudioEncoder), which /traffic needs to encode the call; try a recent Chrome, Edge or Firefox.',
      );
    for (const codec of ['vp8', 'vp09.00.10.08']) {
      const { supported } = await VideoEncoder.isConfigSupported(videoConfig(codec, this.options));
      if (supported) {
        this.codec = codec === 'vp8' ? 'VP8' : 'VP9';
        const video = new VideoEncoder({
          output: (chunk) => this.emit('video', chunk),
          error: (error) => this.options.onError(`The video encoder stopped: ${error.message}`),
        });
        video.configure(videoConfig(codec, this.options));
        this.video = video;
        break;
      }
    }
    if (!this.video)
      throw new EncoderError(
        `This browser cannot encode VP8 or VP9 at ${this.options.width}×${this.options.height} in real time.`,
      );
    const { supported } = await AudioEncoder.isConfigSupported(audioConfig(this.options));
    if (!supported) throw new EncoderError('This browser cannot encode Opus audio (WebCodecs AudioEncoder).');
    const audio = new AudioEncoder({
      output: (chunk) => this.emit('audio', chunk),
      error: (error) => this.options.onError(`The audio encoder stopped: ${error.message}`),
    });
    audio.configure(audioConfig(this.options));
    this.audio = audio;
  }

  private emit(track: 'audio' | 'video', chunk: EncodedVideoChunk | EncodedAudioChunk): void {
    const data = new Uint8Array(chunk.byteLength);
    chunk.copyTo(data);
    this.options.onPacket({
      track,
      time: chunk.timestamp / 1e6,
      duration: (chunk.duration ?? 0) / 1e6 || (track === 'audio' ? AUDIO_FRAME / AUDIO_RATE : 1 / 30),
      size: data.length,
      key: chunk.type === 'key',
      data,
    });
  }

  /** Encodes a video frame (taken over: it is closed here); a keyframe every 5 s, as a call might. */
  encodeFrame(frame: VideoFrame): void {
    if (!this.video || this.video.state !== 'configured') {
      frame.close();
      return;
    }
    // A backed-up encoder drops the frame instead of falling behind, as a real-time call does.
    if (this.video.encodeQueueSize > 2) {
      frame.close();
      return;
    }
    this.video.encode(frame, { keyFrame: this.frames++ % 150 === 0 });
    frame.close();
  }

  /**
   * Adds mono samples at 48 kHz, starting at `time` seconds if given (the first call's), and encodes every
   * whole 20 ms frame they make.
   */
  encodeSamples(samples: Float32Array, time?: number): void {
    if (!this.audio || this.audio.state !== 'configured') return;
    if (time !== undefined && this.samples.length === 0) this.audioTime = time;
    const all = new Float32Array(this.samples.length + samples.length);
    all.set(this.samples);
    all.set(samples, this.samples.length);
    let at = 0;
    for (; at + AUDIO_FRAME <= all.length; at += AUDIO_FRAME) {
      const data = new AudioData({
        format: 'f32',
        sampleRate: AUDIO_RATE,
        numberOfFrames: AUDIO_FRAME,
        numberOfChannels: 1,
        timestamp: Math.round(this.audioTime * 1e6),
        data: all.slice(at, at + AUDIO_FRAME),
      });
      this.audio.encode(data);
      data.close();
      this.audioTime += AUDIO_FRAME / AUDIO_RATE;
    }
    this.samples = all.slice(at);
  }

  /** Seconds of sound handed over so far. */
  get audioSeconds(): number {
    return this.audioTime;
  }

  /** Waits for every packet still in the encoders. */
  async flush(): Promise<void> {
    await Promise.all([this.video?.flush(), this.audio?.flush()]);
  }

  close(): void {
    for (const encoder of [this.video, this.audio]) if (encoder && encoder.state !== 'closed') encoder.close();
    this.video = null;
    this.audio = null;
  }
}

/**
 * The sound of a video or audio file as mono samples at 48 kHz, decoded by the browser; null when the
 * file has no sound it can decode.
 */
export async function decodeSound(bytes: ArrayBuffer): Promise<Float32Array | null> {
  const context = new OfflineAudioContext(1, 1, AUDIO_RATE);
  let buffer: AudioBuffer;
  try {
    buffer = await context.decodeAudioData(bytes);
  } catch {
    return null;
  }
  const length = Math.ceil(buffer.duration * AUDIO_RATE);
  const mix = new OfflineAudioContext(1, Math.max(1, length), AUDIO_RATE);
  const source = mix.createBufferSource();
  source.buffer = buffer;
  source.connect(mix.destination);
  source.start();
  return (await mix.startRendering()).getChannelData(0);
}
