// Reading a QR code with the camera, where the browser has the Shape Detection API's
// BarcodeDetector (Chrome on Android and macOS, Safari 17+; not Chrome on Linux or Windows, nor
// Firefox). It decodes on the device: no frame and no code leaves the page. TypeScript's DOM
// library does not describe it yet, so the little used of it is described here.

export interface DetectedBarcode {
  rawValue: string;
}

export interface BarcodeReader {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}

interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeReader;
  getSupportedFormats(): Promise<string[]>;
}

function detectorClass(): BarcodeDetectorClass | null {
  const candidate = (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector;
  return typeof candidate === 'function' ? (candidate as BarcodeDetectorClass) : null;
}

/** Whether this browser may scan at all: a barcode detector and a camera to ask for. */
export function canScan(): boolean {
  return (
    detectorClass() !== null &&
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getUserMedia === 'function'
  );
}

/** A reader of QR codes, or null when the detector does not read that format here. */
export async function qrReader(): Promise<BarcodeReader | null> {
  const Detector = detectorClass();
  if (!Detector) {
    return null;
  }
  const formats = await Detector.getSupportedFormats();
  return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
}
