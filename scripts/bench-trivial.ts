/**
 * The yardstick for `npm run bench`: the smallest Lit element that shows one question (a
 * heading and two radio buttons), built and minified like the widget. The widget's time to its
 * first question is compared with this element's time, measured in the same run.
 */
import { LitElement, css, html } from 'lit';

class TrivialQuestion extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: system-ui, sans-serif;
    }
  `;

  override render() {
    return html`<h2 id="heading">Er borgeren i akut fare?</h2>
      <fieldset>
        <legend>Vælg ét svar.</legend>
        <label><input type="radio" name="acute" value="yes" /> Ja</label>
        <label><input type="radio" name="acute" value="no" /> Nej</label>
      </fieldset>
      <button type="submit">Fortsæt</button>`;
  }
}

if (!customElements.get('trivial-question')) customElements.define('trivial-question', TrivialQuestion);
