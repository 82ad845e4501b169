import { css } from 'lit';

/** The plan screen's own styles (actions, note toolbar, handover, details). */
export const planStyles = css`
  h2 {
    margin-bottom: var(--_space);
  }
  .meta {
    color: var(--_muted);
    margin-bottom: var(--_space);
  }
  #now-heading {
    margin-bottom: var(--_space);
  }
  .label {
    font-weight: 600;
  }
  .actions-now {
    list-style: none;
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
  }
  .action {
    border-left: 6px solid var(--_primary);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
    margin-bottom: var(--_space);
    background: var(--_surface);
  }
  .action h4 {
    margin-bottom: calc(var(--_space) / 4);
  }
  .action p,
  .action ul {
    margin: 0 0 calc(var(--_space) / 4);
  }
  .action > :last-child {
    margin-bottom: 0;
  }
  .action.acute {
    border: 0;
    padding: 0;
    background: none;
  }
  .action.acute .notice {
    margin: 0;
  }
  .num {
    color: var(--_primary);
  }
  .acute .num {
    color: inherit;
  }
  .clocks {
    padding-left: 1.1em;
  }
  .clocks .overdue {
    color: var(--_danger);
  }
  .clocks .route {
    color: var(--_text);
  }
  .note-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space) calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 3);
    padding: var(--_space) 0;
    border-top: 1px solid var(--_border);
    border-bottom: 1px solid var(--_border);
  }
  .note-bar h3 {
    flex-basis: 100%;
    margin: 0;
    font-size: 1.0625em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .field label {
    font-weight: 600;
  }
  select,
  textarea {
    font: inherit;
    min-height: 2.75em;
    border: 2px solid var(--_text);
    border-radius: 0;
    padding: 0 var(--_space);
    background: var(--_bg);
    color: var(--_text);
  }
  textarea {
    width: 100%;
    min-height: 12em;
    padding: var(--_space);
  }
  .copy-group {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .status {
    min-height: 1.5em;
    margin: 0;
  }
  .status.ok {
    color: var(--_success);
    font-weight: 600;
  }
  .fallback {
    flex-basis: 100%;
  }
  .keep-in-mind ul {
    margin: 0;
    padding-left: 1.1em;
  }
  details.service {
    border-top: 1px solid var(--_border);
  }
  details.service:last-of-type {
    border-bottom: 1px solid var(--_border);
  }
  details.service > summary {
    cursor: pointer;
    min-height: 2.75em;
    display: flex;
    align-items: center;
    padding: calc(var(--_space) / 2) 0;
    color: var(--_link);
    font-weight: 600;
    list-style-position: inside;
  }
  details.service > summary::before {
    content: '▸';
    margin-right: var(--_space);
  }
  details.service[open] > summary::before {
    content: '▾';
  }
  details.service > summary::-webkit-details-marker {
    display: none;
  }
  .detail-body {
    padding: 0 0 calc(var(--_space) * 2);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: var(--_space) calc(var(--_space) * 2);
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    min-width: 0;
  }
  dd ul {
    margin: 0;
    padding-left: 1.1em;
  }
  dd p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .contact dl {
    grid-template-columns: minmax(6em, max-content) 1fr;
    gap: 0 var(--_space);
  }
  .contact-name {
    font-weight: 600;
  }
  .contact-note,
  .muted {
    color: var(--_muted);
  }
  @container referral (max-width: 32em) {
    dl {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dd {
      margin-bottom: var(--_space);
    }
  }
  .tag-V {
    color: var(--_success);
    font-weight: 600;
  }
  .tag-other {
    color: var(--_warning);
    font-weight: 600;
  }
  /* Labels and names to look up, not running text: no hyphens of the browser's own. */
  .tag-V,
  .tag-other,
  .contact-name,
  dd li {
    hyphens: manual;
  }
  blockquote {
    margin: 0 0 calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 2);
    border-left: 4px solid var(--_border);
  }
  blockquote p {
    margin: 0;
  }
  .quote-title {
    font-weight: 600;
    margin-bottom: calc(var(--_space) / 2);
  }
  .small-print {
    font-size: 0.9375em;
    color: var(--_muted);
    margin-top: calc(var(--_space) * 2);
  }
  @media print {
    :host {
      display: none !important;
    }
  }
`;
