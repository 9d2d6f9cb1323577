/** Removes the page's static loading indicator (`#tp-boot` in the HTML) once the app has mounted. */
export function endBoot(doc: Document = document): void {
  doc.getElementById('tp-boot')?.remove();
}
