import { css } from 'lit';

/**
 * Base styles shared by every shadow root of the widget: type scale, buttons, links,
 * form controls, notices, focus ring, and the print rules that strip interactive chrome.
 * Sizes are in em of the widget's base size (`--referral-font-size`, default the reader's own
 * browser font size), never rem: a host page's `html { font-size }` does not shrink the widget.
 * They follow 200 % zoom and the reader's font-size setting, and reflow instead of overflowing.
 */
export const shared = css`
  :host {
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    /* anywhere (not break-word): long Greenlandic words may break so grid and flex items can
       shrink on a phone instead of pushing the layout wider than the screen. */
    overflow-wrap: anywhere;
    /* The browser hyphenates running text only (below). 'manual' elsewhere: a soft hyphen in a
       long Greenlandic word still breaks there, but headings, labels, links and buttons get no
       hyphens of the browser's own ("pro-blematisk"). */
    hyphens: manual;
  }
  p,
  li,
  dd,
  blockquote {
    hyphens: auto;
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6,
  legend,
  label,
  dt,
  th,
  caption,
  summary,
  strong,
  a,
  button,
  .button,
  .link-button {
    hyphens: manual;
  }
  /* What is copied or typed exactly (URLs, file names, code) never gets a hyphen, not even a soft one. */
  code,
  kbd,
  samp,
  pre,
  input,
  textarea,
  select {
    hyphens: none;
  }
  code {
    font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
    font-size: 0.9375em;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h1,
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin: 0 0 calc(var(--_space) * 2);
    font-weight: 600;
  }
  h2 {
    font-size: 1.75em;
  }
  h3 {
    font-size: 1.25em;
  }
  h4 {
    font-size: 1.0625em;
  }
  p {
    margin: 0 0 calc(var(--_space) * 2);
    max-width: 40em;
  }
  a {
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus-halo);
  }
  [tabindex='-1']:focus {
    outline: none;
    box-shadow: none;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .button {
    overflow-wrap: anywhere;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: 2.75em;
    padding: calc(var(--_space) * 1) calc(var(--_space) * 2.5);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-align: center;
    max-width: 100%;
  }
  .button:hover {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
  }
  .button.secondary {
    background: var(--_bg);
    color: var(--_primary);
  }
  .button.secondary:hover {
    background: var(--_info-bg);
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
  }
  .link-button {
    display: inline;
    max-width: 100%;
    overflow-wrap: anywhere;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_link);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
    text-align: start;
  }
  .link-button:hover {
    text-decoration-thickness: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: center;
    margin-top: calc(var(--_space) * 3);
  }
  .hint {
    color: var(--_muted);
    margin: 0 0 calc(var(--_space) * 2);
  }
  .notice {
    border-left: 6px solid var(--_primary);
    background: var(--_info-bg);
    padding: calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 2);
  }
  .notice.warning {
    border-color: var(--_warning);
    background: var(--_warning-bg);
  }
  .notice.danger {
    border-color: var(--_danger);
    background: var(--_danger-bg);
  }
  .notice > :last-child {
    margin-bottom: 0;
  }
  .error-message {
    color: var(--_error);
    font-weight: 600;
    margin: 0 0 var(--_space);
  }
  /* Narrow containers (a phone, a sidebar, 200 % zoom): smaller headings so long Greenlandic
     words fit on a line more often. */
  @container referral (max-width: 30em) {
    h2 {
      font-size: 1.4em;
    }
    h3 {
      font-size: 1.125em;
    }
  }
  @media print {
    :host {
      font-size: 10.5pt;
      line-height: 1.35;
      color: #000;
    }
    .no-print,
    button,
    .button,
    .link-button {
      display: none !important;
    }
    a {
      color: #000;
    }
    .notice {
      border-left-width: 3px;
      background: none;
      padding: 4pt 8pt;
      break-inside: avoid;
    }
  }
  /* The Back link row above a screen's heading. */
  .top {
    margin-bottom: calc(var(--_space) * 2);
  }
  .back::before {
    content: '‹ ';
  }
`;
