/**
 * Registers a custom element once. Intranet pages sometimes load the widget's script twice
 * (a CMS block and a template both include it); a second `customElements.define` would throw.
 */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
