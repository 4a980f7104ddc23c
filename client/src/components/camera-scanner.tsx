'use client';

import { useEffect, useRef, useState } from 'react';

import { qrReader } from '@/lib/scanning';

interface Props {
  /** The first code read; the camera is stopped by then. */
  onCode: (code: string) => void;
  onClose: () => void;
}

const EVERY_MS = 200;

/** The back camera's picture, read for a QR code a few times a second until one is found. */
export function CameraScanner({ onCode, onClose }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const found = useRef(onCode);

  useEffect(() => {
    found.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    void (async () => {
      const reader = await qrReader().catch(() => null);
      if (!reader) {
        setProblem('This browser cannot read QR codes; type or paste the code instead.');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
      } catch {
        setProblem('The camera could not be opened. Allow it for this site, or type the code.');
        return;
      }
      if (stopped || !video.current) {
        stop();
        return;
      }
      video.current.srcObject = stream;
      await video.current.play().catch(() => {});
      const look = async () => {
        if (stopped || !video.current) return;
        const codes = await reader.detect(video.current).catch(() => []);
        const code = codes.find((barcode) => barcode.rawValue)?.rawValue;
        if (code && !stopped) {
          stop();
          found.current(code);
          return;
        }
        timer = setTimeout(() => void look(), EVERY_MS);
      };
      void look();
    })();
    return stop;
  }, []);

  return (
    <div className="scanner" data-testid="scanner">
      {problem ? (
        <p className="notice notice--warn" role="alert" style={{ margin: 0 }}>
          {problem}
        </p>
      ) : (
        <video ref={video} className="scanner__video" muted playsInline aria-label="Camera" />
      )}
      <button className="button button--secondary" type="button" onClick={onClose}>
        {problem ? 'Close' : 'Stop scanning'}
      </button>
    </div>
  );
}
