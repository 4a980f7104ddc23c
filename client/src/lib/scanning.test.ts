import { describe, expect, it, vi } from 'vitest';

import { canScan, qrReader } from './scanning';

function stubDetector(formats: string[]) {
  const Detector = Object.assign(
    vi.fn(function BarcodeDetector() {}),
    { getSupportedFormats: async () => formats },
  );
  vi.stubGlobal('BarcodeDetector', Detector);
  return Detector;
}

describe('canScan', () => {
  it('is false without a BarcodeDetector, as in Chrome on Linux', () => {
    expect(canScan()).toBe(false);
  });

  it('is false with a detector but no camera to ask for', () => {
    stubDetector(['qr_code']);
    vi.stubGlobal(
      'navigator',
      Object.assign(Object.create(navigator), { mediaDevices: undefined }),
    );

    expect(canScan()).toBe(false);
  });

  it('is true with a detector and a camera to ask for', () => {
    stubDetector(['qr_code']);
    vi.stubGlobal(
      'navigator',
      Object.assign(Object.create(navigator), { mediaDevices: { getUserMedia: vi.fn() } }),
    );

    expect(canScan()).toBe(true);
  });
});

describe('qrReader', () => {
  it('makes a detector of QR codes only', async () => {
    const Detector = stubDetector(['ean_13', 'qr_code']);

    await expect(qrReader()).resolves.toBeInstanceOf(Detector);
    expect(Detector).toHaveBeenCalledWith({ formats: ['qr_code'] });
  });

  it('answers null where the detector does not read QR codes, or there is none', async () => {
    stubDetector(['ean_13']);
    await expect(qrReader()).resolves.toBeNull();
    vi.unstubAllGlobals();
    await expect(qrReader()).resolves.toBeNull();
  });
});
