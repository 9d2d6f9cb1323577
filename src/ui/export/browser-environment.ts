/** The DOM side of the Export tab: downloads through a Blob URL, copying through the Clipboard API. */
import type { Download } from '../../domain/export/to-downloads';
import type { ExportEnvironment } from './export-tab-model';

export function downloadInBrowser(file: Download): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; let it go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export async function copyInBrowser(text: string): Promise<void> {
  // Inside Miro's iframe the Clipboard API needs a permission the host may not grant.
  if (!navigator.clipboard?.writeText) throw new Error('No clipboard access.');
  await navigator.clipboard.writeText(text);
}

export const browserEnvironment: ExportEnvironment = {
  download: downloadInBrowser,
  copyText: copyInBrowser,
};
