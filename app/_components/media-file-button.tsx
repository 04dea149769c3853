'use client';

import { useRef } from 'react';

/** The files the lab and the attack lab open: videos and pictures the browser can decode. */
export const ACCEPTED_MEDIA =
  'video/*,image/png,image/jpeg,image/webp,image/gif,image/bmp,.webm,.mp4,.m4v,.mov,.ogg,.ogv,.mkv,.png,.jpg,.jpeg,.webp,.gif,.bmp';

/** A button that opens the file picker for a video or picture, and hands over the file chosen. */
export function MediaFileButton({
  children,
  className,
  inputLabel,
  testId,
  onFile,
}: {
  children: React.ReactNode;
  className: string;
  /** The hidden input's own label (tests set files on it). */
  inputLabel: string;
  testId: string;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_MEDIA}
        className="sr-only"
        data-testid={testId}
        aria-label={inputLabel}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
